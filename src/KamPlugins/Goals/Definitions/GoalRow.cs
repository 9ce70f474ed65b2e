using System;
using System.Collections.Generic;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Goals.Definitions
{
    /// <summary>
    /// A goal as the engine reads it: its definition (owner, parent, metric, period, record set) and
    /// its current rollup values, targets and rollup queries by column. Immutable.
    /// </summary>
    internal sealed class GoalRow
    {
        internal GoalRow(
            Guid id,
            EntityReference goalOwner,
            Guid? parentGoalId,
            Guid? metricId,
            DateTime? start,
            DateTime? end,
            bool rollupOnlyFromChildGoals,
            bool ownerRecordsOnly,
            bool isOverridden,
            int stateCode,
            IReadOnlyDictionary<string, decimal?> values,
            IReadOnlyDictionary<string, Guid> rollupQueries)
        {
            Id = id;
            GoalOwner = goalOwner;
            ParentGoalId = parentGoalId;
            MetricId = metricId;
            Start = start;
            End = end;
            RollupOnlyFromChildGoals = rollupOnlyFromChildGoals;
            OwnerRecordsOnly = ownerRecordsOnly;
            IsOverridden = isOverridden;
            StateCode = stateCode;
            Values = values ?? new Dictionary<string, decimal?>();
            RollupQueries = rollupQueries ?? new Dictionary<string, Guid>();
        }

        internal Guid Id { get; }
        internal EntityReference GoalOwner { get; }
        internal Guid? ParentGoalId { get; }
        internal Guid? MetricId { get; }
        internal DateTime? Start { get; }
        internal DateTime? End { get; }
        internal bool RollupOnlyFromChildGoals { get; }

        /// <summary>consideronlygoalownersrecords: true counts only the goal owner's records.</summary>
        internal bool OwnerRecordsOnly { get; }

        /// <summary>
        /// isoverridden: the goal's values are kept by the goal engine (a recalculation adopted it) and the
        /// daily system rollup leaves them alone. The real-time path moves only adopted goals: a goal the
        /// system rollup filled has no ledger, so moving it by a record's difference would count twice.
        /// </summary>
        internal bool IsOverridden { get; }

        internal int StateCode { get; }

        /// <summary>Rollup values and targets by column name (null: empty).</summary>
        internal IReadOnlyDictionary<string, decimal?> Values { get; }

        /// <summary>Rollup query ids by lookup column name.</summary>
        internal IReadOnlyDictionary<string, Guid> RollupQueries { get; }

        internal bool IsActive => StateCode == GoalTable.State.Active;

        /// <summary>The rollup value of a bucket in the metric's data type.</summary>
        internal decimal? Value(ContributionBucket bucket, GoalAmountDataType type) =>
            Values.TryGetValue(GoalColumns.Value(bucket, type), out var value) ? value : null;

        /// <summary>The target in the metric's data type.</summary>
        internal decimal? Target(GoalAmountDataType type) =>
            Values.TryGetValue(GoalColumns.Target(type), out var value) ? value : null;

        /// <summary>The rollup query a bucket applies, if any.</summary>
        internal Guid? RollupQueryId(ContributionBucket bucket, GoalAmountDataType type) =>
            RollupQueries.TryGetValue(GoalColumns.RollupQuery(bucket, type), out var id) ? id : (Guid?)null;

        /// <summary>The same goal with other rollup values and targets (after the write lock re-read).</summary>
        internal GoalRow WithValues(IReadOnlyDictionary<string, decimal?> values) =>
            new GoalRow(Id, GoalOwner, ParentGoalId, MetricId, Start, End, RollupOnlyFromChildGoals, OwnerRecordsOnly, IsOverridden, StateCode, values, RollupQueries);
    }
}
