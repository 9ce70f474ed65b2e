using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    /// <summary>Every decision is kept: the history is the engine's, and requests are deleted only by KAM administrators.</summary>
    public class ApprovalRecordBehaviourTests
    {
        private static readonly object[] Profiles = PlatformProfile.All.Cast<object>().ToArray();

        [TestCaseSource(nameof(Profiles))]
        public void CreateHistoryEntry_ByAClient_ShouldBeRefusedAndRecorded(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, world.Opportunity(1500000m));

            var fault = ApprovalWorld.Refused(() => world.Kam.As(world.Rep).Create(new Entity(ApprovalDecisionTable.LogicalName)
            {
                [ApprovalDecisionTable.Name] = "forged",
                [ApprovalDecisionTable.ApprovalRequestId] = new EntityReference(ApprovalRequestTable.LogicalName, id),
                [ApprovalDecisionTable.DeciderId] = world.Manager.ToEntityReference(),
                [ApprovalDecisionTable.Action] = new OptionSetValue((int)ApprovalAction.Approve),
            }));

            Assert.That(fault.Message, Does.Contain("written only by the approval engine"));
            Assert.That(world.History(id), Has.Count.EqualTo(1));
            Assert.That(world.GuardEvents(GuardEventKind.ApprovalTampering, GuardEventOutcome.Refused), Has.Count.EqualTo(1));
        }

        [TestCaseSource(nameof(Profiles))]
        public void ChangeOrDeleteHistoryEntry_ShouldBeRefusedEvenForAdministrators(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var id = world.Approved(ApprovalType.OpportunityWin, world.Opportunity(1500000m));
            var entry = world.History(id).Last();

            foreach (var user in new[] { world.Manager, world.Administrator })
            {
                ApprovalWorld.Refused(() => world.Kam.As(user).Update(new Entity(ApprovalDecisionTable.LogicalName, entry.Id) { [ApprovalDecisionTable.Comment] = "rewritten" }));
                ApprovalWorld.Refused(() => world.Kam.As(user).Delete(ApprovalDecisionTable.LogicalName, entry.Id));
            }

            Assert.That(world.History(id), Has.Count.EqualTo(2));
            Assert.That(world.History(id).Last().Contains(ApprovalDecisionTable.Comment), Is.False);
        }

        [TestCaseSource(nameof(Profiles))]
        public void DeleteRequest_ByRequester_ShouldBeRefused_ByAdministrator_ShouldTakeItsHistoryAndBeRecorded(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, world.Opportunity(1500000m));
            world.Act(world.Manager, id, ApprovalAction.Reject);

            Assert.That(ApprovalWorld.Refused(() => world.Kam.As(world.Rep).Delete(ApprovalRequestTable.LogicalName, id)).Message,
                Does.Contain("can be deleted only by a KAM administrator"));
            Assert.That(world.Request(id), Is.Not.Null);

            world.Kam.As(world.Administrator).Delete(ApprovalRequestTable.LogicalName, id);

            Assert.That(world.Request(id), Is.Null);
            Assert.That(world.History(id), Is.Empty);
            Assert.That(world.GuardEvents(GuardEventKind.ApprovalTampering, GuardEventOutcome.AdministratorOverride), Has.Count.EqualTo(1));
        }

        [TestCaseSource(nameof(Profiles))]
        public void DeleteRegardingRecord_WithARequest_ShouldNotBeBlockedByTheRequest(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(20000m);
            var id = world.Submit(world.Rep, ApprovalType.OpportunityLoss, opportunity);
            world.Act(world.Manager, id, ApprovalAction.Reject); // a pending one would hold the record (ownership lock)

            world.Kam.As(world.Rep).Delete(OpportunityTable.LogicalName, opportunity.Id);

            Assert.That(world.Org.Get(opportunity), Is.Null);
            Assert.That(world.Request(id).Contains(ApprovalRequestTable.RegardingOpportunityId), Is.False);
        }
    }
}
