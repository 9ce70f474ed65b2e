using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Goals.Definitions;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Goals.Data
{
    /// <summary>Writes goal rows: the pre-lock, the fresh re-read under the lock, the new rollup values.</summary>
    internal static class GoalWriter
    {
        /// <summary>
        /// Takes the goal row's write lock for the rest of the transaction (1 Update): Microsoft's
        /// pre-lock pattern, so that the value read next cannot be changed by another operation before
        /// this one writes it back. The columns set are the ones every write sets anyway.
        /// </summary>
        internal static void Lock(IOrganizationService service, Guid goalId)
        {
            var row = new Entity(GoalTable.LogicalName, goalId);
            row[GoalTable.IsOverride] = true;
            row[GoalTable.IsOverridden] = true;
            service.Update(row);
        }

        /// <summary>The current rollup values and targets of goals (1 RetrieveMultiple; call after <see cref="Lock"/>).</summary>
        internal static IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal?>> ReadValues(IOrganizationService service, IEnumerable<Guid> goalIds)
        {
            var ids = goalIds.Distinct().ToList();
            var result = new Dictionary<Guid, IReadOnlyDictionary<string, decimal?>>();
            if (ids.Count == 0) return result;
            var query = new QueryExpression(GoalTable.LogicalName) { ColumnSet = new ColumnSet(GoalColumns.ValuesRead()) };
            query.Criteria.AddCondition(GoalTable.Id, ConditionOperator.In, ids.Cast<object>().ToArray());
            foreach (var row in service.RetrieveMultiple(query).Entities) result[row.Id] = GoalRowReader.ValuesOf(row);
            return result;
        }

        /// <summary>
        /// True when a child goal of <paramref name="parentId"/> other than <paramref name="excluded"/>
        /// has a value in <paramref name="column"/> (1 RetrieveMultiple of at most one row).
        /// </summary>
        internal static bool HasOtherChildWithValue(IOrganizationService service, Guid parentId, string column, IReadOnlyCollection<Guid> excluded)
        {
            var query = new QueryExpression(GoalTable.LogicalName) { ColumnSet = new ColumnSet(GoalTable.Id), TopCount = 1 };
            query.Criteria.AddCondition(GoalTable.ParentGoalId, ConditionOperator.Equal, parentId);
            query.Criteria.AddCondition(column, ConditionOperator.NotNull);
            if (excluded.Count > 0) query.Criteria.AddCondition(GoalTable.Id, ConditionOperator.NotIn, excluded.Cast<object>().ToArray());
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }

        /// <summary>
        /// Writes a goal's rollup values (1 Update): the bucket columns given (null empties a column),
        /// the percentage, when it was rolled up, and isoverride/isoverridden so the platform accepts
        /// the values and its daily rollup leaves them alone.
        /// </summary>
        internal static void Write(
            IOrganizationService service,
            Guid goalId,
            GoalAmountDataType type,
            IReadOnlyDictionary<ContributionBucket, decimal?> values,
            decimal? percentage,
            DateTime rolledUpOn)
        {
            var row = new Entity(GoalTable.LogicalName, goalId);
            row[GoalTable.IsOverride] = true;
            row[GoalTable.IsOverridden] = true;
            foreach (var pair in values) row[GoalColumns.Value(pair.Key, type)] = ColumnValue(pair.Value, type);
            row[GoalTable.Percentage] = percentage;
            row[GoalTable.LastRolledUpDate] = rolledUpOn;
            service.Update(row);
        }

        /// <summary>A value in the column type the data type uses (Money, decimal, whole number).</summary>
        internal static object ColumnValue(decimal? value, GoalAmountDataType type)
        {
            if (!value.HasValue) return null;
            switch (type)
            {
                case GoalAmountDataType.Money: return new Money(value.Value);
                case GoalAmountDataType.Integer: return (int)Math.Round(value.Value, 0, MidpointRounding.AwayFromZero);
                default: return value.Value;
            }
        }
    }
}
