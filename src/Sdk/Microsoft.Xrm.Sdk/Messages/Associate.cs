namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The request to link records through a relationship (message "Associate").</summary>
    public sealed class AssociateRequest : OrganizationRequest
    {
        public AssociateRequest()
        {
            RequestName = "Associate";
            Target = null;
            Relationship = null;
            RelatedEntities = null;
        }

        public EntityReference Target
        {
            get { return GetParameter<EntityReference>("Target"); }
            set { Parameters["Target"] = value; }
        }

        public Relationship Relationship
        {
            get { return GetParameter<Relationship>("Relationship"); }
            set { Parameters["Relationship"] = value; }
        }

        public EntityReferenceCollection RelatedEntities
        {
            get { return GetParameter<EntityReferenceCollection>("RelatedEntities"); }
            set { Parameters["RelatedEntities"] = value; }
        }
    }

    /// <summary>The response to <see cref="AssociateRequest"/>.</summary>
    public sealed class AssociateResponse : OrganizationResponse
    {
        public AssociateResponse()
        {
        }
    }
}
