using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Goals.Data;
using KamPlugins.Goals.Definitions;
using KamPlugins.Goals.Recalculation;
using KamPlugins.Goals.RollupQueries;
using KamPlugins.Model;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Goals
{
    /// <summary>What a recalculation did. Immutable.</summary>
    internal sealed class RecalculationOutcome
    {
        internal RecalculationOutcome(Guid rootGoalId, int goalsRecalculated, int contributionsCreated, int contributionsUpdated, int contributionsDeleted)
        {
            RootGoalId = rootGoalId;
            GoalsRecalculated = goalsRecalculated;
            ContributionsCreated = contributionsCreated;
            ContributionsUpdated = contributionsUpdated;
            ContributionsDeleted = contributionsDeleted;
        }

        /// <summary>The top of the tree that was recalculated.</summary>
        internal Guid RootGoalId { get; }

        /// <summary>Goals whose values were recomputed and written (closed and expired goals are left as they are).</summary>
        internal int GoalsRecalculated { get; }

        internal int ContributionsCreated { get; }
        internal int ContributionsUpdated { get; }
        internal int ContributionsDeleted { get; }
    }

    /// <summary>
    /// Full recalculation of a goal tree from the source data: for every goal the engine keeps
    /// (children before parents), the records that count are read (to rebuild the ledger) and added
    /// up with aggregate queries partitioned under the platform's aggregate limit; parents add their
    /// children. Produces exactly what the real-time path maintains: the same rule decides which
    /// records count, and a goal's value is the sum of its ledger and its children.
    /// </summary>
    internal static class GoalRecalculator
    {
        /// <summary>Recalculates the whole tree <paramref name="goalId"/> belongs to.</summary>
        /// <exception cref="KamException">The goal does not exist, or the hierarchy loops.</exception>
        internal static RecalculationOutcome RecalculateTree(
            IOrganizationService service,
            Guid goalId,
            DateTime utcNow,
            Action<string> trace,
            int aggregateLimit = PartitionPlanner.PlatformAggregateLimit)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            return new Run(service, utcNow, trace ?? (_ => { }), aggregateLimit).Execute(goalId, true);
        }

        /// <summary>
        /// Recalculates one goal and the goals below it, and moves the goals above it by the difference
        /// (as the real-time path moves them): what a change of that goal's own definition needs —
        /// a new goal, another owner or period, a reopened goal — at a cost bounded by that subtree and
        /// the depth of the tree, not by the whole tree.
        /// </summary>
        /// <exception cref="KamException">The goal does not exist, or the hierarchy loops.</exception>
        internal static RecalculationOutcome RecalculateGoal(
            IOrganizationService service,
            Guid goalId,
            DateTime utcNow,
            Action<string> trace,
            int aggregateLimit = PartitionPlanner.PlatformAggregateLimit)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            return new Run(service, utcNow, trace ?? (_ => { }), aggregateLimit).Execute(goalId, false);
        }

        private sealed class Run
        {
            private readonly IOrganizationService service;
            private readonly DateTime utcNow;
            private readonly Action<string> trace;
            private readonly int aggregateLimit;
            private readonly Dictionary<Guid, GoalRow> goals = new Dictionary<Guid, GoalRow>();
            private readonly Dictionary<Guid, int> depth = new Dictionary<Guid, int>();
            private Dictionary<Guid, MetricDefinition> metrics;
            private IReadOnlyDictionary<Guid, RollupQuery> queries;
            private int? expiryDays;
            private int created;
            private int updated;
            private int deleted;

            internal Run(IOrganizationService service, DateTime utcNow, Action<string> trace, int aggregateLimit)
            {
                this.service = service;
                this.utcNow = utcNow;
                this.trace = trace;
                this.aggregateLimit = aggregateLimit;
            }

            internal RecalculationOutcome Execute(Guid goalId, bool wholeTree)
            {
                // The goal and its ancestors, up to the root.
                var chain = Chain(goalId);
                var top = wholeTree ? chain[chain.Count - 1] : chain[0];
                LoadTree(top, wholeTree ? 0 : chain.Count - 1);
                var above = wholeTree ? new List<GoalRow>() : chain.Skip(1).ToList();
                for (var i = 0; i < above.Count; i++)
                {
                    goals[above[i].Id] = above[i];
                    depth[above[i].Id] = chain.Count - 2 - i;
                }
                metrics = GoalConfigurationReader.MetricsByIds(service, goals.Values.Where(g => g.MetricId.HasValue).Select(g => g.MetricId.Value))
                    .Where(m => m.IsSupported).ToDictionary(m => m.Id);

                var aboveIds = new HashSet<Guid>(above.Select(g => g.Id));
                var order = goals.Values.Where(g => !aboveIds.Contains(g.Id) && Maintained(g)).Select(g => g.Id)
                    .OrderByDescending(id => depth[id]).ThenBy(id => id).ToList();
                // The goals above move only while each is kept (a closed goal keeps its values, and so its parents theirs).
                var moving = Maintained(top) ? above.TakeWhile(Maintained).ToList() : new List<GoalRow>();
                queries = GoalConfigurationReader.RollupQueries(service, order.SelectMany(QueryIdsOf));

                // Pre-lock every goal first, children before parents, as the real-time path does.
                var locked = order.Concat(moving.Select(g => g.Id)).ToList();
                foreach (var id in locked) GoalWriter.Lock(service, id);
                foreach (var pair in GoalWriter.ReadValues(service, locked)) goals[pair.Key] = goals[pair.Key].WithValues(pair.Value);
                var before = goals[top.Id];

                var computed = new Dictionary<Guid, Dictionary<ContributionBucket, decimal?>>();
                foreach (var id in order) computed[id] = Recompute(goals[id], computed);
                var propagated = computed.ContainsKey(top.Id) ? Propagate(before, computed[top.Id], moving) : 0;
                var root = chain[chain.Count - 1];
                trace($"goals: recalculated {order.Count} goal(s) and moved {propagated} above, in the tree of {root.Id:D}; ledger +{created} ~{updated} -{deleted}");
                return new RecalculationOutcome(root.Id, order.Count + propagated, created, updated, deleted);
            }

            /// <summary>Recomputes one goal from its records and its children's values, writes it and its ledger.</summary>
            private Dictionary<ContributionBucket, decimal?> Recompute(GoalRow goal, Dictionary<Guid, Dictionary<ContributionBucket, decimal?>> computed)
            {
                var metric = metrics[goal.MetricId.Value];
                var type = metric.ColumnType;
                var expected = new List<LedgerEntry>();
                var values = new Dictionary<ContributionBucket, decimal?>();
                var children = goals.Values.Where(c => c.ParentGoalId == goal.Id && c.Id != goal.Id).ToList();
                foreach (var bucket in metric.Buckets)
                {
                    decimal? direct = null;
                    if (!goal.RollupOnlyFromChildGoals) direct = Direct(goal, metric, bucket, expected);
                    var childValues = children.Select(c => computed.TryGetValue(c.Id, out var v) ? (v.TryGetValue(bucket, out var x) ? x : null) : c.Value(bucket, type));
                    values[bucket] = GoalValueRule.NullableSum(new[] { direct }.Concat(childValues));
                }
                var actual = values.TryGetValue(ContributionBucket.Actual, out var a) ? a : goal.Value(ContributionBucket.Actual, type);
                GoalWriter.Write(service, goal.Id, type, values, GoalValueRule.Percentage(actual, goal.Target(type)), utcNow);
                Reconcile(goal.Id, expected);
                return values;
            }

            /// <summary>
            /// Moves the goals above a recalculated goal by its difference, level by level, as the
            /// real-time path moves parents; returns how many were written.
            /// </summary>
            private int Propagate(GoalRow before, IReadOnlyDictionary<ContributionBucket, decimal?> after, IReadOnlyList<GoalRow> moving)
            {
                var type = metrics[before.MetricId.Value].ColumnType;
                var changes = after.Where(p => before.Value(p.Key, type) != p.Value)
                    .ToDictionary(p => p.Key, p => new ParticipantChange(before.Value(p.Key, type), p.Value));
                var child = before.Id;
                var written = 0;
                foreach (var ancestor in moving.Select(g => goals[g.Id]))
                {
                    if (changes.Count == 0) break;
                    var metric = metrics[ancestor.MetricId.Value];
                    var next = new Dictionary<ContributionBucket, ParticipantChange>();
                    var values = new Dictionary<ContributionBucket, decimal?>();
                    foreach (var bucket in metric.Buckets)
                    {
                        if (!changes.TryGetValue(bucket, out var change)) continue;
                        var stored = ancestor.Value(bucket, metric.ColumnType);
                        var outcome = GoalValueRule.Apply(stored, new[] { change });
                        var value = outcome.NeedsParticipantCheck
                            ? outcome.Resolve((!ancestor.RollupOnlyFromChildGoals && LedgerStore.HasOther(service, ancestor.Id, bucket, Guid.Empty))
                                || GoalWriter.HasOtherChildWithValue(service, ancestor.Id, GoalColumns.Value(bucket, metric.ColumnType), new[] { child }))
                            : outcome.Value;
                        if (value == stored) continue;
                        values[bucket] = value;
                        next[bucket] = new ParticipantChange(stored, value);
                    }
                    if (values.Count == 0) break;
                    var actual = values.TryGetValue(ContributionBucket.Actual, out var a) ? a : ancestor.Value(ContributionBucket.Actual, metric.ColumnType);
                    GoalWriter.Write(service, ancestor.Id, metric.ColumnType, values, GoalValueRule.Percentage(actual, ancestor.Target(metric.ColumnType)), utcNow);
                    written++;
                    changes = next;
                    child = ancestor.Id;
                }
                return written;
            }

            /// <summary>The goal and its ancestors, up to the root (one query per level).</summary>
            private List<GoalRow> Chain(Guid goalId)
            {
                var current = GoalRowReader.ByIds(service, new[] { goalId }).FirstOrDefault()
                    ?? throw new KamException(GoalTexts.GoalNotFound.Format(goalId));
                var chain = new List<GoalRow> { current };
                var seen = new HashSet<Guid> { current.Id };
                while (current.ParentGoalId.HasValue)
                {
                    var parent = GoalRowReader.ByIds(service, new[] { current.ParentGoalId.Value }).FirstOrDefault();
                    if (parent == null) break;
                    if (!seen.Add(parent.Id)) throw new KamException(GoalTexts.GoalCycle.Format(goalId));
                    chain.Add(parent);
                    current = parent;
                }
                return chain;
            }

            // The goal and the goals below it, one query per level.
            private void LoadTree(GoalRow top, int topDepth)
            {
                goals[top.Id] = top;
                depth[top.Id] = topDepth;
                var level = new List<Guid> { top.Id };
                for (var d = topDepth + 1; level.Count > 0; d++)
                {
                    var next = new List<Guid>();
                    foreach (var child in GoalRowReader.ChildrenOf(service, level))
                    {
                        if (goals.ContainsKey(child.Id)) continue;
                        goals[child.Id] = child;
                        depth[child.Id] = d;
                        next.Add(child.Id);
                    }
                    level = next;
                }
            }

            private bool Maintained(GoalRow goal)
            {
                if (!goal.IsActive || !goal.MetricId.HasValue || !metrics.ContainsKey(goal.MetricId.Value)) return false;
                if (!GoalPeriod.HasEnded(goal.End, utcNow)) return true;
                if (!expiryDays.HasValue) expiryDays = GoalConfigurationReader.RollupExpiryDays(service);
                return !GoalPeriod.HasExpired(goal.End, utcNow, expiryDays.Value);
            }

            private IEnumerable<Guid> QueryIdsOf(Guid goalId)
            {
                var goal = goals[goalId];
                if (goal.RollupOnlyFromChildGoals) yield break;
                var metric = metrics[goal.MetricId.Value];
                foreach (var bucket in metric.Buckets)
                {
                    var id = goal.RollupQueryId(bucket, metric.ColumnType);
                    if (id.HasValue) yield return id.Value;
                }
            }

            /// <summary>
            /// A goal column's own records: read (for the ledger) and added up by aggregate queries
            /// planned under the aggregate limit. The value is the ledger's sum — the number the
            /// real-time path maintains — and the aggregate must agree with it.
            /// </summary>
            private decimal? Direct(GoalRow goal, MetricDefinition metric, ContributionBucket bucket, List<LedgerEntry> expected)
            {
                var amounts = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
                decimal? aggregated = null;
                foreach (var field in metric.FieldsFor(bucket))
                {
                    if (!goal.Start.HasValue || !goal.End.HasValue || (goal.OwnerRecordsOnly && goal.GoalOwner == null)) continue;
                    var queryId = goal.RollupQueryId(bucket, metric.ColumnType);
                    var query = queryId.HasValue && queries.TryGetValue(queryId.Value, out var q) && q.EntityName == field.SourceEntity ? q : null;
                    var spec = new ContributorSpec(
                        field.SourceEntity,
                        metric.IsAmount ? field.SourceAttribute : null,
                        field.DateAttribute,
                        GoalPeriod.From(goal.Start.Value),
                        GoalPeriod.Until(goal.End.Value),
                        field.SourceState,
                        field.SourceStatus,
                        goal.OwnerRecordsOnly ? goal.GoalOwner : null,
                        query);
                    var contributors = ContributorReader.Read(service, spec);
                    foreach (var contributor in contributors)
                    {
                        var amount = metric.IsAmount ? AmountValue.Of(contributor.Amount, field.SourceEntity, field.SourceAttribute) : 1m;
                        if (!amount.HasValue) continue;
                        var key = LedgerEntry.KeyOf(goal.Id, bucket, field.SourceEntity, contributor.Id);
                        var sum = amounts.TryGetValue(key, out var earlier) ? earlier.Amount : 0m;
                        amounts[key] = new LedgerEntry(goal.Id, bucket, field.SourceEntity, contributor.Id, sum + AmountValue.ForColumn(amount.Value, metric.ColumnType));
                    }
                    var partitions = PartitionPlanner.Plan(spec.From, spec.Until, contributors.Select(c => new PartitionKey(c.Date, c.CreatedOn)), aggregateLimit, goal.Id);
                    foreach (var partition in partitions)
                        aggregated = GoalValueRule.NullableSum(new[] { aggregated, ContributorReader.AggregateTotal(service, spec, partition) });
                }

                expected.AddRange(amounts.Values);
                var total = GoalValueRule.NullableSum(amounts.Values.Select(v => (decimal?)v.Amount));
                // They differ only when records changed while the recalculation read them, or when a
                // whole-number metric reads fractional amounts (rounded per record): the ledger is what
                // the next real-time change will build on, so its sum is the goal's value.
                if (aggregated != total) trace($"goals: goal {goal.Id:D} {bucket}: aggregate {aggregated} differs from the records' sum {total}; using the records' sum");
                return total;
            }

            /// <summary>Makes the goal's ledger rows exactly the expected ones: create, update, delete the differences.</summary>
            private void Reconcile(Guid goalId, IReadOnlyList<LedgerEntry> expected)
            {
                var wanted = expected.ToDictionary(e => e.Key, StringComparer.Ordinal);
                var toCreate = new List<LedgerEntry>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in LedgerStore.ForGoal(service, goalId))
                {
                    if (!wanted.TryGetValue(entry.Key, out var target) || !seen.Add(entry.Key))
                    {
                        LedgerStore.Delete(service, entry.RowId);
                        deleted++;
                    }
                    else if (entry.Amount != target.Amount)
                    {
                        LedgerStore.SetAmount(service, entry.RowId, target.Amount);
                        updated++;
                    }
                }
                toCreate.AddRange(wanted.Values.Where(e => !seen.Contains(e.Key)));
                LedgerStore.CreateMany(service, toCreate);
                created += toCreate.Count;
            }
        }
    }
}
