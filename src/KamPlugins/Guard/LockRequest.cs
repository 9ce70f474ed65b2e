using System;
using System.Collections.Generic;
using KamPlugins.Approvals;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Guard
{
    /// <summary>Where in the pipeline the lock decides.</summary>
    internal enum LockStage
    {
        /// <summary>
        /// PreValidation of a top-level operation, outside the transaction: decides read-only (an approval
        /// is looked at, not consumed) and records refusals, whose events survive the refused operation's
        /// rollback.
        /// </summary>
        Check,

        /// <summary>
        /// PreOperation, inside the transaction: decides again (authoritatively), consumes the approval,
        /// records authorisations and overrides, and stamps the approved owner — all or nothing with the
        /// operation. Never records a refusal: the Check stage did, or the event could not survive.
        /// </summary>
        Enforce,
    }

    /// <summary>
    /// One record's part of an operation, as the lock sees it: the record before (from an image, so
    /// possibly partial), how the operation transforms it, and what it attempts. The lock may read the
    /// record to complete an image, and then derives the state after and the changes again. Immutable.
    /// </summary>
    internal sealed class LockRequest
    {
        internal LockRequest(
            LockStage stage,
            EntityReference record,
            LockedRecord before,
            IReadOnlyList<string> touchedColumns,
            Func<LockedRecord, LockedRecord> afterOf,
            Func<LockedRecord, LockedRecord, IReadOnlyList<AttemptedChange>> changesOf)
        {
            Stage = stage;
            Record = record ?? throw new ArgumentNullException(nameof(record));
            Before = before;
            TouchedColumns = touchedColumns ?? Array.Empty<string>();
            AfterOf = afterOf ?? (_ => null);
            ChangesOf = changesOf ?? throw new ArgumentNullException(nameof(changesOf));
        }

        /// <summary>Check or Enforce.</summary>
        internal LockStage Stage { get; }

        /// <summary>The record (its id is empty on a Create whose client chose none).</summary>
        internal EntityReference Record { get; }

        /// <summary>Its lock columns before the operation, as far as the image shows them (null on Create).</summary>
        internal LockedRecord Before { get; }

        /// <summary>The columns the operation writes: their values before must be known to judge the change.</summary>
        internal IReadOnlyList<string> TouchedColumns { get; }

        /// <summary>The record after the operation, from the record before (null on Delete, Merge away, sharing).</summary>
        internal Func<LockedRecord, LockedRecord> AfterOf { get; }

        /// <summary>The attempted changes, from the record before and after.</summary>
        internal Func<LockedRecord, LockedRecord, IReadOnlyList<AttemptedChange>> ChangesOf { get; }
    }

    /// <summary>What the lock needs from the pipeline for one step execution. Immutable.</summary>
    internal sealed class LockEnvironment
    {
        internal LockEnvironment(IOrganizationService systemService, IApprovalLedger ledger, Guid initiatingUserId, Guid callingUserId,
            string messageName, Guid correlationId, DateTime utcNow, Action<string> trace)
        {
            SystemService = systemService ?? throw new ArgumentNullException(nameof(systemService));
            Ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
            InitiatingUserId = initiatingUserId;
            CallingUserId = callingUserId;
            MessageName = messageName;
            CorrelationId = correlationId;
            UtcNow = utcNow;
            Trace = trace ?? (_ => { });
        }

        /// <summary>SYSTEM: the lock's reads, its events and stamps.</summary>
        internal IOrganizationService SystemService { get; }

        /// <summary>The approvals.</summary>
        internal IApprovalLedger Ledger { get; }

        /// <summary>Who started the pipeline: every decision is about this user.</summary>
        internal Guid InitiatingUserId { get; }

        /// <summary>The step's user (recorded, never used to decide).</summary>
        internal Guid CallingUserId { get; }

        /// <summary>The message (recorded).</summary>
        internal string MessageName { get; }

        /// <summary>The operation's correlation id: shared by every step and cascade of one operation.</summary>
        internal Guid CorrelationId { get; }

        /// <summary>The operation's time.</summary>
        internal DateTime UtcNow { get; }

        /// <summary>Tracing.</summary>
        internal Action<string> Trace { get; }
    }
}
