using System;
using System.Linq;
using KamPlugins.Approvals;
using KamPlugins.Approvals.Data;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Operations
{
    /// <summary>The latest approval request of one type for one record, as its caller may see it. Immutable.</summary>
    internal sealed class ApprovalStatusResult
    {
        /// <summary>No request (or none the caller may see).</summary>
        internal static readonly ApprovalStatusResult None = new ApprovalStatusResult(null, null, null, null, null);

        /// <summary>Creates the result.</summary>
        internal ApprovalStatusResult(EntityReference request, ApprovalStatus? status, EntityReference currentApprover, EntityReference approverTeam, DateTime? decidedOn)
        {
            Request = request;
            Status = status;
            CurrentApprover = currentApprover;
            ApproverTeam = approverTeam;
            DecidedOn = decidedOn;
        }

        /// <summary>True when a request exists.</summary>
        internal bool HasRequest => Request != null;

        /// <summary>The request (kam_approvalrequest), or null.</summary>
        internal EntityReference Request { get; }

        /// <summary>Its status as of the operation's time (a pending or approved request past its expiry reads Expired).</summary>
        internal ApprovalStatus? Status { get; }

        /// <summary>Who must decide now (systemuser), or null (decided, or routed to the KAM administrators).</summary>
        internal EntityReference CurrentApprover { get; }

        /// <summary>The KAM administrators team, when the request is routed to it.</summary>
        internal EntityReference ApproverTeam { get; }

        /// <summary>When it was approved, rejected or recalled; null while pending.</summary>
        internal DateTime? DecidedOn { get; }
    }

    /// <summary>
    /// Get latest approval status: the newest kam_approvalrequest of a type for a record, read as the
    /// initiating user (a request they may not see is not reported; a record they may not see is
    /// refused as "does not exist or no permission").
    /// </summary>
    internal static class ApprovalStatusOperation
    {
        /// <summary>Argument name: the record.</summary>
        internal const string RecordArgument = "Record";

        /// <summary>Argument name: the request type.</summary>
        internal const string TypeArgument = "RequestType";

        /// <summary>Runs the operation (2 RetrieveMultiple as the initiating user).</summary>
        internal static ApprovalStatusResult Execute(AutomationContext context, EntityReference record, OptionSetValue requestType)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            OperationInputs.Required(record, RecordArgument);
            var type = OperationInputs.ApprovalTypeOf(requestType, TypeArgument);
            ApprovalRegarding.ColumnFor(record);
            OperationInputs.ReadVisible(context, record);

            // The approval engine's own read and mapping, through the caller's service: a request they
            // may not see is not reported.
            var latest = new ApprovalRequestStore(context.InitiatingUserService)
                .ForRecord(new EntityReference(record.LogicalName, record.Id), new[] { type }, null)
                .FirstOrDefault();
            if (latest == null)
            {
                context.Trace("no {0} request for {1} {2}", type, record.LogicalName, record.Id);
                return ApprovalStatusResult.None;
            }

            var status = latest.EffectiveStatus(context.Clock.UtcNow);
            var open = status == ApprovalStatus.Pending;
            return new ApprovalStatusResult(
                new EntityReference(ApprovalRequestTable.LogicalName, latest.Id),
                status,
                open && latest.CurrentApproverId.HasValue ? new EntityReference(SystemUserTable.LogicalName, latest.CurrentApproverId.Value) : null,
                open && latest.ApproverTeamId.HasValue ? new EntityReference(TeamTable.LogicalName, latest.ApproverTeamId.Value) : null,
                latest.DecidedOn);
        }
    }
}
