using System.Activities;
using KamPlugins.Model;
using KamPlugins.Operations;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace KamPlugins.Workflows
{
    /// <summary>
    /// Submit approval request: submits a request for the account, opportunity or KAM contract given
    /// (fill in exactly one) as the user who started the workflow; the approval engine's rules apply
    /// as to a request made in the app. Same operation as kam_SubmitApproval.
    /// </summary>
    [WorkflowActivity("Submit approval request", Group = WorkflowActivityAttribute.KamGroup,
        Description = "Submits an approval request for a record as the user who started the workflow.")]
    public sealed class SubmitApprovalRequestActivity : GuardedRecordActivity
    {
        /// <summary>The request type.</summary>
        [RequiredArgument]
        [Input("Request type")]
        [AttributeTarget(ApprovalRequestTable.LogicalName, ApprovalRequestTable.RequestType)]
        public InArgument<OptionSetValue> RequestType { get; set; }

        /// <summary>The proposed new owner (ownership transfer).</summary>
        [Input("Proposed owner")]
        [ReferenceTarget(SystemUserTable.LogicalName)]
        public InArgument<EntityReference> ProposedOwner { get; set; }

        /// <summary>The requester's justification.</summary>
        [Input("Comment")]
        public InArgument<string> Comment { get; set; }

        /// <summary>The new request.</summary>
        [Output("Approval request")]
        [ReferenceTarget(ApprovalRequestTable.LogicalName)]
        public OutArgument<EntityReference> ApprovalRequest { get; set; }

        private protected override void ExecuteCore(CodeActivityContext activityContext, AutomationContext context)
        {
            var request = SubmitApprovalOperation.Execute(
                context,
                GuardedRecord(activityContext),
                RequestType.Get(activityContext),
                ProposedOwner.Get(activityContext),
                Comment.Get(activityContext));
            ApprovalRequest.Set(activityContext, request);
        }
    }
}
