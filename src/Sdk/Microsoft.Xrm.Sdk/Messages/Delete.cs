namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The request to delete a record (message "Delete").</summary>
    public sealed class DeleteRequest : OrganizationRequest
    {
        public DeleteRequest()
        {
            RequestName = "Delete";
            Target = null;
        }

        public EntityReference Target
        {
            get { return GetParameter<EntityReference>("Target"); }
            set { Parameters["Target"] = value; }
        }

        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get { return GetParameter<ConcurrencyBehavior>("ConcurrencyBehavior"); }
            set { Parameters["ConcurrencyBehavior"] = value; }
        }
    }

    /// <summary>The response to <see cref="DeleteRequest"/>.</summary>
    public sealed class DeleteResponse : OrganizationResponse
    {
        public DeleteResponse()
        {
        }
    }
}
