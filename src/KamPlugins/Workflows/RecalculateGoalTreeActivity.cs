using System.Activities;
using KamPlugins.Model;
using KamPlugins.Operations;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace KamPlugins.Workflows
{
    /// <summary>
    /// Recalculate goal tree: rebuilds the whole tree of a goal from the source data with the goal
    /// engine's full recalculation. Same operation as kam_RecalculateGoals.
    /// </summary>
    [WorkflowActivity("Recalculate goal tree", Group = WorkflowActivityAttribute.KamGroup,
        Description = "Recalculates the whole tree of a goal from the source data.")]
    public sealed class RecalculateGoalTreeActivity : KamCodeActivity
    {
        /// <summary>Any goal of the tree.</summary>
        [RequiredArgument]
        [Input("Goal")]
        [ReferenceTarget(GoalTable.LogicalName)]
        public InArgument<EntityReference> Goal { get; set; }

        /// <summary>How many goals were recalculated.</summary>
        [Output("Goals recalculated")]
        public OutArgument<int> GoalsRecalculated { get; set; }

        private protected override void ExecuteCore(CodeActivityContext activityContext, AutomationContext context)
        {
            GoalsRecalculated.Set(activityContext, GoalRecalculationOperation.Execute(context, Goal.Get(activityContext)));
        }
    }
}
