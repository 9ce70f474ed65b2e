using System;
using KamPlugins.Goals;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// Recounts a goal when its definition changes — a new goal, another owner, period, metric, record
    /// set or rollup query, a goal reopened — with the goals below it, and moves the goals above it by
    /// the difference; recounts both trees when a goal moves to another parent, and the former
    /// parent's tree when a goal is deleted. So the real-time path always moves goals whose values and
    /// ledger are complete (it moves a goal by each record's difference: a goal that never counted the
    /// records it should would stay wrong). A recount also adopts the goal (isoverridden), which is
    /// what lets the real-time path keep it from then on.
    /// </summary>
    [PluginStep(MessageNames.Create, GoalTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank, Description = "Goals: count the records of a new goal")]
    [PluginStep(MessageNames.Update, GoalTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank,
        FilteringAttributes = new[]
        {
            GoalTable.GoalOwnerId, GoalTable.ParentGoalId, GoalTable.MetricId, GoalTable.GoalStartDate, GoalTable.GoalEndDate,
            GoalTable.ConsiderOnlyGoalOwnersRecords, GoalTable.RollupOnlyFromChildGoals, CommonColumns.StateCode,
            GoalTable.RollupQueryActualMoneyId, GoalTable.RollupQueryActualDecimalId, GoalTable.RollupQueryActualIntegerId,
            GoalTable.RollupQueryInProgressMoneyId, GoalTable.RollupQueryInProgressDecimalId, GoalTable.RollupQueryInProgressIntegerId,
            GoalTable.RollupQueryCustomMoneyId, GoalTable.RollupQueryCustomDecimalId, GoalTable.RollupQueryCustomIntegerId,
        },
        PreImage = new[]
        {
            GoalTable.GoalOwnerId, GoalTable.ParentGoalId, GoalTable.MetricId, GoalTable.GoalStartDate, GoalTable.GoalEndDate,
            GoalTable.ConsiderOnlyGoalOwnersRecords, GoalTable.RollupOnlyFromChildGoals, CommonColumns.StateCode,
            GoalTable.RollupQueryActualMoneyId, GoalTable.RollupQueryActualDecimalId, GoalTable.RollupQueryActualIntegerId,
            GoalTable.RollupQueryInProgressMoneyId, GoalTable.RollupQueryInProgressDecimalId, GoalTable.RollupQueryInProgressIntegerId,
            GoalTable.RollupQueryCustomMoneyId, GoalTable.RollupQueryCustomDecimalId, GoalTable.RollupQueryCustomIntegerId,
        },
        Description = "Goals: recount a goal whose definition changed")]
    [PluginStep(MessageNames.SetState, GoalTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank, PreImage = new[] { CommonColumns.StateCode, CommonColumns.StatusCode }, Description = "Goals: recount a reopened goal")]
    [PluginStep(MessageNames.SetStateDynamicEntity, GoalTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank, PreImage = new[] { CommonColumns.StateCode, CommonColumns.StatusCode }, Description = "Goals: recount a reopened goal")]
    [PluginStep(MessageNames.Delete, GoalTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank, Description = "Goals: recount the parent of a deleted goal")]
    [PluginStep(MessageNames.Delete, GoalTable.LogicalName, PipelineStage.PreOperation, Rank = GoalRank, PreImage = new[] { GoalTable.ParentGoalId }, Description = "Goals: remember the parent of a goal being deleted")]
    public sealed class GoalDefinitionPlugin : PluginBase
    {
        private const int GoalRank = 100;

        // Carries a deleted goal's parent from PreOperation (where the row still exists) to PostOperation.
        private const string DeletedParentVariable = "kam_goals_deletedparent";

        /// <summary>Creates the plugin (the platform passes the step's configuration strings).</summary>
        public GoalDefinitionPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            var now = context.Clock.UtcNow;
            void Trace(string text) => context.Trace("{0}", text);
            switch (context.MessageName)
            {
                case MessageNames.Create:
                    // A new goal has no children yet: count its records and add it to its parents.
                    GoalRecalculator.RecalculateGoal(context.SystemService, RecordId(context), now, Trace);
                    return;
                case MessageNames.Update:
                    if (GoalStepFilter.UpdateChangesNothing(context.Target, context.PreImage, null))
                    {
                        context.Trace("goals: the goal's definition did not change");
                        return;
                    }
                    var oldParent = context.PreImage?.GetAttributeValue<EntityReference>(GoalTable.ParentGoalId);
                    var newParent = context.TargetCoalescedWithPreImage().GetAttributeValue<EntityReference>(GoalTable.ParentGoalId);
                    if (oldParent?.Id == newParent?.Id)
                    {
                        // Its own definition changed: recount it and what lies below, move what lies above.
                        GoalRecalculator.RecalculateGoal(context.SystemService, RecordId(context), now, Trace);
                        return;
                    }
                    // It moved to another tree: both trees are recounted (the old one loses its values).
                    var outcome = GoalRecalculator.RecalculateTree(context.SystemService, RecordId(context), now, Trace);
                    if (oldParent != null) RecalculateIfExists(context, oldParent.Id, outcome.RootGoalId, Trace);
                    return;
                case MessageNames.SetState:
                case MessageNames.SetStateDynamicEntity:
                    var state = context.GetInput<OptionSetValue>(ParameterNames.State);
                    // Closing freezes a goal as it is; reopening makes its values live again.
                    if (state == null || state.Value != GoalTable.State.Active) return;
                    if (GoalStepFilter.SetStateChangesNothing(state, context.GetInput<OptionSetValue>(ParameterNames.Status), context.PreImage)) return;
                    GoalRecalculator.RecalculateGoal(context.SystemService, RecordId(context), now, Trace);
                    return;
                case MessageNames.Delete:
                    if (context.Stage == PipelineStage.PreOperation)
                    {
                        var parent = context.PreImage?.GetAttributeValue<EntityReference>(GoalTable.ParentGoalId);
                        if (parent != null) context.SharedVariables[DeletedParentVariable] = parent.Id;
                        return;
                    }
                    if (context.SharedVariables.TryGetValue(DeletedParentVariable, out var value) && value is Guid parentId)
                        RecalculateIfExists(context, parentId, Guid.Empty, Trace);
                    return;
            }
        }

        // Recounts the tree of a goal unless it is gone or is the tree just recounted (one query per level to find its top).
        private static void RecalculateIfExists(LocalPluginContext context, Guid goalId, Guid alreadyRecalculatedRoot, Action<string> trace)
        {
            var seen = new System.Collections.Generic.HashSet<Guid>();
            for (var id = (Guid?)goalId; id.HasValue && seen.Add(id.Value);)
            {
                if (id.Value == alreadyRecalculatedRoot) return;
                var goal = Goals.Data.GoalRowReader.ByIds(context.SystemService, new[] { id.Value });
                if (goal.Count == 0) break;
                id = goal[0].ParentGoalId;
            }
            if (Goals.Data.GoalRowReader.ByIds(context.SystemService, new[] { goalId }).Count == 0) return;
            GoalRecalculator.RecalculateTree(context.SystemService, goalId, context.Clock.UtcNow, trace);
        }

        private static Guid RecordId(LocalPluginContext context)
        {
            if (context.Target != null && context.Target.Id != Guid.Empty) return context.Target.Id;
            var moniker = context.GetInput<EntityReference>(ParameterNames.EntityMoniker);
            if (moniker != null) return moniker.Id;
            if (context.PluginExecutionContext.OutputParameters != null
                && context.PluginExecutionContext.OutputParameters.TryGetValue(ParameterNames.Id, out var created) && created is Guid createdId)
                return createdId;
            return context.PrimaryEntityId;
        }
    }
}
