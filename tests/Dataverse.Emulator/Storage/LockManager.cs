using System;
using System.Collections.Generic;
using System.Threading;
using Dataverse.Emulator.Faults;

namespace Dataverse.Emulator.Storage
{
    /// <summary>
    /// Exclusive row write locks held until commit or rollback. A writer waits for the holder; a wait
    /// that would close a cycle is a deadlock and fails the waiting transaction with the generic SQL
    /// error, as SQL Server picks a deadlock victim.
    /// </summary>
    internal sealed class LockManager
    {
        private readonly object sync = new object();
        private readonly Dictionary<RowKey, Transaction> owners = new Dictionary<RowKey, Transaction>();
        private readonly Dictionary<Transaction, RowKey> waiting = new Dictionary<Transaction, RowKey>();
        private readonly TimeSpan timeout;

        public LockManager(TimeSpan timeout)
        {
            this.timeout = timeout;
        }

        public void Acquire(RowKey key, Transaction tx)
        {
            lock (sync)
            {
                var deadline = DateTime.UtcNow + timeout;
                while (true)
                {
                    if (!owners.TryGetValue(key, out var owner) || owner == tx)
                    {
                        owners[key] = tx;
                        tx.HeldLocks.Add(key);
                        waiting.Remove(tx);
                        return;
                    }

                    if (WouldDeadlock(owner, tx))
                    {
                        waiting.Remove(tx);
                        throw DataverseFault.Create(ErrorCodes.SqlError,
                            $"Generic SQL error. Transaction (Process ID {tx.Number}) was deadlocked on lock resources with another process and has been chosen as the deadlock victim ({key}).");
                    }

                    waiting[tx] = key;
                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero || !Monitor.Wait(sync, left))
                    {
                        if (owners.TryGetValue(key, out var stillOwner) && stillOwner != tx)
                        {
                            waiting.Remove(tx);
                            throw DataverseFault.Create(ErrorCodes.SqlError, $"Generic SQL error. Lock request time out period exceeded waiting for {key}.");
                        }
                    }
                }
            }
        }

        public void ReleaseAll(Transaction tx)
        {
            lock (sync)
            {
                foreach (var key in tx.HeldLocks)
                {
                    if (owners.TryGetValue(key, out var owner) && owner == tx)
                    {
                        owners.Remove(key);
                    }
                }

                tx.HeldLocks.Clear();
                waiting.Remove(tx);
                Monitor.PulseAll(sync);
            }
        }

        private bool WouldDeadlock(Transaction owner, Transaction requester)
        {
            var seen = new HashSet<Transaction>();
            var current = owner;
            while (current != null && seen.Add(current))
            {
                if (!waiting.TryGetValue(current, out var key)) return false;
                if (!owners.TryGetValue(key, out var next)) return false;
                if (next == requester) return true;
                current = next;
            }

            return false;
        }
    }
}
