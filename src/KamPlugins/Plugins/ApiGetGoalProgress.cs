using KamPlugins.Model;
using KamPlugins.Operations;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// kam_GetGoalProgress: a goal's actual, in-progress and target values, percentage achieved and
    /// today's target. A function, unbound like the other automation APIs so that a goal that does not exist and one the caller may not see get the same answer; runs as the API's main operation.
    /// </summary>
    [CustomApi(ApiNames.GetGoalProgress, "Get goal progress", "获取目标进度",
        Description = "A goal's actual, in progress, target, percentage and today's target (the target prorated over the goal period).",
        IsFunction = true)]
    [CustomApiRequestParameter(ApiNames.Goal, CustomApiParameterType.EntityReference, LogicalEntityName = GoalTable.LogicalName,
        Description = "The goal.")]
    [CustomApiResponseProperty(ApiNames.Actual, CustomApiParameterType.Decimal, Description = "Actual value (0 while nothing counts).")]
    [CustomApiResponseProperty(ApiNames.InProgress, CustomApiParameterType.Decimal, Description = "In-progress value (0 while nothing counts).")]
    [CustomApiResponseProperty(ApiNames.TargetValue, CustomApiParameterType.Decimal, Description = "Target (0 when none is set).")]
    [CustomApiResponseProperty(ApiNames.Percentage, CustomApiParameterType.Decimal, Description = "Actual ÷ target × 100.")]
    [CustomApiResponseProperty(ApiNames.TodaysTarget, CustomApiParameterType.Decimal, Description = "The target prorated to today over the goal period.")]
    public sealed class ApiGetGoalProgress : PluginBase
    {
        /// <summary>Creates the plugin (configuration strings are not used).</summary>
        public ApiGetGoalProgress(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            var progress = GoalProgressOperation.Execute(AutomationContext.FromPlugin(context), context.GetInput<EntityReference>(ApiNames.Goal));
            var outputs = context.PluginExecutionContext.OutputParameters;
            outputs[ApiNames.Actual] = progress.Actual;
            outputs[ApiNames.InProgress] = progress.InProgress;
            outputs[ApiNames.TargetValue] = progress.Target;
            outputs[ApiNames.Percentage] = progress.Percentage;
            outputs[ApiNames.TodaysTarget] = progress.TodaysTarget;
        }
    }
}
