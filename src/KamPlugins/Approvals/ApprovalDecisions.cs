using System;
using KamPlugins.Model;

namespace KamPlugins.Approvals
{
    /// <summary>Why a requested action was refused.</summary>
    internal enum DecisionRefusal
    {
        /// <summary>Not refused.</summary>
        None,
        /// <summary>Not an action a user can ask for (Submit, or an unknown value).</summary>
        NotAnAction,
        /// <summary>The request is already decided (approved, rejected, recalled, consumed, expired by status).</summary>
        AlreadyDecided,
        /// <summary>The request is pending but its expiry has passed.</summary>
        Expired,
        /// <summary>The requester tried to approve or reject their own request.</summary>
        SelfApproval,
        /// <summary>The proposed new owner of a transfer tried to decide it.</summary>
        Beneficiary,
        /// <summary>Neither the current approver nor a KAM administrator.</summary>
        NotCurrentApprover,
        /// <summary>Someone other than the requester tried to recall.</summary>
        NotRequester,
    }

    /// <summary>The verdict on a requested action: refused (why), or allowed (and whether it is an administrator override).</summary>
    internal sealed class DecisionVerdict
    {
        private DecisionVerdict(DecisionRefusal refusal, bool isAdministratorOverride)
        {
            Refusal = refusal;
            IsAdministratorOverride = isAdministratorOverride;
        }

        internal DecisionRefusal Refusal { get; }

        /// <summary>A KAM administrator decided in place of the named current approver.</summary>
        internal bool IsAdministratorOverride { get; }

        internal bool IsAllowed => Refusal == DecisionRefusal.None;

        internal static DecisionVerdict Allowed(bool isOverride) => new DecisionVerdict(DecisionRefusal.None, isOverride);

        internal static DecisionVerdict Refused(DecisionRefusal refusal) => new DecisionVerdict(refusal, false);
    }

    /// <summary>What an allowed action does to the request.</summary>
    internal enum DecisionEffect
    {
        /// <summary>The request moves to the next level (a new approver is routed).</summary>
        NextLevel,
        /// <summary>The last level approved: the request is Approved.</summary>
        Approved,
        /// <summary>Rejected.</summary>
        Rejected,
        /// <summary>Recalled by the requester.</summary>
        Recalled,
    }

    /// <summary>
    /// Who may act on a request, and what the action does. Only the current approver or a KAM
    /// administrator approves or rejects; never the requester (even when they are an administrator,
    /// or their own top of chain) and never a transfer's beneficiary; only the requester recalls; only
    /// a pending, unexpired request can be decided; a decision is final.
    /// </summary>
    internal static class ApprovalDecisions
    {
        /// <summary>
        /// Judges <paramref name="action"/> by <paramref name="actorId"/> on <paramref name="request"/>.
        /// <paramref name="isAdministrator"/> is asked only when the answer matters (it costs a query).
        /// </summary>
        internal static DecisionVerdict Evaluate(ApprovalRequest request, int action, Guid actorId, DateTime utcNow, Func<bool> isAdministrator)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (isAdministrator == null) throw new ArgumentNullException(nameof(isAdministrator));
            if (action != (int)ApprovalAction.Approve && action != (int)ApprovalAction.Reject && action != (int)ApprovalAction.Recall)
                return DecisionVerdict.Refused(DecisionRefusal.NotAnAction);

            var status = request.EffectiveStatus(utcNow);
            if (request.Status == ApprovalStatus.Pending && status == ApprovalStatus.Expired) return DecisionVerdict.Refused(DecisionRefusal.Expired);
            if (status != ApprovalStatus.Pending) return DecisionVerdict.Refused(DecisionRefusal.AlreadyDecided);

            if (action == (int)ApprovalAction.Recall)
                return actorId == request.RequesterId ? DecisionVerdict.Allowed(false) : DecisionVerdict.Refused(DecisionRefusal.NotRequester);

            if (actorId == request.RequesterId) return DecisionVerdict.Refused(DecisionRefusal.SelfApproval);
            if (IsBeneficiary(request, actorId)) return DecisionVerdict.Refused(DecisionRefusal.Beneficiary);
            if (request.CurrentApproverId == actorId) return DecisionVerdict.Allowed(false);
            if (isAdministrator()) return DecisionVerdict.Allowed(!request.IsWithAdministrators);
            return DecisionVerdict.Refused(DecisionRefusal.NotCurrentApprover);
        }

        /// <summary>
        /// The effect of an allowed action. An approval completes the request at its last level, or
        /// when the administrators decide (they are the top of every chain); otherwise it moves to the
        /// next level — also when an administrator stood in for a named approver, so higher levels still
        /// decide.
        /// </summary>
        internal static DecisionEffect Effect(ApprovalRequest request, ApprovalAction action)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            switch (action)
            {
                case ApprovalAction.Reject: return DecisionEffect.Rejected;
                case ApprovalAction.Recall: return DecisionEffect.Recalled;
                case ApprovalAction.Approve:
                    return request.IsWithAdministrators || request.CurrentLevel >= request.RequiredLevels ? DecisionEffect.Approved : DecisionEffect.NextLevel;
                default: throw new ArgumentOutOfRangeException(nameof(action), action, "Not a decision.");
            }
        }

        /// <summary>The status an effect leaves the request in.</summary>
        internal static ApprovalStatus StatusAfter(DecisionEffect effect)
        {
            switch (effect)
            {
                case DecisionEffect.NextLevel: return ApprovalStatus.Pending;
                case DecisionEffect.Approved: return ApprovalStatus.Approved;
                case DecisionEffect.Rejected: return ApprovalStatus.Rejected;
                default: return ApprovalStatus.Recalled;
            }
        }

        /// <summary>The user a proposed owner names (null for a team or nothing): the transfer's beneficiary.</summary>
        internal static Guid? BeneficiaryOf(Microsoft.Xrm.Sdk.EntityReference proposedOwner) =>
            proposedOwner != null && proposedOwner.LogicalName == SystemUserTable.LogicalName ? proposedOwner.Id : (Guid?)null;

        /// <summary>True when <paramref name="userId"/> is the user a transfer request would give the record to.</summary>
        internal static bool IsBeneficiary(ApprovalRequest request, Guid userId) =>
            request.Type == ApprovalType.OwnershipTransfer &&
            request.Snapshot.ProposedOwner != null &&
            request.Snapshot.ProposedOwner.LogicalName == SystemUserTable.LogicalName &&
            request.Snapshot.ProposedOwner.Id == userId;
    }
}
