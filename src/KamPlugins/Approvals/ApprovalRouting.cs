using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Configuration;

namespace KamPlugins.Approvals
{
    /// <summary>A user as routing sees them: who they are, whether they can still act, their name for messages.</summary>
    internal sealed class ApproverCandidate
    {
        internal ApproverCandidate(Guid userId, bool isDisabled, string fullName)
        {
            UserId = userId;
            IsDisabled = isDisabled;
            FullName = fullName;
        }

        internal Guid UserId { get; }
        internal bool IsDisabled { get; }
        internal string FullName { get; }
    }

    /// <summary>Why a request went to the KAM administrators instead of a person.</summary>
    internal enum AdministratorRouting
    {
        /// <summary>Not routed to the administrators.</summary>
        None,
        /// <summary>The previous person has no manager.</summary>
        ChainEnded,
        /// <summary>The manager is the requester (the requester is their own top of chain, or the chain loops back).</summary>
        LoopsToRequester,
        /// <summary>The manager already approved an earlier level (a loop in the chain).</summary>
        LoopsToEarlierApprover,
        /// <summary>The manager is the proposed new owner of a transfer (nobody approves what benefits them).</summary>
        Beneficiary,
        /// <summary>The manager is disabled.</summary>
        DisabledUser,
    }

    /// <summary>Who decides a level: a named person, or the KAM administrators (with the reason).</summary>
    internal sealed class ApproverAssignment
    {
        private ApproverAssignment(ApproverCandidate user, AdministratorRouting reason)
        {
            User = user;
            AdministratorReason = reason;
        }

        /// <summary>The person, or null when the administrators decide.</summary>
        internal ApproverCandidate User { get; }

        /// <summary>Why the administrators decide (None when a person does).</summary>
        internal AdministratorRouting AdministratorReason { get; }

        internal bool IsAdministrators => User == null;

        internal static ApproverAssignment Person(ApproverCandidate user) => new ApproverAssignment(user ?? throw new ArgumentNullException(nameof(user)), AdministratorRouting.None);

        internal static ApproverAssignment Administrators(AdministratorRouting reason) => new ApproverAssignment(null, reason);
    }

    /// <summary>
    /// Routing up the management chain: level 1 is the requester's manager, level N the manager of
    /// level N−1's approver. Whenever the chain cannot give a proper person — it ends, loops back to the
    /// requester or to an earlier approver, reaches the transfer's beneficiary, or reaches a disabled
    /// user — the KAM administrators decide. So a request is never stuck and nobody approves their own.
    /// </summary>
    internal static class ApprovalRouting
    {
        /// <summary>
        /// The approver of the next level.
        /// </summary>
        /// <param name="manager">The manager of the previous person (the requester for level 1); null when there is none.</param>
        /// <param name="requesterId">The requester.</param>
        /// <param name="beneficiaryId">The user a transfer would give the record to, if any.</param>
        /// <param name="earlierApprovers">People who approved (or decided for) earlier levels of this request.</param>
        internal static ApproverAssignment Next(ApproverCandidate manager, Guid requesterId, Guid? beneficiaryId, IEnumerable<Guid> earlierApprovers)
        {
            if (manager == null || manager.UserId == Guid.Empty) return ApproverAssignment.Administrators(AdministratorRouting.ChainEnded);
            if (manager.UserId == requesterId) return ApproverAssignment.Administrators(AdministratorRouting.LoopsToRequester);
            if (earlierApprovers != null && earlierApprovers.Contains(manager.UserId)) return ApproverAssignment.Administrators(AdministratorRouting.LoopsToEarlierApprover);
            if (beneficiaryId.HasValue && manager.UserId == beneficiaryId.Value) return ApproverAssignment.Administrators(AdministratorRouting.Beneficiary);
            if (manager.IsDisabled) return ApproverAssignment.Administrators(AdministratorRouting.DisabledUser);
            return ApproverAssignment.Person(manager);
        }
    }

    /// <summary>How many levels a request needs: one, two from the second-level threshold, three from the third.</summary>
    internal static class ApprovalLevels
    {
        /// <summary>The highest number of levels any request needs.</summary>
        internal const int Maximum = 3;

        /// <summary>Levels for <paramref name="amount"/> (no amount: one level).</summary>
        internal static int Required(decimal? amount, KamSettings settings)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            if (amount == null) return 1;
            if (amount.Value >= settings.ThirdLevelThreshold) return 3;
            if (amount.Value >= settings.SecondLevelThreshold) return 2;
            return 1;
        }
    }
}
