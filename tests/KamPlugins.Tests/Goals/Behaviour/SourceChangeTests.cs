using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using static KamPlugins.Tests.Goals.GoalWorld;

namespace KamPlugins.Tests.Goals.Behaviour
{
    /// <summary>Every message that changes a deal moves the goals it touches — old and new owner, old and new period — under every platform profile.</summary>
    [TestFixtureSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
    public class SourceChangeTests
    {
        private readonly PlatformProfile profile;
        private GoalWorld w;
        private Guid metric;
        private Guid liQ2;
        private Guid liQ3;
        private Guid wangQ2;

        public SourceChangeTests(PlatformProfile profile)
        {
            this.profile = profile;
        }

        [SetUp]
        public void SetUp()
        {
            w = new GoalWorld(profile);
            metric = w.RevenueMetric();
            liQ2 = w.Goal("Li Q2", metric, Ref(w.Li), target: 10000m);
            liQ3 = w.Goal("Li Q3", metric, Ref(w.Li), Q3Start, Q3End, target: 10000m);
            wangQ2 = w.Goal("Wang Q2", metric, Ref(w.Wang), target: 5000m);
        }

        [Test]
        public void Create_OpenDealInThePeriod_Should_CountInTheOwnersPipeline()
        {
            w.Opportunity(Ref(w.Li), 1000m, Q2Start.AddDays(20));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(liQ2, "inprogressmoney"), Is.EqualTo(1000m));
                Assert.That(w.Value(liQ2, "actualmoney"), Is.Null);
                Assert.That(w.Value(wangQ2, "inprogressmoney"), Is.Null);
                Assert.That(w.Value(liQ3, "inprogressmoney"), Is.Null);
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Win_Should_MoveTheDealFromPipelineToActualAndSetThePercentage()
        {
            var deal = w.Opportunity(Ref(w.Li), 1000m, Q2Start.AddDays(20));
            w.Service.WinOpportunity(deal, 900m, Q2Start.AddDays(30));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(liQ2, "actualmoney"), Is.EqualTo(900m));
                Assert.That(w.Value(liQ2, "inprogressmoney"), Is.Null);
                Assert.That(w.Value(liQ2, "percentage"), Is.EqualTo(9m));
                Assert.That(w.GoalRow(liQ2).GetAttributeValue<bool?>(GoalTable.IsOverride), Is.True);
                Assert.That(w.GoalRow(liQ2).GetAttributeValue<bool?>(GoalTable.IsOverridden), Is.True);
                Assert.That(w.GoalRow(liQ2).GetAttributeValue<System.DateTime?>(GoalTable.LastRolledUpDate), Is.EqualTo(w.Org.Clock.UtcNow));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Win_ClosedInTheNextQuarter_Should_CountInTheNextQuartersGoal()
        {
            var deal = w.Opportunity(Ref(w.Li), 1000m, Q2Start.AddDays(20));
            w.Service.WinOpportunity(deal, 1200m, Q3Start.AddDays(1));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(liQ2, "actualmoney"), Is.Null);
                Assert.That(w.Value(liQ2, "inprogressmoney"), Is.Null);
                Assert.That(w.Value(liQ3, "actualmoney"), Is.EqualTo(1200m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Lose_Should_TakeTheDealOutOfThePipelineWithoutCountingIt()
        {
            var deal = w.Opportunity(Ref(w.Li), 1000m, Q2Start.AddDays(20));
            w.Opportunity(Ref(w.Li), 300m, Q2Start.AddDays(21));
            w.Service.LoseOpportunity(deal, 0m, Q2Start.AddDays(30));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(liQ2, "inprogressmoney"), Is.EqualTo(300m));
                Assert.That(w.Value(liQ2, "actualmoney"), Is.Null);
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Reopen_OfAWonDeal_Should_TakeBackTheActualAndCountThePipelineAgain()
        {
            var deal = w.Opportunity(Ref(w.Li), 1000m, Q2Start.AddDays(20));
            w.Service.WinOpportunity(deal, 900m, Q2Start.AddDays(30));
            w.Service.SetState(new EntityReference(OpportunityTable.LogicalName, deal), OpportunityTable.State.Open, OpportunityTable.Status.InProgress);
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(liQ2, "actualmoney"), Is.Null);
                Assert.That(w.Value(liQ2, "inprogressmoney"), Is.EqualTo(1000m));
                Assert.That(w.Value(liQ2, "percentage"), Is.Null);
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Delete_Should_TakeBackEveryContribution()
        {
            var deal = w.Opportunity(Ref(w.Li), 1000m, Q2Start.AddDays(20));
            w.Opportunity(Ref(w.Li), 200m, Q2Start.AddDays(25));
            w.Service.Delete(OpportunityTable.LogicalName, deal);
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(liQ2, "inprogressmoney"), Is.EqualTo(200m));
                Assert.That(w.Ledger(), Has.Count.EqualTo(1));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Update_MovingTheCloseDateToTheNextQuarter_Should_MoveTheDealBetweenPeriodGoals()
        {
            var deal = w.Opportunity(Ref(w.Li), 1000m, Q2Start.AddDays(20));
            w.Update(OpportunityTable.LogicalName, deal, OpportunityTable.EstimatedCloseDate, Q3Start.AddDays(5));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(liQ2, "inprogressmoney"), Is.Null);
                Assert.That(w.Value(liQ3, "inprogressmoney"), Is.EqualTo(1000m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Update_OfTheAmount_Should_MoveTheGoalByTheDifference()
        {
            var deal = w.Opportunity(Ref(w.Li), 1000m, Q2Start.AddDays(20));
            w.Opportunity(Ref(w.Li), 500m, Q2Start.AddDays(21));
            w.Update(OpportunityTable.LogicalName, deal, OpportunityTable.EstimatedValue, new Money(1250m));
            Assert.That(w.Value(liQ2, "inprogressmoney"), Is.EqualTo(1750m));
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Update_OfTheOwner_Should_MoveTheDealToTheNewOwnersGoal()
        {
            var deal = w.Opportunity(Ref(w.Li), 1000m, Q2Start.AddDays(20));
            w.Update(OpportunityTable.LogicalName, deal, CommonColumns.OwnerId, Ref(w.Wang));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(liQ2, "inprogressmoney"), Is.Null);
                Assert.That(w.Value(wangQ2, "inprogressmoney"), Is.EqualTo(1000m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Assign_Should_MoveTheDealToTheNewOwnersGoal()
        {
            var deal = w.Opportunity(Ref(w.Li), 1000m, Q2Start.AddDays(20));
            w.Service.Assign(new EntityReference(OpportunityTable.LogicalName, deal), Ref(w.Wang));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(liQ2, "inprogressmoney"), Is.Null);
                Assert.That(w.Value(wangQ2, "inprogressmoney"), Is.EqualTo(1000m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Update_OfOwnerAmountAndDateAtOnce_Should_LandInTheNewOwnersNewPeriod()
        {
            var wangQ3 = w.Goal("Wang Q3", metric, Ref(w.Wang), Q3Start, Q3End);
            var deal = w.Opportunity(Ref(w.Li), 1000m, Q2Start.AddDays(20));
            w.Service.Update(new Entity(OpportunityTable.LogicalName, deal)
            {
                [CommonColumns.OwnerId] = Ref(w.Wang),
                [OpportunityTable.EstimatedValue] = new Money(700m),
                [OpportunityTable.EstimatedCloseDate] = Q3Start.AddDays(3),
            });
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(liQ2, "inprogressmoney"), Is.Null);
                Assert.That(w.Value(wangQ2, "inprogressmoney"), Is.Null);
                Assert.That(w.Value(wangQ3, "inprogressmoney"), Is.EqualTo(700m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void UpdateMultiple_Should_MoveEveryDealOfTheBatch()
        {
            var a = w.Opportunity(Ref(w.Li), 1000m, Q2Start.AddDays(20));
            var b = w.Opportunity(Ref(w.Li), 2000m, Q2Start.AddDays(21));
            var c = w.Opportunity(Ref(w.Wang), 3000m, Q2Start.AddDays(22));
            w.Service.UpdateMultiple(new[]
            {
                new Entity(OpportunityTable.LogicalName, a) { [OpportunityTable.EstimatedValue] = new Money(1100m) },
                new Entity(OpportunityTable.LogicalName, b) { [CommonColumns.OwnerId] = Ref(w.Wang) },
                new Entity(OpportunityTable.LogicalName, c) { [OpportunityTable.EstimatedCloseDate] = Q3Start.AddDays(1) },
            });
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(liQ2, "inprogressmoney"), Is.EqualTo(1100m));
                Assert.That(w.Value(wangQ2, "inprogressmoney"), Is.EqualTo(2000m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void CreateMultiple_Should_CountEveryDealOfTheBatch()
        {
            w.Service.CreateMultiple(new[]
            {
                new Entity(OpportunityTable.LogicalName) { [OpportunityTable.Name] = "a", [CommonColumns.OwnerId] = Ref(w.Li), [OpportunityTable.EstimatedValue] = new Money(10m), [OpportunityTable.EstimatedCloseDate] = Q2Start },
                new Entity(OpportunityTable.LogicalName) { [OpportunityTable.Name] = "b", [CommonColumns.OwnerId] = Ref(w.Li), [OpportunityTable.EstimatedValue] = new Money(20m), [OpportunityTable.EstimatedCloseDate] = Q2End },
            });
            Assert.That(w.Value(liQ2, "inprogressmoney"), Is.EqualTo(30m));
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Assign_OfTheAccount_Should_CascadeItsDealsToTheNewOwnersGoals()
        {
            var account = w.Service.Create(new Entity(AccountTable.LogicalName) { [AccountTable.Name] = "Contoso", [CommonColumns.OwnerId] = Ref(w.Li) });
            var customer = new EntityReference(AccountTable.LogicalName, account);
            w.Opportunity(Ref(w.Li), 1000m, Q2Start.AddDays(20), new Dictionary<string, object> { [OpportunityTable.CustomerId] = customer });
            w.Opportunity(Ref(w.Li), 500m, Q2Start.AddDays(20), new Dictionary<string, object> { [OpportunityTable.CustomerId] = customer });
            w.Service.Assign(customer, Ref(w.Wang));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(liQ2, "inprogressmoney"), Is.Null);
                Assert.That(w.Value(wangQ2, "inprogressmoney"), Is.EqualTo(1500m));
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Update_ThatChangesNothingThatCounts_Should_MakeNoServiceCall()
        {
            var deal = w.Opportunity(Ref(w.Li), 1000m, Q2Start.AddDays(20));
            w.Update(OpportunityTable.LogicalName, deal, OpportunityTable.EstimatedValue, new Money(1000m));
            Assert.That(w.Org.LastOperation.Steps.Count(s => s.Step.PluginType == typeof(KamPlugins.Plugins.GoalSourcePlugin)), Is.GreaterThan(0));
            Assert.That(w.Org.LastOperation.PluginCalls.Count("RetrieveMultiple", RollupFieldTable.LogicalName), Is.Zero);
        }
    }
}
