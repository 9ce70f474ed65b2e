using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator;
using Dataverse.Emulator.Messages;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.OwnershipLock
{
    /// <summary>What a client attempts on a locked record besides a transfer (the matrix's "path" axis).</summary>
    public enum LockedAction
    {
        /// <summary>Delete.</summary>
        Delete,

        /// <summary>Opportunity customerid / contract kam_customerid to another account.</summary>
        MoveToAnotherCustomer,

        /// <summary>Opportunity parentaccountid cleared.</summary>
        ClearParentAccount,

        /// <summary>Key account: Update of statecode to Inactive.</summary>
        DeactivateByUpdate,

        /// <summary>Key account: SetState to Inactive.</summary>
        DeactivateBySetState,

        /// <summary>Key account: SetStateDynamicEntity to Inactive.</summary>
        DeactivateBySetStateDynamicEntity,

        /// <summary>Key account merged away into another account (it is the subordinate).</summary>
        MergeAway,

        /// <summary>GrantAccess with write access to another rep.</summary>
        ShareWrite,

        /// <summary>ModifyAccess of an existing read share to assign access.</summary>
        ModifyShareToAssign,

        /// <summary>Key account: kam_iskeyaccount cleared (needs a Key account release request).</summary>
        ClearKeyAccountFlag,
    }

    /// <summary>
    /// Every other locked action: path × record kind × who × approval state, under every platform
    /// profile. Delete, moving to another customer, deactivating or merging away a key account and sharing
    /// control have no request type: only a KAM administrator does them (an approved transfer does not
    /// authorise them). Clearing the key-account flag needs an approved Key account release.
    /// </summary>
    public class LockedActionsMatrixTests
    {
        private static readonly ApprovalState[] TransferStates = { ApprovalState.None, ApprovalState.Approved };

        public static IEnumerable<TestCaseData> Cases() =>
            from profile in PlatformProfile.All
            from LockedAction action in Enum.GetValues(typeof(LockedAction))
            from LockedKind kind in KindsFor(action)
            select new TestCaseData(profile, action, kind).SetName($"Attempt_{action}Of{kind}Under{profile.Name}_Should_FollowTheMatrix");

        private static IEnumerable<LockedKind> KindsFor(LockedAction action)
        {
            switch (action)
            {
                case LockedAction.MoveToAnotherCustomer: return new[] { LockedKind.KeyAccountOpportunity, LockedKind.LargeOpportunity, LockedKind.Contract };
                case LockedAction.ClearParentAccount: return new[] { LockedKind.KeyAccountOpportunity };
                case LockedAction.Delete:
                case LockedAction.ShareWrite:
                case LockedAction.ModifyShareToAssign: return (LockedKind[])Enum.GetValues(typeof(LockedKind));
                default: return new[] { LockedKind.KeyAccount };
            }
        }

        [TestCaseSource(nameof(Cases))]
        public void Attempt_EveryWhoAndApprovalState_Should_FollowTheMatrix(PlatformProfile profile, LockedAction action, LockedKind kind)
        {
            var world = new LockWorld(profile);
            var states = action == LockedAction.ClearKeyAccountFlag ? (ApprovalState[])Enum.GetValues(typeof(ApprovalState)) : TransferStates;
            Assert.Multiple(() =>
            {
                foreach (Who who in Enum.GetValues(typeof(Who)))
                    foreach (var approval in states)
                        Cell(world, action, kind, who, approval);
            });
        }

        private static void Cell(LockWorld world, LockedAction action, LockedKind kind, Who who, ApprovalState approval)
        {
            var cell = $"{action} of {kind} by {who} with {approval} approval";
            var record = Prepare(world, action, kind);
            var type = action == LockedAction.ClearKeyAccountFlag ? ApprovalType.KeyAccountRelease : ApprovalType.OwnershipTransfer;
            var request = world.Approval(record, type, approval);
            var requestStatus = request == null ? (ApprovalStatus?)null : world.StatusOf(request);
            var before = world.Org.Get(record);
            var shares = world.Org.SharesOf(record).Count;
            // The other account (merge master, new customer) exists before the attempt.
            var other = action == LockedAction.MergeAway || action == LockedAction.MoveToAnotherCustomer ? world.Account(false) : null;

            var fault = world.Act(who, service => Attempt(world, service, action, record, other));

            var allowed = who == Who.KamAdministrator || (action == LockedAction.ClearKeyAccountFlag && approval == ApprovalState.Approved);
            if (allowed)
            {
                Assert.That(fault, Is.Null, cell + ": allowed, but " + fault?.Detail.Message);
                AssertDone(world, action, record, other, cell);
                var outcome = who == Who.KamAdministrator && !(action == LockedAction.ClearKeyAccountFlag && approval == ApprovalState.Approved)
                    ? GuardEventOutcome.AdministratorOverride
                    : GuardEventOutcome.Authorised;
                Assert.That(world.EventsFor(record, outcome).Count(e => e.GetAttributeValue<OptionSetValue>(GuardEventTable.Kind).Value == (int)KindOf(action)), Is.EqualTo(1),
                    cell + ": exactly one " + outcome + " event");
                if (outcome == GuardEventOutcome.Authorised) Assert.That(world.StatusOf(request), Is.EqualTo(ApprovalStatus.Consumed), cell + ": release consumed");
                else if (request != null) Assert.That(world.StatusOf(request), Is.EqualTo(requestStatus), cell + ": an override consumes nothing");
            }
            else
            {
                Assert.That(LockFaults.IsLockRefusal(fault), Is.True, cell + ": refused by the lock, but " + (fault?.Detail.Message ?? "it succeeded"));
                var after = world.Org.Get(record);
                Assert.That(after, Is.Not.Null, cell + ": still exists");
                foreach (var column in new[] { CommonColumns.OwnerId, CommonColumns.StateCode, AccountTable.IsKeyAccount, OpportunityTable.CustomerId, OpportunityTable.ParentAccountId, ContractTable.CustomerId, "merged" })
                    Assert.That(after?.Attributes.ContainsKey(column) == true ? after[column] : null, Is.EqualTo(before.Attributes.ContainsKey(column) ? before[column] : null).Using<object>(Same), cell + ": " + column + " unchanged");
                Assert.That(world.Org.SharesOf(record), Has.Count.EqualTo(shares), cell + ": shares unchanged");
                if (request != null) Assert.That(world.StatusOf(request), Is.EqualTo(requestStatus), cell + ": approval untouched");
                var refusals = world.EventsFor(record, GuardEventOutcome.Refused);
                Assert.That(refusals, Has.Count.EqualTo(who == Who.WorkflowAtDepth2 ? 0 : 1), cell + ": refusal recorded (not when nested)");
                if (who != Who.WorkflowAtDepth2)
                    Assert.That(refusals.FirstOrDefault()?.GetAttributeValue<OptionSetValue>(GuardEventTable.Kind)?.Value, Is.EqualTo((int)KindOf(action)), cell + ": kind");
            }
        }

        private static bool Same(object left, object right) => Guard.ColumnValues.AreEqual(left, right);

        private static GuardEventKind KindOf(LockedAction action)
        {
            switch (action)
            {
                case LockedAction.Delete: return GuardEventKind.Delete;
                case LockedAction.MoveToAnotherCustomer:
                case LockedAction.ClearParentAccount: return GuardEventKind.CustomerChange;
                case LockedAction.MergeAway: return GuardEventKind.Merge;
                case LockedAction.ShareWrite:
                case LockedAction.ModifyShareToAssign: return GuardEventKind.ShareWrite;
                case LockedAction.ClearKeyAccountFlag: return GuardEventKind.KeyAccountRelease;
                default: return GuardEventKind.Deactivation;
            }
        }

        private static EntityReference Prepare(LockWorld world, LockedAction action, LockedKind kind)
        {
            if (action == LockedAction.ClearParentAccount)
                return world.Opportunity(world.Account(false), LockWorld.SmallValue, parentAccount: world.Account(true));
            var record = world.Locked(kind);
            if (action == LockedAction.ModifyShareToAssign)
                world.Org.AdminService.GrantAccess(record, world.OtherRep.ToEntityReference(), AccessRights.ReadAccess);
            return record;
        }

        private static void Attempt(LockWorld world, IOrganizationService service, LockedAction action, EntityReference record, EntityReference other)
        {
            var inactive = new OptionSetValue(AccountTable.State.Inactive);
            switch (action)
            {
                case LockedAction.Delete:
                    service.Delete(record.LogicalName, record.Id);
                    break;
                case LockedAction.MoveToAnotherCustomer:
                    var column = record.LogicalName == ContractTable.LogicalName ? ContractTable.CustomerId : OpportunityTable.CustomerId;
                    service.Update(new Entity(record.LogicalName, record.Id) { [column] = other });
                    break;
                case LockedAction.ClearParentAccount:
                    service.Update(new Entity(record.LogicalName, record.Id) { [OpportunityTable.ParentAccountId] = null });
                    break;
                case LockedAction.DeactivateByUpdate:
                    service.Update(new Entity(record.LogicalName, record.Id) { [CommonColumns.StateCode] = inactive, [CommonColumns.StatusCode] = new OptionSetValue(2) });
                    break;
                case LockedAction.DeactivateBySetState:
                    service.SetState(record, AccountTable.State.Inactive);
                    break;
                case LockedAction.DeactivateBySetStateDynamicEntity:
                    service.Execute(new OrganizationRequest("SetStateDynamicEntity") { ["EntityMoniker"] = record, ["State"] = inactive, ["Status"] = new OptionSetValue(-1) });
                    break;
                case LockedAction.MergeAway:
                    service.Merge(other, record.Id);
                    break;
                case LockedAction.ShareWrite:
                    service.GrantAccess(record, world.OtherRep.ToEntityReference(), AccessRights.ReadAccess | AccessRights.WriteAccess);
                    break;
                case LockedAction.ModifyShareToAssign:
                    service.ModifyAccess(record, world.OtherRep.ToEntityReference(), AccessRights.ReadAccess | AccessRights.AssignAccess);
                    break;
                default:
                    service.Update(new Entity(record.LogicalName, record.Id) { [AccountTable.IsKeyAccount] = false });
                    break;
            }
        }

        private static void AssertDone(LockWorld world, LockedAction action, EntityReference record, EntityReference other, string cell)
        {
            var row = world.Org.Get(record);
            switch (action)
            {
                case LockedAction.Delete:
                    Assert.That(row, Is.Null, cell + ": deleted");
                    break;
                case LockedAction.MoveToAnotherCustomer:
                    var column = record.LogicalName == ContractTable.LogicalName ? ContractTable.CustomerId : OpportunityTable.CustomerId;
                    Assert.That(row.GetAttributeValue<EntityReference>(column)?.Id, Is.EqualTo(other.Id), cell + ": moved");
                    break;
                case LockedAction.ClearParentAccount:
                    Assert.That(row.Contains(OpportunityTable.ParentAccountId), Is.False, cell + ": parent account cleared");
                    break;
                case LockedAction.MergeAway:
                    Assert.That(row.GetAttributeValue<bool?>("merged"), Is.True, cell + ": merged");
                    break;
                case LockedAction.ShareWrite:
                case LockedAction.ModifyShareToAssign:
                    Assert.That(world.Org.SharesOf(record).Any(s => s.Principal.Id == world.OtherRep.Id && (s.Rights & (AccessRights.WriteAccess | AccessRights.AssignAccess)) != 0), Is.True, cell + ": shared");
                    break;
                case LockedAction.ClearKeyAccountFlag:
                    Assert.That(row.GetAttributeValue<bool?>(AccountTable.IsKeyAccount), Is.False, cell + ": released");
                    break;
                default:
                    Assert.That(row.GetAttributeValue<OptionSetValue>(CommonColumns.StateCode)?.Value, Is.EqualTo(AccountTable.State.Inactive), cell + ": deactivated");
                    break;
            }
        }
    }
}
