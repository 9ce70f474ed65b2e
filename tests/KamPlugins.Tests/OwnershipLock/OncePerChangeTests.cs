using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.OwnershipLock
{
    /// <summary>
    /// One change, one decision, whatever the platform raises (Update and Assign, Update twice, SetState
    /// and Update, Merge and Update): never two approvals consumed, never two events written.
    /// </summary>
    public class OncePerChangeTests
    {
        public static IEnumerable<TestCaseData> Transfers() =>
            from profile in PlatformProfile.All
            from TransferPath path in System.Enum.GetValues(typeof(TransferPath))
            select new TestCaseData(profile, path).SetName($"{{m}}By{path}Under{profile.Name}");

        public static IEnumerable<TestCaseData> Profiles() =>
            PlatformProfile.All.Select(p => new TestCaseData(p).SetName($"{{m}}Under{p.Name}"));

        [TestCaseSource(nameof(Transfers))]
        public void Transfer_TwoMatchingApprovals_Should_ConsumeOnlyOne(PlatformProfile profile, TransferPath path)
        {
            var world = new LockWorld(profile);
            var record = world.Locked(LockedKind.LargeOpportunity);
            var first = world.Approval(record, ApprovalType.OwnershipTransfer, ApprovalState.Approved);
            var second = world.Approval(record, ApprovalType.OwnershipTransfer, ApprovalState.Approved);
            var others = path == TransferPath.UpdateMultiple ? new[] { world.Opportunity(world.Account(false), LockWorld.SmallValue) } : new EntityReference[0];

            var fault = world.Act(Who.OwnerRep, s => OwnershipTransferMatrixTests.Transfer(s, path, record, others, world.OtherRep.ToEntityReference()));

            Assert.Multiple(() =>
            {
                Assert.That(fault, Is.Null, fault?.Detail.Message);
                var statuses = new[] { world.StatusOf(first), world.StatusOf(second) };
                Assert.That(statuses.Count(s => s == ApprovalStatus.Consumed), Is.EqualTo(1), "one approval consumed");
                Assert.That(statuses.Count(s => s == ApprovalStatus.Approved), Is.EqualTo(1), "the other still usable");
                Assert.That(world.EventsFor(record), Has.Count.EqualTo(1), "one event");
            });
        }

        [TestCaseSource(nameof(Profiles))]
        public void Deactivation_ByAnAdministrator_Should_BeRecordedOnce(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var account = world.Locked(LockedKind.KeyAccount);
            var fault = world.Act(Who.KamAdministrator, s => s.SetState(account, AccountTable.State.Inactive));
            Assert.Multiple(() =>
            {
                Assert.That(fault, Is.Null, fault?.Detail.Message);
                Assert.That(world.EventsFor(account), Has.Count.EqualTo(1));
            });
        }

        [TestCaseSource(nameof(Profiles))]
        public void MergeContent_ReleasingTheMasterWithAnApproval_Should_ConsumeItOnce(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var master = world.Locked(LockedKind.KeyAccount);
            var subordinate = world.Account(false);
            var release = world.Approval(master, ApprovalType.KeyAccountRelease, ApprovalState.Approved);
            var fault = world.Act(Who.OwnerRep, s => s.Merge(master, subordinate.Id, new Entity(AccountTable.LogicalName) { [AccountTable.IsKeyAccount] = false }));
            Assert.Multiple(() =>
            {
                Assert.That(fault, Is.Null, fault?.Detail.Message);
                Assert.That(world.Org.Get(master).GetAttributeValue<bool?>(AccountTable.IsKeyAccount), Is.False);
                Assert.That(world.StatusOf(release), Is.EqualTo(ApprovalStatus.Consumed));
                Assert.That(world.EventsFor(master, GuardEventOutcome.Authorised), Has.Count.EqualTo(1));
            });
        }

        [TestCaseSource(nameof(Profiles))]
        public void MergeContent_ReleasingTheMasterWithoutApproval_Should_BeRefused(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var master = world.Locked(LockedKind.KeyAccount);
            var subordinate = world.Account(false);
            var fault = world.Act(Who.OwnerRep, s => s.Merge(master, subordinate.Id, new Entity(AccountTable.LogicalName) { [AccountTable.IsKeyAccount] = false }));
            Assert.Multiple(() =>
            {
                Assert.That(LockFaults.IsLockRefusal(fault), Is.True, fault?.Detail.Message ?? "it succeeded");
                Assert.That(world.Org.Get(master).GetAttributeValue<bool?>(AccountTable.IsKeyAccount), Is.True);
                Assert.That(world.Org.Get(subordinate).GetAttributeValue<bool?>("merged"), Is.Not.True);
                Assert.That(world.EventsFor(master, GuardEventOutcome.Refused), Has.Count.EqualTo(1));
            });
        }
    }
}
