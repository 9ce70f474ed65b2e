using System;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Approvals
{
    /// <summary>
    /// One kam_approvalrequest row as the engine's rules see it. Immutable; built by
    /// <see cref="Data.ApprovalRequestStore"/> from the row.
    /// </summary>
    internal sealed class ApprovalRequest
    {
        internal ApprovalRequest(
            Guid id,
            string name,
            ApprovalType? type,
            ApprovalStatus? status,
            EntityReference record,
            ApprovalSnapshot snapshot,
            EntityReference snapshotOwner,
            Guid requesterId,
            Guid? currentApproverId,
            Guid? approverTeamId,
            int currentLevel,
            int requiredLevels,
            DateTime? expiresOn,
            DateTime? decidedOn,
            Guid? decidedById,
            DateTime? consumedOn,
            DateTime? createdOn)
        {
            Id = id;
            Name = name;
            Type = type;
            Status = status;
            Record = record;
            Snapshot = snapshot ?? new ApprovalSnapshot(null, null, null, null);
            SnapshotOwner = snapshotOwner;
            RequesterId = requesterId;
            CurrentApproverId = currentApproverId;
            ApproverTeamId = approverTeamId;
            CurrentLevel = currentLevel;
            RequiredLevels = requiredLevels;
            ExpiresOn = expiresOn;
            DecidedOn = decidedOn;
            DecidedById = decidedById;
            ConsumedOn = consumedOn;
            CreatedOn = createdOn;
        }

        internal Guid Id { get; }
        internal string Name { get; }
        /// <summary>Null when the stored value is not a known type (never written by the engine).</summary>
        internal ApprovalType? Type { get; }
        /// <summary>Null when the stored value is not a known status (never written by the engine).</summary>
        internal ApprovalStatus? Status { get; }
        /// <summary>The account, opportunity or contract the request concerns (null when none is set).</summary>
        internal EntityReference Record { get; }
        internal ApprovalSnapshot Snapshot { get; }
        internal EntityReference SnapshotOwner { get; }
        internal Guid RequesterId { get; }
        /// <summary>The person who decides now; null when the request waits for the KAM administrators.</summary>
        internal Guid? CurrentApproverId { get; }
        internal Guid? ApproverTeamId { get; }
        internal int CurrentLevel { get; }
        internal int RequiredLevels { get; }
        internal DateTime? ExpiresOn { get; }
        internal DateTime? DecidedOn { get; }
        internal Guid? DecidedById { get; }
        internal DateTime? ConsumedOn { get; }
        internal DateTime? CreatedOn { get; }

        /// <summary>True when the KAM administrators (not a named person) decide now.</summary>
        internal bool IsWithAdministrators => CurrentApproverId == null;

        /// <summary>
        /// The status the rules act on: a pending or approved request past its expiry (or without one:
        /// fail closed) is expired whatever its stored status says — expiry is evaluated against the
        /// clock, never left to a job that may not have run.
        /// </summary>
        internal ApprovalStatus? EffectiveStatus(DateTime utcNow)
        {
            if (Status != ApprovalStatus.Pending && Status != ApprovalStatus.Approved) return Status;
            return ApprovalExpiry.IsExpired(ExpiresOn, utcNow) ? ApprovalStatus.Expired : Status;
        }

        /// <summary>The request as the guards see it (status as evaluated at <paramref name="utcNow"/>).</summary>
        internal ApprovalRequestInfo ToInfo(DateTime utcNow) =>
            new ApprovalRequestInfo(
                Id,
                Type ?? default(ApprovalType),
                EffectiveStatus(utcNow) ?? default(ApprovalStatus),
                RequesterId,
                CurrentApproverId,
                Snapshot,
                ExpiresOn);
    }

    /// <summary>When requests expire.</summary>
    internal static class ApprovalExpiry
    {
        /// <summary>The expiry of a request submitted at <paramref name="submittedOn"/>.</summary>
        internal static DateTime ExpiresOn(DateTime submittedOn, int expiryDays) => submittedOn.AddDays(expiryDays);

        /// <summary>
        /// Expired at and after the expiry instant; a request without an expiry is treated as expired
        /// (it was not written by the engine, so it authorises nothing).
        /// </summary>
        internal static bool IsExpired(DateTime? expiresOn, DateTime utcNow) => expiresOn == null || utcNow >= expiresOn.Value;
    }
}
