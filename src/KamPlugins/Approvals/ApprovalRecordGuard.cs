using System;
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
    /// Keeps the approval record whole: the history (kam_approvaldecision) is written only by the engine
    /// — entries cannot be added, changed or deleted by anyone else (they go only with their request) —
    /// and a request can be deleted only by a KAM administrator (recorded as an override).
    /// </summary>
    internal static class ApprovalRecordGuard
    {
        /// <summary>PreValidation of Create/Update of kam_approvaldecision: only the engine's announced writes (0 calls).</summary>
        internal static void CheckHistoryWrite(LocalPluginContext context)
        {
            var target = context.Target;
            if (target == null) return;
            var id = target.Id != Guid.Empty ? target.Id : context.PrimaryEntityId;
            if (id != Guid.Empty && EngineWrites.IsAnnounced(context.PluginExecutionContext, id)) return;
            var request = target.GetAttributeValue<EntityReference>(ApprovalDecisionTable.ApprovalRequestId);
            Refuse(context, ApprovalTexts.HistoryIsTheEngines,
                request != null ? new EntityReference(ApprovalRequestTable.LogicalName, request.Id) : new EntityReference(ApprovalDecisionTable.LogicalName, id),
                context.MessageName + " of an approval history entry");
        }

        /// <summary>
        /// PreValidation of Delete of kam_approvaldecision: only as part of deleting its request (the
        /// relationship's cascade) (0 calls).
        /// </summary>
        internal static void CheckHistoryDelete(LocalPluginContext context)
        {
            var record = context.TargetReference;
            if (record == null) return;
            var request = context.PreImage?.GetAttributeValue<EntityReference>(ApprovalDecisionTable.ApprovalRequestId);
            if (request != null && EngineWrites.IsBeingDeleted(context.PluginExecutionContext, new EntityReference(ApprovalRequestTable.LogicalName, request.Id))) return;
            Refuse(context, ApprovalTexts.HistoryIsTheEngines, record, "Delete of an approval history entry");
        }

        /// <summary>
        /// Delete of kam_approvalrequest: PreValidation refuses anyone but a KAM administrator (2 calls);
        /// PreOperation records the administrator's deletion as an override, inside the transaction.
        /// </summary>
        internal static void CheckRequestDelete(LocalPluginContext context)
        {
            var record = context.TargetReference;
            if (record == null) return;
            var settings = SettingsReader.Read(context);
            var isAdministrator = KamAdministrators.IsMember(context.SystemService, context.InitiatingUserId, settings.KamAdministratorsTeam);
            var name = context.PreImage?.GetAttributeValue<string>(ApprovalRequestTable.Name) ?? record.Id.ToString("D");
            if (context.Stage != Platform.Registration.PipelineStage.PreValidation)
            {
                if (isAdministrator)
                    GuardEventWriter.Write(context, Event(context, record, name, GuardEventOutcome.AdministratorOverride, null));
                return;
            }
            if (isAdministrator) return;
            Refuse(context, ApprovalTexts.Format(ApprovalTexts.RequestCannotBeDeleted, name), record, "Delete of an approval request");
        }

        private static void Refuse(LocalPluginContext context, LocalizedText refusal, EntityReference record, string attempted)
        {
            if (!context.PluginExecutionContext.IsInTransaction)
                GuardEventWriter.Write(context, Event(context, record, null, GuardEventOutcome.Refused, refusal.Bilingual, attempted));
            throw new KamException(refusal);
        }

        private static GuardEvent Event(LocalPluginContext context, EntityReference record, string name, GuardEventOutcome outcome, string reason, string attempted = "Delete of an approval request") =>
            new GuardEvent(GuardEventKind.ApprovalTampering, outcome, context.InitiatingUserId, context.UserId, context.MessageName, record, name,
                attempted, reason, record.LogicalName == ApprovalRequestTable.LogicalName ? record.Id : (Guid?)null, context.Clock.UtcNow,
                context.PluginExecutionContext.CorrelationId);
    }
}
