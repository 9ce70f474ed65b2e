using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The request to retrieve records with a query (message "RetrieveMultiple").</summary>
    public sealed class RetrieveMultipleRequest : OrganizationRequest
    {
        public RetrieveMultipleRequest()
        {
            RequestName = "RetrieveMultiple";
            Query = null;
        }

        public QueryBase Query
        {
            get { return GetParameter<QueryBase>("Query"); }
            set { Parameters["Query"] = value; }
        }
    }

    /// <summary>The response to <see cref="RetrieveMultipleRequest"/>.</summary>
    public sealed class RetrieveMultipleResponse : OrganizationResponse
    {
        public RetrieveMultipleResponse()
        {
        }

        public EntityCollection EntityCollection
        {
            get { return GetResult<EntityCollection>("EntityCollection"); }
        }
    }
}
