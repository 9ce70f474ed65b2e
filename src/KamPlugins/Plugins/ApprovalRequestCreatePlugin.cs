using System;
using KamPlugins.Approvals;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// Submission of an approval request (Create of kam_approvalrequest, from the form, a flow, an import
    /// or the kam_SubmitApproval API). PreOperation validates and completes the request — requester from
    /// the pipeline, snapshot from the record, routing, status, expiry — inside the transaction, so bad
    /// input writes nothing. PostOperation writes the first history entry (Submit).
    /// </summary>
    [PluginStep(MessageNames.Create, ApprovalRequestTable.LogicalName, PipelineStage.PreOperation,
        Description = "Approval request submitted: validate, snapshot the record, route level 1.")]
    [PluginStep(MessageNames.Create, ApprovalRequestTable.LogicalName, PipelineStage.PostOperation,
        Description = "Approval request submitted: write the Submit entry of its history.")]
    public sealed class ApprovalRequestCreatePlugin : PluginBase
    {
        /// <summary>Creates the plugin (configuration strings are not used).</summary>
        public ApprovalRequestCreatePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            var target = context.Target;
            if (target == null) return;
            if (context.Stage == PipelineStage.PreOperation)
            {
                ApprovalSubmission.Prepare(context, target);
                return;
            }
            var id = context.PrimaryEntityId != Guid.Empty ? context.PrimaryEntityId : target.Id;
            if (id == Guid.Empty && context.PluginExecutionContext.OutputParameters.TryGetValue(ParameterNames.Id, out var created) && created is Guid createdId) id = createdId;
            ApprovalSubmission.RecordSubmission(context, id, target);
        }
    }
}
