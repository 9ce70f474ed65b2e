using System;
using System.Activities;
using KamPlugins.Model;
using KamPlugins.Operations;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace KamPlugins.Workflows
{
    /// <summary>
    /// Get latest approval status: the newest request of a type for the account, opportunity or KAM
    /// contract given (fill in exactly one), as the user who started the workflow may see it. Same
    /// operation as kam_GetApprovalStatus.
    /// </summary>
    [WorkflowActivity("Get latest approval status", Group = WorkflowActivityAttribute.KamGroup,
        Description = "The status, current approver and decision date of the latest approval request of a type for a record.")]
    public sealed class GetLatestApprovalStatusActivity : GuardedRecordActivity
    {
        /// <summary>The request type.</summary>
        [RequiredArgument]
        [Input("Request type")]
        [AttributeTarget(ApprovalRequestTable.LogicalName, ApprovalRequestTable.RequestType)]
        public InArgument<OptionSetValue> RequestType { get; set; }

        /// <summary>True when a request of that type exists for the record.</summary>
        [Output("Has request")]
        public OutArgument<bool> HasRequest { get; set; }

        /// <summary>The latest request (empty when none).</summary>
        [Output("Approval request")]
        [ReferenceTarget(ApprovalRequestTable.LogicalName)]
        public OutArgument<EntityReference> ApprovalRequest { get; set; }

        /// <summary>Its status (an expired request reads Expired).</summary>
        [Output("Status")]
        [AttributeTarget(ApprovalRequestTable.LogicalName, ApprovalRequestTable.Status)]
        public OutArgument<OptionSetValue> Status { get; set; }

        /// <summary>Who must decide now (pending requests).</summary>
        [Output("Current approver")]
        [ReferenceTarget(SystemUserTable.LogicalName)]
        public OutArgument<EntityReference> CurrentApprover { get; set; }

        /// <summary>The KAM administrators team, when the pending request waits for it.</summary>
        [Output("Approver team")]
        [ReferenceTarget(TeamTable.LogicalName)]
        public OutArgument<EntityReference> ApproverTeam { get; set; }

        /// <summary>When it was approved, rejected or recalled (empty while pending).</summary>
        [Output("Decided on")]
        public OutArgument<DateTime> DecidedOn { get; set; }

        private protected override void ExecuteCore(CodeActivityContext activityContext, AutomationContext context)
        {
            var result = ApprovalStatusOperation.Execute(
                context,
                GuardedRecord(activityContext),
                RequestType.Get(activityContext));
            HasRequest.Set(activityContext, result.HasRequest);
            ApprovalRequest.Set(activityContext, result.Request);
            Status.Set(activityContext, result.Status.HasValue ? new OptionSetValue((int)result.Status.Value) : null);
            CurrentApprover.Set(activityContext, result.CurrentApprover);
            ApproverTeam.Set(activityContext, result.ApproverTeam);
            if (result.DecidedOn.HasValue) DecidedOn.Set(activityContext, result.DecidedOn.Value);
        }
    }
}
