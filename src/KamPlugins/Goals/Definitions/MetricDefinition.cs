using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Model;

namespace KamPlugins.Goals.Definitions
{
    /// <summary>A metric with its rollup fields: amount or count, the data type of its goals' columns. Immutable.</summary>
    internal sealed class MetricDefinition
    {
        internal MetricDefinition(Guid id, bool isAmount, GoalAmountDataType amountDataType, IEnumerable<RollupFieldDefinition> rollupFields)
        {
            Id = id;
            IsAmount = isAmount;
            AmountDataType = amountDataType;
            RollupFields = (rollupFields ?? Enumerable.Empty<RollupFieldDefinition>()).ToList().AsReadOnly();
        }

        internal Guid Id { get; }
        internal bool IsAmount { get; }
        internal GoalAmountDataType AmountDataType { get; }
        internal IReadOnlyList<RollupFieldDefinition> RollupFields { get; }

        /// <summary>The data type of the goal columns: a count is always a whole number.</summary>
        internal GoalAmountDataType ColumnType => IsAmount ? AmountDataType : GoalAmountDataType.Integer;

        /// <summary>
        /// True when every rollup field can be decided from the record's own columns. An unsupported
        /// metric is left entirely to the built-in rollup (its goals are never overridden), because
        /// a partial number would be wrong.
        /// </summary>
        internal bool IsSupported => RollupFields.Count > 0 && RollupFields.All(f => f.IsSupported(IsAmount));

        /// <summary>The buckets this metric fills (those with at least one rollup field).</summary>
        internal IReadOnlyList<ContributionBucket> Buckets =>
            GoalColumns.Buckets.Where(b => RollupFields.Any(f => f.Bucket == b)).ToList();

        /// <summary>The rollup fields of a bucket reading <paramref name="sourceEntity"/>.</summary>
        internal IReadOnlyList<RollupFieldDefinition> FieldsFor(ContributionBucket bucket, string sourceEntity) =>
            RollupFields.Where(f => f.Bucket == bucket && f.SourceEntity == sourceEntity).ToList();

        /// <summary>The rollup fields of a bucket, whatever their table.</summary>
        internal IReadOnlyList<RollupFieldDefinition> FieldsFor(ContributionBucket bucket) =>
            RollupFields.Where(f => f.Bucket == bucket).ToList();
    }
}
