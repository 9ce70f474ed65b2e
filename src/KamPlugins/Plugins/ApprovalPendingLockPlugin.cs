using System.Linq;
using KamPlugins.Approvals;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// The pending lock on opportunities: while an Opportunity win or loss request is pending, the
    /// opportunity's amount (estimated and actual value) and state can be changed only by the request's
    /// current approver or a KAM administrator. (Owner and customer are held by the ownership lock.)
    /// An update that changes none of these columns costs no service call.
    /// </summary>
    [PluginStep(MessageNames.Update, OpportunityTable.LogicalName, PipelineStage.PreValidation,
        FilteringAttributes = new[] { OpportunityTable.EstimatedValue, OpportunityTable.ActualValue, CommonColumns.StateCode, CommonColumns.StatusCode },
        PreImage = new[] { OpportunityTable.Name, OpportunityTable.EstimatedValue, OpportunityTable.ActualValue, CommonColumns.StateCode, CommonColumns.StatusCode },
        Description = "Pending lock: amount and state of an opportunity with a pending win/loss request.")]
    [PluginStep(MessageNames.Update, OpportunityTable.LogicalName, PipelineStage.PreOperation,
        FilteringAttributes = new[] { OpportunityTable.EstimatedValue, OpportunityTable.ActualValue, CommonColumns.StateCode, CommonColumns.StatusCode },
        PreImage = new[] { OpportunityTable.Name, OpportunityTable.EstimatedValue, OpportunityTable.ActualValue, CommonColumns.StateCode, CommonColumns.StatusCode },
        Description = "Pending lock: record a KAM administrator's override inside the transaction.")]
    public sealed class ApprovalPendingLockPlugin : PluginBase
    {
        private static readonly string[] LockedColumns = { OpportunityTable.EstimatedValue, OpportunityTable.ActualValue, CommonColumns.StateCode, CommonColumns.StatusCode };
        private static readonly ApprovalType[] LockingTypes = { ApprovalType.OpportunityWin, ApprovalType.OpportunityLoss };

        /// <summary>Creates the plugin (configuration strings are not used).</summary>
        public ApprovalPendingLockPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            var target = context.Target;
            if (target == null) return;
            var changed = ChangedColumns.Changed(target, context.PreImage, LockedColumns);
            // Won/Lost can only be set by Win/Lose (the platform refuses it on Update): where the platform
            // raises this step for a close, the close guard has already decided it.
            var state = target.GetAttributeValue<OptionSetValue>(CommonColumns.StateCode)?.Value;
            if (state == OpportunityTable.State.Won || state == OpportunityTable.State.Lost)
                changed = changed.Where(c => c != CommonColumns.StateCode && c != CommonColumns.StatusCode).ToList();
            if (changed.Count == 0) return;
            var record = new EntityReference(OpportunityTable.LogicalName, target.Id != System.Guid.Empty ? target.Id : context.PrimaryEntityId);
            var name = context.PreImage?.GetAttributeValue<string>(OpportunityTable.Name);
            if (context.Stage == PipelineStage.PreValidation)
                PendingLock.Check(context, record, name, changed, LockingTypes, ApprovalTexts.AmountAndState);
            else
                PendingLock.RecordOverride(context, record, name, changed.ToList());
        }
    }
}
