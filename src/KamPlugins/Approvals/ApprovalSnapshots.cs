using System;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Approvals
{
    /// <summary>Why a request's snapshot does not cover an operation.</summary>
    internal enum SnapshotMismatch
    {
        /// <summary>It matches.</summary>
        None,
        /// <summary>The amount differs (approved for 1,000,000; the operation is at 1,200,000).</summary>
        Amount,
        /// <summary>The customer differs.</summary>
        Customer,
        /// <summary>The new owner differs (or the operation names none).</summary>
        ProposedOwner,
        /// <summary>The state asked for differs.</summary>
        ProposedState,
    }

    /// <summary>
    /// Snapshots: what a request approves, taken from the record when it is submitted (never from the
    /// client), and what an operation is about to do, built the same way — and whether the first
    /// covers the second.
    /// </summary>
    /// <remarks>
    /// Per type, a snapshot holds:
    /// <list type="table">
    /// <item><term>Ownership transfer</term><description>proposed owner (compared exactly); customer (compared when both sides know it).</description></item>
    /// <item><term>Key account release</term><description>nothing beyond type and record.</description></item>
    /// <item><term>Opportunity win</term><description>amount (actual value, else estimated), customer and proposed state Won, all compared exactly; a missing amount matches only a missing amount.</description></item>
    /// <item><term>Opportunity loss</term><description>estimated value, customer and proposed state Lost, all compared exactly.</description></item>
    /// <item><term>Contract activation / termination</term><description>value, customer and proposed status (Active/Terminated), all compared exactly.</description></item>
    /// </list>
    /// </remarks>
    internal static class ApprovalSnapshots
    {
        /// <summary>
        /// The snapshot of <paramref name="type"/> for <paramref name="record"/> as it is now, with the
        /// amount the decision is about (<paramref name="amount"/> when given, else the record's amount).
        /// </summary>
        internal static ApprovalSnapshot For(ApprovalType type, RecordFacts record, EntityReference proposedOwner, decimal? amount = null)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            switch (type)
            {
                case ApprovalType.OwnershipTransfer:
                    return new ApprovalSnapshot(record.Amount, record.Customer, proposedOwner, null);
                case ApprovalType.KeyAccountRelease:
                    return new ApprovalSnapshot(null, null, null, null);
                case ApprovalType.OpportunityLoss:
                    // What was at stake: the estimate. (A Lose writes the close's revenue, usually 0, into the
                    // actual value — possibly before the close activity's guard looks.)
                    return new ApprovalSnapshot(amount ?? record.EstimatedValue, record.Customer, null, ApprovalTypes.ProposedState(type));
                default:
                    return new ApprovalSnapshot(amount ?? record.Amount, record.Customer, null, ApprovalTypes.ProposedState(type));
            }
        }

        /// <summary>Whether <paramref name="approved"/> (a request of <paramref name="type"/>) covers <paramref name="operation"/>.</summary>
        internal static SnapshotMismatch Compare(ApprovalType type, ApprovalSnapshot approved, ApprovalSnapshot operation)
        {
            if (approved == null) throw new ArgumentNullException(nameof(approved));
            if (operation == null) throw new ArgumentNullException(nameof(operation));
            switch (type)
            {
                case ApprovalType.OwnershipTransfer:
                    if (approved.ProposedOwner == null || !Equals(approved.ProposedOwner, operation.ProposedOwner)) return SnapshotMismatch.ProposedOwner;
                    if (approved.Customer != null && operation.Customer != null && !Equals(approved.Customer, operation.Customer)) return SnapshotMismatch.Customer;
                    return SnapshotMismatch.None;
                case ApprovalType.KeyAccountRelease:
                    return SnapshotMismatch.None;
                default:
                    if (approved.Amount != operation.Amount) return SnapshotMismatch.Amount;
                    if (!Equals(approved.Customer, operation.Customer)) return SnapshotMismatch.Customer;
                    if (approved.ProposedState != operation.ProposedState) return SnapshotMismatch.ProposedState;
                    return SnapshotMismatch.None;
            }
        }

        /// <summary>True when the snapshot of <paramref name="approved"/> covers <paramref name="operation"/>.</summary>
        internal static bool Covers(ApprovalType type, ApprovalSnapshot approved, ApprovalSnapshot operation) =>
            Compare(type, approved, operation) == SnapshotMismatch.None;
    }
}
