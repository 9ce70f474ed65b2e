using System;
using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using KamPlugins.Platform.Localization;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    public class DecisionBehaviourTests
    {
        private static readonly object[] Profiles = PlatformProfile.All.Cast<object>().ToArray();

        [TestCaseSource(nameof(Profiles))]
        public void Approve_ByRequester_ShouldBeRefusedAndRecorded(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, world.Opportunity(1500000m));

            var fault = ApprovalWorld.Refused(() => world.Act(world.Rep, id, ApprovalAction.Approve));

            Assert.That(fault.Message, Does.Contain("cannot approve or reject your own request").And.Contain("Wang Wei"));
            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Pending));
            Assert.That(world.History(id), Has.Count.EqualTo(1));
            Assert.That(world.GuardEvents(GuardEventKind.ApprovalTampering, GuardEventOutcome.Refused), Has.Count.EqualTo(1));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Approve_RequesterAtTopOfChainWhoIsAdministrator_ShouldBeRefusedAndAnotherAdministratorDecides(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            world.Kam.KamAdministrators.AddMembers(world.Director);
            var id = world.Submit(world.Director, ApprovalType.OpportunityWin, world.Opportunity(1500000m, owner: world.Director));
            Assert.That(world.Request(id).GetAttributeValue<EntityReference>(ApprovalRequestTable.ApproverTeamId)?.Id, Is.EqualTo(world.Kam.KamAdministrators.Id));

            var fault = ApprovalWorld.Refused(() => world.Act(world.Director, id, ApprovalAction.Approve));
            Assert.That(fault.Message, Does.Contain("your own request"));
            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Pending));

            world.Act(world.Administrator, id, ApprovalAction.Approve);
            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Approved));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Approve_ChainLoopingBackToRequester_ShouldGoToAdministrators(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            world.Director.ManagedBy(world.Rep); // Li → Wang → Chen → Li
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, world.Opportunity(25000000m));
            world.Act(world.Manager, id, ApprovalAction.Approve);
            world.Act(world.Director, id, ApprovalAction.Approve);

            var request = world.Request(id);
            Assert.That(request.GetAttributeValue<int>(ApprovalRequestTable.CurrentLevel), Is.EqualTo(3));
            Assert.That(request.Contains(ApprovalRequestTable.CurrentApproverId), Is.False, "the requester never approves their own request");
            Assert.That(request.GetAttributeValue<EntityReference>(ApprovalRequestTable.ApproverTeamId)?.Id, Is.EqualTo(world.Kam.KamAdministrators.Id));
            Assert.That(() => world.Act(world.Rep, id, ApprovalAction.Approve), Throws.Exception);
        }

        [TestCaseSource(nameof(Profiles))]
        public void Approve_ByNonCurrentApprover_ShouldBeRefusedNamingTheApprover(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, world.Opportunity(1500000m));

            var fault = ApprovalWorld.Refused(() => world.Act(world.Director, id, ApprovalAction.Approve));

            Assert.That(fault.Message, Does.Contain("Only Wang Wei (the current approver, level 1 of 1) or a KAM administrator"));
            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Pending));
            Assert.That(ApprovalWorld.Refused(() => world.Act(world.Colleague, id, ApprovalAction.Reject)).Message, Does.Contain("Wang Wei"));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Approve_MultiLevel_ShouldGoUpTheChainInOrder(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var vicePresident = world.Kam.User("Huang Lei");
            world.Director.ManagedBy(vicePresident);
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, world.Opportunity(20000000m));
            Assert.That(world.Request(id).GetAttributeValue<int>(ApprovalRequestTable.RequiredLevels), Is.EqualTo(3));

            Assert.That(() => world.Act(world.Director, id, ApprovalAction.Approve), Throws.Exception, "level 2 cannot approve before level 1");
            world.Act(world.Manager, id, ApprovalAction.Approve, "ok from sales");
            Assert.That(world.CurrentApprover(id), Is.EqualTo(world.Director));
            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Pending));
            Assert.That(() => world.Act(world.Manager, id, ApprovalAction.Approve), Throws.Exception, "level 1's approver cannot approve level 2");
            world.Act(world.Director, id, ApprovalAction.Approve);
            Assert.That(world.CurrentApprover(id), Is.EqualTo(vicePresident));
            world.Act(vicePresident, id, ApprovalAction.Approve);

            var request = world.Request(id);
            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Approved));
            Assert.That(request.GetAttributeValue<EntityReference>(ApprovalRequestTable.DecidedById).Id, Is.EqualTo(vicePresident.Id));
            Assert.That(request.Contains(ApprovalRequestTable.RequestedAction), Is.False);
            var history = world.History(id);
            Assert.That(history.Select(h => h.GetAttributeValue<OptionSetValue>(ApprovalDecisionTable.Action).Value),
                Is.EqualTo(new[] { (int)ApprovalAction.Submit, (int)ApprovalAction.Approve, (int)ApprovalAction.Approve, (int)ApprovalAction.Approve }));
            Assert.That(history.Skip(1).Select(h => h.GetAttributeValue<EntityReference>(ApprovalDecisionTable.DeciderId).Id),
                Is.EqualTo(new[] { world.Manager.Id, world.Director.Id, vicePresident.Id }));
            Assert.That(history.Skip(1).Select(h => h.GetAttributeValue<int>(ApprovalDecisionTable.Level)), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(history[1].GetAttributeValue<string>(ApprovalDecisionTable.Comment), Is.EqualTo("ok from sales"));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Approve_AdministratorInPlaceOfApprover_ShouldBeAnOverrideAndContinueUpTheChain(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, world.Opportunity(6000000m));

            world.Act(world.Administrator, id, ApprovalAction.Approve);

            Assert.That(world.CurrentApprover(id), Is.EqualTo(world.Director), "the administrator stood in for level 1 only");
            Assert.That(world.GuardEvents(GuardEventKind.ApprovalTampering, GuardEventOutcome.AdministratorOverride), Has.Count.EqualTo(1));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Recall_ByRequester_ShouldEndTheRequestAndOthersCannot(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, world.Opportunity(1500000m));
            Assert.That(ApprovalWorld.Refused(() => world.Act(world.Manager, id, ApprovalAction.Recall)).Message, Does.Contain("Only the requester can recall"));

            world.Act(world.Rep, id, ApprovalAction.Recall);

            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Recalled));
            Assert.That(ApprovalWorld.Refused(() => world.Act(world.Manager, id, ApprovalAction.Approve)).Message, Does.Contain("already recalled"));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Act_WithSubmitOrUnknownAction_ShouldBeRefusedAndChangeNothing(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, world.Opportunity(1500000m));

            Assert.That(ApprovalWorld.Refused(() => world.Act(world.Manager, id, ApprovalAction.Submit)).Message, Does.Contain("is not an action you can ask for"));
            Assert.That(ApprovalWorld.Refused(() => world.Act(world.Manager, id, (ApprovalAction)42)).Message, Does.Contain("Approve, Reject or Recall"));

            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Pending));
            Assert.That(world.History(id), Has.Count.EqualTo(1));
        }

        public enum Tampering { Status, SnapshotAmount, Requester, Approver, Justification, ExpiresOn, Comment, ActionWithAnotherColumn }

        [TestCase(Tampering.Status)]
        [TestCase(Tampering.SnapshotAmount)]
        [TestCase(Tampering.Requester)]
        [TestCase(Tampering.Approver)]
        [TestCase(Tampering.Justification)]
        [TestCase(Tampering.ExpiresOn)]
        [TestCase(Tampering.Comment)]
        [TestCase(Tampering.ActionWithAnotherColumn)]
        public void Update_DecidedRequest_ShouldBeRefusedForEveryone(Tampering tampering)
        {
            foreach (var profile in PlatformProfile.All)
            {
                var world = new ApprovalWorld(profile);
                var id = world.Approved(ApprovalType.OpportunityWin, world.Opportunity(1500000m));
                var before = world.Request(id);
                foreach (var user in new[] { world.Rep, world.Manager, world.Administrator })
                {
                    var fault = ApprovalWorld.Refused(() => world.Kam.As(user).Update(Tamper(world, id, tampering)));
                    Assert.That(fault.Message, Does.Contain("approved").And.Contain("Nothing was changed"), profile + " " + tampering + " by " + user);
                }
                var after = world.Request(id);
                Assert.That(after.Attributes.Keys, Is.EquivalentTo(before.Attributes.Keys));
                Assert.That(after.GetAttributeValue<OptionSetValue>(ApprovalRequestTable.Status).Value, Is.EqualTo((int)ApprovalStatus.Approved));
                Assert.That(after.GetAttributeValue<Money>(ApprovalRequestTable.SnapshotAmount).Value, Is.EqualTo(1500000m));
                Assert.That(world.GuardEvents(GuardEventKind.ApprovalTampering, GuardEventOutcome.Refused), Has.Count.EqualTo(3));
            }
        }

        [TestCase(Tampering.Status)]
        [TestCase(Tampering.SnapshotAmount)]
        [TestCase(Tampering.Requester)]
        [TestCase(Tampering.Approver)]
        [TestCase(Tampering.ExpiresOn)]
        [TestCase(Tampering.ActionWithAnotherColumn)]
        public void Update_ProtectedColumnsOfPendingRequest_ShouldBeRefused(Tampering tampering)
        {
            var world = new ApprovalWorld(PlatformProfile.EverythingOn);
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, world.Opportunity(1500000m));

            ApprovalWorld.Refused(() => world.Kam.As(world.Rep).Update(Tamper(world, id, tampering)));

            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Pending));
            Assert.That(world.CurrentApprover(id), Is.EqualTo(world.Manager));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Approve_ExpiredPendingRequest_ShouldBeRefused(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, world.Opportunity(1500000m));
            world.Org.Clock.Advance(TimeSpan.FromDays(15));

            Assert.That(ApprovalWorld.Refused(() => world.Act(world.Manager, id, ApprovalAction.Approve)).Message, Does.Contain("expired"));
            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Pending));
        }

        [TestCase(LocalizedText.English, "You cannot approve or reject your own request")]
        [TestCase(LocalizedText.SimplifiedChinese, "您不能批准或拒绝自己提交的申请")]
        public void Approve_ByRequester_ShouldSpeakTheRequestersLanguage(int language, string expected)
        {
            foreach (var profile in PlatformProfile.All)
            {
                var world = new ApprovalWorld(profile, language);
                var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, world.Opportunity(1500000m));
                var message = ApprovalWorld.Refused(() => world.Act(world.Rep, id, ApprovalAction.Approve)).Message;
                Assert.That(message, Does.Contain(expected));
                Assert.That(message, language == LocalizedText.English ? Does.Not.Match("[\u4e00-\u9fff]") : Does.Not.Contain("You cannot"));
            }
        }

        private static Entity Tamper(ApprovalWorld world, Guid id, Tampering tampering)
        {
            var row = new Entity(ApprovalRequestTable.LogicalName, id);
            switch (tampering)
            {
                case Tampering.Status: row[ApprovalRequestTable.Status] = new OptionSetValue((int)ApprovalStatus.Pending + (world.Status(id) == ApprovalStatus.Pending ? 1 : 0)); break;
                case Tampering.SnapshotAmount: row[ApprovalRequestTable.SnapshotAmount] = new Money(9000000m); break;
                case Tampering.Requester: row[ApprovalRequestTable.RequesterId] = world.Colleague.ToEntityReference(); break;
                case Tampering.Approver: row[ApprovalRequestTable.CurrentApproverId] = world.Colleague.ToEntityReference(); break;
                case Tampering.Justification: row[ApprovalRequestTable.Justification] = "changed"; break;
                case Tampering.ExpiresOn: row[ApprovalRequestTable.ExpiresOn] = world.Now.AddYears(5); break;
                case Tampering.Comment: row[ApprovalRequestTable.ActionComment] = "afterthought"; break;
                default:
                    row[ApprovalRequestTable.RequestedAction] = new OptionSetValue((int)ApprovalAction.Approve);
                    row[ApprovalRequestTable.SnapshotAmount] = new Money(9000000m);
                    break;
            }
            return row;
        }
    }
}
