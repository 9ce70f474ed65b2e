namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The request to unlink records of a relationship (message "Disassociate").</summary>
    public sealed class DisassociateRequest : OrganizationRequest
    {
        public DisassociateRequest()
        {
            RequestName = "Disassociate";
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

    /// <summary>The response to <see cref="DisassociateRequest"/>.</summary>
    public sealed class DisassociateResponse : OrganizationResponse
    {
        public DisassociateResponse()
        {
        }
    }
}
