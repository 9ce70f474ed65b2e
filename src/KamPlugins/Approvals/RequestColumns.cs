using KamPlugins.Model;

namespace KamPlugins.Approvals
{
    /// <summary>
    /// The columns of kam_approvalrequest by role: what only the engine writes, and the action channel
    /// users write to ask for a decision.
    /// </summary>
    internal static class RequestColumns
    {
        /// <summary>
        /// Columns a client can never change after submission: everything the engine sets or the request
        /// was submitted with. (The action channel — kam_requestedaction, kam_actioncomment — is not here.)
        /// </summary>
        internal static readonly string[] Protected =
        {
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
            ApprovalRequestTable.Justification,
            ApprovalRequestTable.ExpiresOn,
            ApprovalRequestTable.DecidedOn,
            ApprovalRequestTable.DecidedById,
            ApprovalRequestTable.ConsumedOn,
            CommonColumns.StateCode,
            CommonColumns.StatusCode,
        };

        /// <summary>The action channel: a user asks for Approve/Reject/Recall with an optional comment.</summary>
        internal static readonly string[] ActionChannel =
        {
            ApprovalRequestTable.RequestedAction,
            ApprovalRequestTable.ActionComment,
        };

        /// <summary>
        /// Every column the Update steps of kam_approvalrequest filter on and hold in their pre-image
        /// (the protected ones and the action channel).
        /// </summary>
        internal static readonly string[] Watched =
        {
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
            ApprovalRequestTable.Justification,
            ApprovalRequestTable.ExpiresOn,
            ApprovalRequestTable.DecidedOn,
            ApprovalRequestTable.DecidedById,
            ApprovalRequestTable.ConsumedOn,
            CommonColumns.StateCode,
            CommonColumns.StatusCode,
            ApprovalRequestTable.RequestedAction,
            ApprovalRequestTable.ActionComment,
        };
    }
}
