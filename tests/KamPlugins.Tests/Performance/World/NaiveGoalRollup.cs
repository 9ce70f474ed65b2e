using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using KamPlugins.Plugins;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Tests.Performance.World
{
    /// <summary>
    /// The obvious alternative the product is measured against: recompute a goal by retrieving every
    /// record that counts towards it and adding them up in C# — what a naive real-time plugin does after
    /// each change, and what the built-in nightly rollup does for every goal. Written for the
    /// <see cref="ScaledOrganization"/>'s revenue metric (won: actual revenue by actual close date; open:
    /// estimated revenue by estimated close date; the goal owner's records only), correct for it, and
    /// deliberately straightforward: paged RetrieveMultiple (5,000 rows a page), sum, write the goal.
    /// </summary>
    public static class NaiveGoalRollup
    {
        private const int PageSize = 5000;
        private const string InProgressMoney = "inprogressmoney";

        /// <summary>
        /// Replaces the goal engine's real-time steps (<see cref="GoalSourcePlugin"/>, disabled) with a naive
        /// plugin on the same opportunity messages: after a win, a loss, an owner change (Update of ownerid,
        /// Assign), it recomputes the goals of the old and new owner and all their ancestors from their records.
        /// </summary>
        public static void ReplaceGoalEngine(DataverseEmulator org)
        {
            if (org == null) throw new ArgumentNullException(nameof(org));
            foreach (var step in org.Steps.Of<GoalSourcePlugin>()) step.Enabled = false;
            foreach (var message in new[] { MessageNames.Win, MessageNames.Lose })
                org.RegisterStep(new PluginStepAttribute(message, OpportunityTable.LogicalName, PipelineStage.PostOperation) { Rank = 100 }, OnChange);
            org.RegisterStep(
                new PluginStepAttribute(MessageNames.Update, OpportunityTable.LogicalName, PipelineStage.PostOperation)
                {
                    Rank = 100,
                    FilteringAttributes = new[] { CommonColumns.OwnerId, CommonColumns.StateCode, OpportunityTable.EstimatedValue, OpportunityTable.ActualValue, OpportunityTable.EstimatedCloseDate, OpportunityTable.ActualCloseDate },
                    PreImage = new[] { CommonColumns.OwnerId },
                },
                OnChange);
            org.RegisterStep(
                new PluginStepAttribute(MessageNames.Assign, OpportunityTable.LogicalName, PipelineStage.PostOperation) { Rank = 100, PreImage = new[] { CommonColumns.OwnerId } },
                OnChange);
        }

        /// <summary>
        /// Recomputes the goals owned by <paramref name="ownerIds"/> and every ancestor of them, children
        /// before parents. Returns the number of goals written.
        /// </summary>
        public static int RecomputeGoalsOf(IOrganizationService service, IEnumerable<Guid> ownerIds)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            var owners = ownerIds.Distinct().Cast<object>().ToArray();
            if (owners.Length == 0) return 0;
            var query = new QueryExpression(GoalTable.LogicalName) { ColumnSet = GoalColumns() };
            query.Criteria.AddCondition(GoalTable.GoalOwnerId, ConditionOperator.In, owners);
            query.Criteria.AddCondition(CommonColumns.StateCode, ConditionOperator.Equal, GoalTable.State.Active);
            var goals = service.RetrieveMultiple(query).Entities.ToDictionary(g => g.Id);
            // Walk up to the roots, one query per level.
            var frontier = goals.Values.Select(Parent).Where(p => p.HasValue && !goals.ContainsKey(p.Value)).Select(p => p.Value).Distinct().ToList();
            while (frontier.Count > 0)
            {
                var parents = new QueryExpression(GoalTable.LogicalName) { ColumnSet = GoalColumns() };
                parents.Criteria.AddCondition(GoalTable.Id, ConditionOperator.In, frontier.Cast<object>().ToArray());
                var found = service.RetrieveMultiple(parents).Entities;
                foreach (var goal in found) goals[goal.Id] = goal;
                frontier = found.Select(Parent).Where(p => p.HasValue && !goals.ContainsKey(p.Value)).Select(p => p.Value).Distinct().ToList();
            }
            return Recompute(service, goals.Values.ToList());
        }

        /// <summary>The nightly rollup: recomputes every goal of the tree under <paramref name="rootGoalId"/>. Returns the number of goals written.</summary>
        public static int RecomputeTree(IOrganizationService service, Guid rootGoalId)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            var goals = new List<Entity> { service.Retrieve(GoalTable.LogicalName, rootGoalId, GoalColumns()) };
            var level = new List<Guid> { rootGoalId };
            while (level.Count > 0)
            {
                var children = new QueryExpression(GoalTable.LogicalName) { ColumnSet = GoalColumns() };
                children.Criteria.AddCondition(GoalTable.ParentGoalId, ConditionOperator.In, level.Cast<object>().ToArray());
                var found = service.RetrieveMultiple(children).Entities;
                goals.AddRange(found);
                level = found.Select(g => g.Id).ToList();
            }
            return Recompute(service, goals);
        }

        private static void OnChange(IServiceProvider services)
        {
            var context = (IPluginExecutionContext)services.GetService(typeof(IPluginExecutionContext));
            var factory = (IOrganizationServiceFactory)services.GetService(typeof(IOrganizationServiceFactory));
            var service = factory.CreateOrganizationService(null);
            Guid id;
            if (context.InputParameters.TryGetValue(ParameterNames.OpportunityClose, out var close) && close is Entity closeRow)
                id = closeRow.GetAttributeValue<EntityReference>(OpportunityCloseTable.OpportunityId).Id;
            else if (context.InputParameters.TryGetValue(ParameterNames.Target, out var target) && target is Entity entity)
                id = entity.Id;
            else
                id = ((EntityReference)context.InputParameters[ParameterNames.Target]).Id;
            var owners = new List<Guid> { service.Retrieve(OpportunityTable.LogicalName, id, new ColumnSet(CommonColumns.OwnerId)).GetAttributeValue<EntityReference>(CommonColumns.OwnerId).Id };
            if (context.PreEntityImages.TryGetValue(PluginStepAttribute.PreImageAlias, out var before) && before.GetAttributeValue<EntityReference>(CommonColumns.OwnerId) is EntityReference oldOwner)
                owners.Add(oldOwner.Id);
            RecomputeGoalsOf(service, owners);
        }

        // Children before parents: each goal = its owner's records, retrieved and added up, plus its children.
        private static int Recompute(IOrganizationService service, IReadOnlyList<Entity> goals)
        {
            var byId = goals.ToDictionary(g => g.Id);
            var computed = new Dictionary<Guid, (decimal? Actual, decimal? InProgress)>();
            var pending = goals.ToList();
            while (pending.Count > 0)
            {
                // A goal is ready when none of the goals to recompute is its child.
                var ready = pending.Where(g => !pending.Any(c => Parent(c) == g.Id)).ToList();
                foreach (var goal in ready)
                {
                    var (actual, inProgress) = SumRecords(service, goal);
                    foreach (var child in ChildValues(service, goal.Id, computed))
                    {
                        actual = child.Actual.HasValue ? (actual ?? 0m) + child.Actual.Value : actual;
                        inProgress = child.InProgress.HasValue ? (inProgress ?? 0m) + child.InProgress.Value : inProgress;
                    }
                    computed[goal.Id] = (actual, inProgress);
                    var target = goal.GetAttributeValue<Money>(GoalTable.TargetMoney)?.Value;
                    service.Update(new Entity(GoalTable.LogicalName, goal.Id)
                    {
                        [GoalTable.IsOverride] = true,
                        [GoalTable.IsOverridden] = true,
                        [GoalTable.ActualMoney] = actual.HasValue ? new Money(actual.Value) : null,
                        [InProgressMoney] = inProgress.HasValue ? new Money(inProgress.Value) : null,
                        [GoalTable.Percentage] = actual.HasValue && target.HasValue && target.Value != 0m ? Math.Round(actual.Value * 100m / target.Value, 2, MidpointRounding.AwayFromZero) : (decimal?)null,
                    });
                }
                pending = pending.Except(ready).ToList();
                if (ready.Count == 0) throw new InvalidOperationException("goal hierarchy loops");
            }
            return computed.Count;
        }

        // Every record of the goal owner dated in the goal's period, retrieved page by page and added up.
        private static (decimal? Actual, decimal? InProgress) SumRecords(IOrganizationService service, Entity goal)
        {
            if (goal.GetAttributeValue<bool?>(GoalTable.RollupOnlyFromChildGoals) == true) return (null, null);
            var from = goal.GetAttributeValue<DateTime>(GoalTable.GoalStartDate).Date;
            var until = goal.GetAttributeValue<DateTime>(GoalTable.GoalEndDate).Date.AddDays(1);
            var query = new QueryExpression(OpportunityTable.LogicalName)
            {
                ColumnSet = new ColumnSet(CommonColumns.StateCode, OpportunityTable.ActualValue, OpportunityTable.EstimatedValue),
                PageInfo = new PagingInfo { PageNumber = 1, Count = PageSize },
            };
            query.Orders.Add(new OrderExpression(OpportunityTable.Id, OrderType.Ascending));
            query.Criteria.AddCondition(CommonColumns.OwnerId, ConditionOperator.Equal, goal.GetAttributeValue<EntityReference>(GoalTable.GoalOwnerId).Id);
            var either = query.Criteria.AddFilter(LogicalOperator.Or);
            var won = either.AddFilter(LogicalOperator.And);
            won.AddCondition(CommonColumns.StateCode, ConditionOperator.Equal, OpportunityTable.State.Won);
            won.AddCondition(OpportunityTable.ActualCloseDate, ConditionOperator.GreaterEqual, from);
            won.AddCondition(OpportunityTable.ActualCloseDate, ConditionOperator.LessThan, until);
            var open = either.AddFilter(LogicalOperator.And);
            open.AddCondition(CommonColumns.StateCode, ConditionOperator.Equal, OpportunityTable.State.Open);
            open.AddCondition(OpportunityTable.EstimatedCloseDate, ConditionOperator.GreaterEqual, from);
            open.AddCondition(OpportunityTable.EstimatedCloseDate, ConditionOperator.LessThan, until);
            decimal? actual = null;
            decimal? inProgress = null;
            while (true)
            {
                var page = service.RetrieveMultiple(query);
                foreach (var row in page.Entities)
                {
                    if (row.GetAttributeValue<OptionSetValue>(CommonColumns.StateCode)?.Value == OpportunityTable.State.Won)
                    {
                        if (row.GetAttributeValue<Money>(OpportunityTable.ActualValue) is Money a) actual = (actual ?? 0m) + a.Value;
                    }
                    else if (row.GetAttributeValue<Money>(OpportunityTable.EstimatedValue) is Money e)
                    {
                        inProgress = (inProgress ?? 0m) + e.Value;
                    }
                }
                if (!page.MoreRecords) return (actual, inProgress);
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }

        // Child goals' values: the ones just recomputed, the others as stored (1 query).
        private static IEnumerable<(decimal? Actual, decimal? InProgress)> ChildValues(IOrganizationService service, Guid goalId, IReadOnlyDictionary<Guid, (decimal? Actual, decimal? InProgress)> computed)
        {
            var query = new QueryExpression(GoalTable.LogicalName) { ColumnSet = new ColumnSet(GoalTable.ActualMoney, InProgressMoney) };
            query.Criteria.AddCondition(GoalTable.ParentGoalId, ConditionOperator.Equal, goalId);
            query.Criteria.AddCondition(CommonColumns.StateCode, ConditionOperator.Equal, GoalTable.State.Active);
            return service.RetrieveMultiple(query).Entities
                .Select(c => computed.TryGetValue(c.Id, out var v) ? v : (c.GetAttributeValue<Money>(GoalTable.ActualMoney)?.Value, c.GetAttributeValue<Money>(InProgressMoney)?.Value))
                .ToList();
        }

        private static Guid? Parent(Entity goal) => goal.GetAttributeValue<EntityReference>(GoalTable.ParentGoalId)?.Id;

        private static ColumnSet GoalColumns() => new ColumnSet(
            GoalTable.GoalOwnerId, GoalTable.ParentGoalId, GoalTable.GoalStartDate, GoalTable.GoalEndDate, GoalTable.TargetMoney,
            GoalTable.RollupOnlyFromChildGoals, GoalTable.ActualMoney, InProgressMoney);
    }
}
