using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.OwnershipLock
{
    /// <summary>The ways a client changes an owner (the matrix's "path" axis for transfers).</summary>
    public enum TransferPath
    {
        /// <summary>Update of ownerid.</summary>
        UpdateOwner,

        /// <summary>Assign.</summary>
        Assign,

        /// <summary>UpdateMultiple: the locked record between two others.</summary>
        UpdateMultiple,

        /// <summary>Upsert of an existing record (the Update pipeline).</summary>
        Upsert,
    }

    /// <summary>
    /// The transfer matrix: path × locked record kind × who × approval state, under every platform
    /// profile. Every cell states its outcome: allowed exactly for a KAM administrator or with an
    /// approved, unexpired, unused request for this record and new owner; refused otherwise — with
    /// nothing written (not the record, not the batch's other rows, not the approval) and the refusal
    /// recorded (except inside another operation's transaction, where the record rolls back with it).
    /// </summary>
    public class OwnershipTransferMatrixTests
    {
        public static IEnumerable<TestCaseData> Cases() =>
            from profile in PlatformProfile.All
            from TransferPath path in Enum.GetValues(typeof(TransferPath))
            from LockedKind kind in Enum.GetValues(typeof(LockedKind))
            select new TestCaseData(profile, path, kind).SetName($"Transfer_{path}Of{kind}Under{profile.Name}_Should_FollowTheMatrix");

        [TestCaseSource(nameof(Cases))]
        public void Transfer_EveryWhoAndApprovalState_Should_FollowTheMatrix(PlatformProfile profile, TransferPath path, LockedKind kind)
        {
            var world = new LockWorld(profile);
            Assert.Multiple(() =>
            {
                foreach (Who who in Enum.GetValues(typeof(Who)))
                    foreach (ApprovalState approval in Enum.GetValues(typeof(ApprovalState)))
                        Cell(world, path, kind, who, approval);
            });
        }

        /// <summary>Allowed for a KAM administrator, or with the approved request; refused otherwise.</summary>
        internal static bool Expected(Who who, ApprovalState approval) => who == Who.KamAdministrator || approval == ApprovalState.Approved;

        private static void Cell(LockWorld world, TransferPath path, LockedKind kind, Who who, ApprovalState approval)
        {
            var cell = $"{path} of {kind} by {who} with {approval} approval";
            var record = world.Locked(kind);
            var request = world.Approval(record, ApprovalType.OwnershipTransfer, approval);
            var requestStatus = request == null ? (ApprovalStatus?)null : world.StatusOf(request);
            var others = path == TransferPath.UpdateMultiple ? BatchOthers(world, kind) : new List<Others>();
            var newOwner = world.OtherRep.ToEntityReference();

            var fault = world.Act(who, service => Transfer(service, path, record, others.Select(o => o.Record), newOwner));

            if (Expected(who, approval))
            {
                Assert.That(fault, Is.Null, cell + ": allowed, but " + fault?.Detail.Message);
                Assert.That(world.OwnerOf(record), Is.EqualTo(newOwner), cell + ": owner");
                Assert.That(world.StampOf(record), Is.EqualTo(newOwner), cell + ": approved owner stamp");
                Assert.That(world.EventsFor(record, GuardEventOutcome.Refused), Is.Empty, cell + ": no refusal recorded");
                var recorded = approval == ApprovalState.Approved ? GuardEventOutcome.Authorised : GuardEventOutcome.AdministratorOverride;
                var events = world.EventsFor(record, recorded).Where(e => e.GetAttributeValue<OptionSetValue>(GuardEventTable.Kind).Value == (int)GuardEventKind.OwnerChange).ToList();
                Assert.That(events, Has.Count.EqualTo(1), cell + ": exactly one " + recorded + " event");
                if (approval == ApprovalState.Approved)
                {
                    Assert.That(world.StatusOf(request), Is.EqualTo(ApprovalStatus.Consumed), cell + ": approval consumed");
                    Assert.That(events.Single().GetAttributeValue<EntityReference>(GuardEventTable.ApprovalRequestId)?.Id, Is.EqualTo(request.Id), cell + ": event names the approval");
                }
                else if (request != null)
                {
                    Assert.That(world.StatusOf(request), Is.EqualTo(requestStatus), cell + ": an override consumes nothing");
                }
                foreach (var other in others) Assert.That(world.OwnerOf(other.Record), Is.EqualTo(newOwner), cell + ": the batch's other rows");
            }
            else
            {
                Assert.That(LockFaults.IsLockRefusal(fault), Is.True, cell + ": refused by the lock, but " + (fault?.Detail.Message ?? "it succeeded"));
                Assert.That(world.OwnerOf(record), Is.EqualTo(world.OwnerRep.ToEntityReference()), cell + ": owner unchanged");
                Assert.That(world.StampOf(record), Is.EqualTo(world.OwnerRep.ToEntityReference()), cell + ": stamp unchanged");
                if (request != null) Assert.That(world.StatusOf(request), Is.EqualTo(requestStatus), cell + ": approval untouched");
                Assert.That(world.EventsFor(record, GuardEventOutcome.Authorised).Concat(world.EventsFor(record, GuardEventOutcome.AdministratorOverride)), Is.Empty, cell + ": nothing authorised");
                var refusals = world.EventsFor(record, GuardEventOutcome.Refused);
                if (who == Who.WorkflowAtDepth2)
                {
                    // Nested in the workflow's transaction: the refusal's event rolls back with it (docs/ownership-lock.md).
                    Assert.That(refusals, Is.Empty, cell + ": a nested refusal's event rolls back");
                }
                else
                {
                    Assert.That(refusals, Has.Count.EqualTo(1), cell + ": the refusal is recorded once");
                    Assert.That(refusals.FirstOrDefault()?.GetAttributeValue<EntityReference>(GuardEventTable.InitiatingUserId)?.Id, Is.EqualTo(world.InitiatingUser(who)), cell + ": who started it");
                }
                foreach (var other in others)
                {
                    Assert.That(world.OwnerOf(other.Record), Is.EqualTo(world.OwnerRep.ToEntityReference()), cell + ": the batch's other rows unchanged");
                    if (other.Request != null) Assert.That(world.StatusOf(other.Request), Is.EqualTo(ApprovalStatus.Approved), cell + ": the batch's approvals untouched");
                }
            }
        }

        internal static void Transfer(IOrganizationService service, TransferPath path, EntityReference record, IEnumerable<EntityReference> others, EntityReference newOwner)
        {
            Entity Change(EntityReference r) => new Entity(r.LogicalName, r.Id) { [CommonColumns.OwnerId] = newOwner };
            switch (path)
            {
                case TransferPath.UpdateOwner:
                    service.Update(Change(record));
                    break;
                case TransferPath.Assign:
                    service.Assign(record, newOwner);
                    break;
                case TransferPath.Upsert:
                    service.Upsert(Change(record));
                    break;
                default:
                    var batch = others.ToList();
                    batch.Insert(Math.Min(1, batch.Count), record);
                    service.UpdateMultiple(batch.Select(Change));
                    break;
            }
        }

        // The batch's other rows: unlocked records of the same table, or — every contract being locked —
        // contracts with their own approved transfer to the same new owner.
        private static List<Others> BatchOthers(LockWorld world, LockedKind kind)
        {
            var others = new List<Others>();
            for (var i = 0; i < 2; i++)
            {
                switch (kind)
                {
                    case LockedKind.KeyAccount:
                        others.Add(new Others(world.Account(false), null));
                        break;
                    case LockedKind.Contract:
                        var contract = world.Contract(world.Account(false));
                        others.Add(new Others(contract, world.Approval(contract, ApprovalType.OwnershipTransfer, ApprovalState.Approved)));
                        break;
                    default:
                        others.Add(new Others(world.Opportunity(world.Account(false), LockWorld.SmallValue, stamped: false), null));
                        break;
                }
            }
            return others;
        }

        private sealed class Others
        {
            internal Others(EntityReference record, EntityReference request)
            {
                Record = record;
                Request = request;
            }

            internal EntityReference Record { get; }

            internal EntityReference Request { get; }
        }
    }
}
