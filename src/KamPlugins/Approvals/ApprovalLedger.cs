using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Approvals.Data;
using KamPlugins.Model;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Approvals
{
    /// <summary>
    /// The approval ledger the guarded operations use (ownership lock, opportunity close, contract
    /// lifecycle). Reads and writes as SYSTEM. Create one per step execution with
    /// <see cref="For(LocalPluginContext)"/>; it holds nothing between calls.
    /// </summary>
    /// <remarks>
    /// Build the operation's snapshot with <see cref="ApprovalSnapshots.For"/> from the record as the
    /// operation will leave it, so it is compared with the request's snapshot the way it was taken.
    /// Costs: <see cref="FindUsable"/> and <see cref="FindPending"/> 1 RetrieveMultiple;
    /// <see cref="Consume"/> 1 RetrieveMultiple + 1 Update (lock) + 1 RetrieveMultiple (re-read) + 1 Update (consume).
    /// </remarks>
    internal sealed class ApprovalLedger : IApprovalLedger
    {
        private static readonly ApprovalStatus[] ApprovedOnly = { ApprovalStatus.Approved };
        private static readonly ApprovalStatus[] PendingOnly = { ApprovalStatus.Pending };

        private readonly ApprovalRequestStore store;
        private readonly ParameterCollection sharedVariables;

        /// <summary>Creates a ledger over <paramref name="systemService"/>; engine writes are announced in <paramref name="sharedVariables"/>.</summary>
        internal ApprovalLedger(IOrganizationService systemService, ParameterCollection sharedVariables)
        {
            store = new ApprovalRequestStore(systemService);
            this.sharedVariables = sharedVariables ?? throw new ArgumentNullException(nameof(sharedVariables));
        }

        /// <summary>The ledger for one step execution (SYSTEM service, the step's SharedVariables).</summary>
        internal static ApprovalLedger For(LocalPluginContext context)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            return new ApprovalLedger(context.SystemService, context.SharedVariables);
        }

        /// <inheritdoc />
        public ApprovalRequestInfo FindUsable(ApprovalType type, EntityReference record, ApprovalSnapshot operation, DateTime utcNow)
        {
            var request = ApprovalUsability.FirstUsable(store.ForRecord(record, new[] { type }, ApprovedOnly), type, record, operation, utcNow);
            return request?.ToInfo(utcNow);
        }

        /// <inheritdoc />
        public ApprovalRequestInfo Consume(ApprovalType type, EntityReference record, ApprovalSnapshot operation, DateTime utcNow)
        {
            var consumed = ConsumeRequest(store.ForRecord(record, new[] { type }, ApprovedOnly), type, record, operation, utcNow);
            return consumed == null
                ? null
                : new ApprovalRequestInfo(consumed.Id, type, ApprovalStatus.Consumed, consumed.RequesterId, consumed.CurrentApproverId, consumed.Snapshot, consumed.ExpiresOn);
        }

        /// <summary>
        /// Consumes the first usable request among <paramref name="candidates"/>: takes its row lock, re-reads
        /// it (another operation may have consumed it while we waited for the lock), and marks it Consumed.
        /// Returns the request as it was before consumption, or null.
        /// </summary>
        internal ApprovalRequest ConsumeRequest(IEnumerable<ApprovalRequest> candidates, ApprovalType type, EntityReference record, ApprovalSnapshot operation, DateTime utcNow)
        {
            foreach (var candidate in candidates.Where(c => ApprovalUsability.IsUsable(c, type, record, operation, utcNow)))
            {
                store.Lock(candidate);
                var fresh = store.Find(candidate.Id);
                if (fresh == null || !ApprovalUsability.IsUsable(fresh, type, record, operation, utcNow)) continue;
                EngineWrites.Announce(sharedVariables, fresh.Id);
                store.MarkConsumed(fresh.Id, utcNow);
                return fresh;
            }
            return null;
        }

        /// <inheritdoc />
        public ApprovalRequestInfo FindPending(EntityReference record, DateTime utcNow) => FindAllPending(record, utcNow).FirstOrDefault();

        /// <summary>Every pending, unexpired request for <paramref name="record"/> (any type), newest first (1 RetrieveMultiple).</summary>
        public IReadOnlyList<ApprovalRequestInfo> FindAllPending(EntityReference record, DateTime utcNow) =>
            PendingRequests(record, null, utcNow).Select(r => r.ToInfo(utcNow)).ToList();

        /// <summary>The pending, unexpired requests for <paramref name="record"/> of <paramref name="types"/> (null: any) (1 RetrieveMultiple).</summary>
        internal IReadOnlyList<ApprovalRequest> PendingRequests(EntityReference record, IEnumerable<ApprovalType> types, DateTime utcNow) =>
            store.ForRecord(record, types, PendingOnly).Where(r => ApprovalUsability.IsPending(r, utcNow)).ToList();
    }
}
