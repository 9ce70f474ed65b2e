using System.Collections;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Dataverse.Emulator.Query
{
    /// <summary>Reads a QueryExpression or a QueryByAttribute into the engine's query form (without changing it).</summary>
    internal static class QueryExpressionReader
    {
        public static QuerySpec Read(QueryExpression query)
        {
            var root = new EntitySpec { EntityName = query.EntityName };
            var aggregate = ReadColumns(root, query.ColumnSet);
            root.Filter = ReadFilter(query.Criteria);
            ReadOrders(root, query.Orders);
            if (query.LinkEntities != null)
            {
                foreach (var link in query.LinkEntities)
                {
                    aggregate |= ReadLink(root, link);
                }
            }

            var paging = query.PageInfo;
            return new QuerySpec
            {
                Root = root,
                Distinct = query.Distinct,
                Top = query.TopCount,
                PageSize = paging?.Count ?? 0,
                PageNumber = paging?.PageNumber ?? 0,
                PagingCookie = paging?.PagingCookie,
                ReturnTotalRecordCount = paging?.ReturnTotalRecordCount ?? false,
                Aggregate = aggregate,
            };
        }

        public static QuerySpec Read(QueryByAttribute query)
        {
            var attributes = query.Attributes;
            var values = query.Values;
            var attributeCount = attributes?.Count ?? 0;
            var valueCount = values?.Count ?? 0;
            if (attributeCount == 0)
            {
                throw QueryFaults.InvalidArgument("QueryByAttribute must specify at least one attribute in Attributes.");
            }

            if (attributeCount != valueCount)
            {
                throw QueryFaults.InvalidArgument(
                    $"QueryByAttribute has {attributeCount} attribute(s) but {valueCount} value(s): Attributes and Values must have the same count.");
            }

            var root = new EntitySpec { EntityName = query.EntityName };
            ReadColumns(root, query.ColumnSet);
            for (var i = 0; i < attributeCount; i++)
            {
                var condition = new ConditionSpec { Attribute = attributes[i] };
                if (values[i] == null)
                {
                    condition.Operator = ConditionOperator.Null;
                }
                else
                {
                    condition.Operator = ConditionOperator.Equal;
                    condition.Values.Add(values[i]);
                }

                root.Filter.Conditions.Add(condition);
            }

            ReadOrders(root, query.Orders);
            var paging = query.PageInfo;
            return new QuerySpec
            {
                Root = root,
                Top = query.TopCount,
                PageSize = paging?.Count ?? 0,
                PageNumber = paging?.PageNumber ?? 0,
                PagingCookie = paging?.PagingCookie,
                ReturnTotalRecordCount = paging?.ReturnTotalRecordCount ?? false,
            };
        }

        private static bool ReadLink(EntitySpec parent, LinkEntity link)
        {
            var spec = new EntitySpec
            {
                EntityName = link.LinkToEntityName,
                ExplicitAlias = string.IsNullOrEmpty(link.EntityAlias) ? null : link.EntityAlias,
                ParentAttribute = link.LinkFromAttributeName,
                ChildAttribute = link.LinkToAttributeName,
                Kind = KindOf(link.JoinOperator),
                Parent = parent,
            };
            parent.Links.Add(spec);
            var aggregate = ReadColumns(spec, link.Columns);
            spec.Filter = ReadFilter(link.LinkCriteria);
            ReadOrders(spec, link.Orders);
            if (link.LinkEntities != null)
            {
                foreach (var nested in link.LinkEntities)
                {
                    aggregate |= ReadLink(spec, nested);
                }
            }

            return aggregate;
        }

        private static LinkKind KindOf(JoinOperator joinOperator)
        {
            switch (joinOperator)
            {
                case JoinOperator.Inner:
                case JoinOperator.Natural:
                    return LinkKind.Inner;
                case JoinOperator.LeftOuter:
                    return LinkKind.LeftOuter;
                case JoinOperator.MatchFirstRowUsingCrossApply:
                    return LinkKind.MatchFirst;
                case JoinOperator.In:
                case JoinOperator.Exists:
                case JoinOperator.Any:
                    return LinkKind.Any;
                case JoinOperator.NotAny:
                    return LinkKind.NotAny;
                case JoinOperator.All:
                case JoinOperator.NotAll:
                    return LinkKind.AllOrNotAll;
                default:
                    throw QueryFaults.InvalidArgument($"The join operator {(int)joinOperator} is not valid.");
            }
        }

        /// <summary>Reads the columns; true when they hold aggregate expressions.</summary>
        private static bool ReadColumns(EntitySpec spec, ColumnSet columns)
        {
            if (columns == null)
            {
                return false;
            }

            spec.AllColumns = columns.AllColumns;
            if (columns.Columns != null)
            {
                foreach (var column in columns.Columns)
                {
                    spec.Columns.Add(new ColumnSpec { Name = column });
                }
            }

            var expressions = columns.AttributeExpressions;
            if (expressions == null || expressions.Count == 0)
            {
                return false;
            }

            foreach (var expression in expressions)
            {
                spec.Columns.Add(new ColumnSpec
                {
                    Name = expression.AttributeName,
                    Alias = expression.Alias,
                    Aggregate = AggregateOf(expression.AggregateType),
                    GroupBy = expression.HasGroupBy,
                    DateGrouping = GroupingOf(expression.DateTimeGrouping),
                });
            }

            return true;
        }

        private static AggregateKind AggregateOf(XrmAggregateType type)
        {
            switch (type)
            {
                case XrmAggregateType.Count:
                    return AggregateKind.Count;
                case XrmAggregateType.CountColumn:
                    return AggregateKind.CountColumn;
                case XrmAggregateType.Sum:
                    return AggregateKind.Sum;
                case XrmAggregateType.Avg:
                    return AggregateKind.Avg;
                case XrmAggregateType.Min:
                    return AggregateKind.Min;
                case XrmAggregateType.Max:
                    return AggregateKind.Max;
                default:
                    return AggregateKind.None;
            }
        }

        private static DateGrouping GroupingOf(XrmDateTimeGrouping grouping)
        {
            switch (grouping)
            {
                case XrmDateTimeGrouping.Day:
                    return DateGrouping.Day;
                case XrmDateTimeGrouping.Week:
                    return DateGrouping.Week;
                case XrmDateTimeGrouping.Month:
                    return DateGrouping.Month;
                case XrmDateTimeGrouping.Quarter:
                    return DateGrouping.Quarter;
                case XrmDateTimeGrouping.Year:
                    return DateGrouping.Year;
                case XrmDateTimeGrouping.FiscalPeriod:
                    return DateGrouping.FiscalPeriod;
                case XrmDateTimeGrouping.FiscalYear:
                    return DateGrouping.FiscalYear;
                default:
                    return DateGrouping.None;
            }
        }

        private static void ReadOrders(EntitySpec spec, DataCollection<OrderExpression> orders)
        {
            if (orders == null)
            {
                return;
            }

            foreach (var order in orders)
            {
                spec.Orders.Add(new OrderSpec
                {
                    Attribute = order.AttributeName,
                    Alias = order.Alias,
                    EntityName = order.EntityName,
                    Descending = order.OrderType == OrderType.Descending,
                });
            }
        }

        private static FilterSpec ReadFilter(FilterExpression filter)
        {
            var spec = new FilterSpec();
            if (filter == null)
            {
                return spec;
            }

            spec.IsOr = filter.FilterOperator == LogicalOperator.Or;
            if (filter.Conditions != null)
            {
                foreach (var condition in filter.Conditions)
                {
                    var conditionSpec = new ConditionSpec
                    {
                        EntityName = string.IsNullOrEmpty(condition.EntityName) ? null : condition.EntityName,
                        Attribute = condition.AttributeName,
                        Operator = condition.Operator,
                        CompareColumns = condition.CompareColumns,
                    };
                    if (condition.Values != null)
                    {
                        foreach (var value in condition.Values)
                        {
                            AddFlattened(conditionSpec.Values, value);
                        }
                    }

                    spec.Conditions.Add(conditionSpec);
                }
            }

            if (filter.Filters != null)
            {
                foreach (var child in filter.Filters)
                {
                    spec.Filters.Add(ReadFilter(child));
                }
            }

            return spec;
        }

        /// <summary>A collection passed where one value was expected (AddCondition(attr, In, guidArray)) counts as its items.</summary>
        internal static void AddFlattened(List<object> values, object value)
        {
            if (value is IEnumerable items && !(value is string) && !(value is byte[]) && !(value is OptionSetValueCollection))
            {
                foreach (var item in items)
                {
                    values.Add(item);
                }

                return;
            }

            values.Add(value);
        }
    }
}
