using System;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Approvals
{
    /// <summary>
    /// What an approval approved (taken from the record when the request is submitted), or what a
    /// guarded operation is about to do. An approval applies only if the operation's snapshot matches
    /// the request's: a request approved for 1,000,000 does not authorise a win at 1,200,000.
    /// Immutable; null members mean "not part of this kind of request".
    /// </summary>
    public sealed class ApprovalSnapshot
    {
        /// <summary>Creates a snapshot.</summary>
        public ApprovalSnapshot(decimal? amount, EntityReference customer, EntityReference proposedOwner, int? proposedState)
        {
            Amount = amount;
            Customer = customer;
            ProposedOwner = proposedOwner;
            ProposedState = proposedState;
        }

        /// <summary>The amount (opportunity value, contract value).</summary>
        public decimal? Amount { get; }

        /// <summary>The customer (account).</summary>
        public EntityReference Customer { get; }

        /// <summary>The proposed owner (ownership transfer).</summary>
        public EntityReference ProposedOwner { get; }

        /// <summary>The proposed state (opportunity statecode; contract status).</summary>
        public int? ProposedState { get; }
    }

    /// <summary>An approval request as the guards see it.</summary>
    public sealed class ApprovalRequestInfo
    {
        /// <summary>Creates the info.</summary>
        public ApprovalRequestInfo(Guid id, Model.ApprovalType type, Model.ApprovalStatus status, Guid requesterId, Guid? currentApproverId, ApprovalSnapshot snapshot, DateTime? expiresOn)
        {
            Id = id;
            Type = type;
            Status = status;
            RequesterId = requesterId;
            CurrentApproverId = currentApproverId;
            Snapshot = snapshot;
            ExpiresOn = expiresOn;
        }

        /// <summary>The request's id.</summary>
        public Guid Id { get; }
        /// <summary>Its type.</summary>
        public Model.ApprovalType Type { get; }
        /// <summary>Its status.</summary>
        public Model.ApprovalStatus Status { get; }
        /// <summary>Who asked.</summary>
        public Guid RequesterId { get; }
        /// <summary>Who decides now (null: the KAM administrators).</summary>
        public Guid? CurrentApproverId { get; }
        /// <summary>What was (or is to be) approved.</summary>
        public ApprovalSnapshot Snapshot { get; }
        /// <summary>Expiry.</summary>
        public DateTime? ExpiresOn { get; }
    }

    /// <summary>
    /// The approvals as the guarded operations use them (implemented by the approval engine; used by
    /// the ownership lock, the opportunity close guard and the contract lifecycle).
    /// </summary>
    public interface IApprovalLedger
    {
        /// <summary>
        /// Read-only (PreValidation): the approved, unexpired, unconsumed request of <paramref name="type"/>
        /// for <paramref name="record"/> whose snapshot matches <paramref name="operation"/>, or null.
        /// </summary>
        ApprovalRequestInfo FindUsable(Model.ApprovalType type, EntityReference record, ApprovalSnapshot operation, DateTime utcNow);

        /// <summary>
        /// Inside the transaction (PreOperation): takes the request row's lock first (Microsoft's pre-lock
        /// pattern), re-reads it, and marks the matching request Consumed — so two operations cannot
        /// consume one approval. Returns the consumed request, or null when none matches.
        /// </summary>
        ApprovalRequestInfo Consume(Model.ApprovalType type, EntityReference record, ApprovalSnapshot operation, DateTime utcNow);

        /// <summary>
        /// The pending request for <paramref name="record"/> (any type; the newest when several types are
        /// pending, see <c>ApprovalLedger.FindAllPending</c>), or null. A pending request past its expiry is
        /// not pending.
        /// </summary>
        ApprovalRequestInfo FindPending(EntityReference record, DateTime utcNow);
    }
}
