using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Model;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Approvals.Data
{
    /// <summary>
    /// Reads and writes kam_approvalrequest and kam_approvaldecision rows: exact queries with named
    /// columns, one service call per method (as SYSTEM: the approvals are the product's bookkeeping).
    /// </summary>
    internal sealed class ApprovalRequestStore
    {
        /// <summary>How many requests of a record one query looks at (newest first): a record has a handful.</summary>
        internal const int RecentRequestsLimit = 20;

        /// <summary>The columns every read of a request fetches.</summary>
        internal static readonly string[] Columns =
        {
            ApprovalRequestTable.Id,
            ApprovalRequestTable.Name,
            ApprovalRequestTable.RequestType,
            ApprovalRequestTable.Status,
            ApprovalRequestTable.RegardingAccountId,
            ApprovalRequestTable.RegardingOpportunityId,
            ApprovalRequestTable.RegardingContractId,
            ApprovalRequestTable.ProposedOwnerId,
            ApprovalRequestTable.SnapshotAmount,
            ApprovalRequestTable.SnapshotCustomerId,
            ApprovalRequestTable.SnapshotOwnerId,
            ApprovalRequestTable.ProposedState,
            ApprovalRequestTable.RequesterId,
            ApprovalRequestTable.CurrentApproverId,
            ApprovalRequestTable.ApproverTeamId,
            ApprovalRequestTable.CurrentLevel,
            ApprovalRequestTable.RequiredLevels,
            ApprovalRequestTable.ExpiresOn,
            ApprovalRequestTable.DecidedOn,
            ApprovalRequestTable.DecidedById,
            ApprovalRequestTable.ConsumedOn,
            CommonColumns.CreatedOn,
        };

        private readonly IOrganizationService service;

        internal ApprovalRequestStore(IOrganizationService service)
        {
            this.service = service ?? throw new ArgumentNullException(nameof(service));
        }

        /// <summary>
        /// The newest requests for <paramref name="record"/> of the given types and statuses (null: any),
        /// newest first (1 RetrieveMultiple).
        /// </summary>
        internal IReadOnlyList<ApprovalRequest> ForRecord(EntityReference record, IEnumerable<ApprovalType> types, IEnumerable<ApprovalStatus> statuses)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            var regarding = ApprovalTypes.RegardingColumn(record.LogicalName);
            if (regarding == null) return Array.Empty<ApprovalRequest>();
            var query = new QueryExpression(ApprovalRequestTable.LogicalName)
            {
                ColumnSet = new ColumnSet(Columns),
                TopCount = RecentRequestsLimit,
            };
            query.Criteria.AddCondition(regarding, ConditionOperator.Equal, record.Id);
            var typeValues = types?.Select(t => (object)(int)t).ToArray();
            if (typeValues != null && typeValues.Length > 0) query.Criteria.AddCondition(ApprovalRequestTable.RequestType, ConditionOperator.In, typeValues);
            var statusValues = statuses?.Select(s => (object)(int)s).ToArray();
            if (statusValues != null && statusValues.Length > 0) query.Criteria.AddCondition(ApprovalRequestTable.Status, ConditionOperator.In, statusValues);
            query.AddOrder(CommonColumns.CreatedOn, OrderType.Descending);
            return service.RetrieveMultiple(query).Entities.Select(FromEntity).ToList();
        }

        /// <summary>The request with <paramref name="id"/>, or null (1 RetrieveMultiple: a missing row is an answer, not a fault).</summary>
        internal ApprovalRequest Find(Guid id)
        {
            var query = new QueryExpression(ApprovalRequestTable.LogicalName) { ColumnSet = new ColumnSet(Columns), TopCount = 1 };
            query.Criteria.AddCondition(ApprovalRequestTable.Id, ConditionOperator.Equal, id);
            var rows = service.RetrieveMultiple(query).Entities;
            return rows.Count == 0 ? null : FromEntity(rows[0]);
        }

        /// <summary>
        /// Takes the request row's write lock inside the current transaction (Microsoft's pre-lock
        /// pattern) by writing its name back unchanged (1 Update). Nothing changes, so no step of the
        /// request reacts; whoever reads the row after this sees the last committed decision.
        /// </summary>
        internal void Lock(ApprovalRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var row = new Entity(ApprovalRequestTable.LogicalName, request.Id);
            row[ApprovalRequestTable.Name] = request.Name;
            service.Update(row);
        }

        /// <summary>Marks an approved request used (1 Update). The caller announces the engine write first.</summary>
        internal void MarkConsumed(Guid requestId, DateTime utcNow)
        {
            var row = new Entity(ApprovalRequestTable.LogicalName, requestId);
            row[ApprovalRequestTable.Status] = new OptionSetValue((int)ApprovalStatus.Consumed);
            row[ApprovalRequestTable.ConsumedOn] = utcNow;
            service.Update(row);
        }

        /// <summary>Marks a pending request whose expiry has passed Expired (1 Update). The caller announces the engine write first.</summary>
        internal void MarkExpired(Guid requestId)
        {
            var row = new Entity(ApprovalRequestTable.LogicalName, requestId);
            row[ApprovalRequestTable.Status] = new OptionSetValue((int)ApprovalStatus.Expired);
            service.Update(row);
        }

        /// <summary>
        /// Records one entry of a request's history (1 Upsert). The id is derived from the request, the
        /// operation, the level and the action, so a step the platform raises twice writes it once. The write
        /// is announced in <paramref name="sharedVariables"/> (see <see cref="EngineWrites"/>).
        /// </summary>
        internal void WriteDecision(ParameterCollection sharedVariables, Guid requestId, Guid correlationId, Guid deciderId, DateTime decidedOn, int level, ApprovalAction action, string comment, string requestName)
        {
            var id = StableId.For($"approvaldecision:{requestId:N}:{correlationId:N}:{level}:{(int)action}");
            // The history guard lets only announced engine writes through.
            EngineWrites.Announce(sharedVariables, id);
            var row = new Entity(ApprovalDecisionTable.LogicalName, id);
            row[ApprovalDecisionTable.Name] = Truncate($"{action} L{level}: {requestName}", 100);
            row[ApprovalDecisionTable.ApprovalRequestId] = new EntityReference(ApprovalRequestTable.LogicalName, requestId);
            if (deciderId != Guid.Empty) row[ApprovalDecisionTable.DeciderId] = new EntityReference(SystemUserTable.LogicalName, deciderId);
            row[ApprovalDecisionTable.DecidedOn] = decidedOn;
            row[ApprovalDecisionTable.Level] = level;
            row[ApprovalDecisionTable.Action] = new OptionSetValue((int)action);
            if (!string.IsNullOrEmpty(comment)) row[ApprovalDecisionTable.Comment] = Truncate(comment, 2000);
            service.Execute(new UpsertRequest { Target = row });
        }

        /// <summary>The users who approved earlier levels of a request (1 RetrieveMultiple over its history).</summary>
        internal IReadOnlyList<Guid> EarlierApprovers(Guid requestId)
        {
            var query = new QueryExpression(ApprovalDecisionTable.LogicalName) { ColumnSet = new ColumnSet(ApprovalDecisionTable.DeciderId) };
            query.Criteria.AddCondition(ApprovalDecisionTable.ApprovalRequestId, ConditionOperator.Equal, requestId);
            query.Criteria.AddCondition(ApprovalDecisionTable.Action, ConditionOperator.Equal, (int)ApprovalAction.Approve);
            return service.RetrieveMultiple(query).Entities
                .Select(row => row.GetAttributeValue<EntityReference>(ApprovalDecisionTable.DeciderId))
                .Where(decider => decider != null)
                .Select(decider => decider.Id)
                .ToList();
        }

        /// <summary>Maps a row (or a pre-image) to the rules' value. Missing columns read as empty.</summary>
        internal static ApprovalRequest FromEntity(Entity row)
        {
            if (row == null) throw new ArgumentNullException(nameof(row));
            var typeValue = row.GetAttributeValue<OptionSetValue>(ApprovalRequestTable.RequestType)?.Value;
            var statusValue = row.GetAttributeValue<OptionSetValue>(ApprovalRequestTable.Status)?.Value;
            var snapshot = new ApprovalSnapshot(
                row.GetAttributeValue<Money>(ApprovalRequestTable.SnapshotAmount)?.Value,
                row.GetAttributeValue<EntityReference>(ApprovalRequestTable.SnapshotCustomerId),
                row.GetAttributeValue<EntityReference>(ApprovalRequestTable.ProposedOwnerId),
                row.Contains(ApprovalRequestTable.ProposedState) ? row.GetAttributeValue<int?>(ApprovalRequestTable.ProposedState) : null);
            return new ApprovalRequest(
                row.Id,
                row.GetAttributeValue<string>(ApprovalRequestTable.Name),
                typeValue.HasValue && ApprovalTypes.IsDefined(typeValue.Value) ? (ApprovalType?)typeValue.Value : null,
                statusValue.HasValue && Enum.IsDefined(typeof(ApprovalStatus), statusValue.Value) ? (ApprovalStatus?)statusValue.Value : null,
                RecordOf(row),
                snapshot,
                row.GetAttributeValue<EntityReference>(ApprovalRequestTable.SnapshotOwnerId),
                row.GetAttributeValue<EntityReference>(ApprovalRequestTable.RequesterId)?.Id ?? Guid.Empty,
                row.GetAttributeValue<EntityReference>(ApprovalRequestTable.CurrentApproverId)?.Id,
                row.GetAttributeValue<EntityReference>(ApprovalRequestTable.ApproverTeamId)?.Id,
                row.GetAttributeValue<int?>(ApprovalRequestTable.CurrentLevel) ?? 0,
                row.GetAttributeValue<int?>(ApprovalRequestTable.RequiredLevels) ?? 0,
                row.GetAttributeValue<DateTime?>(ApprovalRequestTable.ExpiresOn),
                row.GetAttributeValue<DateTime?>(ApprovalRequestTable.DecidedOn),
                row.GetAttributeValue<EntityReference>(ApprovalRequestTable.DecidedById)?.Id,
                row.GetAttributeValue<DateTime?>(ApprovalRequestTable.ConsumedOn),
                row.GetAttributeValue<DateTime?>(CommonColumns.CreatedOn));
        }

        /// <summary>The record a request row concerns: the first regarding column set, or null.</summary>
        internal static EntityReference RecordOf(Entity row)
        {
            foreach (var column in ApprovalTypes.RegardingColumns)
            {
                var reference = row.GetAttributeValue<EntityReference>(column.Key);
                if (reference != null) return new EntityReference(column.Value, reference.Id);
            }
            return null;
        }

        private static string Truncate(string text, int length) => text == null || text.Length <= length ? text : text.Substring(0, length);
    }
}
