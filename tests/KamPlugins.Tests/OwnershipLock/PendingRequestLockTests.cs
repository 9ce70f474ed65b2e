using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.OwnershipLock
{
    /// <summary>
    /// While any request is pending for a record, its owner and customer can be changed, and it can be
    /// deleted, only by that request's current approver or a KAM administrator — also on a record the
    /// ownership lock does not otherwise lock (docs/approvals.md, "The pending lock").
    /// </summary>
    public class PendingRequestLockTests
    {
        public static IEnumerable<TestCaseData> Profiles() =>
            PlatformProfile.All.Select(p => new TestCaseData(p).SetName($"{{m}}Under{p.Name}"));

        [TestCaseSource(nameof(Profiles))]
        public void OwnerChange_UnlockedOpportunityWithAPendingRequest_Should_BeTheApproversOrAnAdministrators(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            Assert.Multiple(() =>
            {
                foreach (Who who in System.Enum.GetValues(typeof(Who)))
                {
                    var opportunity = world.Opportunity(world.Account(false), LockWorld.SmallValue, stamped: false);
                    var pending = world.Approval(opportunity, ApprovalType.OpportunityLoss, ApprovalState.Pending);
                    var fault = world.Act(who, s => s.Assign(opportunity, world.Colleague.ToEntityReference()));
                    var allowed = who == Who.Manager || who == Who.KamAdministrator;
                    if (allowed)
                    {
                        Assert.That(fault, Is.Null, who + ": allowed, but " + fault?.Detail.Message);
                        Assert.That(world.OwnerOf(opportunity), Is.EqualTo(world.Colleague.ToEntityReference()), who + ": moved");
                        Assert.That(world.EventsFor(opportunity, GuardEventOutcome.AdministratorOverride), Has.Count.EqualTo(who == Who.KamAdministrator ? 1 : 0), who + ": an administrator's change is an override");
                    }
                    else
                    {
                        Assert.That(LockFaults.IsLockRefusal(fault), Is.True, who + ": refused, but " + (fault?.Detail.Message ?? "it succeeded"));
                        Assert.That(world.OwnerOf(opportunity), Is.EqualTo(world.OwnerRep.ToEntityReference()), who + ": not moved");
                        var refusals = world.EventsFor(opportunity, GuardEventOutcome.Refused);
                        Assert.That(refusals, Has.Count.EqualTo(who == Who.WorkflowAtDepth2 ? 0 : 1), who + ": refusal recorded (not when nested)");
                        Assert.That(refusals.All(e => e.GetAttributeValue<OptionSetValue>(GuardEventTable.Kind).Value == (int)GuardEventKind.PendingLock), Is.True, who + ": kind");
                        Assert.That(refusals.All(e => e.GetAttributeValue<EntityReference>(GuardEventTable.ApprovalRequestId)?.Id == pending.Id), Is.True, who + ": names the pending request");
                    }
                }
            });
        }

        [TestCaseSource(nameof(Profiles))]
        public void Delete_UnlockedOpportunityWithAPendingRequest_Should_BeRefusedToTheRep(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var opportunity = world.Opportunity(world.Account(false), LockWorld.SmallValue, stamped: false);
            world.Approval(opportunity, ApprovalType.OpportunityLoss, ApprovalState.Pending);
            var fault = world.Act(Who.OwnerRep, s => s.Delete(opportunity.LogicalName, opportunity.Id));
            Assert.Multiple(() =>
            {
                Assert.That(LockFaults.IsLockRefusal(fault), Is.True);
                Assert.That(world.Org.Get(opportunity), Is.Not.Null);
                Assert.That(fault.Detail.Message, Does.Contain("Manager Wang"), "names the approver it waits for");
            });
        }

        [TestCaseSource(nameof(Profiles))]
        public void OwnerChange_UnlockedOpportunityWithoutRequests_Should_BeFree(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var opportunity = world.Opportunity(world.Account(false), LockWorld.SmallValue, stamped: false);
            var fault = world.Act(Who.OtherRep, s => s.Assign(opportunity, world.OtherRep.ToEntityReference()));
            Assert.Multiple(() =>
            {
                Assert.That(fault, Is.Null);
                Assert.That(world.OwnerOf(opportunity), Is.EqualTo(world.OtherRep.ToEntityReference()));
                Assert.That(world.StampOf(opportunity), Is.Null, "an unlocked, unstamped record is not tracked");
                Assert.That(world.Kam.GuardEvents, Is.Empty);
            });
        }
    }
}
