using KamPlugins.Model;
using KamPlugins.Operations;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// kam_RecalculateGoals: rebuilds the whole tree of a goal (its root and every goal below it) from
    /// the source data with the goal engine's full recalculation. An action (unbound, with the goal as a
    /// parameter); callers need the privilege to change goals. Runs as the API's main operation.
    /// </summary>
    [CustomApi(ApiNames.RecalculateGoals, "Recalculate goal tree", "重新计算目标树",
        Description = "Recalculates the whole tree of a goal from the source data.",
        ExecutePrivilegeName = ApiNames.WriteGoalPrivilege)]
    [CustomApiRequestParameter(ApiNames.Goal, CustomApiParameterType.EntityReference, LogicalEntityName = GoalTable.LogicalName,
        Description = "Any goal of the tree.")]
    [CustomApiResponseProperty(ApiNames.GoalsRecalculated, CustomApiParameterType.Integer, Description = "How many goals of the tree were recalculated.")]
    public sealed class ApiRecalculateGoals : PluginBase
    {
        /// <summary>Creates the plugin (configuration strings are not used).</summary>
        public ApiRecalculateGoals(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            var recalculated = GoalRecalculationOperation.Execute(AutomationContext.FromPlugin(context), context.GetInput<EntityReference>(ApiNames.Goal));
            context.PluginExecutionContext.OutputParameters[ApiNames.GoalsRecalculated] = recalculated;
        }
    }
}
