using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.OwnershipLock
{
    /// <summary>
    /// Service calls the ownership lock's own steps make, counted by the emulator: none for an update that
    /// touches no watched column of a locked record; a constant number for a refusal and an authorised
    /// transfer whatever the organisation holds; a constant number per child of a cascade.
    /// </summary>
    public class OwnershipLockCostTests
    {
        // Measured (each test prints its numbers): refusal of a key account's transfer 5 calls (read
        // nothing, look for an approval, settings, administrator check, event; plus the user's language),
        // of a key-account opportunity 7 (the settings' threshold and the key-account lookup); an
        // authorised transfer 9, 13 where the platform raises Update and Assign for it; 1 to 3 per cascade
        // child depending on the message the children receive.
        private const int RefusalBudget = 5;
        private const int TransferBudget = 13;
        private const int PerChildBudget = 3;

        public static IEnumerable<TestCaseData> Profiles() =>
            PlatformProfile.All.Select(p => new TestCaseData(p).SetName($"{{m}}Under{p.Name}"));

        [TestCaseSource(nameof(Profiles))]
        public void Update_NoWatchedColumnChanged_Should_CostTheLockNoServiceCall(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var rep = world.Org.ServiceFor(world.OwnerRep);
            var account = world.Locked(LockedKind.KeyAccount);
            var opportunity = world.Locked(LockedKind.KeyAccountOpportunity);
            var contract = world.Locked(LockedKind.Contract);
            var owner = world.OwnerRep.ToEntityReference();
            var updates = new[]
            {
                new Entity(AccountTable.LogicalName, account.Id) { [AccountTable.Name] = "Renamed" },
                new Entity(AccountTable.LogicalName, account.Id) { [AccountTable.Name] = "Renamed again", [CommonColumns.OwnerId] = owner, [AccountTable.IsKeyAccount] = true },
                new Entity(OpportunityTable.LogicalName, opportunity.Id) { [OpportunityTable.Name] = "Renamed", [CommonColumns.OwnerId] = owner },
                new Entity(OpportunityTable.LogicalName, opportunity.Id) { [OpportunityTable.EstimatedValue] = new Money(LockWorld.LargeValue) },
                new Entity(ContractTable.LogicalName, contract.Id) { [ContractTable.Name] = "Renamed", [ContractTable.CustomerId] = world.Org.Get(contract).GetAttributeValue<EntityReference>(ContractTable.CustomerId) },
            };
            Assert.Multiple(() =>
            {
                foreach (var update in updates)
                {
                    rep.Update(update);
                    Assert.That(world.LockCallsOfLastOperation(), Is.EqualTo(0), string.Join(", ", update.Attributes.Keys));
                }
                var many = Enumerable.Range(0, 50).Select(_ => world.Account(true)).ToList();
                rep.UpdateMultiple(many.Select(a => new Entity(AccountTable.LogicalName, a.Id) { [AccountTable.Name] = "Bulk renamed", [CommonColumns.OwnerId] = owner }));
                Assert.That(world.LockCallsOfLastOperation(), Is.EqualTo(0), "UpdateMultiple of 50 key accounts");
            });
        }

        [TestCaseSource(nameof(Profiles))]
        public void Refusal_SmallAndLargeOrganisation_Should_CostTheSameConstantNumberOfCalls(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var small = RefusalCalls(world, LockedKind.KeyAccount);
            Grow(world, 200);
            var large = RefusalCalls(world, LockedKind.KeyAccount);
            var opportunity = RefusalCalls(world, LockedKind.KeyAccountOpportunity);
            TestContext.Out.WriteLine($"{profile}: refusal of a key account transfer {small} calls (small org), {large} (large org); of a key-account opportunity {opportunity}");
            Assert.Multiple(() =>
            {
                Assert.That(large, Is.EqualTo(small));
                Assert.That(large, Is.LessThanOrEqualTo(RefusalBudget));
                Assert.That(opportunity, Is.LessThanOrEqualTo(RefusalBudget + 2));
            });
        }

        [TestCaseSource(nameof(Profiles))]
        public void AuthorisedTransfer_SmallAndLargeOrganisation_Should_CostTheSameConstantNumberOfCalls(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var small = TransferCalls(world);
            Grow(world, 200);
            var large = TransferCalls(world);
            TestContext.Out.WriteLine($"{profile}: authorised transfer of a key account {small} calls (small org), {large} (large org)");
            Assert.Multiple(() =>
            {
                Assert.That(large, Is.EqualTo(small));
                Assert.That(large, Is.LessThanOrEqualTo(TransferBudget));
            });
        }

        [TestCaseSource(nameof(Profiles))]
        public void Cascade_MoreChildren_Should_CostAConstantNumberOfCallsPerChild(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var two = CascadeCalls(world, 2);
            var six = CascadeCalls(world, 6);
            var ten = CascadeCalls(world, 10);
            var perChild = (six - two) / 4.0;
            TestContext.Out.WriteLine($"{profile}: approved key account transfer with 2/6/10 opportunities: {two}/{six}/{ten} calls, {perChild} per child");
            Assert.Multiple(() =>
            {
                Assert.That(ten - six, Is.EqualTo(six - two), "linear in the children");
                Assert.That(perChild, Is.LessThanOrEqualTo(PerChildBudget));
            });
        }

        private static int RefusalCalls(LockWorld world, LockedKind kind)
        {
            var record = world.Locked(kind);
            var fault = world.Act(Who.OwnerRep, s => s.Assign(record, world.OtherRep.ToEntityReference()));
            Assert.That(LockFaults.IsLockRefusal(fault), Is.True);
            return world.LockCallsOfLastOperation();
        }

        private static int TransferCalls(LockWorld world)
        {
            var record = world.Locked(LockedKind.KeyAccount);
            world.Approval(record, ApprovalType.OwnershipTransfer, ApprovalState.Approved);
            world.Org.ServiceFor(world.OwnerRep).Update(new Entity(record.LogicalName, record.Id) { [CommonColumns.OwnerId] = world.OtherRep.ToEntityReference() });
            return world.LockCallsOfLastOperation();
        }

        private static int CascadeCalls(LockWorld world, int children)
        {
            var account = world.Account(true);
            for (var i = 0; i < children; i++) world.Opportunity(account, LockWorld.SmallValue);
            world.Approval(account, ApprovalType.OwnershipTransfer, ApprovalState.Approved);
            world.Org.ServiceFor(world.OwnerRep).Assign(account, world.OtherRep.ToEntityReference());
            return world.LockCallsOfLastOperation();
        }

        // More of everything the lock could be tempted to read: accounts, opportunities, contracts,
        // approval requests and guard events of other records.
        private static void Grow(LockWorld world, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var account = world.Account(i % 2 == 0);
                var opportunity = world.Opportunity(account, i % 3 == 0 ? LockWorld.LargeValue : LockWorld.SmallValue);
                world.Contract(account);
                world.Approval(opportunity, ApprovalType.OwnershipTransfer, i % 2 == 0 ? ApprovalState.Approved : ApprovalState.Consumed);
            }
            for (var i = 0; i < 20; i++) RefusalCalls(world, LockedKind.Contract);
        }
    }
}
