using System;
using System.Collections.Generic;
using KamPlugins.Approvals;
using KamPlugins.Model;
using KamPlugins.Platform.Localization;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Guard
{
    /// <summary>How the lock decided one attempted change.</summary>
    internal enum LockVerdict
    {
        /// <summary>The change does not touch a locked record: not the lock's business.</summary>
        NotGuarded,

        /// <summary>
        /// This operation already authorised it (the platform raised the change twice), or it is part of
        /// the cascade of a parent change this operation authorised (to the same owner).
        /// </summary>
        Covered,

        /// <summary>An approved, unexpired, unconsumed matching request allows it (and is consumed).</summary>
        Authorised,

        /// <summary>The new owner's manager may do it (setting the key-account flag, creating for a report).</summary>
        OwnersManager,

        /// <summary>A KAM administrator did it without an approval (recorded).</summary>
        AdministratorOverride,

        /// <summary>Refused.</summary>
        Refused,
    }

    /// <summary>A verdict and the approval it rests on. Immutable.</summary>
    internal sealed class LockDecision
    {
        internal LockDecision(LockVerdict verdict, ApprovalRequestInfo approval = null)
        {
            Verdict = verdict;
            Approval = approval;
        }

        /// <summary>The verdict.</summary>
        internal LockVerdict Verdict { get; }

        /// <summary>The approval used (Authorised only).</summary>
        internal ApprovalRequestInfo Approval { get; }

        /// <summary>True unless refused.</summary>
        internal bool IsAllowed => Verdict != LockVerdict.Refused;

        /// <summary>True when a guard event records it (refusals, authorisations, overrides).</summary>
        internal bool IsRecorded => Verdict == LockVerdict.Refused || Verdict == LockVerdict.Authorised || Verdict == LockVerdict.AdministratorOverride;
    }

    /// <summary>One place a parent's authorisation can be found: a record and the key of its event.</summary>
    internal sealed class GrantSource
    {
        internal GrantSource(EntityReference record, string key)
        {
            Record = record;
            Key = key;
        }

        /// <summary>The parent (or the record itself).</summary>
        internal EntityReference Record { get; }

        /// <summary>The key its event was recorded under.</summary>
        internal string Key { get; }
    }

    /// <summary>
    /// The ownership lock's rules (product.md §1): which attempted changes are guarded, what can
    /// authorise each, in which order authorisations are looked at, and what the record's approved
    /// owner stamp becomes.
    /// </summary>
    internal static class LockRules
    {
        /// <summary>
        /// True when the change needs authorisation: an owner change of a record locked before or after
        /// (a record becoming locked under a new owner is a transfer too); moving away, deleting,
        /// deactivating, merging away and sharing control of a record locked before; creating a locked
        /// record for someone else; setting or clearing the key-account flag.
        /// </summary>
        internal static bool IsGuarded(AttemptedChange change, Protection before, Protection after)
        {
            if (change == null) throw new ArgumentNullException(nameof(change));
            var lockedBefore = before != null && before.IsProtected;
            var lockedAfter = after != null && after.IsProtected;
            switch (change.Action)
            {
                case LockAction.OwnerChange: return lockedBefore || lockedAfter;
                case LockAction.CreateForOther: return lockedAfter;
                case LockAction.KeyAccountRelease:
                case LockAction.KeyAccountFlag: return true;
                default: return lockedBefore;
            }
        }

        /// <summary>
        /// The cascade an account change sets off, when the account itself is not locked but its cascade
        /// can carry locked records (then the change is guarded as if the account were locked): the
        /// relationships' Assign, Delete or Merge behaviour. Null for every other change.
        /// </summary>
        internal static CascadeAction? CascadeOf(AttemptedChange change, string table)
        {
            if (table != AccountTable.LogicalName) return null;
            switch (change.Action)
            {
                case LockAction.OwnerChange: return CascadeAction.Assign;
                case LockAction.Delete: return CascadeAction.Delete;
                case LockAction.MergeAway: return CascadeAction.Merge;
                default: return null;
            }
        }

        /// <summary>The approval request type that can authorise the change, or null when none can (KAM administrators only).</summary>
        internal static ApprovalType? ApprovalTypeFor(LockAction action)
        {
            switch (action)
            {
                case LockAction.OwnerChange: return ApprovalType.OwnershipTransfer;
                case LockAction.KeyAccountRelease: return ApprovalType.KeyAccountRelease;
                default: return null;
            }
        }

        /// <summary>
        /// True for the changes the (new) owner's manager may make: setting the key-account flag and
        /// creating a locked record owned by a report. Both put a customer under the lock for the owner;
        /// the person accountable for the owner's customers decides that, never the owner themself.
        /// </summary>
        internal static bool OwnersManagerMay(LockAction action) => action == LockAction.KeyAccountFlag || action == LockAction.CreateForOther;

        /// <summary>
        /// Where an authorisation already given in this operation can be found: the change's own key on
        /// the record (the platform raised it twice), and the parents' events whose cascade carries this
        /// change — an account transfer to the same new owner, an account deleted or merged away.
        /// </summary>
        internal static IReadOnlyList<GrantSource> GrantSources(AttemptedChange change, LockedRecord before)
        {
            if (change == null) throw new ArgumentNullException(nameof(change));
            if (before == null) throw new ArgumentNullException(nameof(before));
            var sources = new List<GrantSource> { new GrantSource(before.Reference, change.Key) };
            switch (change.Action)
            {
                case LockAction.OwnerChange:
                    foreach (var parent in before.ParentAccounts) sources.Add(new GrantSource(parent, change.Key));
                    break;
                case LockAction.Delete:
                    foreach (var parent in before.ParentAccounts) sources.Add(new GrantSource(parent, LockKeys.Delete));
                    break;
                case LockAction.CustomerChange:
                    if (change.OldValue is EntityReference old && old.LogicalName == AccountTable.LogicalName)
                    {
                        sources.Add(new GrantSource(old, LockKeys.MergeAway));
                        sources.Add(new GrantSource(old, LockKeys.Delete));
                    }
                    break;
                case LockAction.ShareWrite:
                    // Sharing an account cascades the share to its opportunities and contracts.
                    foreach (var parent in before.ParentAccounts) sources.Add(new GrantSource(parent, change.Key));
                    break;
                case LockAction.Deactivation:
                    // Merge deactivates the subordinate it was allowed to merge away.
                    sources.Add(new GrantSource(before.Reference, LockKeys.MergeAway));
                    break;
            }
            return sources;
        }

        /// <summary>
        /// Decides a guarded change, asking for each fact only when the previous ones did not decide it
        /// (each fact can cost a service call): covered by this operation → a matching approval → the
        /// owner's manager (where that right exists) → a KAM administrator → refused.
        /// </summary>
        internal static LockDecision Decide(AttemptedChange change, Func<bool> covered, Func<ApprovalType, ApprovalRequestInfo> approval, Func<bool> isOwnersManager, Func<bool> isAdministrator)
        {
            if (change == null) throw new ArgumentNullException(nameof(change));
            if (covered != null && covered()) return new LockDecision(LockVerdict.Covered);
            var type = ApprovalTypeFor(change.Action);
            if (type.HasValue && approval != null)
            {
                var request = approval(type.Value);
                if (request != null) return new LockDecision(LockVerdict.Authorised, request);
            }
            if (OwnersManagerMay(change.Action) && isOwnersManager != null && isOwnersManager()) return new LockDecision(LockVerdict.OwnersManager);
            if (isAdministrator != null && isAdministrator()) return new LockDecision(LockVerdict.AdministratorOverride);
            return new LockDecision(LockVerdict.Refused);
        }

        /// <summary>
        /// The owner to stamp into kam_approvedownerid after an allowed operation, or null when the stamp
        /// stays as it is. The stamp follows the owner of every record the lock tracks — locked after the
        /// operation, moved by an authorised change, or stamped before — so that an owner differing from
        /// its stamp means a change the lock never saw (a bypass, a disabled step).
        /// </summary>
        internal static EntityReference StampAfter(LockedRecord before, LockedRecord after, bool lockedOrAuthorised)
        {
            if (after == null || after.Owner == null) return null;
            var tracked = lockedOrAuthorised || before?.ApprovedOwner != null || after.ApprovedOwner != null;
            if (!tracked) return null;
            return ColumnValues.AreEqual(after.Owner, after.ApprovedOwner) ? null : after.Owner;
        }

        /// <summary>The refusal message template of a change (see <see cref="OwnershipLockTexts"/> for its arguments).</summary>
        internal static LocalizedText RefusalText(LockAction action)
        {
            switch (action)
            {
                case LockAction.OwnerChange: return OwnershipLockTexts.OwnerChangeRefused;
                case LockAction.CustomerChange: return OwnershipLockTexts.CustomerChangeRefused;
                case LockAction.Delete: return OwnershipLockTexts.DeleteRefused;
                case LockAction.Deactivation: return OwnershipLockTexts.DeactivationRefused;
                case LockAction.MergeAway: return OwnershipLockTexts.MergeRefused;
                case LockAction.KeyAccountRelease: return OwnershipLockTexts.ReleaseRefused;
                case LockAction.KeyAccountFlag: return OwnershipLockTexts.FlagRefused;
                case LockAction.ShareWrite: return OwnershipLockTexts.ShareRefused;
                default: return OwnershipLockTexts.CreateForOtherRefused;
            }
        }
    }
}
