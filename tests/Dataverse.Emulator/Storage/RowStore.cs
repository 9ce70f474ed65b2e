using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Storage
{
    /// <summary>The identity of a row: table and id.</summary>
    internal readonly struct RowKey : IEquatable<RowKey>
    {
        public RowKey(string table, Guid id)
        {
            Table = table;
            Id = id;
        }

        public string Table { get; }

        public Guid Id { get; }

        public bool Equals(RowKey other) => Id == other.Id && string.Equals(Table, other.Table, StringComparison.Ordinal);

        public override bool Equals(object obj) => obj is RowKey k && Equals(k);

        public override int GetHashCode() => HashCode.Combine(Table, Id);

        public override string ToString() => $"{Table}({Id})";
    }

    /// <summary>A committed or pending row. Rows are never mutated once stored (copy on write).</summary>
    internal sealed class StoredRow
    {
        public StoredRow(Entity row, long sequence)
        {
            Row = row;
            Sequence = sequence;
        }

        /// <summary>The row (null: deleted, in a transaction's pending writes).</summary>
        public Entity Row { get; }

        /// <summary>Creation order.</summary>
        public long Sequence { get; }
    }

    /// <summary>
    /// The committed rows of every table. Reads take a short lock; transactions apply their writes at
    /// commit under the same lock. Row write locks (<see cref="LockManager"/>) serialise writers of one
    /// row across transactions, as SQL Server does.
    /// </summary>
    internal sealed class RowStore
    {
        private readonly object sync = new object();
        private readonly Dictionary<string, Dictionary<Guid, StoredRow>> tables = new Dictionary<string, Dictionary<Guid, StoredRow>>(StringComparer.Ordinal);
        private readonly Dictionary<string, TableIndex> indexes = new Dictionary<string, TableIndex>(StringComparer.Ordinal);
        private long sequence;
        private long version = 1000;

        public RowStore(TimeSpan lockTimeout)
        {
            Locks = new LockManager(lockTimeout);
        }

        public LockManager Locks { get; }

        /// <summary>The primary id column of a table (not indexed: the rows are keyed by id already); null when unknown.</summary>
        public Func<string, string> PrimaryIdColumn { get; set; }

        /// <summary>
        /// The committed rows of a table whose <paramref name="column"/> holds one of <paramref name="ids"/> (a Guid or
        /// an EntityReference with that id; for the primary id column, the rows with that id), in no particular order.
        /// False when the index cannot answer: the column holds values of another type in some row.
        /// </summary>
        public bool TryLookup(string table, string column, IReadOnlyCollection<Guid> ids, List<StoredRow> result)
        {
            if (ids.Count > 1)
            {
                ids = new HashSet<Guid>(ids); // an In naming an id twice still finds its rows once
            }

            lock (sync)
            {
                if (!tables.TryGetValue(table, out var rows))
                {
                    return true;
                }

                if (string.Equals(column, PrimaryIdColumn?.Invoke(table), StringComparison.Ordinal))
                {
                    foreach (var id in ids)
                    {
                        if (rows.TryGetValue(id, out var row)) result.Add(row);
                    }

                    return true;
                }

                if (!indexes.TryGetValue(table, out var index))
                {
                    return true;
                }

                if (index.Impure.TryGetValue(column, out var impure) && impure > 0)
                {
                    return false;
                }

                if (!index.Columns.TryGetValue(column, out var byValue))
                {
                    return true;
                }

                foreach (var id in ids)
                {
                    if (!byValue.TryGetValue(id, out var rowIds)) continue;
                    foreach (var rowId in rowIds)
                    {
                        result.Add(rows[rowId]);
                    }
                }

                return true;
            }
        }

        public long NextSequence() => Interlocked.Increment(ref sequence);

        public long NextVersion() => Interlocked.Increment(ref version);

        public StoredRow Get(string table, Guid id)
        {
            lock (sync)
            {
                return tables.TryGetValue(table, out var rows) && rows.TryGetValue(id, out var row) ? row : null;
            }
        }

        public List<StoredRow> Snapshot(string table)
        {
            lock (sync)
            {
                return tables.TryGetValue(table, out var rows) ? rows.Values.ToList() : new List<StoredRow>();
            }
        }

        public int Count(string table)
        {
            lock (sync)
            {
                return tables.TryGetValue(table, out var rows) ? rows.Count : 0;
            }
        }

        public void Apply(IEnumerable<KeyValuePair<RowKey, StoredRow>> writes)
        {
            lock (sync)
            {
                foreach (var w in writes)
                {
                    if (!tables.TryGetValue(w.Key.Table, out var rows))
                    {
                        rows = new Dictionary<Guid, StoredRow>();
                        tables.Add(w.Key.Table, rows);
                    }

                    if (!indexes.TryGetValue(w.Key.Table, out var index))
                    {
                        index = new TableIndex(PrimaryIdColumn?.Invoke(w.Key.Table));
                        indexes.Add(w.Key.Table, index);
                    }

                    if (rows.TryGetValue(w.Key.Id, out var old))
                    {
                        index.Remove(old.Row);
                    }

                    if (w.Value.Row == null)
                    {
                        rows.Remove(w.Key.Id);
                    }
                    else
                    {
                        rows[w.Key.Id] = w.Value;
                        index.Add(w.Value.Row);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The equality index of one table: for every column holding Guid or EntityReference values (lookups, owner,
    /// other unique identifiers, text columns holding Guids; not the primary id), value id → ids of the rows holding
    /// it. Columns that also hold values of another type are counted as impure: the index does not answer for them.
    /// </summary>
    internal sealed class TableIndex
    {
        private readonly string primaryId;

        public TableIndex(string primaryId)
        {
            this.primaryId = primaryId;
        }

        public Dictionary<string, Dictionary<Guid, HashSet<Guid>>> Columns { get; } = new Dictionary<string, Dictionary<Guid, HashSet<Guid>>>(StringComparer.Ordinal);

        public Dictionary<string, int> Impure { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

        public void Add(Entity row)
        {
            foreach (var a in row.Attributes)
            {
                if (a.Value == null || string.Equals(a.Key, primaryId, StringComparison.Ordinal)) continue;
                if (TryId(a.Value, out var id))
                {
                    if (!Columns.TryGetValue(a.Key, out var byValue))
                    {
                        byValue = new Dictionary<Guid, HashSet<Guid>>();
                        Columns.Add(a.Key, byValue);
                    }

                    if (!byValue.TryGetValue(id, out var rowIds))
                    {
                        rowIds = new HashSet<Guid>();
                        byValue.Add(id, rowIds);
                    }

                    rowIds.Add(row.Id);
                }
                else
                {
                    Impure.TryGetValue(a.Key, out var count);
                    Impure[a.Key] = count + 1;
                }
            }
        }

        public void Remove(Entity row)
        {
            foreach (var a in row.Attributes)
            {
                if (a.Value == null || string.Equals(a.Key, primaryId, StringComparison.Ordinal)) continue;
                if (TryId(a.Value, out var id))
                {
                    if (Columns.TryGetValue(a.Key, out var byValue) && byValue.TryGetValue(id, out var rowIds))
                    {
                        rowIds.Remove(row.Id);
                        if (rowIds.Count == 0) byValue.Remove(id);
                    }
                }
                else if (Impure.TryGetValue(a.Key, out var count))
                {
                    if (count <= 1) Impure.Remove(a.Key);
                    else Impure[a.Key] = count - 1;
                }
            }
        }

        /// <summary>
        /// The id a Guid or EntityReference value holds, or a text column's value written as a Guid
        /// (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, any case: such texts are equal exactly when their Guids are).
        /// </summary>
        public static bool TryId(object value, out Guid id)
        {
            switch (value)
            {
                case Guid g:
                    id = g;
                    return true;
                case EntityReference r:
                    id = r.Id;
                    return true;
                case string text when text.Length == 36:
                    return Guid.TryParseExact(text, "D", out id);
                default:
                    id = Guid.Empty;
                    return false;
            }
        }
    }
}
