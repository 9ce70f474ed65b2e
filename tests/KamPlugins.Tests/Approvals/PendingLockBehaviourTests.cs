using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    public class PendingLockBehaviourTests
    {
        private static readonly object[] Profiles = PlatformProfile.All.Cast<object>().ToArray();

        private static Entity Amount(EntityReference opportunity, decimal value) =>
            new Entity(OpportunityTable.LogicalName, opportunity.Id) { [OpportunityTable.EstimatedValue] = new Money(value) };

        [TestCaseSource(nameof(Profiles))]
        public void UpdateAmount_WhileWinRequestPending_ShouldBeRefusedForTheRepAndRecorded(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(1500000m);
            world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);

            var fault = ApprovalWorld.Refused(() => world.Kam.As(world.Rep).Update(Amount(opportunity, 900000m)));

            Assert.That(fault.Message, Does.Contain("pending Opportunity win request waiting for Wang Wei"));
            Assert.That(world.Org.Get(opportunity).GetAttributeValue<Money>(OpportunityTable.EstimatedValue).Value, Is.EqualTo(1500000m));
            Assert.That(world.GuardEvents(GuardEventKind.PendingLock, GuardEventOutcome.Refused), Has.Count.EqualTo(1));
        }

        [TestCaseSource(nameof(Profiles))]
        public void UpdateAmount_WhileWinRequestPending_ShouldBeAllowedForTheApprover(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(1500000m);
            world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);

            world.Kam.As(world.Manager).Update(Amount(opportunity, 1400000m));

            Assert.That(world.Org.Get(opportunity).GetAttributeValue<Money>(OpportunityTable.EstimatedValue).Value, Is.EqualTo(1400000m));
            Assert.That(world.Kam.GuardEvents, Is.Empty);
        }

        [TestCaseSource(nameof(Profiles))]
        public void UpdateAmount_WhileWinRequestPending_ShouldBeAllowedForKamAdministratorAsOverride(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(1500000m);
            world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);

            world.Kam.As(world.Administrator).Update(Amount(opportunity, 1400000m));

            Assert.That(world.Org.Get(opportunity).GetAttributeValue<Money>(OpportunityTable.EstimatedValue).Value, Is.EqualTo(1400000m));
            Assert.That(world.GuardEvents(GuardEventKind.PendingLock, GuardEventOutcome.AdministratorOverride), Has.Count.EqualTo(1));
        }

        [TestCaseSource(nameof(Profiles))]
        public void UpdateAmount_SameValueOrNoPendingRequest_ShouldCostNothing(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(1500000m);

            world.Kam.As(world.Rep).Update(new Entity(OpportunityTable.LogicalName, opportunity.Id)
            {
                [OpportunityTable.EstimatedValue] = new Money(1500000m),
                ["description"] = "notes",
            });
            Assert.That(ApprovalWorld.OwnCalls(world.Org.LastOperation), Is.Zero, ApprovalWorld.OwnCallsText(world.Org.LastOperation));

            world.Kam.As(world.Rep).Update(Amount(opportunity, 1600000m));
            Assert.That(ApprovalWorld.OwnCalls(world.Org.LastOperation), Is.EqualTo(1), "one query for pending requests: " + ApprovalWorld.OwnCallsText(world.Org.LastOperation));
        }

        [TestCaseSource(nameof(Profiles))]
        public void UpdateAmount_AfterTheRequestIsDecided_ShouldBeFreeAgainButTheApprovalNoLongerMatches(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(1500000m);
            var id = world.Approved(ApprovalType.OpportunityWin, opportunity);

            world.Kam.As(world.Rep).Update(Amount(opportunity, 3000000m));

            Assert.That(ApprovalWorld.Refused(() => world.Win(world.Rep, opportunity)).Message, Does.Contain("approved for 1,500,000, not 3,000,000"));
            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Approved));
        }
    }
}
