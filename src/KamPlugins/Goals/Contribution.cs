using System;
using System.Collections.Generic;
using KamPlugins.Goals.Definitions;
using KamPlugins.Goals.RollupQueries;
using KamPlugins.Model;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Goals
{
    /// <summary>What one record adds to one goal column: nothing, an amount, or an amount subject to a rollup query only the platform can evaluate. Immutable.</summary>
    internal sealed class Contribution
    {
        internal static readonly Contribution None = new Contribution(false, 0m, false);

        private Contribution(bool participates, decimal amount, bool needsQuery)
        {
            Participates = participates;
            Amount = amount;
            NeedsQuery = needsQuery;
        }

        /// <summary>True when the record counts (subject to <see cref="NeedsQuery"/>).</summary>
        internal bool Participates { get; }

        /// <summary>What it adds (1 for a count).</summary>
        internal decimal Amount { get; }

        /// <summary>True when the goal's rollup query must be asked whether the record matches.</summary>
        internal bool NeedsQuery { get; }

        internal static Contribution Of(decimal amount) => new Contribution(true, amount, false);

        internal static Contribution IfQueryMatches(decimal amount) => new Contribution(true, amount, true);

        /// <summary>The amount when it counts, else null (the ledger's view).</summary>
        internal decimal? AsAmount => Participates ? Amount : (decimal?)null;
    }

    /// <summary>
    /// The built-in rollup's participation rule, for one record, one goal and one bucket: the record
    /// counts when, for a rollup field of the bucket on its table, its date falls in the goal's period
    /// (inclusive), its state and status match, it is owned by the goal owner (owner-only goals — a
    /// team goal counts the team's records, not its members'), it has an amount (amount metrics), and
    /// it meets the goal's rollup query for the bucket.
    /// </summary>
    internal static class ContributionRule
    {
        /// <summary>The record's contribution to one bucket of one goal.</summary>
        /// <param name="goal">The goal.</param>
        /// <param name="metric">The goal's metric.</param>
        /// <param name="bucket">Actual, in progress or custom.</param>
        /// <param name="record">The record after the change (its rule columns read).</param>
        /// <param name="query">The goal's rollup query for the bucket, or null.</param>
        internal static Contribution Evaluate(GoalRow goal, MetricDefinition metric, ContributionBucket bucket, SourceRecord record, RollupQuery query)
        {
            if (goal == null) throw new ArgumentNullException(nameof(goal));
            if (metric == null) throw new ArgumentNullException(nameof(metric));
            if (record == null || goal.RollupOnlyFromChildGoals || !metric.IsSupported) return Contribution.None;

            decimal? total = null;
            foreach (var field in metric.FieldsFor(bucket, record.LogicalName))
            {
                var amount = FieldAmount(goal, metric, field, record);
                if (amount.HasValue) total = (total ?? 0m) + amount.Value;
            }
            if (!total.HasValue) return Contribution.None;

            // A query on another table cannot apply to this record (the platform refuses such goals).
            if (query == null || query.EntityName != record.LogicalName) return Contribution.Of(total.Value);
            switch (query.Evaluate(record))
            {
                case FilterOutcome.Match: return Contribution.Of(total.Value);
                case FilterOutcome.NoMatch: return Contribution.None;
                default: return Contribution.IfQueryMatches(total.Value);
            }
        }

        /// <summary>The columns of <paramref name="table"/> the rule reads for a metric.</summary>
        internal static IEnumerable<string> ColumnsRead(MetricDefinition metric, string table)
        {
            yield return CommonColumns.OwnerId;
            yield return CommonColumns.StateCode;
            yield return CommonColumns.StatusCode;
            foreach (var field in metric.RollupFields)
            {
                if (field.SourceEntity != table) continue;
                if (field.DateAttribute != null) yield return field.DateAttribute;
                if (metric.IsAmount && field.SourceAttribute != null) yield return field.SourceAttribute;
            }
        }

        /// <summary>One rollup field's amount for the record, or null when the record does not participate through it.</summary>
        private static decimal? FieldAmount(GoalRow goal, MetricDefinition metric, RollupFieldDefinition field, SourceRecord record)
        {
            Require(record, field.DateAttribute);
            Require(record, CommonColumns.StateCode);
            Require(record, CommonColumns.StatusCode);
            Require(record, CommonColumns.OwnerId);
            if (!GoalPeriod.Contains(goal.Start, goal.End, record.Get(field.DateAttribute) as DateTime?)) return null;
            if (field.SourceState.HasValue && record.State != field.SourceState) return null;
            if (field.SourceStatus.HasValue && record.Status != field.SourceStatus) return null;
            if (goal.OwnerRecordsOnly && (goal.GoalOwner == null || record.Owner == null || record.Owner.Id != goal.GoalOwner.Id)) return null;
            if (!metric.IsAmount) return 1m;

            Require(record, field.SourceAttribute);
            var amount = AmountValue.Of(record.Get(field.SourceAttribute), record.LogicalName, field.SourceAttribute);
            if (!amount.HasValue) return null;
            return AmountValue.ForColumn(amount.Value, metric.ColumnType);
        }

        // The engine reads every column the rule needs; a missing one is a bug, never "empty".
        private static void Require(SourceRecord record, string column)
        {
            if (!record.HasRead(column))
                throw new InvalidOperationException($"The goal engine did not read {record.LogicalName}.{column}.");
        }
    }
}
