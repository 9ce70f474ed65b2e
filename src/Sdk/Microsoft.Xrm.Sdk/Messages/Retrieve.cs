using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The request to retrieve a record (message "Retrieve").</summary>
    public sealed class RetrieveRequest : OrganizationRequest
    {
        public RetrieveRequest()
        {
            RequestName = "Retrieve";
            Target = null;
            ColumnSet = null;
        }

        public EntityReference Target
        {
            get { return GetParameter<EntityReference>("Target"); }
            set { Parameters["Target"] = value; }
        }

        public ColumnSet ColumnSet
        {
            get { return GetParameter<ColumnSet>("ColumnSet"); }
            set { Parameters["ColumnSet"] = value; }
        }

        public RelationshipQueryCollection RelatedEntitiesQuery
        {
            get { return GetParameter<RelationshipQueryCollection>("RelatedEntitiesQuery"); }
            set { Parameters["RelatedEntitiesQuery"] = value; }
        }

        public bool ReturnNotifications
        {
            get { return GetParameter<bool>("ReturnNotifications"); }
            set { Parameters["ReturnNotifications"] = value; }
        }
    }

    /// <summary>The response to <see cref="RetrieveRequest"/>.</summary>
    public sealed class RetrieveResponse : OrganizationResponse
    {
        public RetrieveResponse()
        {
        }

        public Entity Entity
        {
            get { return GetResult<Entity>("Entity"); }
        }

        public object Notifications
        {
            get { return GetResult<object>("Notifications"); }
        }
    }
}
