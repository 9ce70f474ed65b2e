using System;
using System.Linq;
using System.ServiceModel;
using Dataverse.Emulator.Faults;
using KamPlugins.Goals;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;
using static KamPlugins.Tests.Goals.GoalWorld;

namespace KamPlugins.Tests.Goals
{
    /// <summary>A recalculation over more records than the platform aggregates at once (50,000).</summary>
    public class LargeRecalculationTests
    {
        private const int Deals = 50_250;

        [Test]
        public void RecalculateTree_OverMoreThan50000Deals_Should_AddThemUpInPartitions()
        {
            var w = new GoalWorld();
            var metric = w.Metric("Won deals and revenue", true);
            w.RollupField(metric, "actualmoney", OpportunityTable.LogicalName, OpportunityTable.ActualValue, OpportunityTable.ActualCloseDate, OpportunityTable.State.Won);
            var goal = w.Goal("Li Q2", metric, Ref(w.Li));
            w.Org.Initialize(Enumerable.Range(0, Deals).Select(i => new Entity(OpportunityTable.LogicalName)
            {
                [OpportunityTable.Name] = "Deal " + i,
                [CommonColumns.OwnerId] = Ref(w.Li),
                [CommonColumns.StateCode] = new OptionSetValue(OpportunityTable.State.Won),
                [CommonColumns.StatusCode] = new OptionSetValue(OpportunityTable.Status.Won),
                [OpportunityTable.ActualValue] = new Money(i % 7),
                [OpportunityTable.ActualCloseDate] = Q2Start.AddDays(i % 91),
            }));

            // The platform refuses to add them up in one query.
            var all = $"<fetch aggregate='true'><entity name='opportunity'><attribute name='opportunityid' aggregate='count' alias='n'/>"
                + $"<filter><condition attribute='ownerid' operator='eq' value='{w.Li.Id:D}'/></filter></entity></fetch>";
            var refusal = Assert.Throws<FaultException<OrganizationServiceFault>>(() => w.Org.AdminService.RetrieveMultiple(new FetchExpression(all)));
            Assert.That(refusal.Detail.ErrorCode, Is.EqualTo(ErrorCodes.AggregateQueryRecordLimitExceeded));

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var service = new CountingService(w.Org.AdminService);
            var outcome = GoalRecalculator.RecalculateTree(service, goal, w.Org.Clock.UtcNow, null);
            TestContext.Out.WriteLine($"recalculated {Deals} deals in {clock.ElapsedMilliseconds} ms: {service}");
            var expected = Enumerable.Range(0, Deals).Sum(i => (decimal)(i % 7));
            Assert.Multiple(() =>
            {
                Assert.That(outcome.ContributionsCreated, Is.EqualTo(Deals));
                Assert.That(w.Value(goal, "actualmoney"), Is.EqualTo(expected));
                Assert.That(w.Contributions(goal, ContributionBucket.Actual), Has.Count.EqualTo(Deals));
                Assert.That(service.Calls["RetrieveMultiple (aggregate)"], Is.EqualTo(2), "two partitions under the limit");
            });

            // Nothing changed: a second recalculation writes no ledger row.
            var again = GoalRecalculator.RecalculateTree(w.Org.AdminService, goal, w.Org.Clock.UtcNow, null);
            Assert.That(again.ContributionsCreated + again.ContributionsUpdated + again.ContributionsDeleted, Is.Zero);
        }
    }
}
