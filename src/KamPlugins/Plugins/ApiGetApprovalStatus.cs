using KamPlugins.Model;
using KamPlugins.Operations;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// kam_GetApprovalStatus: the status of the latest approval request of a type for a record, as the
    /// caller may see it. A function (no data change); runs as the API's main operation.
    /// </summary>
    [CustomApi(ApiNames.GetApprovalStatus, "Get latest approval status", "获取最新审批状态",
        Description = "The status, current approver and decision date of the latest approval request of a type for a record.",
        IsFunction = true)]
    [CustomApiRequestParameter(ApiNames.Record, CustomApiParameterType.EntityReference,
        Description = "The account, opportunity or KAM contract.")]
    [CustomApiRequestParameter(ApiNames.RequestType, CustomApiParameterType.Picklist,
        Description = "The request type (kam_requesttype value).")]
    [CustomApiResponseProperty(ApiNames.HasRequest, CustomApiParameterType.Boolean,
        Description = "True when a request of that type exists for the record.")]
    [CustomApiResponseProperty(ApiNames.ApprovalRequest, CustomApiParameterType.EntityReference, LogicalEntityName = ApprovalRequestTable.LogicalName,
        Description = "The latest request (absent when none).")]
    [CustomApiResponseProperty(ApiNames.Status, CustomApiParameterType.Picklist,
        Description = "Its status (kam_approvalstatus value); an expired request reads Expired.")]
    [CustomApiResponseProperty(ApiNames.CurrentApprover, CustomApiParameterType.EntityReference, LogicalEntityName = SystemUserTable.LogicalName,
        Description = "Who must decide now (pending requests).")]
    [CustomApiResponseProperty(ApiNames.ApproverTeam, CustomApiParameterType.EntityReference, LogicalEntityName = TeamTable.LogicalName,
        Description = "The KAM administrators team, when the pending request waits for it.")]
    [CustomApiResponseProperty(ApiNames.DecidedOn, CustomApiParameterType.DateTime,
        Description = "When it was approved, rejected or recalled.")]
    public sealed class ApiGetApprovalStatus : PluginBase
    {
        /// <summary>Creates the plugin (configuration strings are not used).</summary>
        public ApiGetApprovalStatus(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            var result = ApprovalStatusOperation.Execute(
                AutomationContext.FromPlugin(context),
                context.GetInput<EntityReference>(ApiNames.Record),
                context.GetInput<OptionSetValue>(ApiNames.RequestType));
            var outputs = context.PluginExecutionContext.OutputParameters;
            outputs[ApiNames.HasRequest] = result.HasRequest;
            if (result.Request != null) outputs[ApiNames.ApprovalRequest] = result.Request;
            if (result.Status.HasValue) outputs[ApiNames.Status] = new OptionSetValue((int)result.Status.Value);
            if (result.CurrentApprover != null) outputs[ApiNames.CurrentApprover] = result.CurrentApprover;
            if (result.ApproverTeam != null) outputs[ApiNames.ApproverTeam] = result.ApproverTeam;
            if (result.DecidedOn.HasValue) outputs[ApiNames.DecidedOn] = result.DecidedOn.Value;
        }
    }
}
