namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The request to execute several requests, each in its own transaction (message "ExecuteMultiple").</summary>
    public sealed class ExecuteMultipleRequest : OrganizationRequest
    {
        public ExecuteMultipleRequest()
        {
            RequestName = "ExecuteMultiple";
            Requests = null;
            Settings = null;
        }

        public OrganizationRequestCollection Requests
        {
            get { return GetParameter<OrganizationRequestCollection>("Requests"); }
            set { Parameters["Requests"] = value; }
        }

        public ExecuteMultipleSettings Settings
        {
            get { return GetParameter<ExecuteMultipleSettings>("Settings"); }
            set { Parameters["Settings"] = value; }
        }
    }

    /// <summary>The response to <see cref="ExecuteMultipleRequest"/>.</summary>
    public sealed class ExecuteMultipleResponse : OrganizationResponse
    {
        public ExecuteMultipleResponse()
        {
        }

        public bool IsFaulted
        {
            get { return GetResult<bool>("IsFaulted"); }
        }

        public ExecuteMultipleResponseItemCollection Responses
        {
            get { return GetResult<ExecuteMultipleResponseItemCollection>("Responses"); }
        }
    }
}
