using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.OwnershipLock
{
    /// <summary>
    /// Cascades from an account, under every profile (children receive Assign or Update): an approved
    /// account transfer covers exactly its own cascade — the account's children, to that new owner, in
    /// that operation — and an unauthorised one is refused whole, recorded on the account.
    /// </summary>
    public class CascadeTests
    {
        public static IEnumerable<TestCaseData> Transfers() =>
            from profile in PlatformProfile.All
            from path in new[] { TransferPath.Assign, TransferPath.UpdateOwner }
            select new TestCaseData(profile, path).SetName($"{{m}}By{path}Under{profile.Name}");

        public static IEnumerable<TestCaseData> Profiles() =>
            PlatformProfile.All.Select(p => new TestCaseData(p).SetName($"{{m}}Under{p.Name}"));

        /// <summary>A key account with its cascade: opportunities, a contract, a child account with its own opportunity, a key child account; and an opportunity that only names it as parent account (no cascade).</summary>
        private sealed class Family
        {
            internal Family(LockWorld world)
            {
                Account = world.Account(true);
                SmallOpportunity = world.Opportunity(Account, LockWorld.SmallValue);
                LargeOpportunity = world.Opportunity(Account, LockWorld.LargeValue);
                Contract = world.Contract(Account);
                ChildAccount = world.Account(false, parent: Account);
                Grandchild = world.Opportunity(ChildAccount, LockWorld.SmallValue, stamped: false);
                KeyChildAccount = world.Account(true, parent: Account);
                ParentOnly = world.Opportunity(world.Account(false), LockWorld.SmallValue, stamped: false, parentAccount: Account);
            }

            internal EntityReference Account { get; }
            internal EntityReference SmallOpportunity { get; }
            internal EntityReference LargeOpportunity { get; }
            internal EntityReference Contract { get; }
            internal EntityReference ChildAccount { get; }
            internal EntityReference Grandchild { get; }
            internal EntityReference KeyChildAccount { get; }
            internal EntityReference ParentOnly { get; }

            internal IEnumerable<EntityReference> Locked => new[] { Account, SmallOpportunity, LargeOpportunity, Contract, KeyChildAccount };

            internal IEnumerable<EntityReference> Cascade => new[] { SmallOpportunity, LargeOpportunity, Contract, ChildAccount, Grandchild, KeyChildAccount };

            internal IEnumerable<EntityReference> All => Cascade.Concat(new[] { Account, ParentOnly });
        }

        [TestCaseSource(nameof(Transfers))]
        public void Cascade_ApprovedTransferOfAKeyAccount_Should_MoveItsWholeCascadeWithOneEvent(PlatformProfile profile, TransferPath path)
        {
            var world = new LockWorld(profile);
            var family = new Family(world);
            var approval = world.Approval(family.Account, ApprovalType.OwnershipTransfer, ApprovalState.Approved);
            var childsOwnApproval = world.Approval(family.LargeOpportunity, ApprovalType.OwnershipTransfer, ApprovalState.Approved);
            var newOwner = world.OtherRep.ToEntityReference();

            var fault = world.Act(Who.OwnerRep, s => OwnershipTransferMatrixTests.Transfer(s, path, family.Account, null, newOwner));

            Assert.Multiple(() =>
            {
                Assert.That(fault, Is.Null, fault?.Detail.Message);
                foreach (var record in family.Cascade.Concat(new[] { family.Account })) Assert.That(world.OwnerOf(record), Is.EqualTo(newOwner), "moved: " + record.LogicalName);
                foreach (var record in family.Locked) Assert.That(world.StampOf(record), Is.EqualTo(newOwner), "stamped: " + record.LogicalName);
                Assert.That(world.OwnerOf(family.ParentOnly), Is.EqualTo(world.OwnerRep.ToEntityReference()), "parentaccountid does not cascade on assign");
                Assert.That(world.StatusOf(approval), Is.EqualTo(ApprovalStatus.Consumed));
                Assert.That(world.StatusOf(childsOwnApproval), Is.EqualTo(ApprovalStatus.Approved), "the child's own approval stays unused");
                var events = world.Kam.GuardEvents.Where(e => e.GetAttributeValue<string>(GuardEventTable.CorrelationId) == world.Org.LastOperation.CorrelationId.ToString("D")).ToList();
                Assert.That(events, Has.Count.EqualTo(1), "one event for the operation");
                Assert.That(events.Single().GetAttributeValue<string>(GuardEventTable.RecordId), Is.EqualTo(family.Account.Id.ToString("D")));
                Assert.That(events.Single().GetAttributeValue<OptionSetValue>(GuardEventTable.Outcome).Value, Is.EqualTo((int)GuardEventOutcome.Authorised));
            });
        }

        [TestCaseSource(nameof(Transfers))]
        public void Cascade_UnauthorisedTransferOfAKeyAccount_Should_BeRefusedWhole(PlatformProfile profile, TransferPath path)
        {
            var world = new LockWorld(profile);
            Assert.Multiple(() =>
            {
                foreach (var state in new[] { ApprovalState.None, ApprovalState.ApprovedForAnotherOwner, ApprovalState.Expired })
                {
                    var family = new Family(world);
                    world.Approval(family.Account, ApprovalType.OwnershipTransfer, state);
                    var fault = world.Act(Who.OwnerRep, s => OwnershipTransferMatrixTests.Transfer(s, path, family.Account, null, world.OtherRep.ToEntityReference()));
                    Assert.That(LockFaults.IsLockRefusal(fault), Is.True, state + ": refused");
                    foreach (var record in family.All) Assert.That(world.OwnerOf(record), Is.EqualTo(world.OwnerRep.ToEntityReference()), state + ": nothing moved: " + record.LogicalName);
                    Assert.That(world.EventsFor(family.Account, GuardEventOutcome.Refused), Has.Count.EqualTo(1), state + ": refusal recorded on the account");
                }
            });
        }

        [TestCaseSource(nameof(Transfers))]
        public void Cascade_AdministratorTransfer_Should_MoveEverythingWithOneOverride(PlatformProfile profile, TransferPath path)
        {
            var world = new LockWorld(profile);
            var family = new Family(world);
            var newOwner = world.OtherRep.ToEntityReference();
            var fault = world.Act(Who.KamAdministrator, s => OwnershipTransferMatrixTests.Transfer(s, path, family.Account, null, newOwner));
            Assert.Multiple(() =>
            {
                Assert.That(fault, Is.Null, fault?.Detail.Message);
                foreach (var record in family.Cascade) Assert.That(world.OwnerOf(record), Is.EqualTo(newOwner));
                foreach (var record in family.Locked) Assert.That(world.StampOf(record), Is.EqualTo(newOwner));
                Assert.That(world.Kam.GuardEvents, Has.Count.EqualTo(1));
                Assert.That(world.EventsFor(family.Account, GuardEventOutcome.AdministratorOverride), Has.Count.EqualTo(1));
            });
        }

        [TestCaseSource(nameof(Transfers))]
        public void Cascade_OrdinaryAccountCarryingLockedRecords_Should_BeRefusedAtTheTopNamingThem(PlatformProfile profile, TransferPath path)
        {
            var world = new LockWorld(profile);
            var account = world.Account(false);
            var large = world.Opportunity(account, LockWorld.LargeValue);
            var contract = world.Contract(account);
            var fault = world.Act(Who.OwnerRep, s => OwnershipTransferMatrixTests.Transfer(s, path, account, null, world.OtherRep.ToEntityReference()));
            Assert.Multiple(() =>
            {
                Assert.That(LockFaults.IsLockRefusal(fault), Is.True, fault?.Detail.Message ?? "it succeeded");
                foreach (var record in new[] { account, large, contract }) Assert.That(world.OwnerOf(record), Is.EqualTo(world.OwnerRep.ToEntityReference()));
                var refusal = world.EventsFor(account, GuardEventOutcome.Refused).Single();
                var attempted = refusal.GetAttributeValue<string>(GuardEventTable.AttemptedChange);
                Assert.That(attempted, Does.Contain(world.Org.Get(large).GetAttributeValue<string>(OpportunityTable.Name)));
                Assert.That(attempted, Does.Contain(world.Org.Get(contract).GetAttributeValue<string>(ContractTable.Name)));
                Assert.That(fault.Detail.Message, Does.Contain(world.Org.Get(large).GetAttributeValue<string>(OpportunityTable.Name)), "the user is told what would have gone along");
            });
        }

        [TestCaseSource(nameof(Transfers))]
        public void Cascade_OrdinaryAccountWithApprovedTransfer_Should_MoveItsLockedRecords(PlatformProfile profile, TransferPath path)
        {
            var world = new LockWorld(profile);
            var account = world.Account(false);
            var large = world.Opportunity(account, LockWorld.LargeValue);
            var contract = world.Contract(account);
            var approval = world.Approval(account, ApprovalType.OwnershipTransfer, ApprovalState.Approved);
            var newOwner = world.OtherRep.ToEntityReference();
            var fault = world.Act(Who.OwnerRep, s => OwnershipTransferMatrixTests.Transfer(s, path, account, null, newOwner));
            Assert.Multiple(() =>
            {
                Assert.That(fault, Is.Null, fault?.Detail.Message);
                foreach (var record in new[] { large, contract })
                {
                    Assert.That(world.OwnerOf(record), Is.EqualTo(newOwner));
                    Assert.That(world.StampOf(record), Is.EqualTo(newOwner));
                }
                Assert.That(world.StatusOf(approval), Is.EqualTo(ApprovalStatus.Consumed));
                Assert.That(world.EventsFor(account, GuardEventOutcome.Authorised), Has.Count.EqualTo(1));
            });
        }

        [TestCaseSource(nameof(Profiles))]
        public void Cascade_ApprovedTransfer_Should_CarryNothingElseAlong(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var family = new Family(world);
            var approval = world.Approval(family.Account, ApprovalType.OwnershipTransfer, ApprovalState.Approved);
            var unrelated = world.Account(true);
            var newOwner = world.OtherRep.ToEntityReference();

            // Another key account in the same batch, to the same owner: not covered by this approval.
            var batch = world.Act(Who.OwnerRep, s => s.UpdateMultiple(new[]
            {
                new Entity(AccountTable.LogicalName, family.Account.Id) { [CommonColumns.OwnerId] = newOwner },
                new Entity(AccountTable.LogicalName, unrelated.Id) { [CommonColumns.OwnerId] = newOwner },
            }));
            Assert.Multiple(() =>
            {
                Assert.That(LockFaults.IsLockRefusal(batch), Is.True, "the batch is refused");
                Assert.That(world.OwnerOf(family.Account), Is.EqualTo(world.OwnerRep.ToEntityReference()));
                Assert.That(world.StatusOf(approval), Is.EqualTo(ApprovalStatus.Approved), "the approval is not used by a refused batch");
                Assert.That(world.EventsFor(unrelated, GuardEventOutcome.Refused), Has.Count.EqualTo(1));
            });

            // The transfer alone goes through; afterwards, a child cannot follow it to someone else, and
            // the account cannot be moved again on the same (now used) approval.
            Assert.That(world.Act(Who.OwnerRep, s => s.Assign(family.Account, newOwner)), Is.Null);
            var toColleague = world.Act(Who.OtherRep, s => s.Assign(family.SmallOpportunity, world.Colleague.ToEntityReference()));
            var again = world.Act(Who.OtherRep, s => s.Assign(family.Account, world.OwnerRep.ToEntityReference()));
            Assert.Multiple(() =>
            {
                Assert.That(LockFaults.IsLockRefusal(toColleague), Is.True, "a child to another owner, later");
                Assert.That(world.OwnerOf(family.SmallOpportunity), Is.EqualTo(newOwner));
                Assert.That(LockFaults.IsLockRefusal(again), Is.True, "the used approval authorises nothing more");
                Assert.That(world.OwnerOf(family.Account), Is.EqualTo(newOwner));
            });
        }

        [TestCaseSource(nameof(Transfers))]
        public void Cascade_UnforeseenGrandchild_Should_RefuseWholeWithTheEventRolledBack(PlatformProfile profile, TransferPath path)
        {
            var world = new LockWorld(profile);
            var account = world.Account(false);
            var child = world.Account(false, parent: account);
            var contract = world.Contract(child);
            var fault = world.Act(Who.OwnerRep, s => OwnershipTransferMatrixTests.Transfer(s, path, account, null, world.OtherRep.ToEntityReference()));
            Assert.Multiple(() =>
            {
                Assert.That(LockFaults.IsLockRefusal(fault), Is.True, "refused by the child account's in-transaction check");
                foreach (var record in new[] { account, child, contract }) Assert.That(world.OwnerOf(record), Is.EqualTo(world.OwnerRep.ToEntityReference()));
                // Documented limit: a refusal decided inside the transaction cannot leave an event behind.
                Assert.That(world.Kam.GuardEvents, Is.Empty);
                Assert.That(world.Org.LastOperation.Traces.Any(t => t.Contains("ownership lock: refused")), Is.True, "the trace log keeps it");
            });
        }

        [TestCaseSource(nameof(Profiles))]
        public void Cascade_DeleteOfAKeyAccountByAnAdministrator_Should_DeleteItsOpportunitiesWithOneOverride(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var account = world.Account(true);
            var opportunities = new[] { world.Opportunity(account, LockWorld.SmallValue), world.Opportunity(account, LockWorld.LargeValue) };
            var linked = world.Opportunity(world.Account(false), LockWorld.LargeValue, parentAccount: account);
            var fault = world.Act(Who.KamAdministrator, s => s.Delete(account.LogicalName, account.Id));
            Assert.Multiple(() =>
            {
                Assert.That(fault, Is.Null, fault?.Detail.Message);
                Assert.That(world.Org.Get(account), Is.Null);
                foreach (var o in opportunities) Assert.That(world.Org.Get(o), Is.Null);
                Assert.That(world.Org.Get(linked).Contains(OpportunityTable.ParentAccountId), Is.False, "unlinked");
                Assert.That(world.Kam.GuardEvents, Has.Count.EqualTo(1));
                Assert.That(world.EventsFor(account, GuardEventOutcome.AdministratorOverride), Has.Count.EqualTo(1));
            });
        }

        [TestCaseSource(nameof(Profiles))]
        public void Cascade_DeleteOfAnOrdinaryAccountWithALargeOpportunity_Should_BeRefusedAtTheTop(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var account = world.Account(false);
            var large = world.Opportunity(account, LockWorld.LargeValue);
            var fault = world.Act(Who.OwnerRep, s => s.Delete(account.LogicalName, account.Id));
            Assert.Multiple(() =>
            {
                Assert.That(LockFaults.IsLockRefusal(fault), Is.True, fault?.Detail.Message ?? "it succeeded");
                Assert.That(world.Org.Get(account), Is.Not.Null);
                Assert.That(world.Org.Get(large), Is.Not.Null);
                Assert.That(world.EventsFor(account, GuardEventOutcome.Refused), Has.Count.EqualTo(1));
            });
        }

        [TestCaseSource(nameof(Profiles))]
        public void Cascade_MergeOfAnOrdinaryAccountWithLockedRecords_Should_BeAnAdministratorsDecision(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var master = world.Account(false);
            var subordinate = world.Account(false);
            var large = world.Opportunity(subordinate, LockWorld.LargeValue);
            var refused = world.Act(Who.OwnerRep, s => s.Merge(master, subordinate.Id));
            Assert.Multiple(() =>
            {
                Assert.That(LockFaults.IsLockRefusal(refused), Is.True, refused?.Detail.Message ?? "it succeeded");
                Assert.That(world.Org.Get(large).GetAttributeValue<EntityReference>(OpportunityTable.CustomerId)?.Id, Is.EqualTo(subordinate.Id));
                Assert.That(world.EventsFor(subordinate, GuardEventOutcome.Refused), Has.Count.EqualTo(1));
            });
            var allowed = world.Act(Who.KamAdministrator, s => s.Merge(master, subordinate.Id));
            Assert.Multiple(() =>
            {
                Assert.That(allowed, Is.Null, allowed?.Detail.Message);
                Assert.That(world.Org.Get(large).GetAttributeValue<EntityReference>(OpportunityTable.CustomerId)?.Id, Is.EqualTo(master.Id));
                Assert.That(world.EventsFor(subordinate, GuardEventOutcome.AdministratorOverride), Has.Count.EqualTo(1));
            });
        }
    }
}
