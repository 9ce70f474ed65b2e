using System;
using System.Collections.Generic;
using KamPlugins.Model;

namespace KamPlugins.Guard
{
    /// <summary>
    /// The tables the ownership lock guards, and the columns it reads and watches on each. One place,
    /// so the step registrations (filtering attributes, images), the retrieve that completes an image
    /// and the rules agree.
    /// </summary>
    internal static class LockedTables
    {
        private static readonly string[] AccountColumns =
        {
            AccountTable.Name, CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode,
            AccountTable.ParentAccountId, CommonColumns.ApprovedOwnerId,
        };

        private static readonly string[] OpportunityColumns =
        {
            OpportunityTable.Name, CommonColumns.OwnerId, OpportunityTable.CustomerId, OpportunityTable.ParentAccountId,
            OpportunityTable.EstimatedValue, CommonColumns.ApprovedOwnerId,
        };

        private static readonly string[] ContractColumns =
        {
            ContractTable.Name, CommonColumns.OwnerId, ContractTable.CustomerId, CommonColumns.ApprovedOwnerId,
        };

        // Watched on Update: a change of any of these can be a guarded change (or make a record
        // protected, which the stamp must follow). Everything else costs the lock nothing.
        private static readonly string[] AccountWatched = { CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode };
        private static readonly string[] OpportunityWatched = { CommonColumns.OwnerId, OpportunityTable.CustomerId, OpportunityTable.ParentAccountId, OpportunityTable.EstimatedValue };
        private static readonly string[] ContractWatched = { CommonColumns.OwnerId, ContractTable.CustomerId };

        // What deciding a record's protection reads (plus the stamp, for the stamp to follow the owner).
        private static readonly string[] AccountDecision = { AccountTable.IsKeyAccount, CommonColumns.ApprovedOwnerId };
        private static readonly string[] OpportunityDecision = { OpportunityTable.CustomerId, OpportunityTable.ParentAccountId, OpportunityTable.EstimatedValue, CommonColumns.ApprovedOwnerId };
        private static readonly string[] ContractDecision = { CommonColumns.ApprovedOwnerId };

        private static readonly string[] OpportunityCustomerColumns = { OpportunityTable.CustomerId, OpportunityTable.ParentAccountId };
        private static readonly string[] ContractCustomerColumns = { ContractTable.CustomerId };

        /// <summary>True for account, opportunity and kam_contract.</summary>
        internal static bool IsLocked(string table) =>
            table == AccountTable.LogicalName || table == OpportunityTable.LogicalName || table == ContractTable.LogicalName;

        /// <summary>Every column the lock reads on <paramref name="table"/> (the pre-image columns).</summary>
        internal static IReadOnlyList<string> Columns(string table) => Pick(table, AccountColumns, OpportunityColumns, ContractColumns);

        /// <summary>The columns whose change an Update step must look at on <paramref name="table"/>.</summary>
        internal static IReadOnlyList<string> Watched(string table) => Pick(table, AccountWatched, OpportunityWatched, ContractWatched);

        /// <summary>The columns a decision about <paramref name="table"/> reads: what makes it locked, and its approved owner stamp.</summary>
        internal static IReadOnlyList<string> DecisionColumns(string table) => Pick(table, AccountDecision, OpportunityDecision, ContractDecision);

        /// <summary>
        /// The columns that tie a record to its customer (moving it elsewhere is guarded):
        /// opportunity customerid and parentaccountid, contract kam_customerid; none on account.
        /// </summary>
        internal static IReadOnlyList<string> CustomerColumns(string table) =>
            Pick(table, Array.Empty<string>(), OpportunityCustomerColumns, ContractCustomerColumns);

        /// <summary>The primary name column of <paramref name="table"/>.</summary>
        internal static string NameColumn(string table) => table == ContractTable.LogicalName ? ContractTable.Name : AccountTable.Name;

        private static string[] Pick(string table, string[] account, string[] opportunity, string[] contract)
        {
            switch (table)
            {
                case AccountTable.LogicalName: return account;
                case OpportunityTable.LogicalName: return opportunity;
                case ContractTable.LogicalName: return contract;
                default: return Array.Empty<string>();
            }
        }
    }
}
