using System;
using KamPlugins.Goals;
using KamPlugins.Model;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Operations
{
    /// <summary>
    /// Recalculate goal tree: the goal engine's full recalculation (<see cref="GoalRecalculator.RecalculateTree"/>)
    /// of the whole tree the goal belongs to, from its root down — the same computation the engine's
    /// tests hold equal to the real-time path. The goal is first read as the initiating user (a goal
    /// they may not see is refused as "does not exist or no permission"); a closed or discarded goal is
    /// refused (the engine leaves inactive goals alone). The engine writes as SYSTEM: goal values are
    /// the product's bookkeeping.
    /// </summary>
    internal static class GoalRecalculationOperation
    {
        /// <summary>Argument name: the goal.</summary>
        internal const string GoalArgument = "Goal";

        /// <summary>Runs the operation; returns how many goals of the tree were recalculated.</summary>
        internal static int Execute(AutomationContext context, EntityReference goal)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            var row = GoalInputs.ReadVisibleGoal(context, goal, GoalArgument, GoalTable.Title, CommonColumns.StateCode);
            var state = row.GetAttributeValue<OptionSetValue>(CommonColumns.StateCode);
            if (state != null && state.Value != GoalTable.State.Active)
                throw new KamException(OperationTexts.GoalInactive.Format(row.GetAttributeValue<string>(GoalTable.Title) ?? goal.Id.ToString("D")));
            var outcome = GoalRecalculator.RecalculateTree(context.SystemService, goal.Id, context.Clock.UtcNow, text => context.Trace("{0}", text));
            context.Trace("recalculated {0} goal(s) under {1}", outcome.GoalsRecalculated, outcome.RootGoalId);
            return outcome.GoalsRecalculated;
        }
    }
}
