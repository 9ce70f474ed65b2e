using KamPlugins.Approvals;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;

namespace KamPlugins.Guard
{
    /// <summary>What the ownership lock's plugins share: which stage decides, and the per-execution use case.</summary>
    internal static class LockPipeline
    {
        /// <summary>
        /// The lock's stage for this step execution, or null when it must not decide here. PreValidation
        /// decides only at the top level: nested (a cascade, a plugin's or workflow's operation), it runs
        /// inside the transaction, where a refusal's event would roll back with the operation — the
        /// PreOperation step decides there instead. This reads IsInTransaction, never Depth.
        /// </summary>
        internal static LockStage? StageOf(LocalPluginContext context)
        {
            switch (context.Stage)
            {
                case PipelineStage.PreValidation:
                    return context.PluginExecutionContext.IsInTransaction ? (LockStage?)null : LockStage.Check;
                case PipelineStage.PreOperation:
                    return LockStage.Enforce;
                default:
                    return null;
            }
        }

        /// <summary>The use case for this step execution (SYSTEM service, the approval ledger, the pipeline's users and clock).</summary>
        internal static OwnershipLockService Service(LocalPluginContext context)
        {
            var execution = context.PluginExecutionContext;
            var environment = new LockEnvironment(
                context.SystemService,
                ApprovalLedger.For(context),
                context.InitiatingUserId,
                context.UserId,
                context.MessageName,
                execution.CorrelationId,
                context.Clock.UtcNow,
                line => context.Trace("{0}", line));
            return new OwnershipLockService(environment);
        }
    }
}
