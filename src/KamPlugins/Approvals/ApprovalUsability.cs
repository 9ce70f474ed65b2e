using System;
using System.Collections.Generic;
using KamPlugins.Model;

namespace KamPlugins.Approvals
{
    /// <summary>
    /// Whether a request authorises an operation: only an approved, unexpired, unconsumed request of
    /// the right type for the same record, whose snapshot covers what the operation is about to do.
    /// Recalled, rejected, expired, consumed and pending requests authorise nothing.
    /// </summary>
    internal static class ApprovalUsability
    {
        /// <summary>True when <paramref name="request"/> authorises <paramref name="operation"/> at <paramref name="utcNow"/>.</summary>
        internal static bool IsUsable(ApprovalRequest request, ApprovalType type, Microsoft.Xrm.Sdk.EntityReference record, ApprovalSnapshot operation, DateTime utcNow)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            return request.Type == type
                && Equals(request.Record, record)
                && request.EffectiveStatus(utcNow) == ApprovalStatus.Approved
                && request.ConsumedOn == null
                && ApprovalSnapshots.Covers(type, request.Snapshot, operation);
        }

        /// <summary>The first usable request among <paramref name="requests"/> (newest first as given), or null.</summary>
        internal static ApprovalRequest FirstUsable(IEnumerable<ApprovalRequest> requests, ApprovalType type, Microsoft.Xrm.Sdk.EntityReference record, ApprovalSnapshot operation, DateTime utcNow)
        {
            if (requests == null) return null;
            foreach (var request in requests)
                if (IsUsable(request, type, record, operation, utcNow)) return request;
            return null;
        }

        /// <summary>True when <paramref name="request"/> is pending and not expired at <paramref name="utcNow"/>.</summary>
        internal static bool IsPending(ApprovalRequest request, DateTime utcNow) =>
            request != null && request.EffectiveStatus(utcNow) == ApprovalStatus.Pending;
    }
}
