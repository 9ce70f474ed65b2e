using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Goals.Definitions;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Goals.Data
{
    /// <summary>Reads goal rows: by id, by parent, and the goals a source record may count towards.</summary>
    internal static class GoalRowReader
    {
        /// <summary>Goals by id (1 RetrieveMultiple; none for an empty list).</summary>
        internal static IReadOnlyList<GoalRow> ByIds(IOrganizationService service, IEnumerable<Guid> ids)
        {
            var list = ids.Distinct().ToList();
            if (list.Count == 0) return Array.Empty<GoalRow>();
            var query = Query();
            query.Criteria.AddCondition(GoalTable.Id, ConditionOperator.In, list.Cast<object>().ToArray());
            return Read(service, query);
        }

        /// <summary>The child goals of the given goals (1 RetrieveMultiple; none for an empty list).</summary>
        internal static IReadOnlyList<GoalRow> ChildrenOf(IOrganizationService service, IEnumerable<Guid> parentIds)
        {
            var list = parentIds.Distinct().ToList();
            if (list.Count == 0) return Array.Empty<GoalRow>();
            var query = Query();
            query.Criteria.AddCondition(GoalTable.ParentGoalId, ConditionOperator.In, list.Cast<object>().ToArray());
            return Read(service, query);
        }

        /// <summary>
        /// The goals a record can count towards after its change — active goals of a metric with a
        /// rollup field on the record's table, whose period contains one of the record's dates, and
        /// that count all records or are owned by the record's owner — together with the goals the
        /// ledger says it counted towards before (whatever their state). One RetrieveMultiple whose
        /// size depends on the goals, never on how many records they count; none when there is
        /// nothing to look for.
        /// </summary>
        internal static IReadOnlyList<GoalRow> Candidates(
            IOrganizationService service,
            IReadOnlyCollection<Guid> metricIds,
            EntityReference owner,
            IReadOnlyCollection<DateTime> dates,
            IReadOnlyCollection<Guid> ledgerGoalIds)
        {
            var query = Query();
            query.Criteria.FilterOperator = LogicalOperator.Or;
            var any = false;
            if (metricIds.Count > 0 && dates.Count > 0)
            {
                var current = query.Criteria.AddFilter(LogicalOperator.And);
                current.AddCondition(CommonColumns.StateCode, ConditionOperator.Equal, GoalTable.State.Active);
                current.AddCondition(GoalTable.MetricId, ConditionOperator.In, metricIds.Cast<object>().ToArray());
                var ownership = current.AddFilter(LogicalOperator.Or);
                // (object) matters: a bare bool binds to the compareColumns overload and sends no value.
                ownership.AddCondition(new ConditionExpression(GoalTable.ConsiderOnlyGoalOwnersRecords, ConditionOperator.Equal, (object)false));
                if (owner != null) ownership.AddCondition(GoalTable.GoalOwnerId, ConditionOperator.Equal, owner.Id);
                var period = current.AddFilter(LogicalOperator.Or);
                foreach (var date in dates.Select(d => d.Date).Distinct())
                {
                    // A superset by whole days; the contribution rule decides exactly.
                    var day = period.AddFilter(LogicalOperator.And);
                    day.AddCondition(GoalTable.GoalStartDate, ConditionOperator.LessThan, date.AddDays(1));
                    day.AddCondition(GoalTable.GoalEndDate, ConditionOperator.GreaterEqual, date);
                }
                any = true;
            }
            if (ledgerGoalIds.Count > 0)
            {
                var before = query.Criteria.AddFilter(LogicalOperator.And);
                before.AddCondition(GoalTable.Id, ConditionOperator.In, ledgerGoalIds.Cast<object>().ToArray());
                any = true;
            }
            return any ? Read(service, query) : Array.Empty<GoalRow>();
        }

        /// <summary>Converts a goal row read with <see cref="GoalColumns.AllRead"/>.</summary>
        internal static GoalRow ToGoalRow(Entity row)
        {
            var values = ValuesOf(row);
            var queries = new Dictionary<string, Guid>(StringComparer.Ordinal);
            foreach (var type in GoalColumns.DataTypes)
                foreach (var bucket in GoalColumns.Buckets)
                {
                    var column = GoalColumns.RollupQuery(bucket, type);
                    var reference = row.GetAttributeValue<EntityReference>(column);
                    if (reference != null) queries[column] = reference.Id;
                }
            return new GoalRow(
                row.Id,
                row.GetAttributeValue<EntityReference>(GoalTable.GoalOwnerId),
                row.GetAttributeValue<EntityReference>(GoalTable.ParentGoalId)?.Id,
                row.GetAttributeValue<EntityReference>(GoalTable.MetricId)?.Id,
                row.GetAttributeValue<DateTime?>(GoalTable.GoalStartDate),
                row.GetAttributeValue<DateTime?>(GoalTable.GoalEndDate),
                row.GetAttributeValue<bool?>(GoalTable.RollupOnlyFromChildGoals) ?? false,
                row.GetAttributeValue<bool?>(GoalTable.ConsiderOnlyGoalOwnersRecords) ?? true,
                row.GetAttributeValue<bool?>(GoalTable.IsOverridden) ?? false,
                row.GetAttributeValue<OptionSetValue>(CommonColumns.StateCode)?.Value ?? GoalTable.State.Active,
                values,
                queries);
        }

        /// <summary>The rollup values and targets of a goal row, by column (money, decimal and whole numbers as decimals).</summary>
        internal static IReadOnlyDictionary<string, decimal?> ValuesOf(Entity row)
        {
            var values = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            foreach (var type in GoalColumns.DataTypes)
            {
                values[GoalColumns.Target(type)] = Number(row, GoalColumns.Target(type));
                foreach (var bucket in GoalColumns.Buckets)
                    values[GoalColumns.Value(bucket, type)] = Number(row, GoalColumns.Value(bucket, type));
            }
            return values;
        }

        private static decimal? Number(Entity row, string column)
        {
            if (!row.Attributes.TryGetValue(column, out var value)) return null;
            switch (value)
            {
                case Money money: return money.Value;
                case decimal number: return number;
                case int number: return number;
                default: return null;
            }
        }

        private static QueryExpression Query() =>
            new QueryExpression(GoalTable.LogicalName) { ColumnSet = new ColumnSet(GoalColumns.AllRead()) };

        private static IReadOnlyList<GoalRow> Read(IOrganizationService service, QueryExpression query) =>
            service.RetrieveMultiple(query).Entities.Select(ToGoalRow).ToList();
    }
}
