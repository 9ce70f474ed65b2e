using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Query
{
    /// <summary>
    /// A column of one of the tables of a query, read from a joined row (one entity per table, null where an outer
    /// join found nothing). The primary key is read from <see cref="Entity.Id"/> when the column is not stored.
    /// </summary>
    internal sealed class ColumnRef
    {
        public ColumnRef(int slot, string entityName, string name, bool isPrimaryId)
        {
            Slot = slot;
            EntityName = entityName;
            Name = name;
            IsPrimaryId = isPrimaryId;
        }

        public int Slot { get; }

        public string EntityName { get; }

        public string Name { get; }

        public bool IsPrimaryId { get; }

        public ValueKey Read(Entity[] row) => ReadKey(row[Slot], Name, IsPrimaryId);

        public object ReadRaw(Entity[] row) => ReadRawValue(row[Slot], Name, IsPrimaryId);

        public static ValueKey ReadKey(Entity entity, string name, bool isPrimaryId)
        {
            if (entity == null)
            {
                return ValueKey.Null;
            }

            if (entity.Attributes.TryGetValue(name, out var value) && value != null)
            {
                return ValueKey.From(value);
            }

            return isPrimaryId && entity.Id != Guid.Empty ? ValueKey.FromGuid(entity.Id) : ValueKey.Null;
        }

        public static object ReadRawValue(Entity entity, string name, bool isPrimaryId)
        {
            if (entity == null)
            {
                return null;
            }

            if (entity.Attributes.TryGetValue(name, out var value) && value != null)
            {
                return value;
            }

            return isPrimaryId && entity.Id != Guid.Empty ? (object)entity.Id : null;
        }
    }

    /// <summary>A compiled filter: built once per query, evaluated per joined row without allocating.</summary>
    internal abstract class RowPredicate
    {
        /// <summary>Bit mask of the slots (tables) the predicate reads.</summary>
        public long Slots { get; protected set; }

        public abstract bool Match(Entity[] row);

        protected static long Bit(int slot) => 1L << (slot & 63);
    }

    internal sealed class AndPredicate : RowPredicate
    {
        private readonly RowPredicate[] parts;

        public AndPredicate(RowPredicate[] parts)
        {
            this.parts = parts;
            foreach (var part in parts)
            {
                Slots |= part.Slots;
            }
        }

        public IReadOnlyList<RowPredicate> Parts => parts;

        public override bool Match(Entity[] row)
        {
            for (var i = 0; i < parts.Length; i++)
            {
                if (!parts[i].Match(row))
                {
                    return false;
                }
            }

            return true;
        }
    }

    internal sealed class OrPredicate : RowPredicate
    {
        private readonly RowPredicate[] parts;

        public OrPredicate(RowPredicate[] parts)
        {
            this.parts = parts;
            foreach (var part in parts)
            {
                Slots |= part.Slots;
            }
        }

        public override bool Match(Entity[] row)
        {
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i].Match(row))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Base of the conditions on one column: a null (or absent) value never matches, as in SQL.</summary>
    internal abstract class ColumnPredicate : RowPredicate
    {
        protected ColumnPredicate(ColumnRef column)
        {
            Column = column;
            Slots = Bit(column.Slot);
        }

        protected ColumnRef Column { get; }

        protected ValueKey Convert(Operand operand, KeyKind kind)
        {
            if (!operand.TryFor(kind, out var key))
            {
                throw QueryFaults.WrongValueType(Column.EntityName, Column.Name, kind.ToString(), operand.DescribeType());
            }

            return key;
        }
    }

    internal enum Comparison
    {
        Equal,
        NotEqual,
        GreaterThan,
        GreaterEqual,
        LessThan,
        LessEqual,
    }

    internal sealed class ComparePredicate : ColumnPredicate
    {
        private readonly Operand operand;
        private readonly Comparison comparison;

        public ComparePredicate(ColumnRef column, Comparison comparison, Operand operand)
            : base(column)
        {
            this.comparison = comparison;
            this.operand = operand;
        }

        public override bool Match(Entity[] row)
        {
            var value = Column.Read(row);
            if (value.IsNull || operand.IsNull)
            {
                return false;
            }

            var other = Convert(operand, value.Kind);
            return Evaluate(comparison, value, other);
        }

        public static bool Evaluate(Comparison comparison, in ValueKey value, in ValueKey other)
        {
            switch (comparison)
            {
                case Comparison.Equal:
                    return ValueKey.AreEqual(value, other);
                case Comparison.NotEqual:
                    return !ValueKey.AreEqual(value, other);
                case Comparison.GreaterThan:
                    return ValueKey.Compare(value, other) > 0;
                case Comparison.GreaterEqual:
                    return ValueKey.Compare(value, other) >= 0;
                case Comparison.LessThan:
                    return ValueKey.Compare(value, other) < 0;
                default:
                    return ValueKey.Compare(value, other) <= 0;
            }
        }
    }

    /// <summary>Compares two columns of the joined row (ConditionExpression.CompareColumns, FetchXML valueof).</summary>
    internal sealed class ColumnComparePredicate : RowPredicate
    {
        private readonly ColumnRef left;
        private readonly ColumnRef right;
        private readonly Comparison comparison;

        public ColumnComparePredicate(ColumnRef left, Comparison comparison, ColumnRef right)
        {
            this.left = left;
            this.right = right;
            this.comparison = comparison;
            Slots = Bit(left.Slot) | Bit(right.Slot);
        }

        public override bool Match(Entity[] row)
        {
            var a = left.Read(row);
            var b = right.Read(row);
            if (a.IsNull || b.IsNull)
            {
                return false;
            }

            return ComparePredicate.Evaluate(comparison, a, b);
        }
    }

    internal sealed class InPredicate : ColumnPredicate
    {
        private readonly Operand[] operands;
        private readonly bool negate;
        private readonly Dictionary<KeyKind, HashSet<ValueKey>> sets = new Dictionary<KeyKind, HashSet<ValueKey>>();

        public InPredicate(ColumnRef column, Operand[] operands, bool negate)
            : base(column)
        {
            this.operands = operands;
            this.negate = negate;
        }

        public override bool Match(Entity[] row)
        {
            var value = Column.Read(row);
            if (value.IsNull)
            {
                return false;
            }

            if (!sets.TryGetValue(value.Kind, out var set))
            {
                set = new HashSet<ValueKey>(ValueKeyComparer.Instance);
                foreach (var operand in operands)
                {
                    if (!operand.IsNull)
                    {
                        set.Add(Convert(operand, value.Kind));
                    }
                }

                sets.Add(value.Kind, set);
            }

            return set.Contains(value) != negate;
        }
    }

    internal sealed class BetweenPredicate : ColumnPredicate
    {
        private readonly Operand low;
        private readonly Operand high;
        private readonly bool negate;

        public BetweenPredicate(ColumnRef column, Operand low, Operand high, bool negate)
            : base(column)
        {
            this.low = low;
            this.high = high;
            this.negate = negate;
        }

        public override bool Match(Entity[] row)
        {
            var value = Column.Read(row);
            if (value.IsNull)
            {
                return false;
            }

            var inside = ValueKey.Compare(value, Convert(low, value.Kind)) >= 0 && ValueKey.Compare(value, Convert(high, value.Kind)) <= 0;
            return inside != negate;
        }
    }

    internal sealed class NullPredicate : ColumnPredicate
    {
        private readonly bool isNull;

        public NullPredicate(ColumnRef column, bool isNull)
            : base(column)
        {
            this.isNull = isNull;
        }

        public override bool Match(Entity[] row) => Column.Read(row).IsNull == isNull;
    }

    /// <summary>SQL LIKE (with % _ [ ] wildcards) under the case- and accent-insensitive collation.</summary>
    internal sealed class LikePredicate : ColumnPredicate
    {
        private readonly LikePattern pattern;
        private readonly bool negate;

        public LikePredicate(ColumnRef column, LikePattern pattern, bool negate)
            : base(column)
        {
            this.pattern = pattern;
            this.negate = negate;
        }

        public override bool Match(Entity[] row)
        {
            var value = Column.Read(row);
            if (value.IsNull)
            {
                return false;
            }

            var text = value.Kind == KeyKind.String ? value.Text : value.ToCookieText();
            return pattern.IsMatch(text) != negate;
        }
    }

    internal sealed class LikePattern
    {
        private enum Shape
        {
            Equals,
            StartsWith,
            EndsWith,
            Contains,
            Anything,
            Regex,
        }

        private readonly Shape shape;
        private readonly string literal;
        private readonly Regex regex;

        public LikePattern(string pattern)
        {
            pattern = pattern ?? string.Empty;
            if (pattern.IndexOf('_') < 0 && pattern.IndexOf('[') < 0)
            {
                var inner = pattern.Trim('%');
                if (inner.IndexOf('%') < 0)
                {
                    var leading = pattern.StartsWith("%", StringComparison.Ordinal);
                    var trailing = pattern.EndsWith("%", StringComparison.Ordinal) && pattern.Length > (leading ? 1 : 0);
                    literal = inner;
                    if (inner.Length == 0 && (leading || trailing))
                    {
                        shape = Shape.Anything;
                    }
                    else if (leading && trailing)
                    {
                        shape = Shape.Contains;
                    }
                    else if (leading)
                    {
                        shape = Shape.EndsWith;
                    }
                    else if (trailing)
                    {
                        shape = Shape.StartsWith;
                    }
                    else
                    {
                        shape = Shape.Equals;
                    }

                    return;
                }
            }

            shape = Shape.Regex;
            regex = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }

        public bool IsMatch(string text)
        {
            switch (shape)
            {
                case Shape.Equals:
                    return Collation.AreEqual(text, literal);
                case Shape.StartsWith:
                    return Collation.StartsWith(text, literal);
                case Shape.EndsWith:
                    return Collation.EndsWith(text, literal);
                case Shape.Contains:
                    return Collation.Contains(text, literal);
                case Shape.Anything:
                    return true;
                default:
                    return regex.IsMatch(text);
            }
        }

        private static string ToRegex(string pattern)
        {
            var builder = new StringBuilder("^");
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                switch (c)
                {
                    case '%':
                        builder.Append(".*");
                        break;
                    case '_':
                        builder.Append('.');
                        break;
                    case '[':
                        var end = pattern.IndexOf(']', i + 1);
                        if (end < 0)
                        {
                            builder.Append(Regex.Escape("["));
                            break;
                        }

                        var set = pattern.Substring(i + 1, end - i - 1);
                        builder.Append('[');
                        if (set.StartsWith("^", StringComparison.Ordinal))
                        {
                            builder.Append('^');
                            set = set.Substring(1);
                        }

                        builder.Append(set.Replace("\\", "\\\\").Replace("]", "\\]"));
                        builder.Append(']');
                        i = end;
                        break;
                    default:
                        builder.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }

            return builder.Append('$').ToString();
        }
    }

    /// <summary>A date column inside [From, To) (either end open when null); NotOn negates.</summary>
    internal sealed class DateRangePredicate : ColumnPredicate
    {
        private readonly long? fromTicks;
        private readonly long? toTicks;
        private readonly bool negate;

        public DateRangePredicate(ColumnRef column, DateTime? fromUtc, DateTime? toUtcExclusive, bool negate)
            : base(column)
        {
            fromTicks = fromUtc?.Ticks;
            toTicks = toUtcExclusive?.Ticks;
            this.negate = negate;
        }

        public override bool Match(Entity[] row)
        {
            var value = Column.Read(row);
            if (value.Kind != KeyKind.DateTime)
            {
                if (!value.IsNull)
                {
                    throw QueryFaults.WrongValueType(Column.EntityName, Column.Name, "DateTime", value.Kind.ToString());
                }

                return false;
            }

            var inside = (!fromTicks.HasValue || value.Ticks >= fromTicks.Value) && (!toTicks.HasValue || value.Ticks < toTicks.Value);
            return inside != negate;
        }
    }

    /// <summary>A lookup or id column equal (or not) to one of a set of ids: the user operators.</summary>
    internal sealed class IdSetPredicate : ColumnPredicate
    {
        private readonly HashSet<Guid> ids;
        private readonly bool negate;

        public IdSetPredicate(ColumnRef column, HashSet<Guid> ids, bool negate)
            : base(column)
        {
            this.ids = ids;
            this.negate = negate;
        }

        public override bool Match(Entity[] row)
        {
            var value = Column.Read(row);
            if (value.IsNull)
            {
                return false;
            }

            if (value.Kind != KeyKind.Guid)
            {
                throw QueryFaults.WrongValueType(Column.EntityName, Column.Name, "Guid", value.Kind.ToString());
            }

            return ids.Contains(value.Guid) != negate;
        }
    }

    /// <summary>Multi-select choice column holding any of the values (ContainValues) or none of them.</summary>
    internal sealed class ContainValuesPredicate : ColumnPredicate
    {
        private readonly HashSet<int> values;
        private readonly bool negate;

        public ContainValuesPredicate(ColumnRef column, HashSet<int> values, bool negate)
            : base(column)
        {
            this.values = values;
            this.negate = negate;
        }

        public override bool Match(Entity[] row)
        {
            var raw = Column.ReadRaw(row);
            bool any;
            switch (raw)
            {
                case null:
                    return false;
                case OptionSetValueCollection options:
                    any = false;
                    foreach (var option in options)
                    {
                        if (option != null && values.Contains(option.Value))
                        {
                            any = true;
                            break;
                        }
                    }

                    break;
                case OptionSetValue option:
                    any = values.Contains(option.Value);
                    break;
                default:
                    throw QueryFaults.WrongValueType(Column.EntityName, Column.Name, "OptionSetValueCollection", raw.GetType().FullName);
            }

            return any != negate;
        }
    }

    /// <summary>
    /// A semi-join (any / exists / in) or anti-join (not any): is there a row of the linked table matching the parent
    /// column and passing the link's filter? The candidate is placed in the link's slot while the filter runs.
    /// </summary>
    internal sealed class ExistsPredicate : RowPredicate
    {
        private readonly ColumnRef parentColumn;
        private readonly LinkIndex index;
        private readonly int slot;
        private readonly RowPredicate filter;
        private readonly bool negate;

        public ExistsPredicate(ColumnRef parentColumn, LinkIndex index, int slot, RowPredicate filter, bool negate)
        {
            this.parentColumn = parentColumn;
            this.index = index;
            this.slot = slot;
            this.filter = filter;
            this.negate = negate;
            Slots = Bit(parentColumn.Slot) | (filter == null ? 0L : filter.Slots & ~Bit(slot));
        }

        public override bool Match(Entity[] row)
        {
            var key = parentColumn.Read(row);
            var found = false;
            if (!key.IsNull)
            {
                for (var position = index.First(key); position >= 0; position = index.Next(position))
                {
                    row[slot] = index.Row(position);
                    if (filter == null || filter.Match(row))
                    {
                        found = true;
                        break;
                    }
                }

                row[slot] = null;
            }

            return found != negate;
        }
    }

    /// <summary>
    /// The rows of a linked table by the value of the column a join matches; built on first use, once per query. Rows
    /// sharing a value are chained through an array (no list per value); ids, the usual join keys, are hashed as Guids.
    /// </summary>
    internal sealed class LinkIndex
    {
        private readonly IQuerySource source;
        private readonly string entityName;
        private readonly string column;
        private readonly bool columnIsPrimaryId;
        private Dictionary<Guid, int> byId;
        private Dictionary<ValueKey, int> byValue;
        private Entity[] rows;
        private int[] next;
        private RowPredicate restriction;
        private int restrictionSlot;
        private int restrictionWidth;
        private Dictionary<Guid, int> indexedHeads;
        private List<Entity> indexedRows;
        private List<int> indexedNext;
        private bool indexedFailed;

        /// <summary>Rows found through the source's index have positions from here on.</summary>
        private const int IndexedBase = 1 << 30;

        /// <summary>Ids looked up one by one through the source's index before the whole table is read instead.</summary>
        private const int MaxIndexedLookups = 64;

        public LinkIndex(IQuerySource source, string entityName, string column, bool columnIsPrimaryId)
        {
            this.source = source;
            this.entityName = entityName;
            this.column = column;
            this.columnIsPrimaryId = columnIsPrimaryId;
        }

        /// <summary>Indexes only the rows passing the filter (evaluated with the row in its slot of a scratch joined row).</summary>
        public void Restrict(RowPredicate filter, int slot, int width)
        {
            restriction = filter;
            restrictionSlot = slot;
            restrictionWidth = width;
        }

        /// <summary>The first row holding the value, or -1; walk on with <see cref="Next"/>.</summary>
        public int First(in ValueKey key)
        {
            if (rows == null && key.Kind == KeyKind.Guid && TryFirstIndexed(key.Guid, out var indexedHead))
            {
                return indexedHead;
            }

            if (rows == null)
            {
                Build();
            }

            int head;
            if (key.Kind == KeyKind.Guid)
            {
                return byId.TryGetValue(key.Guid, out head) ? head : -1;
            }

            return byValue.TryGetValue(key, out head) ? head : -1;
        }

        public Entity Row(int position) => position >= IndexedBase ? indexedRows[position - IndexedBase] : rows[position];

        public int Next(int position) => position >= IndexedBase ? indexedNext[position - IndexedBase] : next[position];

        /// <summary>
        /// Through the source's index (<see cref="IIndexedQuerySource"/>), the rows holding one id, fetched per id on
        /// first use instead of reading the whole table; after <see cref="MaxIndexedLookups"/> ids the table is read once
        /// (<see cref="Build"/>). Positions of these rows start at <see cref="IndexedBase"/>.
        /// </summary>
        private bool TryFirstIndexed(Guid id, out int head)
        {
            head = -1;
            if (indexedFailed || !(source is IIndexedQuerySource indexed))
            {
                return false;
            }

            if (indexedHeads != null && indexedHeads.TryGetValue(id, out head))
            {
                return true;
            }

            head = -1;

            if ((indexedHeads?.Count ?? 0) >= MaxIndexedLookups || !indexed.TryRowsWhere(entityName, column, new[] { id }, out var candidates))
            {
                indexedFailed = true;
                return false;
            }

            indexedHeads ??= new Dictionary<Guid, int>();
            indexedRows ??= new List<Entity>();
            indexedNext ??= new List<int>();
            var scratch = restriction == null ? null : new Entity[restrictionWidth];
            var tail = -1;
            foreach (var row in candidates)
            {
                // Exactly the rows Build would chain under this id.
                var key = ColumnRef.ReadKey(row, column, columnIsPrimaryId);
                if (key.Kind != KeyKind.Guid || key.Guid != id)
                {
                    continue;
                }

                if (scratch != null)
                {
                    scratch[restrictionSlot] = row;
                    if (!restriction.Match(scratch))
                    {
                        continue;
                    }
                }

                var position = IndexedBase + indexedRows.Count;
                indexedRows.Add(row);
                indexedNext.Add(-1);
                if (tail < 0)
                {
                    head = position;
                }
                else
                {
                    indexedNext[tail - IndexedBase] = position;
                }

                tail = position;
            }

            indexedHeads.Add(id, head);
            return true;
        }

        private void Build()
        {
            var list = new List<Entity>();
            var links = new List<int>();
            var ids = new Dictionary<Guid, int>();
            var values = new Dictionary<ValueKey, int>(ValueKeyComparer.Instance);
            var tails = new List<int>();
            var scratch = restriction == null ? null : new Entity[restrictionWidth];
            foreach (var row in source.Rows(entityName))
            {
                var key = ColumnRef.ReadKey(row, column, columnIsPrimaryId);
                if (key.IsNull)
                {
                    continue;
                }

                if (scratch != null)
                {
                    scratch[restrictionSlot] = row;
                    if (!restriction.Match(scratch))
                    {
                        continue;
                    }
                }

                var position = list.Count;
                list.Add(row);
                links.Add(-1);

                // Rows keep their source order along a chain: append at the tail.
                int head;
                var found = key.Kind == KeyKind.Guid ? ids.TryGetValue(key.Guid, out head) : values.TryGetValue(key, out head);
                if (found)
                {
                    var tail = tails[head];
                    links[tail] = position;
                    tails[head] = position;
                    tails.Add(-1);
                }
                else
                {
                    if (key.Kind == KeyKind.Guid)
                    {
                        ids.Add(key.Guid, position);
                    }
                    else
                    {
                        values.Add(key, position);
                    }

                    tails.Add(position);
                }
            }

            byId = ids;
            byValue = values;
            next = links.ToArray();
            rows = list.ToArray();
        }
    }
}
