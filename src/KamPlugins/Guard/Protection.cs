using System;
using System.Globalization;
using KamPlugins.Model;
using KamPlugins.Platform.Localization;

namespace KamPlugins.Guard
{
    /// <summary>Whether a record is ownership-locked, and why (for the message). Immutable.</summary>
    internal sealed class Protection
    {
        /// <summary>Not locked.</summary>
        internal static readonly Protection None = new Protection(null);

        private Protection(LocalizedText reason)
        {
            Reason = reason;
        }

        /// <summary>True when the record is locked.</summary>
        internal bool IsProtected => Reason != null;

        /// <summary>Why (completes "It is …"); null when not locked.</summary>
        internal LocalizedText Reason { get; }

        /// <summary>Locked for <paramref name="reason"/>.</summary>
        internal static Protection Because(LocalizedText reason) => new Protection(reason ?? throw new ArgumentNullException(nameof(reason)));

        /// <summary>The stronger of two: locked if either is (the first reason wins).</summary>
        internal Protection Or(Protection other) => IsProtected ? this : other ?? None;
    }

    /// <summary>
    /// Which records are locked (product.md §1): key accounts; opportunities whose customer
    /// (customerid or parentaccountid account) is a key account or whose estimated value reaches the
    /// lock threshold; every kam_contract.
    /// </summary>
    internal static class ProtectionRules
    {
        /// <summary>The protection of <paramref name="record"/>.</summary>
        /// <param name="record">The record's lock columns (null: no record, not locked).</param>
        /// <param name="opportunityLockThreshold">settings.OpportunityLockThreshold.</param>
        /// <param name="isKeyAccount">Answers whether an account id is a key account (opportunities only).</param>
        internal static Protection Of(LockedRecord record, decimal opportunityLockThreshold, Func<Guid, bool> isKeyAccount)
        {
            if (record == null) return Protection.None;
            switch (record.Table)
            {
                case AccountTable.LogicalName:
                    return record.IsKeyAccount ? Protection.Because(OwnershipLockTexts.KeyAccount) : Protection.None;
                case ContractTable.LogicalName:
                    return Protection.Because(OwnershipLockTexts.Contract);
                case OpportunityTable.LogicalName:
                    foreach (var parent in record.ParentAccounts)
                        if (isKeyAccount != null && isKeyAccount(parent.Id)) return Protection.Because(OwnershipLockTexts.OpportunityOfKeyAccount);
                    var value = record.EstimatedValue;
                    return value.HasValue && value.Value >= opportunityLockThreshold
                        ? Protection.Because(OwnershipLockTexts.OpportunityAtThreshold.Format(opportunityLockThreshold.ToString("N0", CultureInfo.InvariantCulture)))
                        : Protection.None;
                default:
                    return Protection.None;
            }
        }

        /// <summary>True when deciding the protection of a record of <paramref name="table"/> needs the settings (the threshold).</summary>
        internal static bool NeedsSettings(string table) => table == OpportunityTable.LogicalName;

        /// <summary>True when deciding the protection of <paramref name="record"/> needs to know whether its parent accounts are key accounts.</summary>
        internal static bool NeedsKeyAccountLookup(LockedRecord record) =>
            record != null && record.Table == OpportunityTable.LogicalName && record.ParentAccounts.Count > 0;
    }
}
