using System;
using KamPlugins.Approvals;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Operations
{
    /// <summary>Which kam_approvalrequest column names the record a request concerns (the approval engine's mapping).</summary>
    internal static class ApprovalRegarding
    {
        /// <summary>The regarding column for <paramref name="record"/>; refuses a table requests cannot concern.</summary>
        internal static string ColumnFor(EntityReference record)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            return ApprovalTypes.RegardingColumn(record.LogicalName)
                ?? throw new KamException(OperationTexts.NotAnApprovalTable.Format(record.LogicalName));
        }
    }
}
