namespace KamPlugins.Plugins
{
    /// <summary>
    /// The custom APIs' message names and parameter names: what a flow, a script or an SDK client
    /// sends and reads (docs/api.md). One place, used by the declarations and the tests.
    /// </summary>
    internal static class ApiNames
    {
        /// <summary>Submit approval request (action).</summary>
        internal const string SubmitApproval = "kam_SubmitApproval";

        /// <summary>Get latest approval status (function).</summary>
        internal const string GetApprovalStatus = "kam_GetApprovalStatus";

        /// <summary>Check ownership lock (function).</summary>
        internal const string CheckOwnershipLock = "kam_CheckOwnershipLock";

        /// <summary>Get goal progress (function).</summary>
        internal const string GetGoalProgress = "kam_GetGoalProgress";

        /// <summary>Recalculate goal tree (action).</summary>
        internal const string RecalculateGoals = "kam_RecalculateGoals";

        /// <summary>Request: the goal.</summary>
        internal const string Goal = "Goal";

        /// <summary>Request: the account, opportunity or KAM contract.</summary>
        internal const string Record = "Record";

        /// <summary>Request: the approval request type (kam_requesttype value).</summary>
        internal const string RequestType = "RequestType";

        /// <summary>Request: the proposed new owner (ownership transfer).</summary>
        internal const string ProposedOwner = "ProposedOwner";

        /// <summary>Request: the requester's comment.</summary>
        internal const string Comment = "Comment";

        /// <summary>Response: the approval request.</summary>
        internal const string ApprovalRequest = "ApprovalRequest";

        /// <summary>Response: whether a request exists.</summary>
        internal const string HasRequest = "HasRequest";

        /// <summary>Response: the request's status (kam_approvalstatus value).</summary>
        internal const string Status = "Status";

        /// <summary>Response: who must decide now.</summary>
        internal const string CurrentApprover = "CurrentApprover";

        /// <summary>Response: the KAM administrators team, when the request waits for it.</summary>
        internal const string ApproverTeam = "ApproverTeam";

        /// <summary>Response: when the request was decided.</summary>
        internal const string DecidedOn = "DecidedOn";

        /// <summary>Response: whether the record is ownership-locked.</summary>
        internal const string IsLocked = "IsLocked";

        /// <summary>Response: why, in the caller's language.</summary>
        internal const string Reason = "Reason";

        /// <summary>Response: the goal's actual value.</summary>
        internal const string Actual = "Actual";

        /// <summary>Response: the goal's in-progress value.</summary>
        internal const string InProgress = "InProgress";

        /// <summary>Response: the goal's target (named apart from the "Target" a bound message carries).</summary>
        internal const string TargetValue = "TargetValue";

        /// <summary>Response: actual ÷ target × 100.</summary>
        internal const string Percentage = "Percentage";

        /// <summary>Response: the target prorated to today.</summary>
        internal const string TodaysTarget = "TodaysTarget";

        /// <summary>Response: how many goals the recalculation rebuilt.</summary>
        internal const string GoalsRecalculated = "GoalsRecalculated";

        /// <summary>Privilege to call kam_SubmitApproval: creating approval requests.</summary>
        internal const string CreateApprovalRequestPrivilege = "prvCreatekam_approvalrequest";

        /// <summary>Privilege to call kam_RecalculateGoals: changing goals.</summary>
        internal const string WriteGoalPrivilege = "prvWriteGoal";
    }
}
