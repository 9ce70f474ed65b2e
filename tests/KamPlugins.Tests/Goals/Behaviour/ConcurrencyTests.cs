using System;
using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Goals;
using KamPlugins.Model;
using NUnit.Framework;
using static KamPlugins.Tests.Goals.GoalWorld;

namespace KamPlugins.Tests.Goals.Behaviour
{
    /// <summary>Two changes at the same moment never lose an update of a goal; a change raised twice never counts twice.</summary>
    public class ConcurrencyTests
    {
        [Test]
        public void Win_OfTwoDealsAtOnce_Should_CountBoth()
        {
            var w = new GoalWorld();
            var metric = w.RevenueMetric();
            var manager = w.Goal("Manager", metric, Ref(w.Manager), rollupOnlyFromChildren: true);
            var li = w.Goal("Li", metric, Ref(w.Li), parent: manager);
            var wang = w.Goal("Wang", metric, Ref(w.Wang), parent: manager);
            var deals = Enumerable.Range(0, 6).Select(i => w.Opportunity(Ref(i % 2 == 0 ? w.Li : w.Wang), 100m, Q2Start.AddDays(1))).ToList();
            for (var round = 0; round < 3; round++)
            {
                var a = deals[2 * round];
                var b = deals[2 * round + 1];
                w.Org.RunConcurrently(
                    () => w.Service.WinOpportunity(a, 100m, Q2Start.AddDays(5)),
                    () => w.Service.WinOpportunity(b, 10m, Q2Start.AddDays(5)));
            }
            Assert.Multiple(() =>
            {
                Assert.That(w.Value(li, "actualmoney"), Is.EqualTo(300m));
                Assert.That(w.Value(wang, "actualmoney"), Is.EqualTo(30m));
                Assert.That(w.Value(manager, "actualmoney"), Is.EqualTo(330m));
                Assert.That(w.Value(manager, "inprogressmoney"), Is.Null);
            });
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Create_OfManyDealsAtOnceOnOneGoal_Should_LoseNoUpdate()
        {
            var w = new GoalWorld();
            var goal = w.Goal("Li", w.RevenueMetric(), Ref(w.Li));
            w.Org.RunConcurrently(Enumerable.Range(1, 8).Select(i => (Action)(() => w.Opportunity(Ref(w.Li), i, Q2Start.AddDays(i)))).ToArray());
            Assert.That(w.Value(goal, "inprogressmoney"), Is.EqualTo(36m));
            w.AssertEqualsFullRecalculation();
        }

        [Test]
        public void Synchronize_RunTwiceForTheSameChange_Should_CountOnce()
        {
            var w = new GoalWorld();
            var goal = w.Goal("Li", w.RevenueMetric(), Ref(w.Li));
            var deal = w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            var again = GoalSynchronizer.Synchronize(w.Org.AdminService, OpportunityTable.LogicalName, deal, false, w.Org.Clock.UtcNow, null);
            Assert.Multiple(() =>
            {
                Assert.That(again.ContributionsChanged, Is.Zero);
                Assert.That(again.GoalsWritten, Is.Zero);
                Assert.That(w.Value(goal, "inprogressmoney"), Is.EqualTo(100m));
            });
        }

        [TestCaseSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
        public void Win_UnderEveryProfile_Should_WriteEachGoalOnce(PlatformProfile profile)
        {
            var w = new GoalWorld(profile);
            var metric = w.RevenueMetric();
            var director = w.Goal("Director", metric, Ref(w.Director), rollupOnlyFromChildren: true);
            var manager = w.Goal("Manager", metric, Ref(w.Manager), parent: director);
            w.Goal("Li", metric, Ref(w.Li), parent: manager);
            var deal = w.Opportunity(Ref(w.Li), 100m, Q2Start.AddDays(1));
            w.Service.WinOpportunity(deal, 120m, Q2Start.AddDays(2));
            // Three goals, each locked and written once however many steps the profile raises.
            Assert.That(w.Org.LastOperation.PluginCalls.Count("Update", GoalTable.LogicalName), Is.EqualTo(6));
            w.AssertEqualsFullRecalculation();
        }
    }
}
