namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The request to create or update a record (by id or alternate key) (message "Upsert").</summary>
    public sealed class UpsertRequest : OrganizationRequest
    {
        public UpsertRequest()
        {
            RequestName = "Upsert";
            Target = null;
        }

        public Entity Target
        {
            get { return GetParameter<Entity>("Target"); }
            set { Parameters["Target"] = value; }
        }
    }

    /// <summary>The response to <see cref="UpsertRequest"/>.</summary>
    public sealed class UpsertResponse : OrganizationResponse
    {
        public UpsertResponse()
        {
        }

        public bool RecordCreated
        {
            get { return GetResult<bool>("RecordCreated"); }
        }

        public EntityReference Target
        {
            get { return GetResult<EntityReference>("Target"); }
        }
    }
}
