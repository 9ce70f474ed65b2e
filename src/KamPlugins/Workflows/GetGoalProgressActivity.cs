using System.Activities;
using KamPlugins.Model;
using KamPlugins.Operations;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace KamPlugins.Workflows
{
    /// <summary>
    /// Get goal progress: a goal's actual, in-progress and target values, percentage achieved and
    /// today's target. Same operation as kam_GetGoalProgress.
    /// </summary>
    [WorkflowActivity("Get goal progress", Group = WorkflowActivityAttribute.KamGroup,
        Description = "A goal's actual, in progress, target, percentage and today's target.")]
    public sealed class GetGoalProgressActivity : KamCodeActivity
    {
        /// <summary>The goal.</summary>
        [RequiredArgument]
        [Input("Goal")]
        [ReferenceTarget(GoalTable.LogicalName)]
        public InArgument<EntityReference> Goal { get; set; }

        /// <summary>Actual value.</summary>
        [Output("Actual")]
        public OutArgument<decimal> Actual { get; set; }

        /// <summary>In-progress value.</summary>
        [Output("In progress")]
        public OutArgument<decimal> InProgress { get; set; }

        /// <summary>Target.</summary>
        [Output("Target")]
        public OutArgument<decimal> Target { get; set; }

        /// <summary>Actual ÷ target × 100.</summary>
        [Output("Percentage")]
        public OutArgument<decimal> Percentage { get; set; }

        /// <summary>The target prorated to today over the goal period.</summary>
        [Output("Today's target")]
        public OutArgument<decimal> TodaysTarget { get; set; }

        private protected override void ExecuteCore(CodeActivityContext activityContext, AutomationContext context)
        {
            var progress = GoalProgressOperation.Execute(context, Goal.Get(activityContext));
            Actual.Set(activityContext, progress.Actual);
            InProgress.Set(activityContext, progress.InProgress);
            Target.Set(activityContext, progress.Target);
            Percentage.Set(activityContext, progress.Percentage);
            TodaysTarget.Set(activityContext, progress.TodaysTarget);
        }
    }
}
