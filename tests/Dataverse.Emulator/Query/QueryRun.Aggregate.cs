using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Query
{
    internal sealed partial class QueryRun
    {
        /// <summary>
        /// Aggregate FetchXML (and QueryExpression attribute expressions): groups the joined rows by the group-by columns
        /// and returns one record per group whose columns are <see cref="AliasedValue"/>s under the aliases. The record
        /// limit (50,000 in Dataverse) was enforced while the rows were collected.
        /// </summary>
        private EntityCollection Aggregate(List<Entity[]> rows)
        {
            var groupColumns = new List<AggregateColumn>();
            var aggregates = new List<AggregateColumn>();
            BindAggregateColumns(root, groupColumns, aggregates);
            foreach (var join in joins)
            {
                BindAggregateColumns(join, groupColumns, aggregates);
            }

            if (groupColumns.Count + aggregates.Count == 0)
            {
                throw QueryFaults.InvalidArgument("An aggregate query must contain at least one aggregate or groupby attribute.");
            }

            var groups = new List<Group>();
            var byKey = new Dictionary<ValueKey[], Group>(ValueKeyComparer.Instance);
            if (groupColumns.Count == 0)
            {
                groups.Add(new Group(Array.Empty<ValueKey>(), Array.Empty<object>(), aggregates));
            }

            var scratch = new ValueKey[groupColumns.Count];
            foreach (var row in rows)
            {
                Group group;
                if (groupColumns.Count == 0)
                {
                    group = groups[0];
                }
                else
                {
                    for (var g = 0; g < groupColumns.Count; g++)
                    {
                        scratch[g] = groupColumns[g].GroupKey(row);
                    }

                    if (!byKey.TryGetValue(scratch, out group))
                    {
                        var values = new object[groupColumns.Count];
                        for (var g = 0; g < groupColumns.Count; g++)
                        {
                            values[g] = groupColumns[g].GroupValue(row, scratch[g]);
                        }

                        var key = (ValueKey[])scratch.Clone();
                        group = new Group(key, values, aggregates);
                        byKey.Add(key, group);
                        groups.Add(group);
                    }
                }

                group.Add(row);
            }

            var results = new List<Entity>(groups.Count);
            var outputKeys = new List<ValueKey[]>(groups.Count);
            var aliases = new List<string>();
            foreach (var column in groupColumns)
            {
                aliases.Add(column.Alias);
            }

            foreach (var column in aggregates)
            {
                aliases.Add(column.Alias);
            }

            foreach (var group in groups)
            {
                var entity = new Entity(root.EntityName);
                var keys = new ValueKey[aliases.Count];
                for (var g = 0; g < groupColumns.Count; g++)
                {
                    var value = group.Values[g];
                    keys[g] = group.Key[g];
                    if (value != null)
                    {
                        entity.Attributes[groupColumns[g].Alias] = new AliasedValue(groupColumns[g].Column.EntityName, groupColumns[g].Column.Name, value);
                    }
                }

                for (var a = 0; a < aggregates.Count; a++)
                {
                    var value = group.Accumulators[a].Result();
                    keys[groupColumns.Count + a] = ValueKey.From(value);
                    entity.Attributes[aggregates[a].Alias] = new AliasedValue(aggregates[a].Column.EntityName, aggregates[a].Column.Name, value);
                }

                results.Add(entity);
                outputKeys.Add(keys);
            }

            var order = OrderGroups(outputKeys, aliases, groupColumns.Count);
            var collection = new EntityCollection { EntityName = root.EntityName };
            int start;
            int end;
            if (spec.Top.HasValue)
            {
                CheckTop();
                start = 0;
                end = Math.Min(spec.Top.Value, order.Length);
            }
            else
            {
                var pageSize = spec.PageSize > 0 ? Math.Min(spec.PageSize, MaxPageSize) : MaxPageSize;
                start = (int)Math.Min((long)(Math.Max(1, spec.PageNumber) - 1) * pageSize, order.Length);
                end = Math.Min(start + pageSize, order.Length);
                collection.MoreRecords = end < order.Length;
            }

            for (var n = start; n < end; n++)
            {
                collection.Entities.Add(results[order[n]]);
            }

            SetTotal(collection, order.Length);
            return collection;
        }

        private void BindAggregateColumns(BoundEntity entity, List<AggregateColumn> groupColumns, List<AggregateColumn> aggregates)
        {
            if (entity.Spec.AllColumns)
            {
                throw QueryFaults.InvalidArgument("An aggregate query cannot return all attributes: list aggregate and groupby attributes.");
            }

            foreach (var column in entity.Spec.Columns)
            {
                if (column.Aggregate == AggregateKind.None && !column.GroupBy)
                {
                    throw QueryFaults.InvalidArgument(
                        $"The attribute '{column.Name}' of an aggregate query must have an aggregate function or groupby=\"true\".");
                }

                if (string.IsNullOrEmpty(column.Alias))
                {
                    throw QueryFaults.InvalidArgument($"The aggregate or groupby attribute '{column.Name}' requires an alias.");
                }

                if (column.DateGrouping == DateGrouping.FiscalPeriod || column.DateGrouping == DateGrouping.FiscalYear)
                {
                    throw QueryFaults.NotEmulated($"dategrouping '{column.DateGrouping}'", "the emulator has no fiscal calendar");
                }

                var bound = new AggregateColumn(Column(entity, column.Name), column);
                (column.GroupBy ? groupColumns : aggregates).Add(bound);
            }
        }

        /// <summary>By the orders on aliases; without orders, by the group-by values (as SQL Server's grouping returns them).</summary>
        private int[] OrderGroups(List<ValueKey[]> keys, List<string> aliases, int groupColumnCount)
        {
            var orders = new List<(int Position, bool Descending)>();
            foreach (var entity in EntitiesInOrder())
            {
                foreach (var order in entity.Spec.Orders)
                {
                    if (string.IsNullOrEmpty(order.Alias))
                    {
                        throw QueryFaults.InvalidArgument(
                            $"An order of an aggregate query must name an alias, not the attribute '{order.Attribute}'.");
                    }

                    var position = aliases.IndexOf(order.Alias);
                    if (position < 0)
                    {
                        throw QueryFaults.InvalidArgument($"The order alias '{order.Alias}' is not an alias of the aggregate query.");
                    }

                    orders.Add((position, order.Descending));
                }
            }

            if (orders.Count == 0)
            {
                for (var g = 0; g < groupColumnCount; g++)
                {
                    orders.Add((g, false));
                }
            }

            var index = new int[keys.Count];
            for (var i = 0; i < index.Length; i++)
            {
                index[i] = i;
            }

            Array.Sort(index, (a, b) =>
            {
                foreach (var (position, descending) in orders)
                {
                    var c = ValueKey.Compare(keys[a][position], keys[b][position]);
                    if (c != 0)
                    {
                        return descending ? -c : c;
                    }
                }

                return a.CompareTo(b);
            });
            return index;
        }

        private IEnumerable<BoundEntity> EntitiesInOrder()
        {
            yield return root;
            foreach (var join in joins)
            {
                yield return join;
            }
        }

        private sealed class AggregateColumn
        {
            public AggregateColumn(ColumnRef column, ColumnSpec spec)
            {
                Column = column;
                Alias = spec.Alias;
                Kind = spec.Aggregate;
                Distinct = spec.Distinct;
                Grouping = spec.DateGrouping;
            }

            public ColumnRef Column { get; }

            public string Alias { get; }

            public AggregateKind Kind { get; }

            public bool Distinct { get; }

            public DateGrouping Grouping { get; }

            public ValueKey GroupKey(Entity[] row)
            {
                var key = Column.Read(row);
                if (Grouping == DateGrouping.None || key.IsNull)
                {
                    return key;
                }

                if (key.Kind != KeyKind.DateTime)
                {
                    throw QueryFaults.InvalidArgument($"dategrouping applies to date columns; '{Column.EntityName}.{Column.Name}' is not one.");
                }

                return ValueKey.FromNumber(DatePart(new DateTime(key.Ticks, DateTimeKind.Utc)));
            }

            public object GroupValue(Entity[] row, in ValueKey key)
            {
                if (key.IsNull)
                {
                    return null;
                }

                return Grouping == DateGrouping.None ? Values.Clone(Column.ReadRaw(row)) : (object)(int)key.Number;
            }

            private int DatePart(DateTime value)
            {
                switch (Grouping)
                {
                    case DateGrouping.Day:
                        return value.Day;
                    case DateGrouping.Week:
                        return Dates.WeekOfYear(value);
                    case DateGrouping.Month:
                        return value.Month;
                    case DateGrouping.Quarter:
                        return ((value.Month - 1) / 3) + 1;
                    default:
                        return value.Year;
                }
            }
        }

        private sealed class Group
        {
            public Group(ValueKey[] key, object[] values, List<AggregateColumn> aggregates)
            {
                Key = key;
                Values = values;
                Accumulators = new Accumulator[aggregates.Count];
                for (var a = 0; a < aggregates.Count; a++)
                {
                    Accumulators[a] = new Accumulator(aggregates[a]);
                }
            }

            public ValueKey[] Key { get; }

            public object[] Values { get; }

            public Accumulator[] Accumulators { get; }

            public void Add(Entity[] row)
            {
                foreach (var accumulator in Accumulators)
                {
                    accumulator.Add(row);
                }
            }
        }

        /// <summary>The numeric type a sum or average keeps: Dataverse returns the column's own type.</summary>
        private enum NumberType
        {
            None,
            Int,
            Long,
            Decimal,
            Money,
            Double,
        }

        private sealed class Accumulator
        {
            private readonly AggregateColumn column;
            private readonly HashSet<ValueKey> distinct;
            private long count;
            private decimal sum;
            private double doubleSum;
            private NumberType type;
            private ValueKey best;
            private object bestValue;

            public Accumulator(AggregateColumn column)
            {
                this.column = column;
                if (column.Distinct)
                {
                    distinct = new HashSet<ValueKey>(ValueKeyComparer.Instance);
                }
            }

            public void Add(Entity[] row)
            {
                if (column.Kind == AggregateKind.Count)
                {
                    count++;
                    return;
                }

                var key = column.Column.Read(row);
                if (key.IsNull)
                {
                    return;
                }

                if (distinct != null && !distinct.Add(key))
                {
                    return;
                }

                count++;
                switch (column.Kind)
                {
                    case AggregateKind.Sum:
                    case AggregateKind.Avg:
                        AddNumber(column.Column.ReadRaw(row));
                        break;
                    case AggregateKind.Min:
                    case AggregateKind.Max:
                        var c = bestValue == null ? 0 : ValueKey.Compare(key, best);
                        if (bestValue == null || (column.Kind == AggregateKind.Min ? c < 0 : c > 0))
                        {
                            best = key;
                            bestValue = column.Column.ReadRaw(row);
                        }

                        break;
                }
            }

            public object Result()
            {
                switch (column.Kind)
                {
                    case AggregateKind.Count:
                    case AggregateKind.CountColumn:
                        return (int)count;
                    case AggregateKind.Sum:
                        return count == 0 ? null : Typed(sum, doubleSum, truncate: false);
                    case AggregateKind.Avg:
                        return count == 0 ? null : Typed(sum / count, doubleSum / count, truncate: true);
                    default:
                        return Values.Clone(bestValue);
                }
            }

            private object Typed(decimal value, double doubleValue, bool truncate)
            {
                switch (type)
                {
                    case NumberType.Money:
                        return new Money(value);
                    case NumberType.Decimal:
                        return value;
                    case NumberType.Double:
                        return doubleValue;
                    case NumberType.Long:
                        return (long)decimal.Truncate(value);
                    default:
                        // SQL Server: SUM and AVG of int are int (AVG truncates).
                        var whole = truncate ? decimal.Truncate(value) : value;
                        return whole >= int.MinValue && whole <= int.MaxValue ? (object)(int)whole : (long)whole;
                }
            }

            private void AddNumber(object raw)
            {
                NumberType kind;
                decimal number = 0m;
                double dbl = 0d;
                switch (raw)
                {
                    case Money money:
                        kind = NumberType.Money;
                        number = money.Value;
                        break;
                    case int i:
                        kind = NumberType.Int;
                        number = i;
                        break;
                    case short s:
                        kind = NumberType.Int;
                        number = s;
                        break;
                    case long l:
                        kind = NumberType.Long;
                        number = l;
                        break;
                    case decimal d:
                        kind = NumberType.Decimal;
                        number = d;
                        break;
                    case double d:
                        kind = NumberType.Double;
                        dbl = d;
                        break;
                    case float f:
                        kind = NumberType.Double;
                        dbl = f;
                        break;
                    default:
                        throw QueryFaults.InvalidArgument(
                            $"The aggregate {column.Kind.ToString().ToLowerInvariant()} is not valid for '{column.Column.EntityName}.{column.Column.Name}' of type {raw.GetType().Name}.");
                }

                type = type == NumberType.None ? kind : type;
                sum += kind == NumberType.Double ? (decimal)dbl : number;
                doubleSum += kind == NumberType.Double ? dbl : (double)number;
            }
        }
    }
}
