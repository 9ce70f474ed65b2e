using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KamPlugins.Model;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Goals.Data
{
    /// <summary>Reads and writes the contribution ledger (kam_goalcontribution).</summary>
    internal static class LedgerStore
    {
        private const int PageSize = 5000;
        private const int BulkSize = 1000;

        private static readonly string[] EntryColumns =
        {
            GoalContributionTable.GoalId, GoalContributionTable.Bucket, GoalContributionTable.SourceTable,
            GoalContributionTable.SourceId, GoalContributionTable.Amount,
        };

        /// <summary>A source record's contributions to every goal (1 RetrieveMultiple).</summary>
        internal static IReadOnlyList<LedgerEntry> ForSource(IOrganizationService service, string sourceTable, Guid sourceId)
        {
            var query = new QueryExpression(GoalContributionTable.LogicalName) { ColumnSet = new ColumnSet(EntryColumns) };
            query.Criteria.AddCondition(GoalContributionTable.SourceId, ConditionOperator.Equal, SourceIdText(sourceId));
            query.Criteria.AddCondition(GoalContributionTable.SourceTable, ConditionOperator.Equal, sourceTable);
            return service.RetrieveMultiple(query).Entities.Select(ToEntry).Where(e => e != null).ToList();
        }

        /// <summary>A goal's contributions (1 RetrieveMultiple per 5,000 rows).</summary>
        internal static IReadOnlyList<LedgerEntry> ForGoal(IOrganizationService service, Guid goalId)
        {
            var entries = new List<LedgerEntry>();
            var query = new QueryExpression(GoalContributionTable.LogicalName) { ColumnSet = new ColumnSet(EntryColumns) };
            query.Criteria.AddCondition(GoalContributionTable.GoalId, ConditionOperator.Equal, goalId);
            query.Orders.Add(new OrderExpression(GoalContributionTable.Id, OrderType.Ascending));
            query.PageInfo = new PagingInfo { PageNumber = 1, Count = PageSize };
            while (true)
            {
                var page = service.RetrieveMultiple(query);
                entries.AddRange(page.Entities.Select(ToEntry).Where(e => e != null));
                if (!page.MoreRecords) return entries;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }

        /// <summary>
        /// True when the goal column has a contribution from a record other than <paramref name="sourceId"/>
        /// (1 RetrieveMultiple of at most one row). Asked only when the last contribution the change
        /// knows of leaves a column, to tell a column that keeps a value from one that becomes empty.
        /// </summary>
        internal static bool HasOther(IOrganizationService service, Guid goalId, ContributionBucket bucket, Guid sourceId)
        {
            var query = new QueryExpression(GoalContributionTable.LogicalName) { ColumnSet = new ColumnSet(GoalContributionTable.Id), TopCount = 1 };
            query.Criteria.AddCondition(GoalContributionTable.GoalId, ConditionOperator.Equal, goalId);
            query.Criteria.AddCondition(GoalContributionTable.Bucket, ConditionOperator.Equal, (int)bucket);
            query.Criteria.AddCondition(GoalContributionTable.SourceId, ConditionOperator.NotEqual, SourceIdText(sourceId));
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }

        /// <summary>Creates one entry (1 Create).</summary>
        internal static void Create(IOrganizationService service, LedgerEntry entry) => service.Create(ToRow(entry));

        /// <summary>Creates entries, a thousand per CreateMultiple.</summary>
        internal static void CreateMany(IOrganizationService service, IReadOnlyList<LedgerEntry> entries)
        {
            for (var start = 0; start < entries.Count; start += BulkSize)
            {
                var batch = new EntityCollection(entries.Skip(start).Take(BulkSize).Select(ToRow).ToList())
                {
                    EntityName = GoalContributionTable.LogicalName,
                };
                var request = new OrganizationRequest(MessageNames.CreateMultiple);
                request.Parameters[ParameterNames.Targets] = batch;
                service.Execute(request);
            }
        }

        /// <summary>Sets an entry's amount (1 Update).</summary>
        internal static void SetAmount(IOrganizationService service, Guid rowId, decimal amount)
        {
            var row = new Entity(GoalContributionTable.LogicalName, rowId);
            row[GoalContributionTable.Amount] = amount;
            service.Update(row);
        }

        /// <summary>Deletes an entry (1 Delete).</summary>
        internal static void Delete(IOrganizationService service, Guid rowId) => service.Delete(GoalContributionTable.LogicalName, rowId);

        private static Entity ToRow(LedgerEntry entry)
        {
            var row = new Entity(GoalContributionTable.LogicalName, entry.RowId);
            row[GoalContributionTable.Name] = $"{entry.SourceTable} {entry.SourceId:D}";
            row[GoalContributionTable.GoalId] = new EntityReference(GoalTable.LogicalName, entry.GoalId);
            row[GoalContributionTable.Bucket] = new OptionSetValue((int)entry.Bucket);
            row[GoalContributionTable.SourceTable] = entry.SourceTable;
            row[GoalContributionTable.SourceId] = SourceIdText(entry.SourceId);
            row[GoalContributionTable.Amount] = entry.Amount;
            // Lookups for the managers' views ("which records make this goal's number").
            if (entry.SourceTable == OpportunityTable.LogicalName)
                row[GoalContributionTable.OpportunityId] = new EntityReference(OpportunityTable.LogicalName, entry.SourceId);
            else if (entry.SourceTable == ContractTable.LogicalName)
                row[GoalContributionTable.ContractId] = new EntityReference(ContractTable.LogicalName, entry.SourceId);
            return row;
        }

        private static LedgerEntry ToEntry(Entity row)
        {
            var goal = row.GetAttributeValue<EntityReference>(GoalContributionTable.GoalId);
            var bucket = row.GetAttributeValue<OptionSetValue>(GoalContributionTable.Bucket);
            var table = row.GetAttributeValue<string>(GoalContributionTable.SourceTable);
            var sourceText = row.GetAttributeValue<string>(GoalContributionTable.SourceId);
            // A row missing its key columns was not written by the engine: nothing can be said of it.
            if (goal == null || bucket == null || table == null || !Guid.TryParse(sourceText, out var sourceId)) return null;
            return new LedgerEntry(goal.Id, (ContributionBucket)bucket.Value, table, sourceId,
                row.GetAttributeValue<decimal?>(GoalContributionTable.Amount) ?? 0m, row.Id);
        }

        /// <summary>The text form of a source id in kam_sourceid (lower-case, hyphenated).</summary>
        internal static string SourceIdText(Guid sourceId) => sourceId.ToString("D", CultureInfo.InvariantCulture);
    }
}
