using System;
using System.Collections.Generic;
using KamPlugins.Goals;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// Keeps goal progress true in real time: after any change to a goal source record (opportunity,
    /// kam_contract) that can move a goal — create, update of a column that counts, win, loss, state
    /// change, assignment (including cascades), deletion, bulk messages through the merged pipeline —
    /// sets the record's contributions and moves the goals it touches. Synchronous, inside the
    /// transaction: if goal bookkeeping fails, the change fails with it, so a goal is never wrong.
    /// Every message that can change a record is registered (the platform raises some of them twice
    /// or not at all, depending on the profile); the ledger makes a repeated run a no-op.
    /// </summary>
    /// <remarks>
    /// Another table a metric names is kept by registering this same plugin type on that table's
    /// Create, Update (filtering on owner, state, status, the metric's date and amount columns and any
    /// column its rollup queries read), Delete (PreOperation), Assign and SetState.
    /// </remarks>
    [PluginStep(MessageNames.Create, OpportunityTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank, Description = "Goals: count a new opportunity")]
    [PluginStep(MessageNames.Update, OpportunityTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank,
        FilteringAttributes = new[]
        {
            CommonColumns.OwnerId, CommonColumns.StateCode, CommonColumns.StatusCode, OpportunityTable.ActualValue, OpportunityTable.ActualCloseDate,
            OpportunityTable.EstimatedValue, OpportunityTable.EstimatedCloseDate, OpportunityTable.CustomerId, OpportunityTable.ParentAccountId,
            OpportunityTable.CloseProbability,
        },
        PreImage = new[]
        {
            CommonColumns.OwnerId, CommonColumns.StateCode, CommonColumns.StatusCode, OpportunityTable.ActualValue, OpportunityTable.ActualCloseDate,
            OpportunityTable.EstimatedValue, OpportunityTable.EstimatedCloseDate, OpportunityTable.CustomerId, OpportunityTable.ParentAccountId,
            OpportunityTable.CloseProbability,
        },
        Description = "Goals: recount a changed opportunity")]
    [PluginStep(MessageNames.Delete, OpportunityTable.LogicalName, PipelineStage.PreOperation, Rank = GoalRank, Description = "Goals: remove a deleted opportunity (before its ledger rows cascade away)")]
    [PluginStep(MessageNames.Assign, OpportunityTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank, PreImage = new[] { CommonColumns.OwnerId }, Description = "Goals: move an assigned opportunity")]
    [PluginStep(MessageNames.SetState, OpportunityTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank, PreImage = new[] { CommonColumns.StateCode, CommonColumns.StatusCode }, Description = "Goals: recount a reopened opportunity")]
    [PluginStep(MessageNames.SetStateDynamicEntity, OpportunityTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank, PreImage = new[] { CommonColumns.StateCode, CommonColumns.StatusCode }, Description = "Goals: recount a reopened opportunity")]
    [PluginStep(MessageNames.Win, OpportunityTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank, Description = "Goals: count a won opportunity")]
    [PluginStep(MessageNames.Lose, OpportunityTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank, Description = "Goals: recount a lost opportunity")]
    [PluginStep(MessageNames.Create, ContractTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank, Description = "Goals: count a new contract")]
    [PluginStep(MessageNames.Update, ContractTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank,
        FilteringAttributes = new[]
        {
            CommonColumns.OwnerId, CommonColumns.StateCode, CommonColumns.StatusCode, ContractTable.Value, ContractTable.ActivatedOn,
            ContractTable.ContractStatus, ContractTable.CustomerId, ContractTable.StartDate, ContractTable.EndDate, ContractTable.OpportunityId,
        },
        PreImage = new[]
        {
            CommonColumns.OwnerId, CommonColumns.StateCode, CommonColumns.StatusCode, ContractTable.Value, ContractTable.ActivatedOn,
            ContractTable.ContractStatus, ContractTable.CustomerId, ContractTable.StartDate, ContractTable.EndDate, ContractTable.OpportunityId,
        },
        Description = "Goals: recount a changed contract")]
    [PluginStep(MessageNames.Delete, ContractTable.LogicalName, PipelineStage.PreOperation, Rank = GoalRank, Description = "Goals: remove a deleted contract (before its ledger rows cascade away)")]
    [PluginStep(MessageNames.Assign, ContractTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank, PreImage = new[] { CommonColumns.OwnerId }, Description = "Goals: move an assigned contract")]
    [PluginStep(MessageNames.SetState, ContractTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank, PreImage = new[] { CommonColumns.StateCode, CommonColumns.StatusCode }, Description = "Goals: recount a contract whose state changed")]
    [PluginStep(MessageNames.SetStateDynamicEntity, ContractTable.LogicalName, PipelineStage.PostOperation, Rank = GoalRank, PreImage = new[] { CommonColumns.StateCode, CommonColumns.StatusCode }, Description = "Goals: recount a contract whose state changed")]
    public sealed class GoalSourcePlugin : PluginBase
    {
        // Late in PostOperation: after the product's other steps have settled the record.
        private const int GoalRank = 100;

        /// <summary>Creates the plugin (the platform passes the step's configuration strings).</summary>
        public GoalSourcePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            var message = context.MessageName;
            var isClose = message == MessageNames.Win || message == MessageNames.Lose;
            var table = isClose ? OpportunityTable.LogicalName : context.PrimaryEntityName;
            var id = RecordId(context, isClose);
            if (id == Guid.Empty)
            {
                context.Trace("goals: no record id in {0}; nothing to do", message);
                return;
            }
            if (NothingChanged(context, table))
            {
                context.Trace("goals: {0} changes nothing that counts; nothing to do", message);
                return;
            }
            var outcome = GoalSynchronizer.Synchronize(context.SystemService, table, id, message == MessageNames.Delete, context.Clock.UtcNow, text => context.Trace("{0}", text));
            context.Trace("goals: {0} contribution(s) changed, {1} goal(s) written", outcome.ContributionsChanged, outcome.GoalsWritten);
        }

        private static Guid RecordId(LocalPluginContext context, bool isClose)
        {
            if (isClose)
            {
                var close = context.GetInput<Entity>(ParameterNames.OpportunityClose);
                var opportunity = close?.GetAttributeValue<EntityReference>(OpportunityCloseTable.OpportunityId);
                return opportunity?.Id ?? context.PrimaryEntityId;
            }
            if (context.Target != null && context.Target.Id != Guid.Empty) return context.Target.Id;
            if (context.TargetReference != null) return context.TargetReference.Id;
            var moniker = context.GetInput<EntityReference>(ParameterNames.EntityMoniker);
            if (moniker != null) return moniker.Id;
            if (context.PluginExecutionContext.OutputParameters != null
                && context.PluginExecutionContext.OutputParameters.TryGetValue(ParameterNames.Id, out var created) && created is Guid createdId)
                return createdId;
            return context.PrimaryEntityId;
        }

        private static bool NothingChanged(LocalPluginContext context, string table)
        {
            switch (context.MessageName)
            {
                case MessageNames.Update:
                    return GoalStepFilter.UpdateChangesNothing(context.Target, context.PreImage, RelevantColumns(table));
                case MessageNames.Assign:
                    return GoalStepFilter.AssignChangesNothing(context.GetInput<EntityReference>(ParameterNames.Assignee), context.PreImage);
                case MessageNames.SetState:
                case MessageNames.SetStateDynamicEntity:
                    return GoalStepFilter.SetStateChangesNothing(
                        context.GetInput<OptionSetValue>(ParameterNames.State), context.GetInput<OptionSetValue>(ParameterNames.Status), context.PreImage);
                default:
                    return false;
            }
        }

        // The columns the Update steps filter on (and image): the ones that can move a goal. For a
        // table registered by an administrator, every column of the request is taken as relevant.
        private static ICollection<string> RelevantColumns(string table)
        {
            switch (table)
            {
                case OpportunityTable.LogicalName:
                    return new HashSet<string>(StringComparer.Ordinal)
                    {
                        CommonColumns.OwnerId, CommonColumns.StateCode, CommonColumns.StatusCode, OpportunityTable.ActualValue, OpportunityTable.ActualCloseDate,
                        OpportunityTable.EstimatedValue, OpportunityTable.EstimatedCloseDate, OpportunityTable.CustomerId, OpportunityTable.ParentAccountId,
            OpportunityTable.CloseProbability,
                    };
                case ContractTable.LogicalName:
                    return new HashSet<string>(StringComparer.Ordinal)
                    {
                        CommonColumns.OwnerId, CommonColumns.StateCode, CommonColumns.StatusCode, ContractTable.Value, ContractTable.ActivatedOn,
                        ContractTable.ContractStatus, ContractTable.CustomerId, ContractTable.StartDate, ContractTable.EndDate, ContractTable.OpportunityId,
                    };
                default:
                    return null;
            }
        }
    }
}
