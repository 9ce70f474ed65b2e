using KamPlugins.Guard;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// Ownership lock on GrantAccess and ModifyAccess: giving someone other than the owner write, assign
    /// or share access to a locked record is a quiet transfer — a KAM administrator only (recorded).
    /// Read-only shares pass. A PrincipalAccess that cannot be read is treated as handing over control.
    /// </summary>
    [PluginStep(MessageNames.GrantAccess, AccountTable.LogicalName, PipelineStage.PreValidation, Description = "Ownership lock: refuses (and records) sharing control of key accounts.")]
    [PluginStep(MessageNames.GrantAccess, AccountTable.LogicalName, PipelineStage.PreOperation, Description = "Ownership lock: records a KAM administrator's share of a key account.")]
    [PluginStep(MessageNames.GrantAccess, OpportunityTable.LogicalName, PipelineStage.PreValidation, Description = "Ownership lock: refuses (and records) sharing control of locked opportunities.")]
    [PluginStep(MessageNames.GrantAccess, OpportunityTable.LogicalName, PipelineStage.PreOperation, Description = "Ownership lock: records a KAM administrator's share of a locked opportunity.")]
    [PluginStep(MessageNames.GrantAccess, ContractTable.LogicalName, PipelineStage.PreValidation, Description = "Ownership lock: refuses (and records) sharing control of contracts.")]
    [PluginStep(MessageNames.GrantAccess, ContractTable.LogicalName, PipelineStage.PreOperation, Description = "Ownership lock: records a KAM administrator's share of a contract.")]
    [PluginStep(MessageNames.ModifyAccess, AccountTable.LogicalName, PipelineStage.PreValidation, Description = "Ownership lock: refuses (and records) sharing control of key accounts.")]
    [PluginStep(MessageNames.ModifyAccess, AccountTable.LogicalName, PipelineStage.PreOperation, Description = "Ownership lock: records a KAM administrator's share of a key account.")]
    [PluginStep(MessageNames.ModifyAccess, OpportunityTable.LogicalName, PipelineStage.PreValidation, Description = "Ownership lock: refuses (and records) sharing control of locked opportunities.")]
    [PluginStep(MessageNames.ModifyAccess, OpportunityTable.LogicalName, PipelineStage.PreOperation, Description = "Ownership lock: records a KAM administrator's share of a locked opportunity.")]
    [PluginStep(MessageNames.ModifyAccess, ContractTable.LogicalName, PipelineStage.PreValidation, Description = "Ownership lock: refuses (and records) sharing control of contracts.")]
    [PluginStep(MessageNames.ModifyAccess, ContractTable.LogicalName, PipelineStage.PreOperation, Description = "Ownership lock: records a KAM administrator's share of a contract.")]
    public sealed class OwnershipLockOnShare : PluginBase
    {
        /// <summary>Created by the platform with the step's configuration (unused).</summary>
        public OwnershipLockOnShare(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            var stage = LockPipeline.StageOf(context);
            var record = context.TargetReference;
            if (stage == null || record == null || !LockedTables.IsLocked(record.LogicalName)) return;

            var service = LockPipeline.Service(context);
            var before = service.Before(record, null);
            if (before == null) return;
            var change = SharedAccess.TryRead(context.GetInput<object>(ParameterNames.PrincipalAccess), out var principal, out var mask)
                ? ChangeRules.OnShare(before, principal, mask)
                : ChangeRules.OnUnreadableShare();
            if (change == null) return;
            service.Run(new LockRequest(stage.Value, record, before, null, null, (b, a) => new[] { change }));
        }
    }
}
