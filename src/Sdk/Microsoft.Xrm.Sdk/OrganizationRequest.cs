using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A message sent to the organization service: a name and named parameters.</summary>
    public class OrganizationRequest : IExtensibleDataObject
    {
        private ParameterCollection parameters;

        public OrganizationRequest()
        {
        }

        public OrganizationRequest(string requestName)
        {
            RequestName = requestName;
        }

        public string RequestName { get; set; }

        public Guid? RequestId { get; set; }

        public ParameterCollection Parameters
        {
            get { return parameters ?? (parameters = new ParameterCollection()); }
            set { parameters = value; }
        }

        /// <summary>The parameter under the name; reading a missing one throws KeyNotFoundException.</summary>
        public object this[string parameterName]
        {
            get { return Parameters[parameterName]; }
            set { Parameters[parameterName] = value; }
        }

        public ExtensionDataObject ExtensionData { get; set; }

        internal T GetParameter<T>(string name)
        {
            object value;
            return Parameters.TryGetValue(name, out value) && value != null ? (T)value : default(T);
        }
    }

    /// <summary>The answer of the organization service: a name and named results.</summary>
    public class OrganizationResponse : IExtensibleDataObject
    {
        private ParameterCollection results;

        public OrganizationResponse()
        {
        }

        public string ResponseName { get; set; }

        public ParameterCollection Results
        {
            get { return results ?? (results = new ParameterCollection()); }
            set { results = value; }
        }

        /// <summary>The result under the name; reading a missing one throws KeyNotFoundException.</summary>
        public object this[string parameterName]
        {
            get { return Results[parameterName]; }
            set { Results[parameterName] = value; }
        }

        public ExtensionDataObject ExtensionData { get; set; }

        internal T GetResult<T>(string name)
        {
            object value;
            return Results.TryGetValue(name, out value) && value != null ? (T)value : default(T);
        }
    }

    /// <summary>Settings of an ExecuteMultiple request.</summary>
    public sealed class ExecuteMultipleSettings : IExtensibleDataObject
    {
        public bool ContinueOnError { get; set; }

        public bool ReturnResponses { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>One result of an ExecuteMultiple request: the request index and its response or fault.</summary>
    public sealed class ExecuteMultipleResponseItem : IExtensibleDataObject
    {
        public int RequestIndex { get; set; }

        public OrganizationResponse Response { get; set; }

        public OrganizationServiceFault Fault { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
