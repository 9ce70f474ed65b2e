using KamPlugins.Approvals;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// Win and Lose need approval above their thresholds (and Lose of a key-account opportunity always):
    /// an approved Opportunity win / Opportunity loss request whose snapshot covers the close, consumed
    /// in the same transaction. PreValidation refuses early and records the refusal outside the
    /// transaction; PreOperation decides and consumes. The step on Create of opportunityclose — the
    /// activity every close creates inside its transaction — makes the guard hold even where the
    /// platform raises no Win/Lose step; it stands aside when the Win/Lose step already decided.
    /// </summary>
    [PluginStep(MessageNames.Win, OpportunityTable.LogicalName, PipelineStage.PreValidation, Description = "Win: refuse without an approved Opportunity win request (guard event outside the transaction).")]
    [PluginStep(MessageNames.Win, OpportunityTable.LogicalName, PipelineStage.PreOperation, Description = "Win: consume the approved Opportunity win request.")]
    [PluginStep(MessageNames.Lose, OpportunityTable.LogicalName, PipelineStage.PreValidation, Description = "Lose: refuse without a verified loss (guard event outside the transaction).")]
    [PluginStep(MessageNames.Lose, OpportunityTable.LogicalName, PipelineStage.PreOperation, Description = "Lose: consume the approved Opportunity loss request.")]
    [PluginStep(MessageNames.Create, OpportunityCloseTable.LogicalName, PipelineStage.PreOperation, Description = "Close activity of a Win/Lose: the close guard when no Win/Lose step decided.")]
    public sealed class OpportunityCloseGuardPlugin : PluginBase
    {
        /// <summary>Creates the plugin (configuration strings are not used).</summary>
        public OpportunityCloseGuardPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            if (context.MessageName == MessageNames.Create)
            {
                OpportunityCloseGuard.EnforceOnCloseActivity(context, context.Target);
                return;
            }
            var won = context.MessageName == MessageNames.Win;
            var close = context.GetInput<Entity>(ParameterNames.OpportunityClose);
            if (context.Stage == PipelineStage.PreValidation) OpportunityCloseGuard.Check(context, won, close);
            else OpportunityCloseGuard.Enforce(context, won, close);
        }
    }
}
