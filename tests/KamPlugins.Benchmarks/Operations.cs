using System;
using System.Collections.Generic;
using System.ServiceModel;
using Dataverse.Emulator;
using Dataverse.Emulator.Measurement;
using Dataverse.Emulator.Principals;
using KamPlugins.Goals;
using KamPlugins.Model;
using KamPlugins.Plugins;
using KamPlugins.Tests.Performance.World;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Benchmarks
{
    /// <summary>
    /// The measured operations, each one client call through the emulator's pipeline with every plugin of
    /// the product, and what each needs prepared (outside the measurement). Shared by the BenchmarkDotNet
    /// classes and the quick probe (<c>probe</c> argument).
    /// </summary>
    internal sealed class Operations
    {
        private readonly Queue<EntityReference> approvedTransfers = new Queue<EntityReference>();
        private User accountOwner;
        private bool accountTransferApproved;

        internal Operations(ScaledOrganization world)
        {
            World = world;
            accountOwner = world.Rep;
            Meter = PluginCostMeter.Instrument(world.Org);
        }

        internal ScaledOrganization World { get; }

        /// <summary>Measures the plugins' own time, calls and rows (every step of the organisation is instrumented).</summary>
        internal PluginCostMeter Meter { get; }

        /// <summary>The service calls of the last measured operation (all plugins, the emulator's counter), or of the last client-side computation.</summary>
        internal int LastCalls { get; private set; }

        /// <summary>What the plugins of the last measured operation cost (own time, calls, rows).</summary>
        internal PluginCost LastCost { get; private set; }

        /// <summary>(a) The owner edits a column no guard watches on a protected (key-account) opportunity.</summary>
        internal void UnguardedUpdate() =>
            Measured(() => World.As(World.Rep).Update(new Entity(OpportunityTable.LogicalName, World.LockedOpportunity.Id) { ["description"] = "call notes" }));

        /// <summary>(b) The owner hands a protected opportunity to a colleague without approval: refused (and recorded).</summary>
        internal void RefusedOwnerChange()
        {
            var refused = false;
            Measured(() =>
            {
                try
                {
                    World.As(World.Rep).Update(new Entity(OpportunityTable.LogicalName, World.LockedOpportunity.Id) { [CommonColumns.OwnerId] = World.Colleague.ToEntityReference() });
                }
                catch (FaultException<OrganizationServiceFault>)
                {
                    refused = true;
                }
            });
            if (!refused) throw new InvalidOperationException("The owner change was not refused.");
        }

        /// <summary>Prepares <paramref name="count"/> approved transfers (submit + approve through the pipeline; not measured).</summary>
        internal void PrepareTransfers(int count)
        {
            while (approvedTransfers.Count < count)
            {
                var opportunity = World.TakeFromPool();
                World.ApproveTransfer(opportunity, World.Rep, World.Colleague);
                approvedTransfers.Enqueue(opportunity);
            }
        }

        /// <summary>(c) The owner hands a protected opportunity to a colleague with an approved transfer request.</summary>
        internal void ApprovedTransfer()
        {
            if (approvedTransfers.Count == 0) PrepareTransfers(1);
            var opportunity = approvedTransfers.Dequeue();
            Measured(() => World.As(World.Rep).Update(new Entity(OpportunityTable.LogicalName, opportunity.Id) { [CommonColumns.OwnerId] = World.Colleague.ToEntityReference() }));
        }

        /// <summary>(d) The KAM wins an open opportunity of the quarter (below the win-approval threshold): three goals move.</summary>
        internal void Win()
        {
            var opportunity = World.TakeFromPool();
            var revenue = World.Org.Get(opportunity).GetAttributeValue<Money>(OpportunityTable.EstimatedValue).Value;
            Measured(() => World.As(World.Rep).WinOpportunity(opportunity.Id, revenue));
        }

        /// <summary>Prepares the next account transfer's approval (not measured).</summary>
        internal void PrepareAccountTransfer()
        {
            if (accountTransferApproved) return;
            World.ApproveTransfer(World.KeyAccount, accountOwner, Other(accountOwner));
            accountTransferApproved = true;
        }

        /// <summary>(e) An approved transfer of the key account, cascading to its 1,000 opportunities (back and forth between two KAMs).</summary>
        internal void AccountTransfer()
        {
            PrepareAccountTransfer();
            var to = Other(accountOwner);
            Measured(() => World.As(accountOwner).Update(new Entity(AccountTable.LogicalName, World.KeyAccount.Id) { [CommonColumns.OwnerId] = to.ToEntityReference() }));
            accountOwner = to;
            accountTransferApproved = false;
        }

        /// <summary>(f) Full recalculation of the goal tree (the kam_RecalculateGoals custom API).</summary>
        /// <remarks>
        /// The custom API's plugin is the operation's main step, which the meter does not see: its own
        /// time is measured by <see cref="FullRecalculationDirect"/>.
        /// </remarks>
        internal void FullRecalculation() =>
            Measured(() => World.Org.AdminService.Execute(new OrganizationRequest(ApiNames.RecalculateGoals) { ["Goal"] = World.RootGoal }));

        /// <summary>(f) The same recalculation called directly (each service call its own operation), to measure its own time.</summary>
        internal void FullRecalculationDirect()
        {
            var before = Meter.Total;
            Meter.RunAsPlugin(service => GoalRecalculator.RecalculateTree(service, World.RootGoal.Id, World.Org.Clock.UtcNow, null), World.Org.AdminService);
            LastCost = Meter.Total - before;
            LastCalls = LastCost.Calls;
        }

        /// <summary>(f, naive) The nightly rollup's way: every goal of the tree recomputed by retrieving and summing its records.</summary>
        internal void NaiveNightlyRollup()
        {
            var before = Meter.Total;
            Meter.RunAsPlugin(service => NaiveGoalRollup.RecomputeTree(service, World.RootGoal.Id), World.Org.AdminService);
            LastCost = Meter.Total - before;
            LastCalls = LastCost.Calls;
        }

        /// <summary>The emulator alone: the ledger lookup every goal-moving change makes (an index seek in Dataverse).</summary>
        internal void EmulatorLedgerQuery()
        {
            var query = new QueryExpression(GoalContributionTable.LogicalName) { ColumnSet = new ColumnSet(GoalContributionTable.Amount) };
            query.Criteria.AddCondition(GoalContributionTable.SourceId, ConditionOperator.Equal, World.LockedOpportunity.Id.ToString("D"));
            var rows = World.Org.AdminService.RetrieveMultiple(query).Entities.Count;
            LastCalls = 1;
            LastCost = new PluginCost(0, 1, rows);
        }

        /// <summary>The emulator alone: a Retrieve by id.</summary>
        internal void EmulatorRetrieve()
        {
            World.Org.AdminService.Retrieve(OpportunityTable.LogicalName, World.LockedOpportunity.Id, new ColumnSet(CommonColumns.OwnerId));
            LastCalls = 1;
            LastCost = new PluginCost(0, 1, 1);
        }

        /// <summary>The last client operation's record (plugin calls, steps, traces).</summary>
        internal OperationRecord LastOperation => World.Org.LastOperation;

        private void Measured(Action operation)
        {
            var before = Meter.Total;
            operation();
            LastCost = Meter.Total - before;
            LastCalls = World.Org.LastOperation.PluginCalls.Total;
        }

        private User Other(User user) => user.Id == World.Rep.Id ? World.Colleague : World.Rep;
    }
}
