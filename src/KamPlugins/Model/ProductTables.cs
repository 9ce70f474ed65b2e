namespace KamPlugins.Model
{
    // The product's own tables (publisher prefix kam). The solution source in solution/Entities
    // declares the same names; a test checks the two agree.

    /// <summary>kam_approvalrequest: a request for a decision that moves money or customers.</summary>
    public static class ApprovalRequestTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "kam_approvalrequest";
        /// <summary>Primary key.</summary>
        public const string Id = "kam_approvalrequestid";
        /// <summary>Primary name (generated: type and record).</summary>
        public const string Name = "kam_name";
        /// <summary>Request type (choice <see cref="ApprovalType"/>).</summary>
        public const string RequestType = "kam_requesttype";
        /// <summary>Status (choice <see cref="ApprovalStatus"/>).</summary>
        public const string Status = "kam_approvalstatus";
        /// <summary>The account the request concerns.</summary>
        public const string RegardingAccountId = "kam_regardingaccountid";
        /// <summary>The opportunity the request concerns.</summary>
        public const string RegardingOpportunityId = "kam_regardingopportunityid";
        /// <summary>The contract the request concerns.</summary>
        public const string RegardingContractId = "kam_regardingcontractid";
        /// <summary>Proposed new owner (ownership transfer).</summary>
        public const string ProposedOwnerId = "kam_proposedownerid";
        /// <summary>Snapshot: amount at submission (money).</summary>
        public const string SnapshotAmount = "kam_snapshotamount";
        /// <summary>Snapshot: customer at submission.</summary>
        public const string SnapshotCustomerId = "kam_snapshotcustomerid";
        /// <summary>Snapshot: owner at submission.</summary>
        public const string SnapshotOwnerId = "kam_snapshotownerid";
        /// <summary>Snapshot: proposed state (integer: the statecode or contract status asked for).</summary>
        public const string ProposedState = "kam_proposedstate";
        /// <summary>Who asked (from the pipeline's initiating user, never from the client).</summary>
        public const string RequesterId = "kam_requesterid";
        /// <summary>Who must decide now (null when routed to the KAM administrators).</summary>
        public const string CurrentApproverId = "kam_currentapproverid";
        /// <summary>The KAM administrators team, when the chain ran out.</summary>
        public const string ApproverTeamId = "kam_approverteamid";
        /// <summary>Current level (1-based).</summary>
        public const string CurrentLevel = "kam_currentlevel";
        /// <summary>Levels required by the amount.</summary>
        public const string RequiredLevels = "kam_requiredlevels";
        /// <summary>Requester's reason.</summary>
        public const string Justification = "kam_justification";
        /// <summary>
        /// The action a user asks for by saving the request (choice <see cref="ApprovalAction"/>):
        /// the plugin checks who may, applies it and clears the column.
        /// </summary>
        public const string RequestedAction = "kam_requestedaction";
        /// <summary>Comment for the requested action (kept in the decision history).</summary>
        public const string ActionComment = "kam_actioncomment";
        /// <summary>When the request stops authorising anything.</summary>
        public const string ExpiresOn = "kam_expireson";
        /// <summary>When it was finally approved, rejected or recalled.</summary>
        public const string DecidedOn = "kam_decidedon";
        /// <summary>Who made the final decision.</summary>
        public const string DecidedById = "kam_decidedbyid";
        /// <summary>When a guarded operation consumed it.</summary>
        public const string ConsumedOn = "kam_consumedon";
    }

    /// <summary>kam_approvaldecision: one decision (approve, reject, recall, override) in a request's history.</summary>
    public static class ApprovalDecisionTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "kam_approvaldecision";
        /// <summary>Primary key.</summary>
        public const string Id = "kam_approvaldecisionid";
        /// <summary>Primary name.</summary>
        public const string Name = "kam_name";
        /// <summary>The request.</summary>
        public const string ApprovalRequestId = "kam_approvalrequestid";
        /// <summary>Who decided.</summary>
        public const string DeciderId = "kam_deciderid";
        /// <summary>When.</summary>
        public const string DecidedOn = "kam_decidedon";
        /// <summary>At which level.</summary>
        public const string Level = "kam_level";
        /// <summary>What (choice <see cref="ApprovalAction"/>).</summary>
        public const string Action = "kam_action";
        /// <summary>Comment.</summary>
        public const string Comment = "kam_comment";
    }

    /// <summary>kam_contract: a customer contract (the built-in contract table is deprecated).</summary>
    public static class ContractTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "kam_contract";
        /// <summary>Primary key.</summary>
        public const string Id = "kam_contractid";
        /// <summary>Primary name.</summary>
        public const string Name = "kam_name";
        /// <summary>Customer (account).</summary>
        public const string CustomerId = "kam_customerid";
        /// <summary>Originating opportunity.</summary>
        public const string OpportunityId = "kam_opportunityid";
        /// <summary>Contract value (money).</summary>
        public const string Value = "kam_value";
        /// <summary>Start date.</summary>
        public const string StartDate = "kam_startdate";
        /// <summary>End date.</summary>
        public const string EndDate = "kam_enddate";
        /// <summary>The contract this one renews.</summary>
        public const string RenewalOfId = "kam_renewalofid";
        /// <summary>Lifecycle status (choice <see cref="ContractStatus"/>).</summary>
        public const string ContractStatus = "kam_contractstatus";
        /// <summary>When it became active (goals count contracts by this date).</summary>
        public const string ActivatedOn = "kam_activatedon";
        /// <summary>When it was terminated.</summary>
        public const string TerminatedOn = "kam_terminatedon";
    }

    /// <summary>kam_guardevent: a refused attempt or an administrator override.</summary>
    public static class GuardEventTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "kam_guardevent";
        /// <summary>Primary key.</summary>
        public const string Id = "kam_guardeventid";
        /// <summary>Primary name (short summary).</summary>
        public const string Name = "kam_name";
        /// <summary>Kind of attempt (choice <see cref="GuardEventKind"/>).</summary>
        public const string Kind = "kam_kind";
        /// <summary>Outcome (choice <see cref="GuardEventOutcome"/>).</summary>
        public const string Outcome = "kam_outcome";
        /// <summary>Who started the pipeline.</summary>
        public const string InitiatingUserId = "kam_initiatinguserid";
        /// <summary>The user the step ran as.</summary>
        public const string CallingUserId = "kam_callinguserid";
        /// <summary>The message (Update, Assign, …).</summary>
        public const string MessageName = "kam_messagename";
        /// <summary>The table's logical name.</summary>
        public const string TableName = "kam_tablename";
        /// <summary>The record's id (text: any table).</summary>
        public const string RecordId = "kam_recordid";
        /// <summary>The record's name at the time.</summary>
        public const string RecordName = "kam_recordname";
        /// <summary>What was attempted (column: old → new, one per line).</summary>
        public const string AttemptedChange = "kam_attemptedchange";
        /// <summary>The message the user saw (English and Chinese).</summary>
        public const string Reason = "kam_reason";
        /// <summary>The approval that allowed an authorised change.</summary>
        public const string ApprovalRequestId = "kam_approvalrequestid";
        /// <summary>When.</summary>
        public const string OccurredOn = "kam_occurredon";
        /// <summary>The operation's correlation id (one event per attempt, even if a step runs twice).</summary>
        public const string CorrelationId = "kam_correlationid";
    }

    /// <summary>kam_goalcontribution: what one source record adds to one goal column.</summary>
    public static class GoalContributionTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "kam_goalcontribution";
        /// <summary>Primary key.</summary>
        public const string Id = "kam_goalcontributionid";
        /// <summary>Primary name.</summary>
        public const string Name = "kam_name";
        /// <summary>The goal.</summary>
        public const string GoalId = "kam_goalid";
        /// <summary>Bucket (choice <see cref="ContributionBucket"/>).</summary>
        public const string Bucket = "kam_bucket";
        /// <summary>Source table logical name.</summary>
        public const string SourceTable = "kam_sourcetable";
        /// <summary>Source record id (text: any table).</summary>
        public const string SourceId = "kam_sourceid";
        /// <summary>Source opportunity, when the source is an opportunity (for views).</summary>
        public const string OpportunityId = "kam_opportunityid";
        /// <summary>Source contract, when the source is a kam_contract (for views).</summary>
        public const string ContractId = "kam_contractid";
        /// <summary>Amount (decimal; 1 for a count metric).</summary>
        public const string Amount = "kam_amount";
    }
}
