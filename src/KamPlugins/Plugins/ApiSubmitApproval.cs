using KamPlugins.Model;
using KamPlugins.Operations;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// kam_SubmitApproval: submits an approval request for an account, opportunity or KAM contract as
    /// the caller — the approval engine's rules apply exactly as to a request made in the app. The
    /// plugin runs as the API's main operation (customapi.plugintypeid); it has no step.
    /// </summary>
    [CustomApi(ApiNames.SubmitApproval, "Submit approval request", "提交审批申请",
        Description = "Submits an approval request for a record as the caller; returns the request.",
        ExecutePrivilegeName = ApiNames.CreateApprovalRequestPrivilege)]
    [CustomApiRequestParameter(ApiNames.Record, CustomApiParameterType.EntityReference,
        Description = "The account, opportunity or KAM contract the request concerns.")]
    [CustomApiRequestParameter(ApiNames.RequestType, CustomApiParameterType.Picklist,
        Description = "The request type (kam_requesttype value).")]
    [CustomApiRequestParameter(ApiNames.ProposedOwner, CustomApiParameterType.EntityReference, IsOptional = true, LogicalEntityName = SystemUserTable.LogicalName,
        Description = "The proposed new owner (ownership transfer requests).")]
    [CustomApiRequestParameter(ApiNames.Comment, CustomApiParameterType.String, IsOptional = true,
        Description = "The requester's justification.")]
    [CustomApiResponseProperty(ApiNames.ApprovalRequest, CustomApiParameterType.EntityReference, LogicalEntityName = ApprovalRequestTable.LogicalName,
        Description = "The new approval request.")]
    public sealed class ApiSubmitApproval : PluginBase
    {
        /// <summary>Creates the plugin (configuration strings are not used).</summary>
        public ApiSubmitApproval(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            var request = SubmitApprovalOperation.Execute(
                AutomationContext.FromPlugin(context),
                context.GetInput<EntityReference>(ApiNames.Record),
                context.GetInput<OptionSetValue>(ApiNames.RequestType),
                context.GetInput<EntityReference>(ApiNames.ProposedOwner),
                context.GetInput<string>(ApiNames.Comment));
            context.PluginExecutionContext.OutputParameters[ApiNames.ApprovalRequest] = request;
        }
    }
}
