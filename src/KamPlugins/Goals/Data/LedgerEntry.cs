using System;
using KamPlugins.Model;
using KamPlugins.Platform.Registration;

namespace KamPlugins.Goals.Data
{
    /// <summary>One kam_goalcontribution row: what one source record adds to one goal column. Immutable.</summary>
    internal sealed class LedgerEntry
    {
        internal LedgerEntry(Guid goalId, ContributionBucket bucket, string sourceTable, Guid sourceId, decimal amount, Guid? rowId = null)
        {
            GoalId = goalId;
            Bucket = bucket;
            SourceTable = sourceTable;
            SourceId = sourceId;
            Amount = amount;
            RowId = rowId ?? RowIdFor(goalId, bucket, sourceTable, sourceId);
        }

        /// <summary>The kam_goalcontribution id.</summary>
        internal Guid RowId { get; }
        internal Guid GoalId { get; }
        internal ContributionBucket Bucket { get; }
        internal string SourceTable { get; }
        internal Guid SourceId { get; }
        internal decimal Amount { get; }

        /// <summary>The key that makes a contribution unique: one row per goal, bucket and source record.</summary>
        internal string Key => KeyOf(GoalId, Bucket, SourceTable, SourceId);

        internal static string KeyOf(Guid goalId, ContributionBucket bucket, string sourceTable, Guid sourceId) =>
            $"{goalId:N}:{(int)bucket}:{sourceTable}:{sourceId:N}";

        /// <summary>
        /// The row's id, derived from its key: a step the platform raises twice, or two paths writing
        /// the same contribution, address the same row instead of adding a second one.
        /// </summary>
        internal static Guid RowIdFor(Guid goalId, ContributionBucket bucket, string sourceTable, Guid sourceId) =>
            StableId.For("goalcontribution:" + KeyOf(goalId, bucket, sourceTable, sourceId));
    }
}
