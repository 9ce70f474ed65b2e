using System;
using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using static KamPlugins.Tests.Goals.GoalWorld;

namespace KamPlugins.Tests.Goals.Behaviour
{
    /// <summary>Which goals the engine keeps, and what happens when a goal itself changes.</summary>
    [TestFixtureSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
    public class GoalLifecycleTests
    {
        private readonly PlatformProfile profile;
        private GoalWorld w;
        private Guid metric;

        public GoalLifecycleTests(PlatformProfile profile)
        {
            this.profile = profile;
        }

        [SetUp]
        public void SetUp()
        {
            w = new GoalWorld(profile);
            metric = w.RevenueMetric();
        }

        [Test]
        public void Create_OfAGoalAfterItsDeals_Should_CountThemAtOnce()
        {
            w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            var won = w.Opportunity(Ref(w.Li), 200m, Q2Start.AddDays(1));
            w.Service.WinOpportunity(won, 250m, Q2Start.AddDays(2));
            var goal = w.Goal("Li Q2", metric, Ref(w.Li), target: 1000m);
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(goal, "inprogressmoney"), Is.EqualTo(100m));
                Assert.That(w.Value(goal, "actualmoney"), Is.EqualTo(250m));
                Assert.That(w.Value(goal, "percentage"), Is.EqualTo(25m));
                Assert.That(w.Ledger(), Has.Count.EqualTo(2));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Create_OfAChildGoalAfterItsDeals_Should_AddItToItsParentsWithoutRecountingThem()
        {
            var director = w.Goal("Director", metric, Ref(w.Director), rollupOnlyFromChildren: true);
            var manager = w.Goal("Manager", metric, Ref(w.Manager), parent: director);
            w.Opportunity(Ref(w.Manager), 10m, Q2Start.AddDays(1));
            w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            var li = w.Goal("Li", metric, Ref(w.Li), parent: manager);
            var calls = w.Org.LastOperation.PluginCalls;
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(li, "inprogressmoney"), Is.EqualTo(100m));
                Assert.That(w.Value(manager, "inprogressmoney"), Is.EqualTo(110m));
                Assert.That(w.Value(director, "inprogressmoney"), Is.EqualTo(110m));
                // Only the new goal's own records are read: the manager's deal is not read again.
                Assert.That(calls.Count("RetrieveMultiple", OpportunityTable.LogicalName), Is.EqualTo(3), "a page per column (actual, in progress) and one aggregate");
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Reopen_OfAClosedChildGoal_Should_MoveItsParentsByTheDifference()
        {
            var manager = w.Goal("Manager", metric, Ref(w.Manager), rollupOnlyFromChildren: true);
            var li = w.Goal("Li", metric, Ref(w.Li), parent: manager);
            w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            w.Service.SetState(new EntityReference(GoalTable.LogicalName, li), GoalTable.State.Inactive, 1);
            w.Opportunity(Ref(w.Li), 50m, Q2Start.AddDays(2));
            w.Service.SetState(new EntityReference(GoalTable.LogicalName, li), GoalTable.State.Active, 0);
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(li, "inprogressmoney"), Is.EqualTo(150m));
                Assert.That(w.Value(manager, "inprogressmoney"), Is.EqualTo(150m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Update_OfTheGoalOwner_Should_RecountTheGoal()
        {
            w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            w.Opportunity(Ref(w.Wang), 700m, Q2Start.AddDays(1));
            var goal = w.Goal("Q2", metric, Ref(w.Li));
            w.Update(GoalTable.LogicalName, goal, GoalTable.GoalOwnerId, Ref(w.Wang));
            Assert.That(w.Value(goal, "inprogressmoney"), Is.EqualTo(700m));
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Update_OfTheParentGoal_Should_RecountBothTrees()
        {
            var manager = w.Goal("Manager", metric, Ref(w.Manager), rollupOnlyFromChildren: true);
            var director = w.Goal("Director", metric, Ref(w.Director), rollupOnlyFromChildren: true);
            var li = w.Goal("Li", metric, Ref(w.Li), parent: manager);
            w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            Assert.That(w.Value(manager, "inprogressmoney"), Is.EqualTo(100m));
            w.Update(GoalTable.LogicalName, li, GoalTable.ParentGoalId, new EntityReference(GoalTable.LogicalName, director));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(manager, "inprogressmoney"), Is.Null);
                Assert.That(w.Value(director, "inprogressmoney"), Is.EqualTo(100m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Delete_OfAChildGoal_Should_RecountItsParent()
        {
            var manager = w.Goal("Manager", metric, Ref(w.Manager), rollupOnlyFromChildren: true);
            var li = w.Goal("Li", metric, Ref(w.Li), parent: manager);
            w.Goal("Wang", metric, Ref(w.Wang), parent: manager);
            w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            w.Opportunity(Ref(w.Wang), 30m, Q2Start.AddDays(1));
            w.Service.Delete(GoalTable.LogicalName, li);
            Assert.That(w.Value(manager, "inprogressmoney"), Is.EqualTo(30m));
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void InactiveGoal_Should_KeepItsValuesAndItsParentShouldKeepAddingThem()
        {
            var manager = w.Goal("Manager", metric, Ref(w.Manager), rollupOnlyFromChildren: true);
            var li = w.Goal("Li", metric, Ref(w.Li), parent: manager);
            w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            w.Service.SetState(new EntityReference(GoalTable.LogicalName, li), GoalTable.State.Inactive, 1);
            w.Opportunity(Ref(w.Li), 50m, Q2Start.AddDays(2));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(li, "inprogressmoney"), Is.EqualTo(100m));
                Assert.That(w.Value(manager, "inprogressmoney"), Is.EqualTo(100m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Reopen_OfAnInactiveGoal_Should_CatchUpWithWhatHappenedMeanwhile()
        {
            var li = w.Goal("Li", metric, Ref(w.Li));
            w.Service.SetState(new EntityReference(GoalTable.LogicalName, li), GoalTable.State.Inactive, 1);
            w.Opportunity(Ref(w.Li), 50m, Q2Start.AddDays(2));
            w.Service.SetState(new EntityReference(GoalTable.LogicalName, li), GoalTable.State.Active, 0);
            Assert.That(w.Value(li, "inprogressmoney"), Is.EqualTo(50m));
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void ExpiredGoal_Should_KeepItsValues()
        {
            // Q1 ended on 31 March; with the default 30 days of rollup expiry it stopped on 1 May.
            var q1 = w.Goal("Li Q1", metric, Ref(w.Li), Day("2025-01-01"), Day("2025-03-31"));
            var stillRolling = w.Goal("Li April", metric, Ref(w.Li), Day("2025-04-01"), Day("2025-04-30"));
            w.Opportunity(Ref(w.Li), 70m, Day("2025-03-20"));
            w.Opportunity(Ref(w.Li), 30m, Day("2025-04-20"));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(q1, "inprogressmoney"), Is.Null);
                Assert.That(w.Value(stillRolling, "inprogressmoney"), Is.EqualTo(30m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void RollupExpiry_OfTheOrganisation_Should_DecideWhenAGoalStopsRollingUp()
        {
            w.Org.AdminService.Update(new Entity(OrganizationTable.LogicalName, w.Org.Options.OrganizationId) { [OrganizationTable.GoalRollupExpiryTime] = 60 });
            var q1 = w.Goal("Li Q1", metric, Ref(w.Li), Day("2025-01-01"), Day("2025-03-31"));
            w.Opportunity(Ref(w.Li), 70m, Day("2025-03-20"));
            Assert.That(w.Value(q1, "inprogressmoney"), Is.EqualTo(70m));
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void UnadoptedGoal_Should_BeLeftToTheSystemRollup()
        {
            // A goal the product has not recalculated yet (installed after the goal existed).
            var goal = w.Org.Seed(new Entity(GoalTable.LogicalName)
            {
                [GoalTable.Title] = "Legacy",
                [GoalTable.MetricId] = new EntityReference(MetricTable.LogicalName, metric),
                [GoalTable.GoalOwnerId] = Ref(w.Li),
                [GoalTable.GoalStartDate] = Q2Start,
                [GoalTable.GoalEndDate] = Q2End,
                [GoalTable.InProgressPrefix + GoalTable.MoneySuffix] = new Money(5000m),
            });
            w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(goal, "inprogressmoney"), Is.EqualTo(5000m));
                Assert.That(w.Ledger(), Is.Empty);
            });
            w.RecalculateAll();
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(goal, "inprogressmoney"), Is.EqualTo(100m));
                Assert.That(w.GoalRow(goal).GetAttributeValue<bool?>(GoalTable.IsOverridden), Is.True);
            });
        }

        [Test]
        public void Update_OfTheTarget_Should_RecomputeThePercentageInTheSameSave()
        {
            var goal = w.Goal("Li", metric, Ref(w.Li), target: 1000m);
            var deal = w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            w.Service.WinOpportunity(deal, 250m, Q2Start.AddDays(2));
            w.Update(GoalTable.LogicalName, goal, GoalTable.TargetMoney, new Money(500m));
            Assert.That(w.Value(goal, "percentage"), Is.EqualTo(50m));
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Update_OfAnotherMetricsGoal_Should_NotMoveThisMetricsGoals()
        {
            var count = w.Goal("Li deals", w.WonDealsMetric(), Ref(w.Li), type: GoalAmountDataType.Integer);
            var revenue = w.Goal("Li revenue", metric, Ref(w.Li));
            w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(count, "actualinteger"), Is.Null);
                Assert.That(w.Value(count, "inprogressinteger"), Is.Null);
                Assert.That(w.Value(revenue, "inprogressmoney"), Is.EqualTo(100m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void UnsupportedMetric_Should_LeaveItsGoalsToTheSystemRollup()
        {
            var parentDated = w.Metric("By account date", true);
            w.Service.Create(new Entity(RollupFieldTable.LogicalName)
            {
                [RollupFieldTable.MetricId] = new EntityReference(MetricTable.LogicalName, parentDated),
                [RollupFieldTable.GoalAttribute] = "actualmoney",
                [RollupFieldTable.SourceEntity] = OpportunityTable.LogicalName,
                [RollupFieldTable.SourceAttribute] = OpportunityTable.ActualValue,
                [RollupFieldTable.DateAttribute] = CommonColumns.CreatedOn,
                [RollupFieldTable.EntityForDateAttribute] = AccountTable.LogicalName,
            });
            var goal = w.Goal("Li", parentDated, Ref(w.Li));
            var deal = w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            w.Service.WinOpportunity(deal, 100m, Q2Start.AddDays(1));
            Assert.Multiple(() =>
            {
                Assert.That(w.GoalRow(goal).GetAttributeValue<bool?>(GoalTable.IsOverridden), Is.Not.True);
                Assert.That(w.Value(goal, "actualmoney"), Is.Null);
                Assert.That(w.Ledger(), Is.Empty);
            });
        }
    }
}
