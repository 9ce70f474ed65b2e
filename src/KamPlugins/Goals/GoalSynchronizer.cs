using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Goals.Data;
using KamPlugins.Goals.Definitions;
using KamPlugins.Goals.RollupQueries;
using KamPlugins.Model;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Goals
{
    /// <summary>What one synchronisation did (for traces and tests). Immutable.</summary>
    internal sealed class GoalSyncOutcome
    {
        internal GoalSyncOutcome(int contributionsChanged, int goalsWritten)
        {
            ContributionsChanged = contributionsChanged;
            GoalsWritten = goalsWritten;
        }

        /// <summary>Ledger rows created, changed or removed.</summary>
        internal int ContributionsChanged { get; }

        /// <summary>Goal rows written.</summary>
        internal int GoalsWritten { get; }
    }

    /// <summary>
    /// The real-time path: after a source record changed (or before it is deleted), sets the record's
    /// contribution to every goal it counts towards — the goals of its old and new owner, old and new
    /// period, as the ledger and the goal query tell — and moves those goals and their parents by the
    /// difference. "Set, not add": the ledger holds what the record added before, so running the same
    /// change twice finds nothing left to do. Service calls grow with the goals touched, never with
    /// the number of records those goals count.
    /// </summary>
    internal static class GoalSynchronizer
    {
        /// <summary>Brings the goals up to date with the record's current state (or its removal).</summary>
        /// <param name="service">A service with full access (SYSTEM): goal bookkeeping is not the user's to see or refuse.</param>
        /// <param name="table">The record's table.</param>
        /// <param name="recordId">The record.</param>
        /// <param name="removed">True when the record is being deleted: it no longer counts anywhere.</param>
        /// <param name="utcNow">The operation's time (rollup expiry, lastrolledupdate).</param>
        /// <param name="trace">Trace sink (may be null).</param>
        internal static GoalSyncOutcome Synchronize(IOrganizationService service, string table, Guid recordId, bool removed, DateTime utcNow, Action<string> trace)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            if (string.IsNullOrEmpty(table)) throw new ArgumentNullException(nameof(table));
            return new Run(service, table, recordId, removed, utcNow, trace ?? (_ => { })).Execute();
        }

        /// <summary>A goal column the record may count towards, with the rollup query that applies.</summary>
        private sealed class Target
        {
            internal Target(GoalRow goal, MetricDefinition metric, ContributionBucket bucket, Guid? queryId)
            {
                Goal = goal;
                Metric = metric;
                Bucket = bucket;
                QueryId = queryId;
            }

            internal GoalRow Goal { get; }
            internal MetricDefinition Metric { get; }
            internal ContributionBucket Bucket { get; }
            internal Guid? QueryId { get; }
        }

        /// <summary>A goal's new values, written once every goal has been computed.</summary>
        private sealed class GoalWrite
        {
            internal GoalWrite(Guid goalId, GoalAmountDataType type, IReadOnlyDictionary<ContributionBucket, decimal?> values, decimal? percentage)
            {
                GoalId = goalId;
                Type = type;
                Values = values;
                Percentage = percentage;
            }

            internal Guid GoalId { get; }
            internal GoalAmountDataType Type { get; }
            internal IReadOnlyDictionary<ContributionBucket, decimal?> Values { get; }
            internal decimal? Percentage { get; }
        }

        /// <summary>One synchronisation's working state.</summary>
        private sealed class Run
        {
            private readonly IOrganizationService service;
            private readonly string table;
            private readonly Guid recordId;
            private readonly bool removed;
            private readonly DateTime utcNow;
            private readonly Action<string> trace;
            private readonly Dictionary<Guid, GoalRow> goals = new Dictionary<Guid, GoalRow>();
            private Dictionary<Guid, MetricDefinition> metrics;
            private int? expiryDays;

            internal Run(IOrganizationService service, string table, Guid recordId, bool removed, DateTime utcNow, Action<string> trace)
            {
                this.service = service;
                this.table = table;
                this.recordId = recordId;
                this.removed = removed;
                this.utcNow = utcNow;
                this.trace = trace;
            }

            internal GoalSyncOutcome Execute()
            {
                metrics = GoalConfigurationReader.MetricsForSource(service, table).Where(m => m.IsSupported).ToDictionary(m => m.Id);
                if (metrics.Count == 0)
                {
                    trace($"goals: no supported metric reads {table}");
                    return new GoalSyncOutcome(0, 0);
                }

                var before = LedgerStore.ForSource(service, table, recordId);
                var record = removed ? null : SourceReader.Read(service, table, recordId, metrics.Values.SelectMany(m => ContributionRule.ColumnsRead(m, table)));
                var dates = record == null
                    ? new List<DateTime>()
                    : metrics.Values.SelectMany(m => m.RollupFields).Where(f => f.SourceEntity == table)
                        .Select(f => record.Get(f.DateAttribute)).OfType<DateTime>().Distinct().ToList();
                foreach (var goal in GoalRowReader.Candidates(service, metrics.Keys.ToList(), record?.Owner, dates, before.Select(e => e.GoalId).Distinct().ToList()))
                    goals[goal.Id] = goal;

                var after = record == null ? new Dictionary<string, LedgerEntry>() : Contributions(ref record);
                var direct = DirectChanges(before, after);
                trace($"goals: {table} {recordId:D}: {before.Count} contribution(s) before, {after.Count} after, {direct.Count} change(s)");
                if (direct.Count == 0) return new GoalSyncOutcome(0, 0);

                var locked = new List<Guid>();
                LockAffected(direct, locked);
                // Under the locks the ledger is final: only a recalculation of these goals (which takes the
                // same locks) can have rewritten the record's rows since they were read.
                var settled = LedgerStore.ForSource(service, table, recordId);
                if (!SameEntries(before, settled))
                {
                    trace("goals: the ledger changed while the goals were being locked; using the new rows");
                    foreach (var goal in GoalRowReader.ByIds(service, settled.Select(e => e.GoalId).Where(id => !goals.ContainsKey(id)))) goals[goal.Id] = goal;
                    before = settled;
                    direct = DirectChanges(before, after);
                    LockAffected(direct, locked);
                }

                var written = Propagate(direct, after, locked);
                WriteLedger(before, after);
                return new GoalSyncOutcome(direct.Count, written);
            }

            private static bool SameEntries(IReadOnlyList<LedgerEntry> a, IReadOnlyList<LedgerEntry> b) =>
                a.Count == b.Count && a.Select(e => e.Key + "=" + e.Amount).OrderBy(k => k, StringComparer.Ordinal)
                    .SequenceEqual(b.Select(e => e.Key + "=" + e.Amount).OrderBy(k => k, StringComparer.Ordinal));

            /// <summary>
            /// Takes the write lock of every goal that will move — the changed goals and their kept
            /// ancestors — deepest first, then by id: one order for every operation, so two operations
            /// never wait on each other in a circle.
            /// </summary>
            private void LockAffected(Dictionary<GoalColumnKey, ParticipantChange> direct, List<Guid> locked)
            {
                LoadAncestors(direct.Keys.Select(k => k.GoalId));
                var affected = new HashSet<Guid>();
                foreach (var id in direct.Keys.Select(k => k.GoalId).Distinct())
                {
                    // A goal the engine does not keep (closed, expired) keeps its values: the chain stops there.
                    for (var current = goals[id]; current != null && Maintained(current) && affected.Add(current.Id);)
                        current = current.ParentGoalId.HasValue && goals.TryGetValue(current.ParentGoalId.Value, out var parent) ? parent : null;
                }
                foreach (var id in affected.Where(id => !locked.Contains(id)).OrderByDescending(Depth).ThenBy(id => id).ToList())
                {
                    GoalWriter.Lock(service, id);
                    locked.Add(id);
                }
            }

            /// <summary>
            /// The record's contribution to each goal column it counts towards now. Rollup queries the
            /// engine cannot evaluate in memory are asked of the platform, one query per goal column.
            /// </summary>
            private Dictionary<string, LedgerEntry> Contributions(ref SourceRecord record)
            {
                var targets = new List<Target>();
                foreach (var goal in goals.Values.Where(Maintained))
                {
                    var metric = metrics[goal.MetricId.Value];
                    foreach (var bucket in metric.Buckets)
                        if (metric.FieldsFor(bucket, table).Count > 0)
                            targets.Add(new Target(goal, metric, bucket, goal.RollupQueryId(bucket, metric.ColumnType)));
                }

                var queries = GoalConfigurationReader.RollupQueries(service, targets.Where(t => t.QueryId.HasValue).Select(t => t.QueryId.Value));
                var read = record;
                var missing = queries.Values.Where(q => q.InMemory && q.EntityName == table).SelectMany(q => q.Columns)
                    .Where(c => !read.HasRead(c)).Distinct(StringComparer.Ordinal).ToList();
                if (missing.Count > 0)
                {
                    // The rollup queries read columns the rule does not: read the record once more, with them.
                    record = SourceReader.Read(service, table, recordId, record.ReadColumns.Concat(missing));
                }

                var result = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
                foreach (var target in targets)
                {
                    var query = target.QueryId.HasValue && queries.TryGetValue(target.QueryId.Value, out var q) ? q : null;
                    var contribution = ContributionRule.Evaluate(target.Goal, target.Metric, target.Bucket, record, query);
                    if (!contribution.Participates) continue;
                    if (contribution.NeedsQuery && !SourceReader.MeetsQuery(service, query, table, recordId)) continue;
                    var entry = new LedgerEntry(target.Goal.Id, target.Bucket, table, recordId, contribution.Amount);
                    result[entry.Key] = entry;
                }
                return result;
            }

            /// <summary>True when the engine keeps the goal's values: adopted, active, supported metric, rollup not expired.</summary>
            private bool Maintained(GoalRow goal)
            {
                if (!goal.IsOverridden || !goal.IsActive || !goal.MetricId.HasValue || !metrics.ContainsKey(goal.MetricId.Value)) return false;
                if (!GoalPeriod.HasEnded(goal.End, utcNow)) return true;
                if (!expiryDays.HasValue) expiryDays = GoalConfigurationReader.RollupExpiryDays(service);
                return !GoalPeriod.HasExpired(goal.End, utcNow, expiryDays.Value);
            }

            /// <summary>The goal columns whose contribution from this record differs from the ledger's, on goals the engine keeps.</summary>
            private Dictionary<GoalColumnKey, ParticipantChange> DirectChanges(IReadOnlyList<LedgerEntry> before, Dictionary<string, LedgerEntry> after)
            {
                var changes = new Dictionary<GoalColumnKey, ParticipantChange>();
                var old = before.GroupBy(e => new GoalColumnKey(e.GoalId, e.Bucket)).ToDictionary(g => g.Key, g => (decimal?)g.Sum(e => e.Amount));
                var now = after.Values.ToDictionary(e => new GoalColumnKey(e.GoalId, e.Bucket), e => (decimal?)e.Amount);
                foreach (var key in old.Keys.Union(now.Keys))
                {
                    if (!goals.TryGetValue(key.GoalId, out var goal) || !Maintained(goal)) continue;
                    old.TryGetValue(key, out var was);
                    now.TryGetValue(key, out var @is);
                    if (was != @is) changes[key] = new ParticipantChange(was, @is);
                }
                return changes;
            }

            /// <summary>
            /// Recomputes and writes the locked goals from their values re-read under the lock, children
            /// before parents; returns the number of goals written.
            /// </summary>
            private int Propagate(Dictionary<GoalColumnKey, ParticipantChange> direct, Dictionary<string, LedgerEntry> after, IReadOnlyCollection<Guid> locked)
            {
                var order = locked.OrderByDescending(Depth).ThenBy(id => id).ToList();
                var fresh = GoalWriter.ReadValues(service, order);
                foreach (var id in order)
                    if (fresh.TryGetValue(id, out var values)) goals[id] = goals[id].WithValues(values);

                var stillCounted = new HashSet<GoalColumnKey>(after.Values.Select(e => new GoalColumnKey(e.GoalId, e.Bucket)));
                var moved = new Dictionary<Guid, Dictionary<ContributionBucket, ParticipantChange>>();
                var writes = new List<GoalWrite>();
                foreach (var id in order)
                {
                    var goal = goals[id];
                    var metric = metrics[goal.MetricId.Value];
                    var type = metric.ColumnType;
                    var children = order.Where(c => goals[c].ParentGoalId == id && moved.ContainsKey(c)).ToList();
                    var newValues = new Dictionary<ContributionBucket, decimal?>();
                    moved[id] = new Dictionary<ContributionBucket, ParticipantChange>();
                    foreach (var bucket in metric.Buckets)
                    {
                        var changes = new List<ParticipantChange>();
                        if (direct.TryGetValue(new GoalColumnKey(id, bucket), out var own)) changes.Add(own);
                        var changedChildren = children.Where(c => moved[c].ContainsKey(bucket)).ToList();
                        changes.AddRange(changedChildren.Select(c => moved[c][bucket]));
                        var stored = goal.Value(bucket, type);
                        var outcome = GoalValueRule.Apply(stored, changes);
                        var value = outcome.NeedsParticipantCheck
                            ? outcome.Resolve(OthersRemain(goal, bucket, GoalColumns.Value(bucket, type), changedChildren, stillCounted))
                            : outcome.Value;
                        if (value == stored) continue;
                        newValues[bucket] = value;
                        moved[id][bucket] = new ParticipantChange(stored, value);
                    }
                    if (newValues.Count == 0) continue;
                    var actual = newValues.TryGetValue(ContributionBucket.Actual, out var changedActual) ? changedActual : goal.Value(ContributionBucket.Actual, type);
                    writes.Add(new GoalWrite(goal.Id, type, newValues, GoalValueRule.Percentage(actual, goal.Target(type))));
                }

                foreach (var write in writes)
                    GoalWriter.Write(service, write.GoalId, write.Type, write.Values, write.Percentage, utcNow);
                trace($"goals: {order.Count} goal(s) locked, {writes.Count} written");
                return writes.Count;
            }

            /// <summary>
            /// Whether anything other than the changed participants still counts in a goal column: the
            /// record itself (unchanged), another record in the ledger, or another child goal with a value.
            /// </summary>
            private bool OthersRemain(GoalRow goal, ContributionBucket bucket, string column, IReadOnlyCollection<Guid> changedChildren, HashSet<GoalColumnKey> stillCounted)
            {
                if (stillCounted.Contains(new GoalColumnKey(goal.Id, bucket))) return true;
                if (!goal.RollupOnlyFromChildGoals && LedgerStore.HasOther(service, goal.Id, bucket, recordId)) return true;
                return GoalWriter.HasOtherChildWithValue(service, goal.Id, column, changedChildren);
            }

            /// <summary>Reads the ancestors of the given goals, one query per level.</summary>
            private void LoadAncestors(IEnumerable<Guid> ids)
            {
                var frontier = ids.Select(id => goals[id].ParentGoalId).Where(p => p.HasValue && !goals.ContainsKey(p.Value)).Select(p => p.Value).Distinct().ToList();
                while (frontier.Count > 0)
                {
                    var parents = GoalRowReader.ByIds(service, frontier);
                    foreach (var parent in parents) goals[parent.Id] = parent;
                    frontier = parents.Select(p => p.ParentGoalId).Where(p => p.HasValue && !goals.ContainsKey(p.Value)).Select(p => p.Value).Distinct().ToList();
                }
            }

            /// <summary>A goal's distance from the top of its tree (as far as it was read): the lock order's key.</summary>
            private int Depth(Guid id)
            {
                var depth = 0;
                var seen = new HashSet<Guid>();
                for (var current = goals[id]; current.ParentGoalId.HasValue && goals.TryGetValue(current.ParentGoalId.Value, out var parent); current = parent)
                {
                    if (!seen.Add(current.Id)) throw new KamException(GoalTexts.GoalCycle.Format(id));
                    depth++;
                }
                return depth;
            }

            /// <summary>
            /// Sets the record's ledger rows to its new contributions: unchanged rows stay, changed ones
            /// are updated, new ones created, and rows of goals the engine keeps (or of goals that no
            /// longer exist) that no longer apply are removed. Rows of closed or expired goals stay as
            /// the explanation of the values those goals keep.
            /// </summary>
            private void WriteLedger(IReadOnlyList<LedgerEntry> before, Dictionary<string, LedgerEntry> after)
            {
                var existing = before.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
                foreach (var pair in existing)
                {
                    var entry = pair.Value[0];
                    var keep = after.TryGetValue(pair.Key, out var wanted);
                    var goalKnown = goals.TryGetValue(entry.GoalId, out var goal);
                    if (!keep && goalKnown && !Maintained(goal)) continue;
                    // Duplicates (rows written outside the engine) are folded into one.
                    foreach (var duplicate in pair.Value.Skip(keep ? 1 : 0)) LedgerStore.Delete(service, duplicate.RowId);
                    if (keep && entry.Amount != wanted.Amount) LedgerStore.SetAmount(service, entry.RowId, wanted.Amount);
                }
                foreach (var pair in after)
                    if (!existing.ContainsKey(pair.Key)) LedgerStore.Create(service, pair.Value);
            }
        }
    }
}
