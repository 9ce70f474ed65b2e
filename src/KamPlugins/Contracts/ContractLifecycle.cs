using System;
using KamPlugins.Model;

namespace KamPlugins.Contracts
{
    /// <summary>A change of kam_contractstatus, as the lifecycle classifies it.</summary>
    internal enum ContractTransition
    {
        /// <summary>The status does not change.</summary>
        None,
        /// <summary>Draft → Active: needs an approved Contract activation request.</summary>
        Activate,
        /// <summary>Active → Terminated: needs an approved Contract termination request.</summary>
        Terminate,
        /// <summary>Active → Expired: allowed once the end date has passed.</summary>
        Expire,
        /// <summary>Anything else (back to Draft, out of Expired/Terminated, Draft straight to an end state).</summary>
        Invalid,
    }

    /// <summary>
    /// The kam_contract lifecycle: Draft → Active (approval) → Expired (after the end date) or
    /// Terminated (approval). A Draft is editable; a contract that has been in force (Active, Expired,
    /// Terminated) is read-only except for its renewal link. A renewal is a new Draft contract whose
    /// kam_renewalofid names the contract it renews.
    /// </summary>
    internal static class ContractLifecycle
    {
        /// <summary>
        /// The status a contract without one is in: Draft (a contract created before the lifecycle existed
        /// starts over as a draft and needs an activation like any other).
        /// </summary>
        internal const ContractStatus DefaultStatus = ContractStatus.Draft;

        /// <summary>Columns that stay editable on a contract that has been in force.</summary>
        internal static readonly string[] EditableWhenInForce = { ContractTable.RenewalOfId };

        /// <summary>Columns only the lifecycle writes (stamped on activation and termination).</summary>
        internal static readonly string[] EngineOnly = { ContractTable.ActivatedOn, ContractTable.TerminatedOn };

        /// <summary>Columns the pending lock holds while an activation or termination is pending: the amount and the dates.</summary>
        internal static readonly string[] PendingLocked = { ContractTable.Value, ContractTable.StartDate, ContractTable.EndDate };

        /// <summary>Classifies a status change (null: no status, read as Draft).</summary>
        internal static ContractTransition Classify(int? from, int? to)
        {
            var source = from ?? (int)DefaultStatus;
            var destination = to ?? (int)DefaultStatus;
            if (source == destination) return ContractTransition.None;
            if (source == (int)ContractStatus.Draft && destination == (int)ContractStatus.Active) return ContractTransition.Activate;
            if (source == (int)ContractStatus.Active && destination == (int)ContractStatus.Terminated) return ContractTransition.Terminate;
            if (source == (int)ContractStatus.Active && destination == (int)ContractStatus.Expired) return ContractTransition.Expire;
            return ContractTransition.Invalid;
        }

        /// <summary>The request type a transition needs, or null.</summary>
        internal static ApprovalType? RequiredApproval(ContractTransition transition)
        {
            switch (transition)
            {
                case ContractTransition.Activate: return ApprovalType.ContractActivation;
                case ContractTransition.Terminate: return ApprovalType.ContractTermination;
                default: return null;
            }
        }

        /// <summary>True when the status means the contract has been in force (read-only except renewal links).</summary>
        internal static bool IsInForceOrEnded(int? status) => (status ?? (int)DefaultStatus) != (int)ContractStatus.Draft;

        /// <summary>
        /// True once the end date has passed: the contract runs through its end date (a date-only column,
        /// stored at midnight) and is over from the next day, UTC.
        /// </summary>
        internal static bool HasEnded(DateTime? endDate, DateTime utcNow) => endDate.HasValue && utcNow >= endDate.Value.Date.AddDays(1);

        /// <summary>
        /// True when a contract in <paramref name="status"/> can be renewed: one that has been in force
        /// (a draft is edited, not renewed).
        /// </summary>
        internal static bool CanBeRenewed(int? status) => IsInForceOrEnded(status);
    }
}
