using KamPlugins.Guard;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// Ownership lock on Assign (clients, workflows and the cascades of an account's owner change):
    /// the owner change of a locked record needs an approved transfer or a KAM administrator; a cascade
    /// child is covered by its parent's authorised transfer to the same owner.
    /// </summary>
    [PluginStep(MessageNames.Assign, AccountTable.LogicalName, PipelineStage.PreValidation,
        PreImage = new[] { AccountTable.Name, CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode, AccountTable.ParentAccountId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: refuses (and records) the assignment of key accounts, or of accounts whose cascade carries locked records, without approval.")]
    [PluginStep(MessageNames.Assign, AccountTable.LogicalName, PipelineStage.PreOperation,
        PreImage = new[] { AccountTable.Name, CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode, AccountTable.ParentAccountId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: consumes the approval, records the authorisation its cascade relies on, stamps the approved owner.")]
    [PluginStep(MessageNames.Assign, OpportunityTable.LogicalName, PipelineStage.PreValidation,
        PreImage = new[] { OpportunityTable.Name, CommonColumns.OwnerId, OpportunityTable.CustomerId, OpportunityTable.ParentAccountId, OpportunityTable.EstimatedValue, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: refuses (and records) the assignment of locked opportunities without approval.")]
    [PluginStep(MessageNames.Assign, OpportunityTable.LogicalName, PipelineStage.PreOperation,
        PreImage = new[] { OpportunityTable.Name, CommonColumns.OwnerId, OpportunityTable.CustomerId, OpportunityTable.ParentAccountId, OpportunityTable.EstimatedValue, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: consumes the approval (or relies on the parent's), stamps the approved owner.")]
    [PluginStep(MessageNames.Assign, ContractTable.LogicalName, PipelineStage.PreValidation,
        PreImage = new[] { ContractTable.Name, CommonColumns.OwnerId, ContractTable.CustomerId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: refuses (and records) the assignment of contracts without approval.")]
    [PluginStep(MessageNames.Assign, ContractTable.LogicalName, PipelineStage.PreOperation,
        PreImage = new[] { ContractTable.Name, CommonColumns.OwnerId, ContractTable.CustomerId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: consumes the approval (or relies on the parent's), stamps the approved owner.")]
    public sealed class OwnershipLockOnAssign : PluginBase
    {
        private static readonly string[] OwnerColumn = { CommonColumns.OwnerId };

        /// <summary>Created by the platform with the step's configuration (unused).</summary>
        public OwnershipLockOnAssign(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            var stage = LockPipeline.StageOf(context);
            var record = context.TargetReference;
            var assignee = context.GetInput<EntityReference>(ParameterNames.Assignee);
            if (stage == null || record == null || assignee == null || !LockedTables.IsLocked(record.LogicalName)) return;

            // Assigned to its current owner (the platform raises Assign for an Update that sends ownerid
            // unchanged, under some profiles): nothing changes, nothing to read.
            var currentOwner = context.PreImage?.GetAttributeValue<EntityReference>(CommonColumns.OwnerId);
            if (ColumnValues.AreEqual(currentOwner, assignee)) return;

            var service = LockPipeline.Service(context);
            var before = service.Before(record, context.PreImage);
            if (before == null) return;
            var stamp = service.Run(new LockRequest(stage.Value, record, before, OwnerColumn, b => b.With(CommonColumns.OwnerId, assignee), ChangeRules.Between));
            // Assign carries no entity to add the stamp to: it is written beside the assignment, in the
            // same transaction (kam_approvedownerid raises none of the lock's Update steps).
            if (stamp != null) service.Stamp(record, stamp);
        }
    }
}
