using KamPlugins.Approvals;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// Keeps every decision: approval history entries (kam_approvaldecision) are written only by the
    /// approval engine and deleted only with their request; approval requests are deleted only by a KAM
    /// administrator (recorded as an override).
    /// </summary>
    [PluginStep(MessageNames.Create, ApprovalDecisionTable.LogicalName, PipelineStage.PreValidation,
        Description = "Approval history: only the approval engine adds entries.")]
    [PluginStep(MessageNames.Update, ApprovalDecisionTable.LogicalName, PipelineStage.PreValidation,
        FilteringAttributes = new[]
        {
            ApprovalDecisionTable.Name, ApprovalDecisionTable.ApprovalRequestId, ApprovalDecisionTable.DeciderId, ApprovalDecisionTable.DecidedOn,
            ApprovalDecisionTable.Level, ApprovalDecisionTable.Action, ApprovalDecisionTable.Comment,
        },
        Description = "Approval history: entries cannot be changed.")]
    [PluginStep(MessageNames.Delete, ApprovalDecisionTable.LogicalName, PipelineStage.PreValidation,
        PreImage = new[] { ApprovalDecisionTable.ApprovalRequestId },
        Description = "Approval history: entries go only with their request.")]
    [PluginStep(MessageNames.Delete, ApprovalRequestTable.LogicalName, PipelineStage.PreValidation,
        PreImage = new[] { ApprovalRequestTable.Name },
        Description = "Approval request deleted: KAM administrators only (refusal recorded outside the transaction).")]
    [PluginStep(MessageNames.Delete, ApprovalRequestTable.LogicalName, PipelineStage.PreOperation,
        PreImage = new[] { ApprovalRequestTable.Name },
        Description = "Approval request deleted by a KAM administrator: record the override.")]
    public sealed class ApprovalRecordGuardPlugin : PluginBase
    {
        /// <summary>Creates the plugin (configuration strings are not used).</summary>
        public ApprovalRecordGuardPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            if (context.PrimaryEntityName == ApprovalRequestTable.LogicalName) ApprovalRecordGuard.CheckRequestDelete(context);
            else if (context.MessageName == MessageNames.Delete) ApprovalRecordGuard.CheckHistoryDelete(context);
            else ApprovalRecordGuard.CheckHistoryWrite(context);
        }
    }
}
