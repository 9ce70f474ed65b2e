using System;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Operations
{
    /// <summary>
    /// Submit approval request: creates a kam_approvalrequest for a record through the service acting
    /// as the initiating user, so the approval engine's plugin on its Create applies every rule it
    /// applies to a request made in the app — requester from the initiating user, snapshot from the
    /// record, routing, one pending request per record and type, the type/table and proposed-owner
    /// checks. This operation adds only argument checks and a no-leak read of the record.
    /// </summary>
    internal static class SubmitApprovalOperation
    {
        /// <summary>Argument name: the record.</summary>
        internal const string RecordArgument = "Record";

        /// <summary>Argument name: the request type.</summary>
        internal const string TypeArgument = "RequestType";

        /// <summary>Argument name: the proposed owner (ownership transfer).</summary>
        internal const string ProposedOwnerArgument = "ProposedOwner";

        /// <summary>Argument name: the requester's comment.</summary>
        internal const string CommentArgument = "Comment";

        /// <summary>Runs the operation (1 RetrieveMultiple and 1 Create as the initiating user); returns the new request.</summary>
        internal static EntityReference Execute(AutomationContext context, EntityReference record, OptionSetValue requestType, EntityReference proposedOwner, string comment)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            OperationInputs.Required(record, RecordArgument);
            var type = OperationInputs.ApprovalTypeOf(requestType, TypeArgument);
            var regarding = ApprovalRegarding.ColumnFor(record);
            OperationInputs.ReadVisible(context, record);

            var request = new Entity(ApprovalRequestTable.LogicalName);
            request[regarding] = new EntityReference(record.LogicalName, record.Id);
            request[ApprovalRequestTable.RequestType] = new OptionSetValue((int)type);
            if (proposedOwner != null && proposedOwner.Id != Guid.Empty)
                request[ApprovalRequestTable.ProposedOwnerId] = new EntityReference(proposedOwner.LogicalName, proposedOwner.Id);
            if (!string.IsNullOrWhiteSpace(comment))
                request[ApprovalRequestTable.Justification] = comment.Trim();

            Guid id;
            try
            {
                id = context.InitiatingUserService.Create(request);
            }
            catch (Exception failure) when (NestedRefusal.MessageOf(failure) != null)
            {
                // The approval engine refused (its message is already in the user's language): pass it
                // on as it is, with no further service call.
                context.Trace("submission refused: {0}", NestedRefusal.MessageOf(failure));
                throw NestedRefusal.ToUser(failure);
            }
            context.Trace("submitted {0} request {1} for {2} {3}", type, id, record.LogicalName, record.Id);
            return new EntityReference(ApprovalRequestTable.LogicalName, id);
        }
    }
}
