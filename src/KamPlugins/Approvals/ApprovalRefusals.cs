using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Model;
using KamPlugins.Platform.Localization;

namespace KamPlugins.Approvals
{
    /// <summary>
    /// The message for an operation refused for want of an approval: what needed it and why, what
    /// happened to the latest request of that type (pending with whom, approved for another amount,
    /// rejected, used…), and what to do — which request to submit and who approves it.
    /// </summary>
    internal static class ApprovalRefusals
    {
        /// <summary>Builds the message (the approver names are looked up only here, on the refusal path).</summary>
        /// <param name="headline">What needed approval and why.</param>
        /// <param name="type">The request type needed.</param>
        /// <param name="record">The record.</param>
        /// <param name="operation">What the operation is about to do.</param>
        /// <param name="requests">The record's requests of <paramref name="type"/>, newest first.</param>
        /// <param name="names">Names of approvers.</param>
        /// <param name="initiatingUserId">Who attempted the operation (the one who would submit).</param>
        /// <param name="utcNow">The operation's time.</param>
        internal static LocalizedText NeedsApproval(
            LocalizedText headline,
            ApprovalType type,
            RecordFacts record,
            ApprovalSnapshot operation,
            IEnumerable<ApprovalRequest> requests,
            ApproverNames names,
            Guid initiatingUserId,
            DateTime utcNow)
        {
            var latest = requests?.FirstOrDefault();
            var typeName = ApprovalTexts.TypeName(type);
            var submit = new Lazy<LocalizedText>(() => ApprovalTexts.Format(ApprovalTexts.SubmitAndWho, typeName,
                ApprovalTexts.TableName(record.Record.LogicalName), names.FirstApproverFor(initiatingUserId, null)));
            if (latest == null) return ApprovalTexts.Join(headline, ApprovalTexts.NoRequestYet, submit.Value);

            var label = string.IsNullOrWhiteSpace(latest.Name) ? latest.Id.ToString("D") : latest.Name;
            var status = latest.EffectiveStatus(utcNow);
            if (status == ApprovalStatus.Pending)
                return ApprovalTexts.Join(headline,
                    ApprovalTexts.Format(ApprovalTexts.PendingWith, label, names.CurrentApprover(latest), ApprovalTexts.Date(latest.ExpiresOn)),
                    ApprovalTexts.WaitForDecision);
            if (status == ApprovalStatus.Approved && latest.ConsumedOn == null)
            {
                switch (ApprovalSnapshots.Compare(type, latest.Snapshot, operation))
                {
                    case SnapshotMismatch.Amount:
                        return ApprovalTexts.Join(headline,
                            ApprovalTexts.Format(ApprovalTexts.ApprovedForOtherAmount, label, ApprovalTexts.Amount(latest.Snapshot.Amount), ApprovalTexts.Amount(operation.Amount)),
                            submit.Value);
                    case SnapshotMismatch.Customer:
                        return ApprovalTexts.Join(headline, ApprovalTexts.Format(ApprovalTexts.ApprovedForOtherCustomer, label), submit.Value);
                    case SnapshotMismatch.None:
                        // It would cover the operation, yet could not be consumed: another operation took it.
                        return ApprovalTexts.Join(headline, ApprovalTexts.Format(ApprovalTexts.ApprovedButJustUsed, label), submit.Value);
                    default:
                        return ApprovalTexts.Join(headline, ApprovalTexts.Format(ApprovalTexts.ApprovedForOtherState, label), submit.Value);
                }
            }
            return ApprovalTexts.Join(headline, ApprovalTexts.Format(ApprovalTexts.LatestIs, label, ApprovalTexts.StatusName(status)), submit.Value);
        }
    }
}
