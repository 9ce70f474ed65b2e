using System;
using System.Collections.Generic;
using KamPlugins.Model;

namespace KamPlugins.Guard
{
    /// <summary>The account operations whose relationship cascades reach other records.</summary>
    internal enum CascadeAction
    {
        /// <summary>Owner change (Assign behaviour).</summary>
        Assign,

        /// <summary>Delete (Delete behaviour: Cascade deletes, RemoveLink clears the lookup).</summary>
        Delete,

        /// <summary>Merge away (Merge behaviour: children re-pointed to the master).</summary>
        Merge,
    }

    /// <summary>
    /// Which locked children an account's cascade reaches (platform-facts.md §Cascades, and the
    /// kam_contract relationship as the solution declares it; a test checks these against the
    /// emulator's relationship metadata). The lock foresees these children before the operation starts,
    /// so a refusal can be recorded outside the transaction.
    /// </summary>
    internal static class AccountCascades
    {
        private static readonly string[] CustomerOnly = { OpportunityTable.CustomerId };
        private static readonly string[] CustomerAndParent = { OpportunityTable.CustomerId, OpportunityTable.ParentAccountId };

        /// <summary>
        /// The opportunity lookups through which the cascade changes the opportunity's owner, existence
        /// or customer: Assign cascades through customerid only; Delete cascades through customerid and
        /// removes the link through parentaccountid; Merge re-points both.
        /// </summary>
        internal static IReadOnlyList<string> OpportunityColumns(CascadeAction action) =>
            action == CascadeAction.Assign ? CustomerOnly : CustomerAndParent;

        /// <summary>
        /// True when the cascade reaches the account's kam_contract rows (kam_customerid): the solution's
        /// relationship (docs/solution.md) cascades Assign and Merge; Delete is Restrict — the platform
        /// itself refuses to delete an account that still has contracts.
        /// </summary>
        internal static bool ReachesContracts(CascadeAction action) => action != CascadeAction.Delete;

        /// <summary>
        /// True when the cascade moves child accounts (parentaccountid) to the new owner: Assign only.
        /// Delete and Merge only clear or re-point a child account's parent, which the lock does not guard.
        /// </summary>
        internal static bool ReachesChildAccounts(CascadeAction action) => action == CascadeAction.Assign;
    }

    /// <summary>A locked record an account's cascade would reach. Immutable.</summary>
    internal sealed class ForeseenChild
    {
        internal ForeseenChild(string table, Guid id, string name)
        {
            Table = table;
            Id = id;
            Name = name;
        }

        /// <summary>Its table.</summary>
        internal string Table { get; }

        /// <summary>Its id.</summary>
        internal Guid Id { get; }

        /// <summary>Its name (may be null).</summary>
        internal string Name { get; }

        /// <summary>For messages: the name, else table and id.</summary>
        internal string Display => string.IsNullOrWhiteSpace(Name) ? Table + " " + Id.ToString("D") : Name;
    }
}
