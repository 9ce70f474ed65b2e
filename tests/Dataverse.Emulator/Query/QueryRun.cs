using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Dataverse.Emulator.Query
{
    /// <summary>A table of the query bound to the source: its slot in the joined row, its key columns, its compiled filter.</summary>
    internal sealed class BoundEntity
    {
        public EntitySpec Spec;
        public int Slot;
        public string EntityName;
        public string Alias;
        public string PrimaryId;
        public BoundEntity Parent;
        public ColumnRef ParentColumn;
        public LinkIndex Index;
        public RowPredicate Filter;
        public List<BoundEntity> Children = new List<BoundEntity>();

        public bool IsJoin => Spec.Kind == LinkKind.Inner || Spec.Kind == LinkKind.LeftOuter || Spec.Kind == LinkKind.MatchFirst;
    }

    /// <summary>A bound sort order.</summary>
    internal sealed class BoundOrder
    {
        public ColumnRef Column;
        public bool Descending;
    }

    /// <summary>One execution of one query: binds it to the source, collects the joined rows, then shapes or aggregates them.</summary>
    internal sealed partial class QueryRun
    {
        /// <summary>Dataverse returns at most 5,000 rows per page (and counts at most 5,000 for TotalRecordCount).</summary>
        internal const int MaxPageSize = 5000;

        private readonly QuerySpec spec;
        private readonly IQuerySource source;
        private readonly QueryContext context;
        private readonly List<BoundEntity> slots = new List<BoundEntity>();
        private readonly Dictionary<EntitySpec, BoundEntity> bound = new Dictionary<EntitySpec, BoundEntity>();
        private readonly Dictionary<string, BoundEntity> byAlias = new Dictionary<string, BoundEntity>(StringComparer.Ordinal);
        private readonly Dictionary<string, BoundEntity> byUnaliasedName = new Dictionary<string, BoundEntity>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> aliasCounters = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly List<BoundEntity> joins = new List<BoundEntity>();
        private BoundEntity root;
        private RowPredicate preFilter;
        private RowPredicate postFilter;

        public QueryRun(QuerySpec spec, IQuerySource source, QueryContext context)
        {
            this.spec = spec;
            this.source = source;
            this.context = context;
        }

        public EntityCollection Run()
        {
            Bind();
            var limit = spec.Aggregate ? Math.Max(0, context.AggregateRecordLimit) : int.MaxValue;
            var rows = Collect(limit, EarlyStop());
            return spec.Aggregate ? Aggregate(rows) : Shape(rows);
        }

        // ---------------------------------------------------------------- binding

        private void Bind()
        {
            var rootSpec = spec.Root;
            if (string.IsNullOrEmpty(rootSpec.EntityName) || !source.TableExists(rootSpec.EntityName))
            {
                throw QueryFaults.NoEntity(rootSpec.EntityName);
            }

            root = BindEntity(rootSpec, null);
            CollectJoins(root);
            CompileEntity(root);
            foreach (var join in joins)
            {
                CompileEntity(join);
                if (CanRestrictIndex(join.Filter, join.Slot))
                {
                    join.Index.Restrict(join.Filter, join.Slot, slots.Count);
                    join.Filter = null;
                }
            }

            SplitRootFilter();
        }

        private BoundEntity BindEntity(EntitySpec entitySpec, BoundEntity parent)
        {
            if (parent != null && (string.IsNullOrEmpty(entitySpec.EntityName) || !source.TableExists(entitySpec.EntityName)))
            {
                throw QueryFaults.NoEntity(entitySpec.EntityName);
            }

            var entity = new BoundEntity
            {
                Spec = entitySpec,
                Slot = slots.Count,
                EntityName = entitySpec.EntityName,
                PrimaryId = source.PrimaryIdColumn(entitySpec.EntityName),
                Parent = parent,
            };
            slots.Add(entity);
            bound.Add(entitySpec, entity);

            if (parent != null)
            {
                if (entitySpec.Kind == LinkKind.AllOrNotAll)
                {
                    throw QueryFaults.NotEmulated("the link types All and NotAll", "their semantics are not documented precisely enough to emulate");
                }

                entity.Alias = entitySpec.ExplicitAlias ?? NextAlias(entitySpec.EntityName);
                if (byAlias.ContainsKey(entity.Alias))
                {
                    throw QueryFaults.InvalidArgument($"The alias '{entity.Alias}' is used by more than one link-entity of the query.");
                }

                byAlias.Add(entity.Alias, entity);
                if (entitySpec.ExplicitAlias == null && !byUnaliasedName.ContainsKey(entitySpec.EntityName))
                {
                    byUnaliasedName.Add(entitySpec.EntityName, entity);
                }

                var parentAttribute = string.IsNullOrEmpty(entitySpec.ParentAttribute) ? parent.PrimaryId : entitySpec.ParentAttribute;
                var childAttribute = string.IsNullOrEmpty(entitySpec.ChildAttribute) ? entity.PrimaryId : entitySpec.ChildAttribute;
                entity.ParentColumn = Column(parent, parentAttribute);
                var childColumn = Column(entity, childAttribute);
                entity.Index = new LinkIndex(source, entity.EntityName, childColumn.Name, childColumn.IsPrimaryId);
            }

            foreach (var column in entitySpec.Columns)
            {
                CheckColumn(entity, column.Name);
            }

            foreach (var link in entitySpec.Links)
            {
                entity.Children.Add(BindEntity(link, entity));
            }

            BindFilterLinks(entitySpec.Filter, entity);
            return entity;
        }

        private void BindFilterLinks(FilterSpec filter, BoundEntity owner)
        {
            foreach (var link in filter.Links)
            {
                BindEntity(link, owner);
            }

            foreach (var child in filter.Filters)
            {
                BindFilterLinks(child, owner);
            }
        }

        /// <summary>Dataverse names an unaliased link-entity after its table and a counter per table: contact1, contact2…</summary>
        private string NextAlias(string entityName)
        {
            aliasCounters.TryGetValue(entityName, out var count);
            count++;
            aliasCounters[entityName] = count;
            return entityName + count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private void CheckColumn(BoundEntity entity, string column)
        {
            if (string.IsNullOrEmpty(column))
            {
                throw QueryFaults.InvalidArgument($"A column of '{entity.EntityName}' in the query has no name.");
            }

            if (!string.Equals(column, entity.PrimaryId, StringComparison.Ordinal) && !source.ColumnExists(entity.EntityName, column))
            {
                throw QueryFaults.NoAttribute(entity.EntityName, column);
            }
        }

        private ColumnRef Column(BoundEntity entity, string column)
        {
            CheckColumn(entity, column);
            return new ColumnRef(entity.Slot, entity.EntityName, column, string.Equals(column, entity.PrimaryId, StringComparison.Ordinal));
        }

        /// <summary>The table a condition or order names (by alias, by unaliased link name, or the queried table).</summary>
        private BoundEntity Resolve(string entityName, BoundEntity owner)
        {
            if (string.IsNullOrEmpty(entityName))
            {
                return owner;
            }

            if (byAlias.TryGetValue(entityName, out var entity))
            {
                return entity;
            }

            if (string.Equals(entityName, root.EntityName, StringComparison.Ordinal))
            {
                return root;
            }

            if (byUnaliasedName.TryGetValue(entityName, out entity))
            {
                return entity;
            }

            throw QueryFaults.InvalidArgument($"No link-entity with the name or alias '{entityName}' is in the query.");
        }

        private void CompileEntity(BoundEntity entity)
        {
            var parts = new List<RowPredicate>();
            var filter = CompileFilter(entity.Spec.Filter, entity);
            if (filter != null)
            {
                parts.Add(filter);
            }

            foreach (var child in entity.Children)
            {
                if (child.IsJoin)
                {
                    continue;
                }

                parts.Add(Exists(child));
            }

            entity.Filter = Combine(parts, isOr: false);
        }

        /// <summary>
        /// A semi/anti-join. Inside it, nested inner links only require a match (existence), nested outer links change nothing,
        /// nested any/not any links nest.
        /// </summary>
        private RowPredicate Exists(BoundEntity link)
        {
            var parts = new List<RowPredicate>();
            var filter = CompileFilter(link.Spec.Filter, link);
            if (filter != null)
            {
                parts.Add(filter);
            }

            foreach (var nested in link.Children)
            {
                if (nested.Spec.Kind == LinkKind.LeftOuter)
                {
                    continue;
                }

                parts.Add(Exists(nested));
            }

            var negate = link.Spec.Kind == LinkKind.NotAny;
            var linkFilter = Combine(parts, isOr: false);
            if (CanRestrictIndex(linkFilter, link.Slot))
            {
                link.Index.Restrict(linkFilter, link.Slot, slots.Count);
                linkFilter = null;
            }

            return new ExistsPredicate(link.ParentColumn, link.Index, link.Slot, linkFilter, negate);
        }

        /// <summary>A link's filter that reads only the linked row can be applied once, to the rows the index holds.</summary>
        private bool CanRestrictIndex(RowPredicate filter, int slot) =>
            filter != null && slots.Count <= 63 && (filter.Slots & ~(1L << slot)) == 0;

        private RowPredicate CompileFilter(FilterSpec filter, BoundEntity owner)
        {
            var parts = new List<RowPredicate>();
            foreach (var condition in filter.Conditions)
            {
                parts.Add(CompileCondition(condition, owner));
            }

            foreach (var child in filter.Filters)
            {
                var compiled = CompileFilter(child, owner);
                if (compiled != null)
                {
                    parts.Add(compiled);
                }
            }

            foreach (var link in filter.Links)
            {
                parts.Add(Exists(bound[link]));
            }

            return Combine(parts, filter.IsOr);
        }

        private static RowPredicate Combine(List<RowPredicate> parts, bool isOr)
        {
            if (parts.Count == 0)
            {
                return null;
            }

            if (parts.Count == 1)
            {
                return parts[0];
            }

            return isOr ? new OrPredicate(parts.ToArray()) : new AndPredicate(parts.ToArray());
        }

        private void CollectJoins(BoundEntity entity)
        {
            foreach (var child in entity.Children)
            {
                if (child.IsJoin)
                {
                    joins.Add(child);
                    CollectJoins(child);
                }
            }
        }

        /// <summary>Conditions of the queried table that read only its own row run before any join; the rest after.</summary>
        private void SplitRootFilter()
        {
            var filter = root.Filter;
            if (filter == null)
            {
                return;
            }

            if (joins.Count == 0)
            {
                preFilter = filter;
                return;
            }

            if (slots.Count > 63)
            {
                postFilter = filter;
                return;
            }

            long joinSlots = 0;
            foreach (var join in joins)
            {
                joinSlots |= 1L << join.Slot;
            }

            if ((filter.Slots & joinSlots) == 0)
            {
                preFilter = filter;
                return;
            }

            if (filter is AndPredicate and)
            {
                var pre = new List<RowPredicate>();
                var post = new List<RowPredicate>();
                foreach (var part in and.Parts)
                {
                    ((part.Slots & joinSlots) == 0 ? pre : post).Add(part);
                }

                preFilter = Combine(pre, isOr: false);
                postFilter = Combine(post, isOr: false);
                return;
            }

            postFilter = filter;
        }

        // ---------------------------------------------------------------- collecting joined rows

        /// <summary>
        /// How many matching rows are enough: a top-N query with no order, no distinct and no aggregate returns the
        /// first N matches in creation order, so collecting more changes nothing (SQL Server stops there too).
        /// </summary>
        private int EarlyStop()
        {
            if (!spec.Top.HasValue || spec.Aggregate || spec.Distinct || spec.ReturnTotalRecordCount || HasOrders(spec.Root))
            {
                return int.MaxValue;
            }

            return Math.Max(0, spec.Top.Value);
        }

        private static bool HasOrders(EntitySpec entity) => entity.Orders.Count > 0 || entity.Links.Exists(HasOrders);

        private List<Entity[]> Collect(int limit, int enough)
        {
            var results = new List<Entity[]>();
            var row = new Entity[slots.Count];
            foreach (var entity in IndexedRows() ?? source.Rows(root.EntityName))
            {
                if (results.Count >= enough)
                {
                    break;
                }

                if (entity == null)
                {
                    continue;
                }

                row[0] = entity;
                if (preFilter != null && !preFilter.Match(row))
                {
                    continue;
                }

                Expand(row, 0, results, limit);
            }

            return results;
        }

        /// <summary>An In condition with more values than this is not looked up in the index.</summary>
        internal const int MaxIndexedValues = 100;

        /// <summary>
        /// The rows of the queried table that can pass its filter, when the filter's top level (and) holds an Equal or
        /// an In on ids and the source has an index for that column: only those are tested (with the whole filter, as
        /// every row would be). Null: read every row.
        /// </summary>
        private IEnumerable<Entity> IndexedRows()
        {
            if (!(source is IIndexedQuerySource indexed) || spec.Root.Filter.IsOr)
            {
                return null;
            }

            ConditionSpec best = null;
            List<Guid> bestIds = null;
            foreach (var condition in spec.Root.Filter.Conditions)
            {
                if (condition.CompareColumns || string.IsNullOrEmpty(condition.Attribute) || Resolve(condition.EntityName, root) != root)
                {
                    continue;
                }

                if (!(condition.Operator == ConditionOperator.Equal && condition.Values.Count == 1)
                    && !(condition.Operator == ConditionOperator.In && condition.Values.Count >= 1 && condition.Values.Count <= MaxIndexedValues))
                {
                    continue;
                }

                var ids = new List<Guid>(condition.Values.Count);
                foreach (var value in condition.Values)
                {
                    if (!TryIdValue(value, out var id))
                    {
                        ids = null;
                        break;
                    }

                    ids.Add(id);
                }

                if (ids == null)
                {
                    continue;
                }

                var isPrimaryId = string.Equals(condition.Attribute, root.PrimaryId, StringComparison.Ordinal);
                if (best == null || isPrimaryId || ids.Count < bestIds.Count)
                {
                    best = condition;
                    bestIds = ids;
                    if (isPrimaryId)
                    {
                        break;
                    }
                }
            }

            if (best == null)
            {
                return null;
            }

            return indexed.TryRowsWhere(root.EntityName, best.Attribute, bestIds, out var rows) ? rows : null;
        }

        /// <summary>An operand an id column is compared by: a Guid, an EntityReference, or text holding a Guid.</summary>
        private static bool TryIdValue(object value, out Guid id)
        {
            switch (value)
            {
                case Guid g:
                    id = g;
                    return true;
                case EntityReference r:
                    id = r.Id;
                    return true;
                case string text:
                    return Guid.TryParse(text.Trim(), out id);
                default:
                    id = Guid.Empty;
                    return false;
            }
        }

        private void Expand(Entity[] row, int joinIndex, List<Entity[]> results, int limit)
        {
            if (joinIndex == joins.Count)
            {
                if (postFilter == null || postFilter.Match(row))
                {
                    if (results.Count >= limit)
                    {
                        throw QueryFaults.AggregateLimitExceeded();
                    }

                    results.Add((Entity[])row.Clone());
                }

                return;
            }

            var join = joins[joinIndex];
            var matched = false;
            if (row[join.Parent.Slot] != null)
            {
                var key = join.ParentColumn.Read(row);
                if (!key.IsNull)
                {
                    for (var position = join.Index.First(key); position >= 0; position = join.Index.Next(position))
                    {
                        row[join.Slot] = join.Index.Row(position);
                        if (join.Filter == null || join.Filter.Match(row))
                        {
                            matched = true;
                            Expand(row, joinIndex + 1, results, limit);
                            if (join.Spec.Kind == LinkKind.MatchFirst)
                            {
                                break;
                            }
                        }
                    }

                    row[join.Slot] = null;
                }
            }

            if (!matched && join.Spec.Kind == LinkKind.LeftOuter)
            {
                Expand(row, joinIndex + 1, results, limit);
            }
        }

        // ---------------------------------------------------------------- ordering

        /// <summary>The orders of the queried table, then those of the joined tables in the order they appear.</summary>
        private List<BoundOrder> BindOrders()
        {
            var orders = new List<BoundOrder>();
            AddOrders(root, orders);
            foreach (var join in joins)
            {
                AddOrders(join, orders);
            }

            return orders;
        }

        private void AddOrders(BoundEntity owner, List<BoundOrder> orders)
        {
            foreach (var order in owner.Spec.Orders)
            {
                if (string.IsNullOrEmpty(order.Attribute))
                {
                    throw QueryFaults.InvalidArgument("An order of a query that is not an aggregate must name an attribute.");
                }

                var entity = Resolve(order.EntityName, owner);
                orders.Add(new BoundOrder { Column = Column(entity, order.Attribute), Descending = order.Descending });
            }
        }

        /// <summary>Sorts row indexes by the orders (nulls first ascending, as SQL Server), ties by position: a stable sort.</summary>
        private static int[] Sort(List<Entity[]> rows, List<BoundOrder> orders, out ValueKey[] keys)
        {
            var count = rows.Count;
            var width = orders.Count;
            keys = new ValueKey[count * width];
            var allIds = width == 1;
            for (var i = 0; i < count; i++)
            {
                var row = rows[i];
                for (var j = 0; j < width; j++)
                {
                    var key = orders[j].Column.Read(row).WithSqlOrder();
                    keys[(i * width) + j] = key;
                    allIds &= key.Kind == KeyKind.Guid;
                }
            }

            var index = new int[count];
            if (width == 0)
            {
                for (var i = 0; i < count; i++)
                {
                    index[i] = i;
                }

                return index;
            }

            if (allIds)
            {
                // The common case (no orders: the primary key alone): sort plain numbers, no delegate per comparison.
                var idKeys = new IdSortKey[count];
                var descendingId = orders[0].Descending;
                for (var i = 0; i < count; i++)
                {
                    var key = keys[i];
                    idKeys[i] = descendingId
                        ? new IdSortKey(~key.SqlHigh, ~key.SqlLow, i)
                        : new IdSortKey(key.SqlHigh, key.SqlLow, i);
                }

                Array.Sort(idKeys);
                for (var i = 0; i < count; i++)
                {
                    index[i] = idKeys[i].Index;
                }

                return index;
            }

            for (var i = 0; i < count; i++)
            {
                index[i] = i;
            }

            Array.Sort(index, new KeyComparer(keys, width, orders));
            return index;
        }

        private readonly struct IdSortKey : IComparable<IdSortKey>
        {
            private readonly ulong high;
            private readonly ulong low;

            public IdSortKey(ulong high, ulong low, int index)
            {
                this.high = high;
                this.low = low;
                Index = index;
            }

            public int Index { get; }

            public int CompareTo(IdSortKey other)
            {
                var c = high.CompareTo(other.high);
                if (c != 0)
                {
                    return c;
                }

                c = low.CompareTo(other.low);
                return c != 0 ? c : Index.CompareTo(other.Index);
            }
        }

        private sealed class KeyComparer : IComparer<int>
        {
            private readonly ValueKey[] keys;
            private readonly int width;
            private readonly bool[] descending;

            public KeyComparer(ValueKey[] keys, int width, List<BoundOrder> orders)
            {
                this.keys = keys;
                this.width = width;
                descending = new bool[width];
                for (var j = 0; j < width; j++)
                {
                    descending[j] = orders[j].Descending;
                }
            }

            public int Compare(int a, int b)
            {
                var baseA = a * width;
                var baseB = b * width;
                for (var j = 0; j < width; j++)
                {
                    var c = ValueKey.Compare(keys[baseA + j], keys[baseB + j]);
                    if (c != 0)
                    {
                        return descending[j] ? -c : c;
                    }
                }

                return a.CompareTo(b);
            }
        }

        // ---------------------------------------------------------------- shaping (not aggregate)

        private EntityCollection Shape(List<Entity[]> rows)
        {
            var projection = new Projection(this);

            // Rows come back in the order asked for; ties (and queries without orders) keep the source's creation order,
            // which is the primary-key order of a Dataverse table whose ids the platform generated (sequential ids).
            var orders = BindOrders();
            var index = Sort(rows, orders, out var keys);
            var width = orders.Count;

            // DISTINCT keeps the first row of each set of equal projected values (after ordering).
            if (spec.Distinct)
            {
                var seen = new HashSet<ValueKey[]>(ValueKeyComparer.Instance);
                var kept = new List<int>(index.Length);
                foreach (var i in index)
                {
                    if (seen.Add(projection.DistinctKey(rows[i])))
                    {
                        kept.Add(i);
                    }
                }

                index = kept.ToArray();
            }

            var total = index.Length;
            var collection = new EntityCollection { EntityName = root.EntityName };
            int start;
            int end;
            var pageNumber = Math.Max(1, spec.PageNumber);
            if (spec.Top.HasValue)
            {
                CheckTop();
                start = 0;
                end = Math.Min(spec.Top.Value, total);
            }
            else
            {
                var pageSize = spec.PageSize > 0 ? Math.Min(spec.PageSize, MaxPageSize) : MaxPageSize;
                var keyed = !spec.Distinct && orders.TrueForAll(o => o.Column.Slot == 0);
                PageBounds(rows, index, keys, width, orders, pageSize, pageNumber, keyed, out start, out end);
                collection.MoreRecords = end < total;
                if (end > start)
                {
                    collection.PagingCookie = keyed
                        ? PagingCookie.Write(pageNumber, orders, keys, width, index[start], index[end - 1], root.PrimaryId, RowId(rows[index[start]]), RowId(rows[index[end - 1]]))
                        : PagingCookie.Write(pageNumber);
                }
            }

            for (var n = start; n < end; n++)
            {
                collection.Entities.Add(projection.Project(rows[index[n]]));
            }

            SetTotal(collection, total);
            return collection;
        }

        private Guid RowId(Entity[] row)
        {
            var entity = row[0];
            if (entity.Id != Guid.Empty)
            {
                return entity.Id;
            }

            return entity.Attributes.TryGetValue(root.PrimaryId, out var value) && value is Guid id ? id : Guid.Empty;
        }

        private void CheckTop()
        {
            if (spec.PageSize > 0 || spec.PageNumber > 1)
            {
                throw QueryFaults.InvalidArgument("The top count of a query cannot be combined with paging (count / page).");
            }

            if (spec.Top.Value < 0 || spec.Top.Value > MaxPageSize)
            {
                throw QueryFaults.InvalidArgument($"The top count must be between 0 and {MaxPageSize}.");
            }
        }

        private void SetTotal(EntityCollection collection, int total)
        {
            if (spec.ReturnTotalRecordCount)
            {
                collection.TotalRecordCount = Math.Min(total, MaxPageSize);
                collection.TotalRecordCountLimitExceeded = total > MaxPageSize;
            }
            else
            {
                collection.TotalRecordCount = -1;
            }
        }

        /// <summary>
        /// The rows of the requested page. A paging cookie of the previous (or next) page is honoured as Dataverse does:
        /// the page continues after the cookie's last record (or ends before its first record), so records created or
        /// deleted between the calls do not shift the pages. When that record is gone, the cookie's order values say where
        /// the page starts; without orders (or without a usable cookie) the page number alone decides.
        /// </summary>
        private void PageBounds(List<Entity[]> rows, int[] index, ValueKey[] keys, int width, List<BoundOrder> orders, int pageSize, int pageNumber, bool keyed, out int start, out int end)
        {
            var total = index.Length;
            var offset = (int)Math.Min((long)(pageNumber - 1) * pageSize, total);
            start = offset;
            end = Math.Min(start + pageSize, total);
            if (!keyed || string.IsNullOrEmpty(spec.PagingCookie) || !PagingCookie.TryRead(spec.PagingCookie, out var cookie) || !cookie.Matches(orders, root.PrimaryId))
            {
                return;
            }

            if (cookie.Page == pageNumber - 1)
            {
                var after = Locate(rows, index, cookie.LastId, offset - 1);
                if (after < 0)
                {
                    if (width == 0)
                    {
                        return;
                    }

                    after = -1;
                    for (var n = 0; n < total; n++)
                    {
                        var c = cookie.CompareRow(cookie.Last, keys, index[n] * width, orders);
                        if (c == null)
                        {
                            return;
                        }

                        if (c.Value > 0)
                        {
                            break;
                        }

                        after = n;
                    }
                }

                start = after + 1;
                end = Math.Min(start + pageSize, total);
            }
            else if (cookie.Page == pageNumber + 1)
            {
                var before = Locate(rows, index, cookie.FirstId, offset + pageSize);
                if (before < 0)
                {
                    if (width == 0)
                    {
                        return;
                    }

                    before = total;
                    for (var n = 0; n < total; n++)
                    {
                        var c = cookie.CompareRow(cookie.First, keys, index[n] * width, orders);
                        if (c == null)
                        {
                            return;
                        }

                        if (c.Value >= 0)
                        {
                            before = n;
                            break;
                        }
                    }
                }

                end = before;
                start = Math.Max(0, before - pageSize);
            }
        }

        /// <summary>Where the record with the id sits in the ordered rows (preferring the expected position), or -1.</summary>
        private int Locate(List<Entity[]> rows, int[] index, Guid? id, int expected)
        {
            if (!id.HasValue)
            {
                return -1;
            }

            if (expected >= 0 && expected < index.Length && RowId(rows[index[expected]]) == id.Value)
            {
                return expected;
            }

            for (var n = 0; n < index.Length; n++)
            {
                if (RowId(rows[index[n]]) == id.Value)
                {
                    return n;
                }
            }

            return -1;
        }
    }
}
