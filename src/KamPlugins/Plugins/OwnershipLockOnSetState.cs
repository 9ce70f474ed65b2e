using KamPlugins.Guard;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// Ownership lock on SetState and SetStateDynamicEntity (deprecated and legacy, still raised): a key
    /// account cannot be deactivated without a KAM administrator. Update of statecode is guarded by
    /// <see cref="OwnershipLockOnUpdate"/>; where the platform raises both, the change is decided once.
    /// </summary>
    [PluginStep(MessageNames.SetState, AccountTable.LogicalName, PipelineStage.PreValidation,
        PreImage = new[] { AccountTable.Name, CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode, AccountTable.ParentAccountId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: refuses (and records) the deactivation of a key account.")]
    [PluginStep(MessageNames.SetState, AccountTable.LogicalName, PipelineStage.PreOperation,
        PreImage = new[] { AccountTable.Name, CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode, AccountTable.ParentAccountId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: records a KAM administrator's deactivation of a key account.")]
    [PluginStep(MessageNames.SetStateDynamicEntity, AccountTable.LogicalName, PipelineStage.PreValidation,
        PreImage = new[] { AccountTable.Name, CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode, AccountTable.ParentAccountId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: refuses (and records) the deactivation of a key account.")]
    [PluginStep(MessageNames.SetStateDynamicEntity, AccountTable.LogicalName, PipelineStage.PreOperation,
        PreImage = new[] { AccountTable.Name, CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode, AccountTable.ParentAccountId, CommonColumns.ApprovedOwnerId },
        Description = "Ownership lock: records a KAM administrator's deactivation of a key account.")]
    public sealed class OwnershipLockOnSetState : PluginBase
    {
        private static readonly string[] StateColumn = { CommonColumns.StateCode };

        /// <summary>Created by the platform with the step's configuration (unused).</summary>
        public OwnershipLockOnSetState(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            var stage = LockPipeline.StageOf(context);
            var record = context.GetInput<EntityReference>(ParameterNames.EntityMoniker);
            var state = context.GetInput<OptionSetValue>(ParameterNames.State);
            if (stage == null || record == null || state == null || record.LogicalName != AccountTable.LogicalName) return;

            var currentState = context.PreImage?.GetAttributeValue<OptionSetValue>(CommonColumns.StateCode);
            if (ColumnValues.AreEqual(currentState, state)) return;

            var service = LockPipeline.Service(context);
            var before = service.Before(record, context.PreImage);
            if (before == null) return;
            var stamp = service.Run(new LockRequest(stage.Value, record, before, StateColumn, b => b.With(CommonColumns.StateCode, state), ChangeRules.Between));
            if (stamp != null) service.Stamp(record, stamp);
        }
    }
}
