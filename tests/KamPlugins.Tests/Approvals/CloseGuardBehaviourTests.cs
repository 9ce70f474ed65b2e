using System;
using System.Linq;
using System.ServiceModel;
using System.Threading;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Dataverse.Emulator;
using KamPlugins.Model;
using KamPlugins.Platform.Localization;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    public class CloseGuardBehaviourTests
    {
        private static readonly object[] Profiles = PlatformProfile.All.Cast<object>().ToArray();

        [TestCaseSource(nameof(Profiles))]
        public void Win_BelowThreshold_ShouldNeedNothing(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(999999m);

            world.Win(world.Rep, opportunity, 999999m);

            Assert.That(world.OpportunityState(opportunity), Is.EqualTo(OpportunityTable.State.Won));
            Assert.That(world.Kam.GuardEvents, Is.Empty);
        }

        [TestCaseSource(nameof(Profiles))]
        public void Win_AboveThresholdWithoutApproval_ShouldBeRefusedNamingRequestAndApproverAndRecorded(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(1500000m);

            var fault = ApprovalWorld.Refused(() => world.Win(world.Rep, opportunity, 1500000m));

            Assert.That(fault.Message, Does.Contain("needs an approved Opportunity win request").And.Contain("1,000,000").And.Contain("your manager Wang Wei"));
            Assert.That(world.OpportunityState(opportunity), Is.EqualTo(OpportunityTable.State.Open));
            Assert.That(world.Org.Count(OpportunityCloseTable.LogicalName), Is.Zero);
            var events = world.GuardEvents(GuardEventKind.OpportunityWin, GuardEventOutcome.Refused);
            Assert.That(events, Has.Count.EqualTo(1), "the refusal is recorded once and survives the rollback");
            Assert.That(events[0].GetAttributeValue<EntityReference>(GuardEventTable.InitiatingUserId).Id, Is.EqualTo(world.Rep.Id));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Win_WithApprovalForTheAmount_ShouldConsumeItOnce(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(1000000m);
            var id = world.Approved(ApprovalType.OpportunityWin, opportunity);

            world.Win(world.Rep, opportunity, 1000000m);

            Assert.That(world.OpportunityState(opportunity), Is.EqualTo(OpportunityTable.State.Won));
            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Consumed));
            Assert.That(world.Request(id).GetAttributeValue<DateTime?>(ApprovalRequestTable.ConsumedOn), Is.EqualTo(world.Now));
            var authorised = world.GuardEvents(GuardEventKind.OpportunityWin, GuardEventOutcome.Authorised);
            Assert.That(authorised, Has.Count.EqualTo(1));
            Assert.That(authorised[0].GetAttributeValue<EntityReference>(GuardEventTable.ApprovalRequestId).Id, Is.EqualTo(id));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Win_ApprovedForOneMillionAtOnePointTwoMillion_ShouldBeRefusedAndLeaveTheApproval(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(1000000m);
            var id = world.Approved(ApprovalType.OpportunityWin, opportunity);

            var fault = ApprovalWorld.Refused(() => world.Win(world.Rep, opportunity, 1200000m));

            Assert.That(fault.Message, Does.Contain("was approved for 1,000,000, not 1,200,000"));
            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Approved));
            Assert.That(world.OpportunityState(opportunity), Is.EqualTo(OpportunityTable.State.Open));
            world.Win(world.Rep, opportunity, 1000000m);
            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Consumed));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Win_WithoutActualRevenue_ShouldBeJudgedAtTheOpportunitysAmount(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(1000000m);
            var id = world.Approved(ApprovalType.OpportunityWin, opportunity);

            world.Win(world.Rep, opportunity);

            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Consumed));
        }

        public enum Outcome { Recalled, Rejected, Expired, Consumed, Pending }

        [TestCase(Outcome.Recalled, "is recalled")]
        [TestCase(Outcome.Rejected, "is rejected")]
        [TestCase(Outcome.Expired, "is expired")]
        [TestCase(Outcome.Consumed, "is used")]
        [TestCase(Outcome.Pending, "still pending with Wang Wei")]
        public void Win_RequestThatIsNotUsable_ShouldAuthoriseNothing(Outcome outcome, string explanation)
        {
            foreach (var profile in PlatformProfile.All)
            {
                var world = new ApprovalWorld(profile);
                var opportunity = world.Opportunity(1500000m);
                var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);
                switch (outcome)
                {
                    case Outcome.Recalled: world.Act(world.Rep, id, ApprovalAction.Recall); break;
                    case Outcome.Rejected: world.Act(world.Manager, id, ApprovalAction.Reject); break;
                    case Outcome.Expired:
                        world.Act(world.Manager, id, ApprovalAction.Approve);
                        world.Org.Clock.Advance(TimeSpan.FromDays(EnvironmentVariables.DefaultApprovalExpiryDays));
                        break;
                    case Outcome.Consumed:
                        world.Act(world.Manager, id, ApprovalAction.Approve);
                        world.Win(world.Rep, opportunity, 1500000m);
                        ReopenAsSystemAdministrator(world, opportunity);
                        break;
                }

                var fault = ApprovalWorld.Refused(() => world.Win(world.Rep, opportunity, 1500000m));

                Assert.That(fault.Message, Does.Contain("needs an approved Opportunity win request").And.Contain(explanation), profile.Name);
                Assert.That(world.OpportunityState(opportunity), Is.EqualTo(OpportunityTable.State.Open), profile.Name);
            }
        }

        [TestCaseSource(nameof(Profiles))]
        public void Win_TwoOperationsRacingForOneApproval_ShouldLetExactlyOneWin(PlatformProfile profile)
        {
            var refusedByTheGuard = 0;
            for (var round = 0; round < 3; round++)
            {
                var world = new ApprovalWorld(profile);
                var opportunity = world.Opportunity(1500000m);
                var id = world.Approved(ApprovalType.OpportunityWin, opportunity);
                // Hold each Win's transaction open a moment after the guard consumed, so the two really
                // overlap: the second waits for the request's row lock, then finds it consumed.
                world.Org.RegisterStep(new PluginStepAttribute(MessageNames.Win, OpportunityTable.LogicalName, PipelineStage.PreOperation) { Rank = 99 },
                    _ => Thread.Sleep(150));
                var outcomes = new Exception[2];

                world.Org.RunConcurrently(
                    () => outcomes[0] = Capture(() => world.Win(world.Rep, opportunity, 1500000m)),
                    () => outcomes[1] = Capture(() => world.Win(world.Manager, opportunity, 1500000m)));

                Assert.That(outcomes.Count(o => o == null), Is.EqualTo(1), "exactly one Win succeeds");
                var loser = outcomes.Single(o => o != null) as FaultException<OrganizationServiceFault>;
                Assert.That(loser, Is.Not.Null);
                TestContext.Out.WriteLine($"{profile} round {round}: the second Win got {loser.Detail.ErrorCode}: {loser.Detail.Message.Split('\n')[0]}");
                // Refused by the guard (the approval was consumed under the row lock), or — when it started
                // after the first committed — by the platform: the opportunity is already closed.
                var byGuard = loser.Detail.Message.Contains("needs an approved Opportunity win request");
                if (byGuard) refusedByTheGuard++;
                Assert.That(byGuard || loser.Detail.ErrorCode == OpportunityIsAlreadyClosed, Is.True, loser.Detail.Message);
                Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Consumed));
                Assert.That(world.GuardEvents(GuardEventKind.OpportunityWin, GuardEventOutcome.Authorised), Has.Count.EqualTo(1), "one approval, consumed once");
                Assert.That(world.Org.Count(OpportunityCloseTable.LogicalName), Is.EqualTo(1));
            }
            Assert.That(refusedByTheGuard, Is.GreaterThan(0), "the operations overlapped: the second was refused by the guard after waiting for the row lock");
        }

        [TestCaseSource(nameof(Profiles))]
        public void Win_ByKamAdministratorWithoutApproval_ShouldBeAllowedAndRecordedAsOverride(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(1500000m, owner: world.Administrator);

            world.Win(world.Administrator, opportunity, 1500000m);

            Assert.That(world.OpportunityState(opportunity), Is.EqualTo(OpportunityTable.State.Won));
            Assert.That(world.GuardEvents(GuardEventKind.OpportunityWin, GuardEventOutcome.AdministratorOverride), Has.Count.EqualTo(1));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Lose_KeyAccountOpportunity_ShouldNeedAVerifiedLoss(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(20000m, world.KeyAccount());

            var fault = ApprovalWorld.Refused(() => world.Lose(world.Rep, opportunity));
            Assert.That(fault.Message, Does.Contain("needs a verified loss").And.Contain("key account"));
            Assert.That(world.OpportunityState(opportunity), Is.EqualTo(OpportunityTable.State.Open));
            Assert.That(world.GuardEvents(GuardEventKind.OpportunityLoss, GuardEventOutcome.Refused), Has.Count.EqualTo(1));

            var id = world.Approved(ApprovalType.OpportunityLoss, opportunity);
            world.Lose(world.Rep, opportunity);

            Assert.That(world.OpportunityState(opportunity), Is.EqualTo(OpportunityTable.State.Lost));
            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Consumed));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Lose_SmallOrdinaryOpportunity_ShouldNeedNothing(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(20000m);

            world.Lose(world.Rep, opportunity);

            Assert.That(world.OpportunityState(opportunity), Is.EqualTo(OpportunityTable.State.Lost));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Lose_WithApprovedWinRequest_ShouldStillNeedAVerifiedLoss(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(1500000m);
            var win = world.Approved(ApprovalType.OpportunityWin, opportunity);

            Assert.That(ApprovalWorld.Refused(() => world.Lose(world.Rep, opportunity)).Message, Does.Contain("verified loss"));
            Assert.That(world.Status(win), Is.EqualTo(ApprovalStatus.Approved));
        }

        [TestCase(LocalizedText.English, "Winning opportunity 'Big deal' at 1,500,000 needs an approved Opportunity win request")]
        [TestCase(LocalizedText.SimplifiedChinese, "商机“Big deal”以 1,500,000 赢单需要已批准的“商机赢单”申请")]
        public void Win_Refusal_ShouldSpeakTheUsersLanguage(int language, string expected)
        {
            var world = new ApprovalWorld(PlatformProfile.Baseline, language);
            var message = ApprovalWorld.Refused(() => world.Win(world.Rep, world.Opportunity(1500000m), 1500000m)).Message;
            Assert.That(message, Does.StartWith(expected));
        }

        private const int OpportunityIsAlreadyClosed = -2147220203;

        private static Exception Capture(Action action)
        {
            try
            {
                action();
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        }

        private static void ReopenAsSystemAdministrator(ApprovalWorld world, EntityReference opportunity) =>
            world.Org.AdminService.Execute(new OrganizationRequest("SetState")
            {
                ["EntityMoniker"] = opportunity,
                ["State"] = new OptionSetValue(OpportunityTable.State.Open),
                ["Status"] = new OptionSetValue(OpportunityTable.Status.InProgress),
            });
    }
}
