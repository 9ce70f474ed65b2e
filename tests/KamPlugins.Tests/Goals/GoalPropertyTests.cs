using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CsCheck;
using Dataverse.Emulator;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using static KamPlugins.Tests.Goals.GoalWorld;

namespace KamPlugins.Tests.Goals
{
    /// <summary>
    /// The engine's invariant, on random histories: after any sequence of creates, updates, owner
    /// changes, date moves, wins, losses, reopenings, deletes and bulk updates across several owners,
    /// periods and a three-level goal tree, every goal's values and the ledger equal a full
    /// recalculation from scratch — and the revenue tree equals what a plain computation over the
    /// deals says — under every platform profile. Goals are added, changed, closed and reopened along
    /// the way too.
    /// </summary>
    public class GoalPropertyTests
    {
        private const int SequencesPerProfile = 80;

        private static readonly Gen<StepKind> KindGen = Gen.FrequencyConst(
            (4, StepKind.Create), (2, StepKind.CreateMore), (2, StepKind.SetAmount), (2, StepKind.MoveDate), (2, StepKind.ChangeOwner),
            (1, StepKind.Assign), (3, StepKind.Win), (1, StepKind.Lose), (1, StepKind.Reopen), (1, StepKind.Delete), (1, StepKind.BulkUpdate),
            (1, StepKind.NewGoal), (1, StepKind.ChangeGoal), (1, StepKind.CloseOrReopenGoal));

        // Days: mostly in Q2 (0..90) and Q3 (91..182), some before and after.
        private static readonly Gen<Step> StepGen =
            Gen.Select(KindGen, Gen.Int[0, 30], Gen.Int[0, 5], Gen.Int[-15, 200], Gen.Int[-1, 40], Gen.Int[0, 1000])
                .Select(t => new Step(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6));

        private static readonly Gen<Step[]> HistoryGen = StepGen.Array[6, 30];

        [TestCaseSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
        public void RandomHistory_Should_EqualAFullRecalculation(PlatformProfile profile)
        {
            HistoryGen.Sample(history => Replay(profile, history), iter: SequencesPerProfile, threads: 2,
                print: history => string.Join(Environment.NewLine, history.Select(s => s.ToString())));
        }

        private static void Replay(PlatformProfile profile, Step[] history)
        {
            var world = new Scenario(profile);
            foreach (var step in history) world.Apply(step);
            world.AssertAgainstOracle();
            world.World.AssertEqualsFullRecalculation();
        }

        internal enum StepKind
        {
            Create,
            SetAmount,
            MoveDate,
            ChangeOwner,
            Assign,
            Win,
            Lose,
            Reopen,
            Delete,
            BulkUpdate,
            CreateMore,
            NewGoal,
            ChangeGoal,
            CloseOrReopenGoal,
        }

        /// <summary>One step of a history: what, on which deal (index among those created), owner, day, amount.</summary>
        internal sealed class Step
        {
            internal Step(StepKind kind, int deal, int owner, int day, int amount, int salt)
            {
                Kind = kind;
                Deal = deal;
                Owner = owner;
                Day = day;
                Amount = amount;
                Salt = salt;
            }

            internal StepKind Kind { get; }
            internal int Deal { get; }
            internal int Owner { get; }

            /// <summary>Days after 1 April (negative: Q1; from 91: Q3; from 183: later).</summary>
            internal int Day { get; }

            /// <summary>Hundreds; -1: no amount.</summary>
            internal int Amount { get; }

            internal int Salt { get; }

            internal decimal? Money => Amount < 0 ? (decimal?)null : Amount * 100m + Salt % 7;

            public override string ToString() => $"{Kind} deal#{Deal} owner#{Owner} day{Day:+#;-#;0} amount {Money?.ToString() ?? "none"}";
        }

        /// <summary>The organisation a history is replayed in: a three-level tree and goals of other periods, metrics and owners.</summary>
        private sealed class Scenario
        {
            private const string FromMay = "<fetch><entity name='opportunity'><filter><condition attribute='estimatedclosedate' operator='on-or-after' value='2025-05-01'/></filter></entity></fetch>";
            private const string BigDeals = "<fetch><entity name='opportunity'><filter><condition attribute='estimatedvalue' operator='ge' value='2000'/></filter></entity></fetch>";
            private readonly List<Guid> deals = new List<Guid>();
            private readonly List<Guid> extraGoals = new List<Guid>();
            private readonly Guid revenue;
            private readonly Guid everyoneQ3;
            private readonly EntityReference[] owners;
            private readonly Guid director;
            private readonly Guid manager;
            private readonly Guid east;
            private readonly Guid li;
            private readonly Guid wang;

            internal Scenario(PlatformProfile profile)
            {
                World = new GoalWorld(profile);
                var w = World;
                owners = new[] { Ref(w.Li), Ref(w.Wang), Ref(w.Zhao), Ref(w.Manager), Ref(w.East), Ref(w.Director) };
                revenue = w.RevenueMetric();
                director = w.Goal("Director Q2", revenue, Ref(w.Director), rollupOnlyFromChildren: true, target: 50000m);
                manager = w.Goal("Manager Q2", revenue, Ref(w.Manager), parent: director, target: 30000m);
                east = w.Goal("East Q2", revenue, Ref(w.East), parent: director, target: 20000m);
                li = w.Goal("Li Q2", revenue, Ref(w.Li), parent: manager, target: 10000m);
                wang = w.Goal("Wang Q2", revenue, Ref(w.Wang), parent: manager, target: 10000m, more: new Dictionary<string, object>
                {
                    [GoalTable.RollupQueryInProgressMoneyId] = new EntityReference(GoalRollupQueryTable.LogicalName, w.RollupQuery(OpportunityTable.LogicalName, FromMay)),
                });
                everyoneQ3 = w.Goal("Everyone Q3", revenue, Ref(w.Director), Q3Start, Q3End, ownerOnly: false);
                w.Goal("Li Q3", revenue, Ref(w.Li), Q3Start, Q3End, parent: everyoneQ3);
                w.Goal("Li big wins Q2", w.WonDealsMetric(), Ref(w.Li), target: 5m, type: GoalAmountDataType.Integer, more: new Dictionary<string, object>
                {
                    [GoalTable.RollupQueryActualIntegerId] = new EntityReference(GoalRollupQueryTable.LogicalName, w.RollupQuery(OpportunityTable.LogicalName, BigDeals)),
                });
            }

            internal GoalWorld World { get; }

            internal void Apply(Step step)
            {
                var w = World;
                var day = Q2Start.AddDays(step.Day).AddHours(step.Salt % 24);
                var owner = owners[step.Owner % owners.Length];
                try
                {
                    switch (step.Kind)
                    {
                        case StepKind.Create:
                            deals.Add(w.Opportunity(owner, step.Money, day));
                            return;
                        case StepKind.CreateMore:
                            deals.AddRange(w.Service.CreateMultiple(Enumerable.Range(0, 2).Select(i => new Entity(OpportunityTable.LogicalName)
                            {
                                [OpportunityTable.Name] = "Imported " + i,
                                [CommonColumns.OwnerId] = owners[(step.Owner + i) % owners.Length],
                                [OpportunityTable.EstimatedValue] = new Money(step.Salt + i),
                                [OpportunityTable.EstimatedCloseDate] = day.AddDays(i * 30),
                            })));
                            return;
                        case StepKind.NewGoal:
                            // Outside the tree the oracle checks: under the Q3 goal, or a tree of its own.
                            var q2 = step.Day < 91;
                            extraGoals.Add(w.Goal("Extra " + extraGoals.Count, revenue, owner, q2 ? Q2Start : Q3Start, q2 ? Q2End : Q3End,
                                parent: step.Salt % 2 == 0 && !q2 ? everyoneQ3 : (Guid?)null, ownerOnly: step.Salt % 3 != 0, target: 1000m + step.Salt));
                            return;
                        case StepKind.ChangeGoal:
                            if (extraGoals.Count == 0) return;
                            var changed = new Entity(GoalTable.LogicalName, extraGoals[step.Deal % extraGoals.Count]);
                            if (step.Salt % 3 == 0) changed[GoalTable.GoalOwnerId] = owner;
                            else if (step.Salt % 3 == 1) changed[GoalTable.ConsiderOnlyGoalOwnersRecords] = step.Salt % 2 == 0;
                            else changed[GoalTable.TargetMoney] = new Money(step.Salt + 1m);
                            w.Service.Update(changed);
                            return;
                        case StepKind.CloseOrReopenGoal:
                            if (extraGoals.Count == 0) return;
                            var goal = new EntityReference(GoalTable.LogicalName, extraGoals[step.Deal % extraGoals.Count]);
                            var active = w.Org.Get(goal).GetAttributeValue<OptionSetValue>(CommonColumns.StateCode).Value == GoalTable.State.Active;
                            w.Service.SetState(goal, active ? GoalTable.State.Inactive : GoalTable.State.Active, active ? 1 : 0);
                            return;
                        case StepKind.BulkUpdate:
                            if (deals.Count == 0) return;
                            w.Service.UpdateMultiple(Enumerable.Range(0, 3).Select(i => deals[(step.Deal + i * 7) % deals.Count]).Distinct().Select((id, i) =>
                            {
                                var row = new Entity(OpportunityTable.LogicalName, id);
                                if (i == 0) row[OpportunityTable.EstimatedValue] = step.Money.HasValue ? new Money(step.Money.Value) : null;
                                if (i == 1) row[CommonColumns.OwnerId] = owner;
                                if (i == 2) row[OpportunityTable.EstimatedCloseDate] = day;
                                if (i == 0 && step.Salt % 2 == 0) row[CommonColumns.OwnerId] = owner;
                                return row;
                            }));
                            return;
                    }
                    if (deals.Count == 0) return;
                    var deal = deals[step.Deal % deals.Count];
                    var reference = new EntityReference(OpportunityTable.LogicalName, deal);
                    switch (step.Kind)
                    {
                        case StepKind.SetAmount:
                            w.Service.Update(new Entity(OpportunityTable.LogicalName, deal) { [OpportunityTable.EstimatedValue] = step.Money.HasValue ? new Money(step.Money.Value) : null });
                            break;
                        case StepKind.MoveDate:
                            w.Update(OpportunityTable.LogicalName, deal, OpportunityTable.EstimatedCloseDate, day);
                            break;
                        case StepKind.ChangeOwner:
                            w.Update(OpportunityTable.LogicalName, deal, CommonColumns.OwnerId, owner);
                            break;
                        case StepKind.Assign:
                            w.Service.Assign(reference, owner);
                            break;
                        case StepKind.Win:
                            w.Service.WinOpportunity(deal, step.Money, day);
                            break;
                        case StepKind.Lose:
                            w.Service.LoseOpportunity(deal, null, day);
                            break;
                        case StepKind.Reopen:
                            w.Service.SetState(reference, OpportunityTable.State.Open, OpportunityTable.Status.InProgress);
                            break;
                        case StepKind.Delete:
                            w.Service.Delete(OpportunityTable.LogicalName, deal);
                            deals.Remove(deal);
                            break;
                    }
                }
                catch (FaultException<OrganizationServiceFault>)
                {
                    // Refused by the platform (a closed deal is read-only, an open one cannot be reopened):
                    // the transaction rolled back, and the invariant must hold all the same.
                }
            }

            /// <summary>The revenue tree computed plainly from the deals, as a manager would with a calculator.</summary>
            internal void AssertAgainstOracle()
            {
                var w = World;
                var all = w.Org.All(OpportunityTable.LogicalName);
                decimal? Sum(IEnumerable<decimal?> values) => values.Aggregate((decimal?)null, (a, v) => v.HasValue ? (a ?? 0m) + v.Value : a);
                decimal? Pipeline(EntityReference owner, Func<DateTime, bool> extra = null) => Sum(all
                    .Where(o => o.GetAttributeValue<OptionSetValue>(CommonColumns.StateCode).Value == OpportunityTable.State.Open
                        && o.GetAttributeValue<EntityReference>(CommonColumns.OwnerId).Id == owner.Id
                        && o.GetAttributeValue<Money>(OpportunityTable.EstimatedValue) != null
                        && InQ2(o.GetAttributeValue<DateTime?>(OpportunityTable.EstimatedCloseDate))
                        && (extra == null || extra(o.GetAttributeValue<DateTime>(OpportunityTable.EstimatedCloseDate))))
                    .Select(o => (decimal?)o.GetAttributeValue<Money>(OpportunityTable.EstimatedValue).Value));
                decimal? Won(EntityReference owner) => Sum(all
                    .Where(o => o.GetAttributeValue<OptionSetValue>(CommonColumns.StateCode).Value == OpportunityTable.State.Won
                        && o.GetAttributeValue<EntityReference>(CommonColumns.OwnerId).Id == owner.Id
                        && o.GetAttributeValue<Money>(OpportunityTable.ActualValue) != null
                        && InQ2(o.GetAttributeValue<DateTime?>(OpportunityTable.ActualCloseDate)))
                    .Select(o => (decimal?)o.GetAttributeValue<Money>(OpportunityTable.ActualValue).Value));

                var liPipeline = Pipeline(Ref(w.Li));
                var wangPipeline = Pipeline(Ref(w.Wang), d => d >= Day("2025-05-01"));
                var managerPipeline = Sum(new[] { Pipeline(Ref(w.Manager)), liPipeline, wangPipeline });
                var eastPipeline = Pipeline(Ref(w.East));
                var managerWon = Sum(new[] { Won(Ref(w.Manager)), Won(Ref(w.Li)), Won(Ref(w.Wang)) });
                Assert.Multiple(() =>
                {
                    Assert.That(w.Value(li, "inprogressmoney"), Is.EqualTo(liPipeline), "Li pipeline");
                    Assert.That(w.Value(li, "actualmoney"), Is.EqualTo(Won(Ref(w.Li))), "Li won");
                    Assert.That(w.Value(wang, "inprogressmoney"), Is.EqualTo(wangPipeline), "Wang pipeline from May");
                    Assert.That(w.Value(manager, "inprogressmoney"), Is.EqualTo(managerPipeline), "manager pipeline");
                    Assert.That(w.Value(manager, "actualmoney"), Is.EqualTo(managerWon), "manager won");
                    Assert.That(w.Value(east, "inprogressmoney"), Is.EqualTo(eastPipeline), "team pipeline");
                    Assert.That(w.Value(director, "inprogressmoney"), Is.EqualTo(Sum(new[] { managerPipeline, eastPipeline })), "director pipeline");
                    Assert.That(w.Value(director, "actualmoney"), Is.EqualTo(Sum(new[] { managerWon, Won(Ref(w.East)) })), "director won");
                });
            }

            private static bool InQ2(DateTime? date) => date.HasValue && date.Value >= Q2Start && date.Value < Q2End.AddDays(1);
        }
    }
}
