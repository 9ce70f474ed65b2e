namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>The request to execute several requests in one transaction (message "ExecuteTransaction").</summary>
    public sealed class ExecuteTransactionRequest : OrganizationRequest
    {
        public ExecuteTransactionRequest()
        {
            RequestName = "ExecuteTransaction";
            Requests = null;
        }

        public OrganizationRequestCollection Requests
        {
            get { return GetParameter<OrganizationRequestCollection>("Requests"); }
            set { Parameters["Requests"] = value; }
        }

        public bool? ReturnResponses
        {
            get { return GetParameter<bool?>("ReturnResponses"); }
            set { Parameters["ReturnResponses"] = value; }
        }
    }

    /// <summary>The response to <see cref="ExecuteTransactionRequest"/>.</summary>
    public sealed class ExecuteTransactionResponse : OrganizationResponse
    {
        public ExecuteTransactionResponse()
        {
        }

        public OrganizationResponseCollection Responses
        {
            get { return GetResult<OrganizationResponseCollection>("Responses"); }
        }
    }
}
