using System;
using Dataverse.Emulator;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using static KamPlugins.Tests.Goals.GoalWorld;

namespace KamPlugins.Tests.Goals.Behaviour
{
    /// <summary>A goal's rollup query narrows what counts: evaluated on the record when the engine can, asked of the platform otherwise.</summary>
    [TestFixtureSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
    public class RollupQueryBehaviourTests
    {
        private const string BigDeals = "<fetch><entity name='opportunity'><attribute name='name'/><filter><condition attribute='estimatedvalue' operator='ge' value='500'/></filter></entity></fetch>";
        private const string ClosingFromMay = "<fetch><entity name='opportunity'><filter><condition attribute='estimatedclosedate' operator='on-or-after' value='2025-05-01'/></filter></entity></fetch>";
        private readonly PlatformProfile profile;
        private GoalWorld w;
        private Guid metric;

        public RollupQueryBehaviourTests(PlatformProfile profile)
        {
            this.profile = profile;
        }

        [SetUp]
        public void SetUp()
        {
            w = new GoalWorld(profile);
            metric = w.RevenueMetric();
        }

        private Guid GoalWithPipelineQuery(string fetchXml) =>
            w.Goal("Li big deals", metric, Ref(w.Li), more: new System.Collections.Generic.Dictionary<string, object>
            {
                [GoalTable.RollupQueryInProgressMoneyId] = new EntityReference(GoalRollupQueryTable.LogicalName, w.RollupQuery(OpportunityTable.LogicalName, fetchXml)),
            });

        [Test]
        public void InMemoryQuery_Should_CountOnlyMatchingDeals_WithoutAskingThePlatform()
        {
            var goal = GoalWithPipelineQuery(BigDeals);
            var plain = w.Goal("Li all deals", metric, Ref(w.Li));
            w.Opportunity(Ref(w.Li), 800m, Q2Start.AddDays(1));
            var small = w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            Assert.That(w.Org.LastOperation.PluginCalls.Count("RetrieveMultiple", OpportunityTable.LogicalName), Is.Zero);
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(goal, "inprogressmoney"), Is.EqualTo(800m));
                Assert.That(w.Value(plain, "inprogressmoney"), Is.EqualTo(900m));
            });
            w.Update(OpportunityTable.LogicalName, small, OpportunityTable.EstimatedValue, new Money(600m));
            Assert.That(w.Value(goal, "inprogressmoney"), Is.EqualTo(1400m));
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void PlatformQuery_Should_CountOnlyMatchingDeals_AskingOncePerGoalColumn()
        {
            var goal = GoalWithPipelineQuery(ClosingFromMay);
            w.Opportunity(Ref(w.Li), 800m, Day("2025-04-20"));
            w.Opportunity(Ref(w.Li), 100m, Day("2025-05-02"));
            Assert.That(w.Org.LastOperation.PluginCalls.Count("RetrieveMultiple", OpportunityTable.LogicalName), Is.EqualTo(1));
            Assert.That(w.Value(goal, "inprogressmoney"), Is.EqualTo(100m));
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void PlatformQuery_WithAJoin_Should_BeAppliedToo()
        {
            var managedByWang = "<fetch><entity name='opportunity'><link-entity name='systemuser' from='systemuserid' to='ownerid'>"
                + $"<filter><condition attribute='parentsystemuserid' operator='eq' value='{w.Manager.Id:D}'/></filter></link-entity></entity></fetch>";
            var all = w.Goal("Everyone's deals of Wang Wei's team", metric, Ref(w.Director), ownerOnly: false, more: new System.Collections.Generic.Dictionary<string, object>
            {
                [GoalTable.RollupQueryInProgressMoneyId] = new EntityReference(GoalRollupQueryTable.LogicalName, w.RollupQuery(OpportunityTable.LogicalName, managedByWang)),
            });
            w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            w.Opportunity(Ref(w.Zhao), 200m, Q2Start.AddDays(1));
            w.Opportunity(Ref(w.Wang), 400m, Q2Start.AddDays(1));
            Assert.That(w.Value(all, "inprogressmoney"), Is.EqualTo(500m));
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void QueryOnTheActualColumn_Should_NotNarrowThePipeline()
        {
            var goal = w.Goal("Li", metric, Ref(w.Li), more: new System.Collections.Generic.Dictionary<string, object>
            {
                [GoalTable.RollupQueryActualMoneyId] = new EntityReference(GoalRollupQueryTable.LogicalName, w.RollupQuery(OpportunityTable.LogicalName, BigDeals)),
            });
            var small = w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            w.Service.WinOpportunity(small, 100m, Q2Start.AddDays(2));
            w.Opportunity(Ref(w.Li), 50m, Q2Start.AddDays(1));
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(goal, "actualmoney"), Is.Null);
                Assert.That(w.Value(goal, "inprogressmoney"), Is.EqualTo(50m));
            });
            w.AssertEqualsFullRecalculation();
        }
    }
}
