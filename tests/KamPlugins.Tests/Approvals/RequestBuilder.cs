using System;
using KamPlugins.Approvals;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Tests.Approvals
{
    /// <summary>Approval requests for rule tests: a pending level-1 opportunity win request unless told otherwise.</summary>
    internal static class RequestBuilder
    {
        internal static readonly DateTime Now = new DateTime(2025, 3, 10, 9, 0, 0, DateTimeKind.Utc);
        internal static readonly Guid Requester = new Guid("00000000-0000-0000-0000-00000000000a");
        internal static readonly Guid Approver = new Guid("00000000-0000-0000-0000-00000000000b");
        internal static readonly Guid Administrator = new Guid("00000000-0000-0000-0000-00000000000c");
        internal static readonly Guid Stranger = new Guid("00000000-0000-0000-0000-00000000000d");
        internal static readonly Guid Beneficiary = new Guid("00000000-0000-0000-0000-00000000000e");
        internal static readonly EntityReference Opportunity = new EntityReference(OpportunityTable.LogicalName, new Guid("00000000-0000-0000-0000-000000000101"));
        internal static readonly EntityReference Customer = new EntityReference(AccountTable.LogicalName, new Guid("00000000-0000-0000-0000-000000000201"));

        internal static ApprovalRequest Make(
            ApprovalType type = ApprovalType.OpportunityWin,
            ApprovalStatus? status = ApprovalStatus.Pending,
            EntityReference record = null,
            ApprovalSnapshot snapshot = null,
            Guid? requester = null,
            Guid? approver = null,
            bool withAdministrators = false,
            int level = 1,
            int levels = 1,
            DateTime? expiresOn = null,
            bool noExpiry = false,
            DateTime? consumedOn = null) =>
            new ApprovalRequest(
                Guid.NewGuid(),
                "request",
                type,
                status,
                record ?? Opportunity,
                snapshot ?? new ApprovalSnapshot(1000000m, Customer, null, OpportunityTable.State.Won),
                null,
                requester ?? Requester,
                withAdministrators ? (Guid?)null : approver ?? Approver,
                withAdministrators ? Guid.NewGuid() : (Guid?)null,
                level,
                levels,
                noExpiry ? (DateTime?)null : expiresOn ?? Now.AddDays(14),
                null,
                null,
                consumedOn,
                Now.AddDays(-1));
    }
}
