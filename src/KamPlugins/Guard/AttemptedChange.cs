using System;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Guard
{
    /// <summary>What an operation tries to do to a record that the ownership lock may refuse.</summary>
    internal enum LockAction
    {
        /// <summary>A new owner (Update of ownerid, Assign, a cascade).</summary>
        OwnerChange,

        /// <summary>Another customer (opportunity customerid/parentaccountid, contract kam_customerid), or none.</summary>
        CustomerChange,

        /// <summary>Delete (directly or by a cascade).</summary>
        Delete,

        /// <summary>A key account set inactive (Update of statecode, SetState, SetStateDynamicEntity).</summary>
        Deactivation,

        /// <summary>An account merged away into another (Merge: the subordinate).</summary>
        MergeAway,

        /// <summary>kam_iskeyaccount cleared.</summary>
        KeyAccountRelease,

        /// <summary>kam_iskeyaccount set (on create or update).</summary>
        KeyAccountFlag,

        /// <summary>Write, assign or share access granted to someone other than the owner (GrantAccess, ModifyAccess).</summary>
        ShareWrite,

        /// <summary>A locked record created owned by someone other than the initiating user.</summary>
        CreateForOther,
    }

    /// <summary>One attempted change: the action, the column it touches, and the old and new values. Immutable.</summary>
    internal sealed class AttemptedChange
    {
        /// <summary>Creates the change.</summary>
        internal AttemptedChange(LockAction action, string column, object oldValue, object newValue)
        {
            Action = action;
            Column = column;
            OldValue = oldValue;
            NewValue = newValue;
        }

        /// <summary>What is attempted.</summary>
        internal LockAction Action { get; }

        /// <summary>The column concerned (null for delete and merge).</summary>
        internal string Column { get; }

        /// <summary>The value before.</summary>
        internal object OldValue { get; }

        /// <summary>The value asked for (owner, customer, principal, master account, …).</summary>
        internal object NewValue { get; }

        /// <summary>The counterpart the message names: new owner, new customer, principal or master account.</summary>
        internal EntityReference Counterpart => NewValue as EntityReference;

        /// <summary>The guard event kind recorded for it.</summary>
        internal GuardEventKind Kind
        {
            get
            {
                switch (Action)
                {
                    case LockAction.OwnerChange: return GuardEventKind.OwnerChange;
                    case LockAction.CustomerChange: return GuardEventKind.CustomerChange;
                    case LockAction.Delete: return GuardEventKind.Delete;
                    case LockAction.Deactivation: return GuardEventKind.Deactivation;
                    case LockAction.MergeAway: return GuardEventKind.Merge;
                    case LockAction.KeyAccountRelease: return GuardEventKind.KeyAccountRelease;
                    case LockAction.ShareWrite: return GuardEventKind.ShareWrite;
                    default: return GuardEventKind.ProtectedCreate;
                }
            }
        }

        /// <summary>
        /// The change's identity within one operation (with the correlation id and the record it makes a
        /// guard event's id): the same change raised twice by the platform (Update and Assign, or Update
        /// twice) has the same key, so it is authorised, consumed and recorded once. An owner change's key
        /// names the new owner: the event of an authorised account transfer to X is what lets the
        /// cascade move that account's children to X — and only to X.
        /// </summary>
        internal string Key
        {
            get
            {
                switch (Action)
                {
                    case LockAction.OwnerChange: return LockKeys.OwnerChange((EntityReference)NewValue);
                    case LockAction.CustomerChange: return "customer:" + Column + ":" + ((NewValue as EntityReference)?.Id.ToString("N") ?? "none");
                    case LockAction.Delete: return LockKeys.Delete;
                    case LockAction.Deactivation: return "deactivate";
                    case LockAction.MergeAway: return LockKeys.MergeAway;
                    case LockAction.KeyAccountRelease: return "release";
                    case LockAction.KeyAccountFlag: return "flag";
                    case LockAction.ShareWrite: return "share:" + ((NewValue as EntityReference)?.Id.ToString("N") ?? "unknown");
                    default: return "create";
                }
            }
        }

        /// <summary>The change as an audit line: "column: old → new".</summary>
        internal string Describe() =>
            (Column ?? Action.ToString()) + ": " + ColumnValues.Describe(OldValue) + " → " + ColumnValues.Describe(NewValue);
    }

    /// <summary>The deduplication keys a parent's event is found by (see <see cref="AttemptedChange.Key"/>).</summary>
    internal static class LockKeys
    {
        /// <summary>An account deleted (its cascade deletes or unlinks children).</summary>
        internal const string Delete = "delete";

        /// <summary>An account merged away (its children move to the master).</summary>
        internal const string MergeAway = "merge";

        /// <summary>An owner change to <paramref name="newOwner"/>.</summary>
        internal static string OwnerChange(EntityReference newOwner)
        {
            if (newOwner == null) throw new ArgumentNullException(nameof(newOwner));
            return "owner:" + newOwner.Id.ToString("N");
        }
    }
}
