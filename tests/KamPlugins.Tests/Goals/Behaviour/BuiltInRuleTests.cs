using System;
using System.Collections.Generic;
using Dataverse.Emulator;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using static KamPlugins.Tests.Goals.GoalWorld;

namespace KamPlugins.Tests.Goals.Behaviour
{
    /// <summary>The built-in rollup's documented rules, each through Dataverse messages, under every platform profile.</summary>
    [TestFixtureSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
    public class BuiltInRuleTests
    {
        private readonly PlatformProfile profile;
        private GoalWorld w;

        public BuiltInRuleTests(PlatformProfile profile)
        {
            this.profile = profile;
        }

        [SetUp]
        public void SetUp() => w = new GoalWorld(profile);

        [Test]
        public void PeriodBounds_DealsOnTheFirstAndLastDay_Should_CountAndTheDaysAround_ShouldNot()
        {
            var goal = w.Goal("Li Q2", w.RevenueMetric(), Ref(w.Li));
            w.Opportunity(Ref(w.Li), 1m, Q2Start.AddSeconds(-1));
            w.Opportunity(Ref(w.Li), 10m, Q2Start);
            w.Opportunity(Ref(w.Li), 100m, Q2End);
            w.Opportunity(Ref(w.Li), 1000m, Q2End.AddHours(23).AddMinutes(59));
            w.Opportunity(Ref(w.Li), 10000m, Q2End.AddDays(1));
            Assert.That(w.Value(goal, "inprogressmoney"), Is.EqualTo(1110m));
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void StateFilter_Should_CountWonDealsAsActualAndOpenDealsAsPipelineOnly()
        {
            var goal = w.Goal("Li Q2", w.RevenueMetric(), Ref(w.Li));
            var won = w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            var lost = w.Opportunity(Ref(w.Li), 200m, Q2Start.AddDays(1));
            w.Opportunity(Ref(w.Li), 400m, Q2Start.AddDays(1));
            w.Service.WinOpportunity(won, 150m, Q2Start.AddDays(2));
            w.Service.LoseOpportunity(lost, 250m, Q2Start.AddDays(2));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(goal, "actualmoney"), Is.EqualTo(150m));
                Assert.That(w.Value(goal, "inprogressmoney"), Is.EqualTo(400m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void StatusFilter_Should_CountOnlyTheNamedStatus()
        {
            var metric = w.Metric("Out-sold deals", false, GoalAmountDataType.Integer);
            w.RollupField(metric, "actualinteger", OpportunityTable.LogicalName, null, OpportunityTable.ActualCloseDate, OpportunityTable.State.Lost, OpportunityTable.Status.OutSold);
            var goal = w.Goal("Li out-sold", metric, Ref(w.Li), type: GoalAmountDataType.Integer);
            var outSold = w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            var canceled = w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            w.Service.LoseOpportunity(outSold, null, Q2Start.AddDays(2), OpportunityTable.Status.OutSold);
            w.Service.LoseOpportunity(canceled, null, Q2Start.AddDays(2), OpportunityTable.Status.Canceled);
            Assert.That(w.Value(goal, "actualinteger"), Is.EqualTo(1m));
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void OwnerOnly_Should_CountOnlyTheGoalOwnersDeals_AndAll_EveryOwners()
        {
            var metric = w.RevenueMetric();
            var own = w.Goal("Li own", metric, Ref(w.Li));
            var all = w.Goal("Li all", metric, Ref(w.Li), ownerOnly: false);
            w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            w.Opportunity(Ref(w.Wang), 200m, Q2Start.AddDays(1));
            w.Opportunity(Ref(w.East), 400m, Q2Start.AddDays(1));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(own, "inprogressmoney"), Is.EqualTo(100m));
                Assert.That(w.Value(all, "inprogressmoney"), Is.EqualTo(700m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void TeamGoal_Should_CountTheTeamsDeals_NotItsMembers()
        {
            var metric = w.RevenueMetric();
            var team = w.Goal("East Q2", metric, Ref(w.East));
            var li = w.Goal("Li Q2", metric, Ref(w.Li));
            w.Opportunity(Ref(w.East), 400m, Q2Start.AddDays(1));
            var member = w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(team, "inprogressmoney"), Is.EqualTo(400m));
                Assert.That(w.Value(li, "inprogressmoney"), Is.EqualTo(100m));
            });
            w.Service.Assign(new EntityReference(OpportunityTable.LogicalName, member), Ref(w.East));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(team, "inprogressmoney"), Is.EqualTo(500m));
                Assert.That(w.Value(li, "inprogressmoney"), Is.Null);
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void ParentGoal_Should_AddItsChildrenToItsOwnersDeals()
        {
            var metric = w.RevenueMetric();
            var manager = w.Goal("Manager Q2", metric, Ref(w.Manager));
            var li = w.Goal("Li Q2", metric, Ref(w.Li), parent: manager);
            var wang = w.Goal("Wang Q2", metric, Ref(w.Wang), parent: manager);
            w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            w.Opportunity(Ref(w.Wang), 200m, Q2Start.AddDays(1));
            w.Opportunity(Ref(w.Manager), 400m, Q2Start.AddDays(1));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(li, "inprogressmoney"), Is.EqualTo(100m));
                Assert.That(w.Value(wang, "inprogressmoney"), Is.EqualTo(200m));
                Assert.That(w.Value(manager, "inprogressmoney"), Is.EqualTo(700m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void RollupOnlyFromChildGoals_Should_IgnoreTheParentOwnersDeals()
        {
            var metric = w.RevenueMetric();
            var manager = w.Goal("Manager Q2", metric, Ref(w.Manager), rollupOnlyFromChildren: true);
            w.Goal("Li Q2", metric, Ref(w.Li), parent: manager);
            w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            w.Opportunity(Ref(w.Manager), 400m, Q2Start.AddDays(1));
            Assert.That(w.Value(manager, "inprogressmoney"), Is.EqualTo(100m));
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void ThreeLevels_Should_RollUpFromTheKamToTheDirector()
        {
            var metric = w.RevenueMetric();
            var director = w.Goal("Director Q2", metric, Ref(w.Director), rollupOnlyFromChildren: true, target: 1000m);
            var manager = w.Goal("Manager Q2", metric, Ref(w.Manager), parent: director, target: 500m);
            var li = w.Goal("Li Q2", metric, Ref(w.Li), parent: manager, target: 200m);
            var deal = w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            w.Service.WinOpportunity(deal, 100m, Q2Start.AddDays(3));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(li, "actualmoney"), Is.EqualTo(100m));
                Assert.That(w.Value(manager, "actualmoney"), Is.EqualTo(100m));
                Assert.That(w.Value(director, "actualmoney"), Is.EqualTo(100m));
                Assert.That(w.Value(li, "percentage"), Is.EqualTo(50m));
                Assert.That(w.Value(manager, "percentage"), Is.EqualTo(20m));
                Assert.That(w.Value(director, "percentage"), Is.EqualTo(10m));
                Assert.That(w.Value(director, "inprogressmoney"), Is.Null);
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void NullVsZero_Should_LeaveAnEmptyColumnEmpty_CountAZeroDealAsZero_AndEmptyItAgainWhenItLeaves()
        {
            var metric = w.RevenueMetric();
            var manager = w.Goal("Manager Q2", metric, Ref(w.Manager));
            var li = w.Goal("Li Q2", metric, Ref(w.Li), parent: manager);
            w.Goal("Wang Q2", metric, Ref(w.Wang), parent: manager);
            Assert.That(w.Value(li, "inprogressmoney"), Is.Null);
            var deal = w.Opportunity(Ref(w.Li), 0m, Q2Start.AddDays(1));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(li, "inprogressmoney"), Is.EqualTo(0m));
                Assert.That(w.Value(manager, "inprogressmoney"), Is.EqualTo(0m));
                Assert.That(w.Value(li, "actualmoney"), Is.Null);
            });
            w.Update(OpportunityTable.LogicalName, deal, OpportunityTable.EstimatedCloseDate, Q3Start);
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(li, "inprogressmoney"), Is.Null);
                Assert.That(w.Value(manager, "inprogressmoney"), Is.Null);
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void NullVsZero_DealWithoutAmount_Should_NotCount()
        {
            var li = w.Goal("Li Q2", w.RevenueMetric(), Ref(w.Li));
            w.Opportunity(Ref(w.Li), null, Q2Start.AddDays(1));
            Assert.That(w.Value(li, "inprogressmoney"), Is.Null);
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void LastParticipantLeaving_WhileAnotherRemains_Should_KeepTheOthersValue()
        {
            var metric = w.RevenueMetric();
            var manager = w.Goal("Manager Q2", metric, Ref(w.Manager));
            w.Goal("Li Q2", metric, Ref(w.Li), parent: manager);
            var wang = w.Goal("Wang Q2", metric, Ref(w.Wang), parent: manager);
            var liDeal = w.Opportunity(Ref(w.Li), 0m, Q2Start.AddDays(1));
            w.Opportunity(Ref(w.Wang), 0m, Q2Start.AddDays(1));
            w.Service.Delete(OpportunityTable.LogicalName, liDeal);
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(manager, "inprogressmoney"), Is.EqualTo(0m));
                Assert.That(w.Value(wang, "inprogressmoney"), Is.EqualTo(0m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [TestCase(GoalAmountDataType.Money, "inprogressmoney")]
        [TestCase(GoalAmountDataType.Decimal, "inprogressdecimal")]
        public void AmountDataType_Should_FillTheColumnsOfTheMetricsType(GoalAmountDataType type, string column)
        {
            var goal = w.Goal("Li Q2", w.RevenueMetric(type), Ref(w.Li), target: 1000m, type: type);
            w.Opportunity(Ref(w.Li), 123.45m, Q2Start.AddDays(1));
            w.Opportunity(Ref(w.Li), 0.05m, Q2Start.AddDays(2));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(goal, column), Is.EqualTo(123.50m));
                Assert.That(w.GoalRow(goal)[column], type == GoalAmountDataType.Money ? Is.InstanceOf<Money>() : Is.InstanceOf<decimal>());
                Assert.That(w.Value(goal, "inprogressinteger"), Is.Null);
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void AmountDataType_WholeNumbers_Should_AddAWholeNumberColumn()
        {
            var metric = w.Metric("Probability points", true, GoalAmountDataType.Integer);
            w.RollupField(metric, "customrollupfieldinteger", OpportunityTable.LogicalName, OpportunityTable.CloseProbability, OpportunityTable.EstimatedCloseDate);
            var goal = w.Goal("Li points", metric, Ref(w.Li), target: 100m, type: GoalAmountDataType.Integer);
            w.Opportunity(Ref(w.Li), 1m, Q2Start.AddDays(1), new Dictionary<string, object> { [OpportunityTable.CloseProbability] = 40 });
            var b = w.Opportunity(Ref(w.Li), 1m, Q2Start.AddDays(1), new Dictionary<string, object> { [OpportunityTable.CloseProbability] = 25 });
            w.Update(OpportunityTable.LogicalName, b, OpportunityTable.CloseProbability, 30);
            Assert.Multiple(() =>
            {
                Assert.That(w.GoalRow(goal)["customrollupfieldinteger"], Is.EqualTo(70));
                Assert.That(w.Value(goal, "percentage"), Is.Null, "the custom column is not the actual");
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void CountMetric_Should_CountWonDeals()
        {
            var goal = w.Goal("Li won deals", w.WonDealsMetric(), Ref(w.Li), target: 4m, type: GoalAmountDataType.Integer);
            for (var i = 0; i < 3; i++)
            {
                var deal = w.Opportunity(Ref(w.Li), 1000m * i, Q2Start.AddDays(1));
                w.Service.WinOpportunity(deal, null, Q2Start.AddDays(10));
            }
            Assert.Multiple(() =>
            {
                Assert.That(w.GoalRow(goal)["actualinteger"], Is.EqualTo(3));
                Assert.That(w.Value(goal, "percentage"), Is.EqualTo(75m));
                Assert.That(w.Contributions(goal, ContributionBucket.Actual), Has.Count.EqualTo(3).And.All.Matches<Entity>(c => c.GetAttributeValue<decimal>(GoalContributionTable.Amount) == 1m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Ledger_Should_ShowWhichDealsMakeTheGoalsNumber()
        {
            var goal = w.Goal("Li Q2", w.RevenueMetric(), Ref(w.Li));
            var a = w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            var b = w.Opportunity(Ref(w.Li), 250m, Q2Start.AddDays(2));
            var rows = new List<Entity>(w.Contributions(goal, ContributionBucket.InProgress));
            Assert.Multiple(() =>
            {
                Assert.That(rows, Has.Count.EqualTo(2));
                Assert.That(rows.ConvertAll(r => r.GetAttributeValue<EntityReference>(GoalContributionTable.OpportunityId).Id), Is.EquivalentTo(new[] { a, b }));
                Assert.That(rows.ConvertAll(r => r.GetAttributeValue<decimal>(GoalContributionTable.Amount)), Is.EquivalentTo(new[] { 100m, 250m }));
            });
        }
    }
}
