using System;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The request to create a record (message "Create").</summary>
    public sealed class CreateRequest : OrganizationRequest
    {
        public CreateRequest()
        {
            RequestName = "Create";
            Target = null;
        }

        public Entity Target
        {
            get { return GetParameter<Entity>("Target"); }
            set { Parameters["Target"] = value; }
        }
    }

    /// <summary>The response to <see cref="CreateRequest"/>.</summary>
    public sealed class CreateResponse : OrganizationResponse
    {
        public CreateResponse()
        {
        }

        public Guid id
        {
            get { return GetResult<Guid>("id"); }
        }
    }
}
