using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using static KamPlugins.Tests.Goals.GoalWorld;

namespace KamPlugins.Tests.Goals
{
    /// <summary>
    /// The performance model: the service calls of one change are bounded by the goals it touches and
    /// their parents, and do not grow with the number of records those goals already count.
    /// </summary>
    public class ServiceCallTests
    {
        /// <summary>The calls plugins make for a win that moves three goals of a three-level tree, at two organisation sizes.</summary>
        [TestCaseSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
        public void Win_MovingThreeGoals_Should_CostTheSameAt100And10000Opportunities(PlatformProfile profile)
        {
            var small = Measure(profile, 100);
            var large = Measure(profile, 10000);
            TestContext.Out.WriteLine($"{profile.Name}: win {small.Win} calls ({small.GoalCalls} by the goal steps) at 100 opportunities, {large.Win} ({large.GoalCalls}) at 10,000; "
                + $"create {small.Create} / {large.Create}; update changing nothing {small.NoOp} / {large.NoOp}. Win at 10,000: {large}");
            Assert.Multiple(() =>
            {
                Assert.That(large.Win, Is.EqualTo(small.Win));
                Assert.That(large.GoalCalls, Is.EqualTo(small.GoalCalls));
                // Six fixed reads (metrics, the deal's ledger rows, the deal, the candidate goals, the ledger rows
                // and the goals again under the locks); per goal moved at most four (its level's read, lock,
                // write, and the "does anything else remain" check).
                Assert.That(small.GoalCalls, Is.LessThanOrEqualTo(6 + 4 * 3 + 4 * StepsRaisedOnTheDeal(profile)));
                Assert.That(large.Create, Is.EqualTo(small.Create));
                Assert.That(large.NoOp, Is.EqualTo(small.NoOp));
                Assert.That(large.GoalWrites, Is.EqualTo(6), "three goals, each locked and written once");
            });
        }

        // The goal steps that find nothing left to do after the first one (4 reads each): Win raising SetState and Update.
        private static int StepsRaisedOnTheDeal(PlatformProfile profile) => profile.WinLoseRaisesSetStateAndUpdate ? 2 : 0;

        private static Costs Measure(PlatformProfile profile, int existing)
        {
            var w = new GoalWorld(profile);
            var metric = w.RevenueMetric();
            var kams = new[] { w.Li, w.Wang };
            var rows = Enumerable.Range(0, existing).Select(i =>
            {
                var won = i % 3 == 0;
                var row = new Entity(OpportunityTable.LogicalName)
                {
                    [OpportunityTable.Name] = "Existing " + i,
                    [CommonColumns.OwnerId] = Ref(kams[i % 2]),
                    [OpportunityTable.EstimatedValue] = new Money(100m + i % 50),
                    [OpportunityTable.EstimatedCloseDate] = Q2Start.AddDays(i % 90),
                };
                if (won)
                {
                    row[CommonColumns.StateCode] = new OptionSetValue(OpportunityTable.State.Won);
                    row[CommonColumns.StatusCode] = new OptionSetValue(OpportunityTable.Status.Won);
                    row[OpportunityTable.ActualValue] = new Money(90m + i % 40);
                    row[OpportunityTable.ActualCloseDate] = Q2Start.AddDays(i % 90);
                }
                return row;
            }).ToList();
            var director = w.Goal("Director", metric, Ref(w.Director), rollupOnlyFromChildren: true, target: 1000000m);
            var manager = w.Goal("Manager", metric, Ref(w.Manager), parent: director, target: 500000m);
            var li = w.Goal("Li", metric, Ref(w.Li), parent: manager, target: 200000m);
            w.Goal("Wang", metric, Ref(w.Wang), parent: manager, target: 200000m);
            // The existing deals arrive by a direct load (an initial migration), then the tree is recalculated once.
            w.Org.Initialize(rows);
            w.RecalculateAll();
            Assert.That(w.Contributions(li, ContributionBucket.InProgress).Count + w.Contributions(li, ContributionBucket.Actual).Count, Is.EqualTo(existing / 2));

            var deal = w.Opportunity(Ref(w.Li), 1000m, Q2Start.AddDays(10));
            var create = w.Org.LastOperation.PluginCalls.Total;
            w.Update(OpportunityTable.LogicalName, deal, OpportunityTable.EstimatedValue, new Money(1000m));
            var noOp = w.Org.LastOperation.PluginCalls.Total;
            w.Service.WinOpportunity(deal, 1200m, Q2Start.AddDays(20));
            var win = w.Org.LastOperation.PluginCalls;
            var goalCalls = win.Calls.Count(c => c.StepName.Contains(nameof(KamPlugins.Plugins.GoalSourcePlugin)));
            return new Costs(create, noOp, win.Total, goalCalls, win.Count("Update", GoalTable.LogicalName), win.ToString());
        }

        private sealed class Costs
        {
            internal Costs(int create, int noOp, int win, int goalCalls, int goalWrites, string detail)
            {
                Create = create;
                NoOp = noOp;
                Win = win;
                GoalCalls = goalCalls;
                GoalWrites = goalWrites;
                Detail = detail;
            }

            internal int Create { get; }
            internal int NoOp { get; }
            internal int Win { get; }
            internal int GoalCalls { get; }
            internal int GoalWrites { get; }
            internal string Detail { get; }

            public override string ToString() => Detail;
        }
    }
}
