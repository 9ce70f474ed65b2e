namespace KamPlugins.Model
{
    // Choice (option set) values of the product's columns. Custom options carry the publisher's
    // option value prefix 52,830 (values 528,300,000 and up), as Dataverse expects for a publisher.

    /// <summary>kam_requesttype.</summary>
    public enum ApprovalType
    {
        /// <summary>Owner change of a protected record.</summary>
        OwnershipTransfer = 528300000,
        /// <summary>Clearing kam_iskeyaccount.</summary>
        KeyAccountRelease = 528300001,
        /// <summary>Win of an opportunity at or above the win threshold.</summary>
        OpportunityWin = 528300002,
        /// <summary>Lose of a key-account opportunity or one at or above the loss threshold (verified loss).</summary>
        OpportunityLoss = 528300003,
        /// <summary>kam_contract Draft → Active.</summary>
        ContractActivation = 528300004,
        /// <summary>kam_contract Active → Terminated.</summary>
        ContractTermination = 528300005,
    }

    /// <summary>kam_approvalstatus.</summary>
    public enum ApprovalStatus
    {
        /// <summary>Waiting for the current approver.</summary>
        Pending = 528300000,
        /// <summary>Approved at every level; authorises one matching operation until it expires.</summary>
        Approved = 528300001,
        /// <summary>Rejected.</summary>
        Rejected = 528300002,
        /// <summary>Recalled by the requester.</summary>
        Recalled = 528300003,
        /// <summary>Past its expiry without being used.</summary>
        Expired = 528300004,
        /// <summary>Used by the operation it authorised.</summary>
        Consumed = 528300005,
    }

    /// <summary>kam_requestedaction / kam_action.</summary>
    public enum ApprovalAction
    {
        /// <summary>Approve the current level.</summary>
        Approve = 528300000,
        /// <summary>Reject.</summary>
        Reject = 528300001,
        /// <summary>Recall (requester, while pending).</summary>
        Recall = 528300002,
        /// <summary>Submitted (first history entry).</summary>
        Submit = 528300003,
    }

    /// <summary>kam_contractstatus.</summary>
    public enum ContractStatus
    {
        /// <summary>Being prepared; editable.</summary>
        Draft = 528300000,
        /// <summary>In force; read-only except renewal links.</summary>
        Active = 528300001,
        /// <summary>Ended on its end date.</summary>
        Expired = 528300002,
        /// <summary>Ended early (approved).</summary>
        Terminated = 528300003,
    }

    /// <summary>kam_outcome of a guard event.</summary>
    public enum GuardEventOutcome
    {
        /// <summary>The operation was refused.</summary>
        Refused = 528300000,
        /// <summary>A KAM administrator made the change without an approval.</summary>
        AdministratorOverride = 528300001,
        /// <summary>An approval allowed the change (and was consumed).</summary>
        Authorised = 528300002,
    }

    /// <summary>kam_kind of a guard event.</summary>
    public enum GuardEventKind
    {
        /// <summary>Owner change.</summary>
        OwnerChange = 528300000,
        /// <summary>Move to another customer.</summary>
        CustomerChange = 528300001,
        /// <summary>Delete.</summary>
        Delete = 528300002,
        /// <summary>Deactivation of a key account.</summary>
        Deactivation = 528300003,
        /// <summary>Merge of a key account into another.</summary>
        Merge = 528300004,
        /// <summary>Clearing the key-account flag.</summary>
        KeyAccountRelease = 528300005,
        /// <summary>Sharing write access.</summary>
        ShareWrite = 528300006,
        /// <summary>Creation of a protected record owned by someone else, or setting the key-account flag without the right.</summary>
        ProtectedCreate = 528300007,
        /// <summary>Win without the approval it needs.</summary>
        OpportunityWin = 528300008,
        /// <summary>Lose without the verification it needs.</summary>
        OpportunityLoss = 528300009,
        /// <summary>Contract activation or termination without approval.</summary>
        ContractLifecycle = 528300010,
        /// <summary>Change of a record's guarded columns while its approval is pending.</summary>
        PendingLock = 528300011,
        /// <summary>Change of an approval request that is not allowed (self-approval, decided request, …).</summary>
        ApprovalTampering = 528300012,
    }

    /// <summary>kam_bucket of a goal contribution: which goal column it adds to.</summary>
    public enum ContributionBucket
    {
        /// <summary>actual* (the metric's Actual rollup field).</summary>
        Actual = 528300000,
        /// <summary>inprogress* (the metric's In-progress rollup field).</summary>
        InProgress = 528300001,
        /// <summary>customrollupfield* (the metric's custom rollup field).</summary>
        Custom = 528300002,
    }
}
