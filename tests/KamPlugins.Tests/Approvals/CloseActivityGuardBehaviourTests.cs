using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using KamPlugins.Plugins;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    /// <summary>
    /// The guard on Create of the opportunityclose every Win/Lose creates: it holds on its own where the
    /// platform raises no Win/Lose step (their message names are [unverified]), and stands aside when the
    /// Win/Lose step already decided, so one close never consumes an approval twice.
    /// </summary>
    public class CloseActivityGuardBehaviourTests
    {
        private static readonly object[] Profiles = PlatformProfile.All.Cast<object>().ToArray();

        private static ApprovalWorld WithoutWinLoseSteps(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            foreach (var step in world.Org.Steps.Of<OpportunityCloseGuardPlugin>().Where(s => s.Message != CreateMessage))
                step.Enabled = false;
            return world;
        }

        private const string CreateMessage = "Create";

        [TestCaseSource(nameof(Profiles))]
        public void Win_WithoutWinStepsAndWithoutApproval_ShouldStillBeRefused(PlatformProfile profile)
        {
            var world = WithoutWinLoseSteps(profile);
            var opportunity = world.Opportunity(1500000m);

            var fault = ApprovalWorld.Refused(() => world.Win(world.Rep, opportunity, 1500000m));

            Assert.That(fault.Message, Does.Contain("needs an approved Opportunity win request"));
            Assert.That(world.OpportunityState(opportunity), Is.EqualTo(OpportunityTable.State.Open));
            Assert.That(world.Org.Count(OpportunityCloseTable.LogicalName), Is.Zero);
        }

        [TestCaseSource(nameof(Profiles))]
        public void Win_WithoutWinStepsAndWithApproval_ShouldConsumeItOnce(PlatformProfile profile)
        {
            var world = WithoutWinLoseSteps(profile);
            var opportunity = world.Opportunity(1500000m);
            var id = world.Approved(ApprovalType.OpportunityWin, opportunity);

            world.Win(world.Rep, opportunity, 1500000m);

            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Consumed));
            Assert.That(world.GuardEvents(GuardEventKind.OpportunityWin, GuardEventOutcome.Authorised), Has.Count.EqualTo(1));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Lose_WithoutLoseStepsOfKeyAccountOpportunity_ShouldStillNeedAVerifiedLoss(PlatformProfile profile)
        {
            var world = WithoutWinLoseSteps(profile);
            var opportunity = world.Opportunity(1000m, world.KeyAccount());

            Assert.That(ApprovalWorld.Refused(() => world.Lose(world.Rep, opportunity)).Message, Does.Contain("verified loss"));
            Assert.That(world.OpportunityState(opportunity), Is.EqualTo(OpportunityTable.State.Open));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Win_WithBothGuards_ShouldDecideOnceInTheWinStep(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(1500000m);
            var id = world.Approved(ApprovalType.OpportunityWin, opportunity);

            world.Win(world.Rep, opportunity, 1500000m);

            var record = world.Org.LastOperation;
            Assert.That(record.StepRuns<OpportunityCloseGuardPlugin>("Create"), Is.EqualTo(1), "the close activity's guard ran");
            Assert.That(record.PluginCalls.Calls.Count(c => c.Message == "Update" && c.Table == ApprovalRequestTable.LogicalName), Is.EqualTo(2),
                "one lock and one consume: the activity's guard stood aside");
            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Consumed));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Create_CloseActivityOutsideAClose_ShouldNotBeGuarded(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(1500000m);

            world.Kam.As(world.Rep).Create(new Entity(OpportunityCloseTable.LogicalName)
            {
                [OpportunityCloseTable.OpportunityId] = opportunity,
                [OpportunityCloseTable.Subject] = "a note, not a close",
            });

            Assert.That(world.OpportunityState(opportunity), Is.EqualTo(OpportunityTable.State.Open));
            Assert.That(world.Kam.GuardEvents, Is.Empty);
        }
    }
}
