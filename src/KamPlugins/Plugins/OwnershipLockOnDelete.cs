using KamPlugins.Guard;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// Ownership lock on Delete: a locked record — or an account whose cascade would delete or unlink
    /// locked records — is deleted only by a KAM administrator (recorded); the cascade's children are
    /// covered by that recorded decision.
    /// </summary>
    [PluginStep(MessageNames.Delete, AccountTable.LogicalName, PipelineStage.PreValidation,
        PreImage = new[] { AccountTable.Name, CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode, AccountTable.ParentAccountId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: refuses (and records) the deletion of key accounts and of accounts with locked records.")]
    [PluginStep(MessageNames.Delete, AccountTable.LogicalName, PipelineStage.PreOperation,
        PreImage = new[] { AccountTable.Name, CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode, AccountTable.ParentAccountId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: records a KAM administrator's deletion, which covers its cascade.")]
    [PluginStep(MessageNames.Delete, OpportunityTable.LogicalName, PipelineStage.PreValidation,
        PreImage = new[] { OpportunityTable.Name, CommonColumns.OwnerId, OpportunityTable.CustomerId, OpportunityTable.ParentAccountId, OpportunityTable.EstimatedValue, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: refuses (and records) the deletion of locked opportunities.")]
    [PluginStep(MessageNames.Delete, OpportunityTable.LogicalName, PipelineStage.PreOperation,
        PreImage = new[] { OpportunityTable.Name, CommonColumns.OwnerId, OpportunityTable.CustomerId, OpportunityTable.ParentAccountId, OpportunityTable.EstimatedValue, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: records a KAM administrator's deletion (or relies on the parent's).")]
    [PluginStep(MessageNames.Delete, ContractTable.LogicalName, PipelineStage.PreValidation,
        PreImage = new[] { ContractTable.Name, CommonColumns.OwnerId, ContractTable.CustomerId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: refuses (and records) the deletion of contracts.")]
    [PluginStep(MessageNames.Delete, ContractTable.LogicalName, PipelineStage.PreOperation,
        PreImage = new[] { ContractTable.Name, CommonColumns.OwnerId, ContractTable.CustomerId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: records a KAM administrator's deletion (or relies on the parent's).")]
    public sealed class OwnershipLockOnDelete : PluginBase
    {
        /// <summary>Created by the platform with the step's configuration (unused).</summary>
        public OwnershipLockOnDelete(string unsecureConfiguration, string secureConfiguration)
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
            var before = service.Before(record, context.PreImage);
            if (before == null) return;
            service.Run(new LockRequest(stage.Value, record, before, null, null, (b, a) => new[] { ChangeRules.OnDelete() }));
        }
    }
}
