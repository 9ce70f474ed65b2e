using System;
using KamPlugins.Model;

namespace KamPlugins.Goals.Definitions
{
    /// <summary>One column of one goal: a goal and a bucket. (net462 has no value tuples.)</summary>
    internal struct GoalColumnKey : IEquatable<GoalColumnKey>
    {
        internal GoalColumnKey(Guid goalId, ContributionBucket bucket)
        {
            GoalId = goalId;
            Bucket = bucket;
        }

        internal Guid GoalId { get; }
        internal ContributionBucket Bucket { get; }

        public bool Equals(GoalColumnKey other) => GoalId == other.GoalId && Bucket == other.Bucket;

        public override bool Equals(object obj) => obj is GoalColumnKey other && Equals(other);

        public override int GetHashCode() => GoalId.GetHashCode() * 31 + (int)Bucket;
    }
}
