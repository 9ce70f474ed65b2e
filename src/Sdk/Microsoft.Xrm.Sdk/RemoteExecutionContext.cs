using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A settable plugin execution context (the one posted to service endpoints).</summary>
    public sealed class RemoteExecutionContext : IPluginExecutionContext, IExecutionContext, IExtensibleDataObject
    {
        private ParameterCollection inputParameters;
        private ParameterCollection outputParameters;
        private ParameterCollection sharedVariables;
        private EntityImageCollection preEntityImages;
        private EntityImageCollection postEntityImages;

        public RemoteExecutionContext()
        {
        }

        public int Mode { get; set; }

        public int IsolationMode { get; set; }

        public int Depth { get; set; }

        public int Stage { get; set; }

        public string MessageName { get; set; }

        public string PrimaryEntityName { get; set; }

        public Guid? RequestId { get; set; }

        public string SecondaryEntityName { get; set; }

        public ParameterCollection InputParameters
        {
            get { return inputParameters ?? (inputParameters = new ParameterCollection()); }
        }

        public ParameterCollection OutputParameters
        {
            get { return outputParameters ?? (outputParameters = new ParameterCollection()); }
        }

        public ParameterCollection SharedVariables
        {
            get { return sharedVariables ?? (sharedVariables = new ParameterCollection()); }
        }

        public EntityImageCollection PreEntityImages
        {
            get { return preEntityImages ?? (preEntityImages = new EntityImageCollection()); }
        }

        public EntityImageCollection PostEntityImages
        {
            get { return postEntityImages ?? (postEntityImages = new EntityImageCollection()); }
        }

        public Guid UserId { get; set; }

        public Guid InitiatingUserId { get; set; }

        public Guid UserAzureActiveDirectoryObjectId { get; set; }

        public Guid InitiatingUserAzureActiveDirectoryObjectId { get; set; }

        public Guid BusinessUnitId { get; set; }

        public Guid OrganizationId { get; set; }

        public string OrganizationName { get; set; }

        public Guid PrimaryEntityId { get; set; }

        public EntityReference OwningExtension { get; set; }

        public Guid CorrelationId { get; set; }

        public bool IsExecutingOffline { get; set; }

        public bool IsOfflinePlayback { get; set; }

        public bool IsInTransaction { get; set; }

        public Guid OperationId { get; set; }

        public DateTime OperationCreatedOn { get; set; }

        public RemoteExecutionContext ParentContext { get; set; }

        IPluginExecutionContext IPluginExecutionContext.ParentContext
        {
            get { return ParentContext; }
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
