using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.OwnershipLock
{
    /// <summary>How a record is created (the matrix's "path" axis for creation).</summary>
    public enum CreatePath
    {
        /// <summary>Create.</summary>
        Create,

        /// <summary>CreateMultiple with an unlocked row beside it.</summary>
        CreateMultiple,

        /// <summary>Upsert of a new id (the Create pipeline).</summary>
        Upsert,
    }

    /// <summary>
    /// Creating a locked record owned by the owner rep, by each "who", under every profile: allowed for
    /// the owner themself, the owner's manager and a KAM administrator (recorded as an override); refused
    /// for anyone else, nothing created. An account created already flagged as a key account, and the flag
    /// set on an existing account, need the owner's manager or a KAM administrator — never the owner.
    /// Every locked record created is stamped with its owner.
    /// </summary>
    public class CreateAndFlagTests
    {
        public static IEnumerable<TestCaseData> CreateCases() =>
            from profile in PlatformProfile.All
            from CreatePath path in Enum.GetValues(typeof(CreatePath))
            from LockedKind kind in Enum.GetValues(typeof(LockedKind))
            select new TestCaseData(profile, path, kind).SetName($"Create_{kind}OwnedByTheRepBy{path}Under{profile.Name}_Should_FollowTheMatrix");

        public static IEnumerable<TestCaseData> Profiles() =>
            PlatformProfile.All.Select(p => new TestCaseData(p).SetName($"{{m}}Under{p.Name}"));

        [TestCaseSource(nameof(CreateCases))]
        public void Create_LockedRecordOwnedByTheRep_Should_FollowTheMatrix(PlatformProfile profile, CreatePath path, LockedKind kind)
        {
            var world = new LockWorld(profile);
            Assert.Multiple(() =>
            {
                foreach (Who who in Enum.GetValues(typeof(Who)))
                {
                    var cell = $"{path} of {kind} owned by the owner rep, by {who}";
                    var row = NewRecord(world, kind);
                    var name = row.GetAttributeValue<string>(kind == LockedKind.Contract ? ContractTable.Name : AccountTable.Name);
                    var fault = world.Act(who, service => Create(service, path, row));

                    var initiator = world.InitiatingUser(who);
                    var flagRight = who == Who.Manager || who == Who.KamAdministrator;
                    var createRight = initiator == world.OwnerRep.Id || flagRight;
                    var allowed = kind == LockedKind.KeyAccount ? flagRight : createRight;
                    var created = world.Org.All(row.LogicalName).Where(r => r.GetAttributeValue<string>(LockedNameColumn(kind)) == name).ToList();
                    // A batch is refused at its first locked row: a contract's refusal may name the contract beside it.
                    var events = world.Kam.GuardEvents.Where(e => e.GetAttributeValue<string>(GuardEventTable.RecordName) == name
                        || e.GetAttributeValue<string>(GuardEventTable.RecordName) == "Beside " + name).ToList();
                    if (allowed)
                    {
                        Assert.That(fault, Is.Null, cell + ": allowed, but " + fault?.Detail.Message);
                        Assert.That(created, Has.Count.EqualTo(1), cell + ": created");
                        Assert.That(created.FirstOrDefault()?.GetAttributeValue<EntityReference>(CommonColumns.ApprovedOwnerId), Is.EqualTo(world.OwnerRep.ToEntityReference()), cell + ": stamped with its owner");
                        var overrides = events.Count(e => e.GetAttributeValue<OptionSetValue>(GuardEventTable.Outcome).Value == (int)GuardEventOutcome.AdministratorOverride);
                        // One override per locked row created for someone else (the contract beside a contract is one
                        // too), plus one for the key-account flag.
                        var lockedRows = kind == LockedKind.Contract && path == CreatePath.CreateMultiple ? 2 : 1;
                        var expectedOverrides = who == Who.KamAdministrator ? lockedRows + (kind == LockedKind.KeyAccount ? 1 : 0) : 0;
                        Assert.That(overrides, Is.EqualTo(expectedOverrides), cell + ": overrides recorded (for someone else, and the flag)");
                    }
                    else
                    {
                        Assert.That(LockFaults.IsLockRefusal(fault), Is.True, cell + ": refused by the lock, but " + (fault?.Detail.Message ?? "it succeeded"));
                        Assert.That(created, Is.Empty, cell + ": nothing created");
                        Assert.That(world.Org.All(row.LogicalName).Where(r => (r.GetAttributeValue<string>(LockedNameColumn(kind)) ?? "").StartsWith("Beside " + name, StringComparison.Ordinal)), Is.Empty, cell + ": not the batch's other row either");
                        var refusals = events.Count(e => e.GetAttributeValue<OptionSetValue>(GuardEventTable.Outcome).Value == (int)GuardEventOutcome.Refused
                            && e.GetAttributeValue<OptionSetValue>(GuardEventTable.Kind).Value == (int)GuardEventKind.ProtectedCreate);
                        Assert.That(refusals, Is.EqualTo(who == Who.WorkflowAtDepth2 ? 0 : 1), cell + ": refusal recorded (not when nested)");
                    }
                }
            });
        }

        [TestCaseSource(nameof(Profiles))]
        public void Create_LockedRecordOwnedByYourself_Should_BeStampedAndCostNoEvent(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var opportunity = new Entity(OpportunityTable.LogicalName)
            {
                [OpportunityTable.Name] = "Own big deal",
                [OpportunityTable.CustomerId] = world.Account(false),
                [OpportunityTable.EstimatedValue] = new Money(LockWorld.LargeValue),
            };
            var id = world.Org.ServiceFor(world.OtherRep).Create(opportunity);
            var record = new EntityReference(OpportunityTable.LogicalName, id);
            Assert.Multiple(() =>
            {
                Assert.That(world.OwnerOf(record), Is.EqualTo(world.OtherRep.ToEntityReference()));
                Assert.That(world.StampOf(record), Is.EqualTo(world.OtherRep.ToEntityReference()));
                Assert.That(world.Kam.GuardEvents, Is.Empty);
            });
        }

        [TestCaseSource(nameof(Profiles))]
        public void Create_UnlockedRecord_Should_NotBeStamped(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var id = world.Org.ServiceFor(world.OwnerRep).Create(new Entity(OpportunityTable.LogicalName)
            {
                [OpportunityTable.Name] = "Small deal",
                [OpportunityTable.CustomerId] = world.Account(false),
                [OpportunityTable.EstimatedValue] = new Money(LockWorld.SmallValue),
                [CommonColumns.OwnerId] = world.OtherRep.ToEntityReference(),
            });
            Assert.That(world.StampOf(new EntityReference(OpportunityTable.LogicalName, id)), Is.Null);
        }

        [TestCaseSource(nameof(Profiles))]
        public void Update_SetKeyAccountFlag_Should_BeTheOwnersManagersOrAnAdministratorsRight(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            Assert.Multiple(() =>
            {
                foreach (Who who in Enum.GetValues(typeof(Who)))
                {
                    var cell = "flag set by " + who;
                    var account = world.Account(false);
                    var fault = world.Act(who, service => service.Update(new Entity(AccountTable.LogicalName, account.Id) { [AccountTable.IsKeyAccount] = true }));
                    var allowed = who == Who.Manager || who == Who.KamAdministrator;
                    var flag = world.Org.Get(account).GetAttributeValue<bool?>(AccountTable.IsKeyAccount);
                    if (allowed)
                    {
                        Assert.That(fault, Is.Null, cell + ": allowed, but " + fault?.Detail.Message);
                        Assert.That(flag, Is.True, cell + ": flagged");
                        Assert.That(world.StampOf(account), Is.EqualTo(world.OwnerRep.ToEntityReference()), cell + ": stamped with its owner");
                        Assert.That(world.EventsFor(account, GuardEventOutcome.AdministratorOverride), Has.Count.EqualTo(who == Who.KamAdministrator ? 1 : 0), cell + ": an administrator's flag is an override");
                    }
                    else
                    {
                        Assert.That(LockFaults.IsLockRefusal(fault), Is.True, cell + ": refused by the lock, but " + (fault?.Detail.Message ?? "it succeeded"));
                        Assert.That(flag, Is.False, cell + ": not flagged");
                        Assert.That(world.EventsFor(account, GuardEventOutcome.Refused), Has.Count.EqualTo(who == Who.WorkflowAtDepth2 ? 0 : 1), cell + ": refusal recorded (not when nested)");
                    }
                }
            });
        }

        [TestCaseSource(nameof(Profiles))]
        public void Update_RaiseOpportunityOverTheThreshold_Should_StampItsOwner(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var opportunity = world.Opportunity(world.Account(false), LockWorld.SmallValue, stamped: false);
            world.Org.ServiceFor(world.OwnerRep).Update(new Entity(opportunity.LogicalName, opportunity.Id) { [OpportunityTable.EstimatedValue] = new Money(LockWorld.LargeValue) });
            Assert.That(world.StampOf(opportunity), Is.EqualTo(world.OwnerRep.ToEntityReference()));
        }

        private static string LockedNameColumn(LockedKind kind) => kind == LockedKind.Contract ? ContractTable.Name : AccountTable.Name;

        private static Entity NewRecord(LockWorld world, LockedKind kind)
        {
            var owner = world.OwnerRep.ToEntityReference();
            switch (kind)
            {
                case LockedKind.KeyAccount:
                    return new Entity(AccountTable.LogicalName) { [AccountTable.Name] = "New key account " + world.Next(), [AccountTable.IsKeyAccount] = true, [CommonColumns.OwnerId] = owner };
                case LockedKind.KeyAccountOpportunity:
                    return new Entity(OpportunityTable.LogicalName)
                    {
                        [OpportunityTable.Name] = "New opportunity " + world.Next(), [OpportunityTable.CustomerId] = world.Account(true),
                        [OpportunityTable.EstimatedValue] = new Money(LockWorld.SmallValue), [CommonColumns.OwnerId] = owner,
                    };
                case LockedKind.LargeOpportunity:
                    return new Entity(OpportunityTable.LogicalName)
                    {
                        [OpportunityTable.Name] = "New opportunity " + world.Next(), [OpportunityTable.CustomerId] = world.Account(false),
                        [OpportunityTable.EstimatedValue] = new Money(LockWorld.LargeValue), [CommonColumns.OwnerId] = owner,
                    };
                default:
                    return new Entity(ContractTable.LogicalName)
                    {
                        [ContractTable.Name] = "New contract " + world.Next(), [ContractTable.CustomerId] = world.Account(false),
                        [ContractTable.ContractStatus] = new OptionSetValue((int)ContractStatus.Draft), [CommonColumns.OwnerId] = owner,
                    };
            }
        }

        private static void Create(IOrganizationService service, CreatePath path, Entity row)
        {
            switch (path)
            {
                case CreatePath.Create:
                    service.Create(Copy(row));
                    break;
                case CreatePath.Upsert:
                    var upserted = Copy(row);
                    upserted.Id = Guid.NewGuid();
                    service.Upsert(upserted);
                    break;
                default:
                    // Another row with the same owner: an unlocked account or small opportunity — every contract
                    // being locked, a contract beside a contract shares its fate.
                    var beside = new Entity(row.LogicalName) { [LockedNameFor(row)] = "Beside " + (string)row[LockedNameFor(row)], [CommonColumns.OwnerId] = row[CommonColumns.OwnerId] };
                    if (row.LogicalName == OpportunityTable.LogicalName) beside[OpportunityTable.EstimatedValue] = new Money(LockWorld.SmallValue);
                    service.CreateMultiple(new[] { beside, Copy(row) });
                    break;
            }
        }

        private static string LockedNameFor(Entity row) => row.LogicalName == ContractTable.LogicalName ? ContractTable.Name : AccountTable.Name;

        private static Entity Copy(Entity row)
        {
            var copy = new Entity(row.LogicalName);
            foreach (var column in row.Attributes) copy[column.Key] = column.Value;
            return copy;
        }
    }
}
