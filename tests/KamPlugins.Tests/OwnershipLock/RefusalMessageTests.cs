using System.Linq;
using Dataverse.Emulator;
using Dataverse.Emulator.Messages;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.OwnershipLock
{
    /// <summary>What the user reads: their language, what was refused, why, and how to get it approved.</summary>
    public class RefusalMessageTests
    {
        [Test]
        public void Refusal_ChineseSpeakingRep_Should_ReadChineseNamingTheRequestAndTheApprover()
        {
            var world = new LockWorld(PlatformProfile.Baseline);
            var account = world.Locked(LockedKind.KeyAccount);
            var name = world.Org.Get(account).GetAttributeValue<string>(AccountTable.Name);
            var fault = world.Act(Who.OwnerRep, s => s.Assign(account, world.OtherRep.ToEntityReference()));
            Assert.Multiple(() =>
            {
                Assert.That(fault.Detail.Message, Does.Contain("归属锁定（防飞单）").And.Contain(name).And.Contain("Rep Zhao"));
                Assert.That(fault.Detail.Message, Does.Contain("所有权转移").And.Contain("由您的上级审批"));
                Assert.That(fault.Detail.Message, Does.Not.Contain("Ownership lock"), "one language");
            });
        }

        [Test]
        public void Refusal_EnglishSpeakingRep_Should_ReadEnglishNamingTheRequestAndTheApprover()
        {
            var world = new LockWorld(PlatformProfile.Baseline);
            var contract = world.Locked(LockedKind.Contract);
            var fault = world.Act(Who.OtherRep, s => s.Update(new Entity(contract.LogicalName, contract.Id) { [CommonColumns.OwnerId] = world.OtherRep.ToEntityReference() }));
            Assert.Multiple(() =>
            {
                Assert.That(fault.Detail.Message, Does.StartWith("Ownership lock (防飞单)"));
                Assert.That(fault.Detail.Message, Does.Contain("a KAM contract").And.Contain("Ownership transfer").And.Contain("your manager approves it"));
                Assert.That(fault.Detail.Message, Does.Not.Contain("归属锁定"));
            });
        }

        [Test]
        public void Refusal_AdministratorOnlyAction_Should_SayWhoCanDoIt()
        {
            var world = new LockWorld(PlatformProfile.Baseline);
            var opportunity = world.Locked(LockedKind.LargeOpportunity);
            var fault = world.Act(Who.OtherRep, s => s.Delete(opportunity.LogicalName, opportunity.Id));
            Assert.That(fault.Detail.Message, Does.Contain("KAM administrators (KAM Administrators)").And.Contain("estimated value of 1,000,000 or more"));
        }

        [Test]
        public void Refusal_Event_Should_HoldTheMessageInBothLanguagesAndTheAttempt()
        {
            var world = new LockWorld(PlatformProfile.Baseline);
            var account = world.Locked(LockedKind.KeyAccount);
            world.Act(Who.OwnerRep, s => s.GrantAccess(account, world.OtherRep.ToEntityReference(), AccessRights.WriteAccess));
            var refusal = world.EventsFor(account, GuardEventOutcome.Refused).Single();
            Assert.Multiple(() =>
            {
                Assert.That(refusal.GetAttributeValue<string>(GuardEventTable.Reason), Does.Contain("Ownership lock").And.Contain("归属锁定"));
                Assert.That(refusal.GetAttributeValue<string>(GuardEventTable.AttemptedChange), Does.Contain("WriteAccess").And.Contain(world.OtherRep.Id.ToString("D")));
                Assert.That(refusal.GetAttributeValue<string>(GuardEventTable.MessageName), Is.EqualTo("GrantAccess"));
                Assert.That(refusal.GetAttributeValue<string>(GuardEventTable.TableName), Is.EqualTo(AccountTable.LogicalName));
                Assert.That(refusal.GetAttributeValue<EntityReference>(GuardEventTable.CallingUserId)?.Id, Is.EqualTo(world.OwnerRep.Id));
                Assert.That(refusal.GetAttributeValue<System.DateTime?>(GuardEventTable.OccurredOn), Is.EqualTo(world.Now));
            });
        }

        [Test]
        public void ReadOnlyShare_OfALockedRecord_Should_BeAllowed()
        {
            var world = new LockWorld(PlatformProfile.Baseline);
            var account = world.Locked(LockedKind.KeyAccount);
            var fault = world.Act(Who.OwnerRep, s => s.GrantAccess(account, world.OtherRep.ToEntityReference(), AccessRights.ReadAccess | AccessRights.AppendToAccess));
            Assert.Multiple(() =>
            {
                Assert.That(fault, Is.Null);
                Assert.That(world.Org.SharesOf(account), Has.Count.EqualTo(1));
                Assert.That(world.Kam.GuardEvents, Is.Empty);
            });
        }
    }
}
