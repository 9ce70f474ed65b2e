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
    /// Ownership lock on Merge of accounts. The subordinate is merged away (deactivated, its children
    /// moved to the master): a KAM administrator only when it is a key account or carries locked
    /// records. The master side: the merge's UpdateContent is judged like an Update of the master (its
    /// owner, key-account flag, state), whether or not the platform also raises the Update steps.
    /// </summary>
    [PluginStep(MessageNames.Merge, AccountTable.LogicalName, PipelineStage.PreValidation,
        PreImage = new[] { AccountTable.Name, CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode, AccountTable.ParentAccountId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: refuses (and records) merging a key account, or an account with locked records, away.")]
    [PluginStep(MessageNames.Merge, AccountTable.LogicalName, PipelineStage.PreOperation,
        PreImage = new[] { AccountTable.Name, CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode, AccountTable.ParentAccountId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: records a KAM administrator's merge, which covers its children's move to the master.")]
    public sealed class OwnershipLockOnMerge : PluginBase
    {
        /// <summary>Created by the platform with the step's configuration (unused).</summary>
        public OwnershipLockOnMerge(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            var stage = LockPipeline.StageOf(context);
            var master = context.TargetReference;
            var subordinateId = context.GetInput<Guid>(ParameterNames.SubordinateId);
            if (stage == null || master == null || master.LogicalName != AccountTable.LogicalName || subordinateId == Guid.Empty) return;

            var service = LockPipeline.Service(context);
            var subordinate = new EntityReference(AccountTable.LogicalName, subordinateId);
            var subordinateBefore = service.Read(subordinate);
            if (subordinateBefore != null)
                service.Run(new LockRequest(stage.Value, subordinate, subordinateBefore, null, null, (b, a) => new[] { ChangeRules.OnMergeAway(subordinate, master) }));

            var content = context.GetInput<Entity>(ParameterNames.UpdateContent);
            if (content == null || !ChangeRules.UpdateMatters(AccountTable.LogicalName, content, context.PreImage)) return;
            var masterBefore = service.Before(master, context.PreImage);
            if (masterBefore == null) return;
            var touched = LockedTables.Watched(AccountTable.LogicalName).Where(content.Attributes.ContainsKey).ToList();
            var stamp = service.Run(new LockRequest(stage.Value, master, masterBefore, touched, b => b.Overlay(content), ChangeRules.Between));
            if (stamp != null) service.Stamp(master, stamp);
        }
    }
}
