using KamPlugins.Approvals;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// Decisions on and protection of approval requests (Update of kam_approvalrequest). A user asks for
    /// Approve, Reject or Recall by writing kam_requestedaction (with kam_actioncomment); every other
    /// column is the engine's. PreValidation refuses what is not allowed and records the refusal
    /// outside the transaction; PreOperation re-reads the request under its row lock, applies the
    /// decision and writes the history.
    /// </summary>
    [PluginStep(MessageNames.Update, ApprovalRequestTable.LogicalName, PipelineStage.PreValidation,
        FilteringAttributes = new[]
        {
            ApprovalRequestTable.Name, ApprovalRequestTable.RequestType, ApprovalRequestTable.Status, ApprovalRequestTable.RegardingAccountId,
            ApprovalRequestTable.RegardingOpportunityId, ApprovalRequestTable.RegardingContractId, ApprovalRequestTable.ProposedOwnerId,
            ApprovalRequestTable.SnapshotAmount, ApprovalRequestTable.SnapshotCustomerId, ApprovalRequestTable.SnapshotOwnerId, ApprovalRequestTable.ProposedState,
            ApprovalRequestTable.RequesterId, ApprovalRequestTable.CurrentApproverId, ApprovalRequestTable.ApproverTeamId, ApprovalRequestTable.CurrentLevel,
            ApprovalRequestTable.RequiredLevels, ApprovalRequestTable.Justification, ApprovalRequestTable.ExpiresOn, ApprovalRequestTable.DecidedOn,
            ApprovalRequestTable.DecidedById, ApprovalRequestTable.ConsumedOn, CommonColumns.StateCode, CommonColumns.StatusCode,
            ApprovalRequestTable.RequestedAction, ApprovalRequestTable.ActionComment,
        },
        PreImage = new[]
        {
            ApprovalRequestTable.Name, ApprovalRequestTable.RequestType, ApprovalRequestTable.Status, ApprovalRequestTable.RegardingAccountId,
            ApprovalRequestTable.RegardingOpportunityId, ApprovalRequestTable.RegardingContractId, ApprovalRequestTable.ProposedOwnerId,
            ApprovalRequestTable.SnapshotAmount, ApprovalRequestTable.SnapshotCustomerId, ApprovalRequestTable.SnapshotOwnerId, ApprovalRequestTable.ProposedState,
            ApprovalRequestTable.RequesterId, ApprovalRequestTable.CurrentApproverId, ApprovalRequestTable.ApproverTeamId, ApprovalRequestTable.CurrentLevel,
            ApprovalRequestTable.RequiredLevels, ApprovalRequestTable.Justification, ApprovalRequestTable.ExpiresOn, ApprovalRequestTable.DecidedOn,
            ApprovalRequestTable.DecidedById, ApprovalRequestTable.ConsumedOn, CommonColumns.StateCode, CommonColumns.StatusCode,
            ApprovalRequestTable.RequestedAction, ApprovalRequestTable.ActionComment,
        },
        Description = "Approval request changed: refuse what is not allowed (guard event outside the transaction).")]
    [PluginStep(MessageNames.Update, ApprovalRequestTable.LogicalName, PipelineStage.PreOperation,
        FilteringAttributes = new[]
        {
            ApprovalRequestTable.Name, ApprovalRequestTable.RequestType, ApprovalRequestTable.Status, ApprovalRequestTable.RegardingAccountId,
            ApprovalRequestTable.RegardingOpportunityId, ApprovalRequestTable.RegardingContractId, ApprovalRequestTable.ProposedOwnerId,
            ApprovalRequestTable.SnapshotAmount, ApprovalRequestTable.SnapshotCustomerId, ApprovalRequestTable.SnapshotOwnerId, ApprovalRequestTable.ProposedState,
            ApprovalRequestTable.RequesterId, ApprovalRequestTable.CurrentApproverId, ApprovalRequestTable.ApproverTeamId, ApprovalRequestTable.CurrentLevel,
            ApprovalRequestTable.RequiredLevels, ApprovalRequestTable.Justification, ApprovalRequestTable.ExpiresOn, ApprovalRequestTable.DecidedOn,
            ApprovalRequestTable.DecidedById, ApprovalRequestTable.ConsumedOn, CommonColumns.StateCode, CommonColumns.StatusCode,
            ApprovalRequestTable.RequestedAction, ApprovalRequestTable.ActionComment,
        },
        PreImage = new[]
        {
            ApprovalRequestTable.Name, ApprovalRequestTable.RequestType, ApprovalRequestTable.Status, ApprovalRequestTable.RegardingAccountId,
            ApprovalRequestTable.RegardingOpportunityId, ApprovalRequestTable.RegardingContractId, ApprovalRequestTable.ProposedOwnerId,
            ApprovalRequestTable.SnapshotAmount, ApprovalRequestTable.SnapshotCustomerId, ApprovalRequestTable.SnapshotOwnerId, ApprovalRequestTable.ProposedState,
            ApprovalRequestTable.RequesterId, ApprovalRequestTable.CurrentApproverId, ApprovalRequestTable.ApproverTeamId, ApprovalRequestTable.CurrentLevel,
            ApprovalRequestTable.RequiredLevels, ApprovalRequestTable.Justification, ApprovalRequestTable.ExpiresOn, ApprovalRequestTable.DecidedOn,
            ApprovalRequestTable.DecidedById, ApprovalRequestTable.ConsumedOn, CommonColumns.StateCode, CommonColumns.StatusCode,
            ApprovalRequestTable.RequestedAction, ApprovalRequestTable.ActionComment,
        },
        Description = "Approval request decision: apply it under the row lock and write the history.")]
    public sealed class ApprovalRequestUpdatePlugin : PluginBase
    {
        /// <summary>Creates the plugin (configuration strings are not used).</summary>
        public ApprovalRequestUpdatePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            if (context.Stage == PipelineStage.PreValidation) ApprovalRequestChanges.Check(context);
            else ApprovalRequestChanges.Apply(context);
        }
    }
}
