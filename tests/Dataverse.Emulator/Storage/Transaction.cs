using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Dataverse.Emulator.Faults;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Storage
{
    /// <summary>
    /// A database transaction: pending writes over the committed store (reads see committed rows plus
    /// this transaction's own writes), row write locks, and the work to run after commit.
    /// </summary>
    internal sealed class Transaction : IRowReader
    {
        private static int counter;
        private readonly RowStore store;
        private readonly Dictionary<string, Dictionary<Guid, StoredRow>> writes = new Dictionary<string, Dictionary<Guid, StoredRow>>(StringComparer.Ordinal);
        private readonly List<RowKey> order = new List<RowKey>();
        private readonly List<Action> afterCommit = new List<Action>();

        public Transaction(RowStore store)
        {
            this.store = store;
            Number = Interlocked.Increment(ref counter);
        }

        public int Number { get; }

        public HashSet<RowKey> HeldLocks { get; } = new HashSet<RowKey>();

        /// <summary>A service call failed inside the transaction: SQL rolled it back; every later call fails.</summary>
        public bool Doomed { get; private set; }

        public bool Completed { get; private set; }

        public void Doom() => Doomed = true;

        public void EnsureUsable()
        {
            if (Doomed || Completed)
            {
                throw DataverseFault.Create(ErrorCodes.TransactionNotStarted,
                    "There is no active transaction. This error is usually caused by custom plug-ins that ignore errors from service calls and continue processing.");
            }
        }

        public StoredRow Read(string table, Guid id)
        {
            if (writes.TryGetValue(table, out var rows) && rows.TryGetValue(id, out var pending))
            {
                return pending.Row == null ? null : pending;
            }

            return store.Get(table, id);
        }

        public List<Entity> Rows(string table)
        {
            var committed = store.Snapshot(table);
            if (writes.TryGetValue(table, out var own) && own.Count > 0)
            {
                var byId = committed.ToDictionary(r => r.Row.Id);
                foreach (var w in own)
                {
                    if (w.Value.Row == null) byId.Remove(w.Key);
                    else byId[w.Key] = w.Value;
                }

                committed = byId.Values.ToList();
            }

            return committed.OrderBy(r => r.Sequence).Select(r => r.Row).ToList();
        }

        public IEnumerable<Entity> Scan(string table)
        {
            var committed = store.Snapshot(table);
            if (!writes.TryGetValue(table, out var own) || own.Count == 0) return committed.Select(r => r.Row);
            var result = new List<Entity>(committed.Count + own.Count);
            foreach (var r in committed)
            {
                if (!own.ContainsKey(r.Row.Id)) result.Add(r.Row);
            }

            foreach (var w in own.Values)
            {
                if (w.Row != null) result.Add(w.Row);
            }

            return result;
        }

        public bool TryFind(string table, string column, IReadOnlyCollection<Guid> ids, out List<Entity> rows)
        {
            var found = new List<StoredRow>();
            if (!store.TryLookup(table, column, ids, found))
            {
                rows = null;
                return false;
            }

            if (writes.TryGetValue(table, out var own) && own.Count > 0)
            {
                // Committed hits this transaction changed or deleted are replaced by its own version, if that still may match.
                found.RemoveAll(r => own.ContainsKey(r.Row.Id));
                foreach (var w in own)
                {
                    if (w.Value.Row != null && MayMatch(w.Value.Row, column, ids)) found.Add(w.Value);
                }
            }

            found.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
            rows = found.ConvertAll(r => r.Row);
            return true;
        }

        /// <summary>True unless the row certainly does not hold one of the ids in the column (the query filters anyway).</summary>
        private static bool MayMatch(Entity row, string column, IReadOnlyCollection<Guid> ids)
        {
            if (ids.Contains(row.Id)) return true; // the primary id column, or a row referencing itself: let the filter decide
            if (!row.Attributes.TryGetValue(column, out var value) || value == null) return false;
            return !TableIndex.TryId(value, out var id) || ids.Contains(id);
        }

        public void Lock(string table, Guid id)
        {
            EnsureUsable();
            store.Locks.Acquire(new RowKey(table, id), this);
        }

        /// <summary>Stores a new or replaced row (the caller holds the row's lock).</summary>
        public void Write(Entity row, long sequence)
        {
            Put(new RowKey(row.LogicalName, row.Id), new StoredRow(row, sequence));
        }

        public void Delete(string table, Guid id)
        {
            Put(new RowKey(table, id), new StoredRow(null, 0));
        }

        public void AfterCommit(Action action) => afterCommit.Add(action);

        /// <summary>A copy of the pending writes, to roll back a failed call without dooming the transaction.</summary>
        public object Savepoint()
        {
            var copy = writes.ToDictionary(w => w.Key, w => new Dictionary<Guid, StoredRow>(w.Value), StringComparer.Ordinal);
            return (copy, order.ToList(), afterCommit.Count);
        }

        public void RollbackTo(object savepoint)
        {
            var (copy, keys, actions) = ((Dictionary<string, Dictionary<Guid, StoredRow>>, List<RowKey>, int))savepoint;
            writes.Clear();
            foreach (var w in copy) writes.Add(w.Key, w.Value);
            order.Clear();
            order.AddRange(keys);
            afterCommit.RemoveRange(actions, afterCommit.Count - actions);
        }

        public void Commit()
        {
            if (Completed) return;
            EnsureUsable();
            Completed = true;
            store.Apply(order.Select(k => new KeyValuePair<RowKey, StoredRow>(k, writes[k.Table][k.Id])).ToList());
            store.Locks.ReleaseAll(this);
            foreach (var action in afterCommit)
            {
                action();
            }
        }

        public void Rollback()
        {
            if (Completed) return;
            Completed = true;
            writes.Clear();
            order.Clear();
            afterCommit.Clear();
            store.Locks.ReleaseAll(this);
        }

        private void Put(RowKey key, StoredRow row)
        {
            EnsureUsable();
            if (!writes.TryGetValue(key.Table, out var rows))
            {
                rows = new Dictionary<Guid, StoredRow>();
                writes.Add(key.Table, rows);
            }

            if (!rows.ContainsKey(key.Id))
            {
                order.Add(key);
            }

            rows[key.Id] = row;
        }
    }
}
