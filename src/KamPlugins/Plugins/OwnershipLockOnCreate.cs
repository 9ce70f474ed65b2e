using KamPlugins.Guard;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// Ownership lock on Create (also CreateMultiple, Upsert-as-create, QualifyLead's opportunity and
    /// imports): a locked record created owned by someone else, or an account created as a key account
    /// by someone without the right; stamps the approved owner of every locked record created.
    /// </summary>
    [PluginStep(MessageNames.Create, AccountTable.LogicalName, PipelineStage.PreValidation,
        Description = "Ownership lock: refuses (and records) key accounts created for someone else or flagged without the right.")]
    [PluginStep(MessageNames.Create, AccountTable.LogicalName, PipelineStage.PreOperation,
        Description = "Ownership lock: records overrides and stamps the approved owner of a new key account.")]
    [PluginStep(MessageNames.Create, OpportunityTable.LogicalName, PipelineStage.PreValidation,
        Description = "Ownership lock: refuses (and records) locked opportunities created for someone else.")]
    [PluginStep(MessageNames.Create, OpportunityTable.LogicalName, PipelineStage.PreOperation,
        Description = "Ownership lock: records overrides and stamps the approved owner of a new locked opportunity.")]
    [PluginStep(MessageNames.Create, ContractTable.LogicalName, PipelineStage.PreValidation,
        Description = "Ownership lock: refuses (and records) contracts created for someone else.")]
    [PluginStep(MessageNames.Create, ContractTable.LogicalName, PipelineStage.PreOperation,
        Description = "Ownership lock: records overrides and stamps the approved owner of a new contract.")]
    public sealed class OwnershipLockOnCreate : PluginBase
    {
        /// <summary>Created by the platform with the step's configuration (unused).</summary>
        public OwnershipLockOnCreate(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            var stage = LockPipeline.StageOf(context);
            var target = context.Target;
            if (stage == null || target == null || !LockedTables.IsLocked(target.LogicalName)) return;

            var record = new EntityReference(target.LogicalName, target.Id);
            // Without an owner in the request, the record belongs to the user the operation runs as.
            var owner = target.GetAttributeValue<EntityReference>(CommonColumns.OwnerId) ?? new EntityReference(SystemUserTable.LogicalName, context.UserId);
            // The target is the whole new record: a column it leaves out is empty (or the platform's default).
            var created = LockedRecord.FromRow(record, target, complete: true).With(CommonColumns.OwnerId, owner);
            var initiatingUserId = context.InitiatingUserId;
            var service = LockPipeline.Service(context);
            var stamp = service.Run(new LockRequest(stage.Value, record, null, null, _ => created, (before, after) => ChangeRules.OnCreate(after, initiatingUserId)));
            if (stamp != null) target[CommonColumns.ApprovedOwnerId] = stamp;
        }
    }
}
