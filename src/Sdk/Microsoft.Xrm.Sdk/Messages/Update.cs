namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The request to update a record (message "Update").</summary>
    public sealed class UpdateRequest : OrganizationRequest
    {
        public UpdateRequest()
        {
            RequestName = "Update";
            Target = null;
        }

        public Entity Target
        {
            get { return GetParameter<Entity>("Target"); }
            set { Parameters["Target"] = value; }
        }

        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get { return GetParameter<ConcurrencyBehavior>("ConcurrencyBehavior"); }
            set { Parameters["ConcurrencyBehavior"] = value; }
        }
    }

    /// <summary>The response to <see cref="UpdateRequest"/>.</summary>
    public sealed class UpdateResponse : OrganizationResponse
    {
        public UpdateResponse()
        {
        }
    }
}
