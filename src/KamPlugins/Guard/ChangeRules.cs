using System;
using System.Collections.Generic;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Guard
{
    /// <summary>
    /// Which lock-relevant changes an operation attempts, from the record's lock columns before and
    /// after it. Whether a change is refused depends on the record's protection (<see cref="LockRules"/>).
    /// </summary>
    internal static class ChangeRules
    {
        /// <summary>
        /// Changes between two states of one record (Update, Assign, SetState, a merge's content). A
        /// customer column set where it was empty is not a move; one cleared or changed is.
        /// </summary>
        internal static IReadOnlyList<AttemptedChange> Between(LockedRecord before, LockedRecord after)
        {
            if (before == null) throw new ArgumentNullException(nameof(before));
            if (after == null) throw new ArgumentNullException(nameof(after));
            var changes = new List<AttemptedChange>();
            if (after.Owner != null && !ColumnValues.AreEqual(before.Owner, after.Owner))
                changes.Add(new AttemptedChange(LockAction.OwnerChange, CommonColumns.OwnerId, before.Owner, after.Owner));
            foreach (var column in LockedTables.CustomerColumns(before.Table))
                if (before[column] != null && !ColumnValues.AreEqual(before[column], after[column]))
                    changes.Add(new AttemptedChange(LockAction.CustomerChange, column, before[column], after[column]));
            if (before.Table == AccountTable.LogicalName)
            {
                if (before.IsKeyAccount && !after.IsKeyAccount)
                    changes.Add(new AttemptedChange(LockAction.KeyAccountRelease, AccountTable.IsKeyAccount, true, after[AccountTable.IsKeyAccount]));
                if (!before.IsKeyAccount && after.IsKeyAccount)
                    changes.Add(new AttemptedChange(LockAction.KeyAccountFlag, AccountTable.IsKeyAccount, before[AccountTable.IsKeyAccount], true));
                if (before.StateCode != AccountTable.State.Inactive && after.StateCode == AccountTable.State.Inactive)
                    changes.Add(new AttemptedChange(LockAction.Deactivation, CommonColumns.StateCode, before.StateCode, after.StateCode));
            }
            return changes;
        }

        /// <summary>
        /// Changes a Create attempts: a locked record owned by someone other than the initiating user
        /// (a transfer at birth), and an account created already flagged as a key account.
        /// </summary>
        /// <param name="created">The new record's lock columns, with its owner (the requested one, else the default owner).</param>
        /// <param name="initiatingUserId">Who started the pipeline.</param>
        internal static IReadOnlyList<AttemptedChange> OnCreate(LockedRecord created, Guid initiatingUserId)
        {
            if (created == null) throw new ArgumentNullException(nameof(created));
            var changes = new List<AttemptedChange>();
            var owner = created.Owner;
            if (owner != null && !(owner.LogicalName == SystemUserTable.LogicalName && owner.Id == initiatingUserId))
                changes.Add(new AttemptedChange(LockAction.CreateForOther, CommonColumns.OwnerId, null, owner));
            if (created.Table == AccountTable.LogicalName && created.IsKeyAccount)
                changes.Add(new AttemptedChange(LockAction.KeyAccountFlag, AccountTable.IsKeyAccount, null, true));
            return changes;
        }

        /// <summary>The change a Delete attempts.</summary>
        internal static AttemptedChange OnDelete() => new AttemptedChange(LockAction.Delete, null, null, null);

        /// <summary>The change a Merge attempts on its subordinate.</summary>
        internal static AttemptedChange OnMergeAway(EntityReference subordinate, EntityReference master) =>
            new AttemptedChange(LockAction.MergeAway, null, subordinate, master);

        /// <summary>
        /// The change a GrantAccess/ModifyAccess attempts, or null when it gives nothing a transfer needs
        /// (read-only rights, or rights for the owner themself).
        /// </summary>
        internal static AttemptedChange OnShare(LockedRecord before, EntityReference principal, long accessMask)
        {
            if (before == null) throw new ArgumentNullException(nameof(before));
            if (principal == null) throw new ArgumentNullException(nameof(principal));
            if (!SharedAccess.GivesControl(accessMask)) return null;
            if (ColumnValues.AreEqual(principal, before.Owner)) return null;
            return new AttemptedChange(LockAction.ShareWrite, "accessmask", SharedAccess.Describe(accessMask), principal);
        }

        /// <summary>
        /// The change a GrantAccess/ModifyAccess attempts when its PrincipalAccess cannot be read: taken as
        /// handing control to someone unknown (fail closed on a locked record).
        /// </summary>
        internal static AttemptedChange OnUnreadableShare() => new AttemptedChange(LockAction.ShareWrite, "accessmask", "unreadable", null);

        /// <summary>
        /// True when an Update of <paramref name="table"/> can matter to the lock, judged from the request
        /// and the pre-image alone (no service call): a watched column changed or not judgeable. A change of
        /// the estimated value alone matters only for the stamp, and not when the stamp already names the
        /// owner — so ordinary edits of a locked record cost nothing.
        /// </summary>
        internal static bool UpdateMatters(string table, Entity target, Entity preImage)
        {
            var valueOnly = true;
            var any = false;
            foreach (var column in LockedTables.Watched(table))
            {
                var change = ColumnChanges.Of(column, target, preImage);
                if (change != ColumnChange.Changed && change != ColumnChange.Unknown) continue;
                any = true;
                if (column != OpportunityTable.EstimatedValue) valueOnly = false;
            }
            if (!any) return false;
            if (!valueOnly) return true;
            var owner = preImage?.GetAttributeValue<EntityReference>(CommonColumns.OwnerId);
            var stamp = preImage?.GetAttributeValue<EntityReference>(CommonColumns.ApprovedOwnerId);
            return owner == null || !ColumnValues.AreEqual(owner, stamp);
        }
    }
}
