using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Approvals.Data;
using KamPlugins.Configuration;
using KamPlugins.Guard;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Localization;
using KamPlugins.Security;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Approvals
{
    /// <summary>
    /// The pending lock: while a request is pending, the columns it is about can be changed only by its
    /// current approver or a KAM administrator (the record lock Power Automate approvals lack). This
    /// class enforces it for opportunity win/loss and contract activation/termination requests — amount
    /// and state; the ownership lock enforces owner and customer for every request type.
    /// </summary>
    /// <remarks>
    /// The decision is made in PreValidation (<see cref="Check"/>): 0 calls when no locked column changes,
    /// 1 query otherwise. It needs no second look inside the transaction: a request submitted after the
    /// check snapshots the record before this change commits, so it no longer matches afterwards and
    /// authorises nothing. An administrator's change is recorded as an override by the PreOperation step
    /// (<see cref="RecordOverride"/>), inside the transaction, so only a change that commits is recorded.
    /// </remarks>
    internal static class PendingLock
    {
        /// <summary>PreValidation: refuses a change of locked columns while a request of <paramref name="types"/> is pending.</summary>
        internal static void Check(LocalPluginContext context, EntityReference record, string recordName, IReadOnlyList<string> changedColumns,
            IEnumerable<ApprovalType> types, LocalizedText lockedColumns)
        {
            if (changedColumns == null || changedColumns.Count == 0) return;
            var now = context.Clock.UtcNow;
            var pending = ApprovalLedger.For(context).PendingRequests(record, types, now);
            if (pending.Count == 0) return;
            var actor = context.InitiatingUserId;
            var blocking = pending.FirstOrDefault(r => r.CurrentApproverId != actor);
            if (blocking == null) return; // the current approver of every pending request

            var settings = SettingsReader.Read(context);
            if (KamAdministrators.IsMember(context.SystemService, actor, settings.KamAdministratorsTeam))
            {
                EngineWrites.MarkPendingLockOverride(context.SharedVariables, record.Id, blocking.Id);
                return;
            }

            var names = new ApproverNames(new UserDirectory(context.SystemService), settings);
            var refusal = ApprovalTexts.Format(ApprovalTexts.PendingLock, recordName ?? record.Id.ToString("D"),
                ApprovalTexts.TypeName(blocking.Type ?? ApprovalType.OpportunityWin), names.CurrentApprover(blocking), lockedColumns);
            if (!context.PluginExecutionContext.IsInTransaction)
                GuardEventWriter.Write(context, Event(context, record, recordName, changedColumns, GuardEventOutcome.Refused, refusal.Bilingual, blocking.Id));
            throw new KamException(refusal);
        }

        /// <summary>PreOperation: records the administrator's override the PreValidation step allowed (0 calls when there is none).</summary>
        internal static void RecordOverride(LocalPluginContext context, EntityReference record, string recordName, IReadOnlyList<string> changedColumns)
        {
            var request = EngineWrites.PendingLockOverride(context.PluginExecutionContext, record.Id);
            if (request == null) return;
            GuardEventWriter.Write(context, Event(context, record, recordName, changedColumns, GuardEventOutcome.AdministratorOverride, null, request));
        }

        private static GuardEvent Event(LocalPluginContext context, EntityReference record, string recordName, IReadOnlyList<string> changedColumns,
            GuardEventOutcome outcome, string reason, Guid? requestId)
        {
            var target = context.Target;
            var pre = context.PreImage;
            var change = string.Join(Environment.NewLine, (changedColumns ?? Array.Empty<string>()).Select(column =>
                column + ": " + ColumnValues.Describe(pre != null && pre.Contains(column) ? pre[column] : null) + " → " +
                ColumnValues.Describe(target != null && target.Contains(column) ? target[column] : null)));
            return new GuardEvent(GuardEventKind.PendingLock, outcome, context.InitiatingUserId, context.UserId, context.MessageName,
                record, recordName, change, reason, requestId, context.Clock.UtcNow, context.PluginExecutionContext.CorrelationId);
        }
    }
}
