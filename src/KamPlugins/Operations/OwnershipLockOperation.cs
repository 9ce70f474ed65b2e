using System;
using KamPlugins.Approvals;
using KamPlugins.Approvals.Data;
using KamPlugins.Configuration;
using KamPlugins.Guard;
using KamPlugins.Platform;
using KamPlugins.Platform.Localization;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Operations
{
    /// <summary>Whether a record is ownership-locked, and why (both languages). Immutable.</summary>
    internal sealed class OwnershipLockResult
    {
        /// <summary>Creates the result.</summary>
        internal OwnershipLockResult(bool isLocked, LocalizedText reason)
        {
            IsLocked = isLocked;
            Reason = reason ?? throw new ArgumentNullException(nameof(reason));
        }

        /// <summary>True when the record is protected, or its owner and customer are held by a pending request.</summary>
        internal bool IsLocked { get; }

        /// <summary>Why it is, or is not, locked.</summary>
        internal LocalizedText Reason { get; }
    }

    /// <summary>
    /// Check ownership lock: the ownership guard's own protection rule (<see cref="ProtectionRules"/>,
    /// fed by the guard's reads, <see cref="OwnershipLockData"/>) for a record the initiating user may
    /// see, plus the approval engine's pending-request lock on owner and customer
    /// (<see cref="ApprovalLedger.FindPending"/>). A thin adapter: the guard decides per operation and
    /// has no single "is this record protected" entry point, so this composes the same pieces its
    /// service does (read the lock columns as SYSTEM, the threshold from the settings, which parent
    /// accounts are key accounts).
    /// </summary>
    internal static class OwnershipLockOperation
    {
        /// <summary>Argument name: the record.</summary>
        internal const string RecordArgument = "Record";

        /// <summary>
        /// Runs the operation: 1 RetrieveMultiple as the initiating user; as SYSTEM 1 (the record),
        /// + 1 for an opportunity (settings) + 1 when it has a parent account (key accounts),
        /// 1 (pending requests) + 1 when one waits for a named approver.
        /// </summary>
        internal static OwnershipLockResult Execute(AutomationContext context, EntityReference record)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            OperationInputs.Required(record, RecordArgument);
            if (!LockedTables.IsLocked(record.LogicalName))
                throw new KamException(OperationTexts.NotALockTable.Format(record.LogicalName));
            var reference = new EntityReference(record.LogicalName, record.Id);
            OperationInputs.ReadVisible(context, reference);

            var data = new OwnershipLockData(context.SystemService);
            var locked = data.Read(reference);
            if (locked == null) throw new KamException(OperationTexts.RecordNotFound.Format(record.LogicalName, record.Id));
            var threshold = ProtectionRules.NeedsSettings(locked.Table) ? SettingsReader.Read(context.SystemService).OpportunityLockThreshold : decimal.MaxValue;
            var keyAccounts = ProtectionRules.NeedsKeyAccountLookup(locked)
                ? data.KeyAccountsAmong(System.Linq.Enumerable.Select(locked.ParentAccounts, p => p.Id))
                : null;
            var protection = ProtectionRules.Of(locked, threshold, id => keyAccounts != null && keyAccounts.Contains(id));

            var pending = new ApprovalLedger(context.SystemService, new ParameterCollection()).FindPending(reference, context.Clock.UtcNow);
            var reasons = new System.Collections.Generic.List<LocalizedText>
            {
                protection.IsProtected ? ApprovalTexts.Format(OperationTexts.Locked, protection.Reason) : OperationTexts.NotLocked,
            };
            if (pending != null) reasons.Add(ApprovalTexts.Format(OperationTexts.PendingRequestLock, ApprovalTexts.TypeName(pending.Type), ApproverOf(context, pending)));
            context.Trace("{0} {1}: protected {2}, pending request {3}", record.LogicalName, record.Id, protection.IsProtected, pending?.Id);
            return new OwnershipLockResult(protection.IsProtected || pending != null, ApprovalTexts.Join(reasons.ToArray()));
        }

        private static LocalizedText ApproverOf(AutomationContext context, ApprovalRequestInfo pending)
        {
            if (pending.CurrentApproverId.HasValue)
                return ApprovalTexts.Approver(new UserDirectory(context.SystemService).NameOf(pending.CurrentApproverId.Value) ?? pending.CurrentApproverId.Value.ToString("D"), null, false);
            return ApprovalTexts.Approver(null, SettingsReader.Read(context.SystemService).KamAdministratorsTeam, false);
        }
    }
}
