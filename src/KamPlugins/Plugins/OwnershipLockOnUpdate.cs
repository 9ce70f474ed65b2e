using System;
using System.Linq;
using KamPlugins.Guard;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// Ownership lock on Update (also UpdateMultiple, Upsert-as-update and imports, through the merged
    /// pipeline): owner, customer, key-account flag and state of accounts, opportunities and contracts.
    /// An Update that changes none of the watched columns costs no service call: it is judged from the
    /// target and the pre-image alone.
    /// </summary>
    [PluginStep(MessageNames.Update, AccountTable.LogicalName, PipelineStage.PreValidation,
        FilteringAttributes = new[] { CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode },
        PreImage = new[] { AccountTable.Name, CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode, AccountTable.ParentAccountId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: refuses (and records) owner changes, deactivation and release of key accounts without approval.")]
    [PluginStep(MessageNames.Update, AccountTable.LogicalName, PipelineStage.PreOperation,
        FilteringAttributes = new[] { CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode },
        PreImage = new[] { AccountTable.Name, CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode, AccountTable.ParentAccountId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: consumes the approval, records overrides and stamps the approved owner, inside the transaction.")]
    [PluginStep(MessageNames.Update, OpportunityTable.LogicalName, PipelineStage.PreValidation,
        FilteringAttributes = new[] { CommonColumns.OwnerId, OpportunityTable.CustomerId, OpportunityTable.ParentAccountId, OpportunityTable.EstimatedValue },
        PreImage = new[] { OpportunityTable.Name, CommonColumns.OwnerId, OpportunityTable.CustomerId, OpportunityTable.ParentAccountId, OpportunityTable.EstimatedValue, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: refuses (and records) owner and customer changes of locked opportunities without approval.")]
    [PluginStep(MessageNames.Update, OpportunityTable.LogicalName, PipelineStage.PreOperation,
        FilteringAttributes = new[] { CommonColumns.OwnerId, OpportunityTable.CustomerId, OpportunityTable.ParentAccountId, OpportunityTable.EstimatedValue },
        PreImage = new[] { OpportunityTable.Name, CommonColumns.OwnerId, OpportunityTable.CustomerId, OpportunityTable.ParentAccountId, OpportunityTable.EstimatedValue, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: consumes the approval, records overrides and stamps the approved owner, inside the transaction.")]
    [PluginStep(MessageNames.Update, ContractTable.LogicalName, PipelineStage.PreValidation,
        FilteringAttributes = new[] { CommonColumns.OwnerId, ContractTable.CustomerId },
        PreImage = new[] { ContractTable.Name, CommonColumns.OwnerId, ContractTable.CustomerId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: refuses (and records) owner and customer changes of contracts without approval.")]
    [PluginStep(MessageNames.Update, ContractTable.LogicalName, PipelineStage.PreOperation,
        FilteringAttributes = new[] { CommonColumns.OwnerId, ContractTable.CustomerId },
        PreImage = new[] { ContractTable.Name, CommonColumns.OwnerId, ContractTable.CustomerId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: consumes the approval, records overrides and stamps the approved owner, inside the transaction.")]
    public sealed class OwnershipLockOnUpdate : PluginBase
    {
        /// <summary>Created by the platform with the step's configuration (unused).</summary>
        public OwnershipLockOnUpdate(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            var stage = LockPipeline.StageOf(context);
            var target = context.Target;
            if (stage == null || target == null || !LockedTables.IsLocked(target.LogicalName)) return;
            if (!ChangeRules.UpdateMatters(target.LogicalName, target, context.PreImage)) return;

            var record = new EntityReference(target.LogicalName, target.Id != Guid.Empty ? target.Id : context.PrimaryEntityId);
            var service = LockPipeline.Service(context);
            var before = service.Before(record, context.PreImage);
            if (before == null) return;
            var touched = LockedTables.Watched(record.LogicalName).Where(target.Attributes.ContainsKey).ToList();
            var stamp = service.Run(new LockRequest(stage.Value, record, before, touched, b => b.Overlay(target), ChangeRules.Between));
            if (stamp != null) target[CommonColumns.ApprovedOwnerId] = stamp;
        }
    }
}
