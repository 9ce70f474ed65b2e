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
        private long sequence;
        private long version = 1000;

        public RowStore(TimeSpan lockTimeout)
        {
            Locks = new LockManager(lockTimeout);
        }

        public LockManager Locks { get; }

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

                    if (w.Value.Row == null)
                    {
                        rows.Remove(w.Key.Id);
                    }
                    else
                    {
                        rows[w.Key.Id] = w.Value;
                    }
                }
            }
        }
    }
}
