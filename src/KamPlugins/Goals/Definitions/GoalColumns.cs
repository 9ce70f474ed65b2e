using System;
using System.Collections.Generic;
using KamPlugins.Model;

namespace KamPlugins.Goals.Definitions
{
    /// <summary>
    /// Which goal column holds what: a goal has one column per bucket (actual, in progress, custom)
    /// and data type (money, decimal, integer), a target per data type, and a rollup query lookup per
    /// bucket and data type. The metric's data type picks the family a goal uses.
    /// </summary>
    internal static class GoalColumns
    {
        /// <summary>The buckets in a fixed order (the order columns are read and written in).</summary>
        internal static readonly IReadOnlyList<ContributionBucket> Buckets = new[] { ContributionBucket.Actual, ContributionBucket.InProgress, ContributionBucket.Custom };

        /// <summary>The data types in a fixed order.</summary>
        internal static readonly IReadOnlyList<GoalAmountDataType> DataTypes = new[] { GoalAmountDataType.Money, GoalAmountDataType.Decimal, GoalAmountDataType.Integer };

        /// <summary>The rollup column of a bucket and data type (e.g. actualmoney).</summary>
        internal static string Value(ContributionBucket bucket, GoalAmountDataType type) => BucketPrefix(bucket) + TypeSuffix(type);

        /// <summary>The target column of a data type (e.g. targetmoney).</summary>
        internal static string Target(GoalAmountDataType type) => GoalTable.TargetPrefix + TypeSuffix(type);

        /// <summary>The rollup query lookup of a bucket and data type (e.g. rollupqueryinprogressmoneyid).</summary>
        internal static string RollupQuery(ContributionBucket bucket, GoalAmountDataType type)
        {
            var part = bucket == ContributionBucket.Custom ? GoalTable.RollupQueryCustomPart : BucketPrefix(bucket);
            return GoalTable.RollupQueryPrefix + part + TypeSuffix(type) + GoalTable.RollupQuerySuffix;
        }

        /// <summary>
        /// The bucket a rollupfield.goalattribute names: the goal column (actualmoney, inprogressinteger,
        /// customrollupfielddecimal, …) or just its family (actual, inprogress, customrollupfield);
        /// null for anything else.
        /// </summary>
        internal static ContributionBucket? BucketOf(string goalAttribute)
        {
            if (string.IsNullOrWhiteSpace(goalAttribute)) return null;
            var name = goalAttribute.Trim().ToLowerInvariant();
            foreach (var bucket in Buckets)
            {
                var prefix = BucketPrefix(bucket);
                if (name == prefix) return bucket;
                foreach (var type in DataTypes)
                    if (name == prefix + TypeSuffix(type)) return bucket;
            }
            return null;
        }

        /// <summary>Every column the goal engine reads from a goal row (definition, values, targets, rollup queries).</summary>
        internal static string[] AllRead()
        {
            var columns = new List<string>
            {
                GoalTable.Id, GoalTable.GoalOwnerId, GoalTable.ParentGoalId, GoalTable.MetricId,
                GoalTable.GoalStartDate, GoalTable.GoalEndDate, GoalTable.RollupOnlyFromChildGoals,
                GoalTable.ConsiderOnlyGoalOwnersRecords, GoalTable.IsOverridden, CommonColumns.StateCode,
            };
            foreach (var type in DataTypes)
            {
                columns.Add(Target(type));
                foreach (var bucket in Buckets)
                {
                    columns.Add(Value(bucket, type));
                    columns.Add(RollupQuery(bucket, type));
                }
            }
            return columns.ToArray();
        }

        /// <summary>The rollup value and target columns (what the write path re-reads after taking the lock).</summary>
        internal static string[] ValuesRead()
        {
            var columns = new List<string> { GoalTable.Id };
            foreach (var type in DataTypes)
            {
                columns.Add(Target(type));
                foreach (var bucket in Buckets) columns.Add(Value(bucket, type));
            }
            return columns.ToArray();
        }

        private static string BucketPrefix(ContributionBucket bucket)
        {
            switch (bucket)
            {
                case ContributionBucket.Actual: return GoalTable.ActualPrefix;
                case ContributionBucket.InProgress: return GoalTable.InProgressPrefix;
                case ContributionBucket.Custom: return GoalTable.CustomPrefix;
                default: throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null);
            }
        }

        private static string TypeSuffix(GoalAmountDataType type)
        {
            switch (type)
            {
                case GoalAmountDataType.Money: return GoalTable.MoneySuffix;
                case GoalAmountDataType.Decimal: return GoalTable.DecimalSuffix;
                case GoalAmountDataType.Integer: return GoalTable.IntegerSuffix;
                default: throw new ArgumentOutOfRangeException(nameof(type), type, null);
            }
        }
    }
}
