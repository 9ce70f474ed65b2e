using System;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Pipeline
{
    /// <summary>The context a plugin receives (IPluginExecutionContext and IPluginExecutionContext2).</summary>
    internal sealed class EmulatedExecutionContext : IPluginExecutionContext2
    {
        public int Mode { get; set; }

        public int IsolationMode { get; set; } = 2;

        public int Depth { get; set; }

        public string MessageName { get; set; }

        public string PrimaryEntityName { get; set; }

        public Guid? RequestId { get; set; }

        public string SecondaryEntityName { get; set; } = "none";

        public ParameterCollection InputParameters { get; set; } = new ParameterCollection();

        public ParameterCollection OutputParameters { get; set; } = new ParameterCollection();

        public ParameterCollection SharedVariables { get; set; } = new ParameterCollection();

        public Guid UserId { get; set; }

        public Guid InitiatingUserId { get; set; }

        public Guid BusinessUnitId { get; set; }

        public Guid OrganizationId { get; set; }

        public string OrganizationName { get; set; }

        public Guid PrimaryEntityId { get; set; }

        public EntityImageCollection PreEntityImages { get; set; } = new EntityImageCollection();

        public EntityImageCollection PostEntityImages { get; set; } = new EntityImageCollection();

        public EntityReference OwningExtension { get; set; }

        public Guid CorrelationId { get; set; }

        public bool IsExecutingOffline { get; set; }

        public bool IsOfflinePlayback { get; set; }

        public bool IsInTransaction { get; set; }

        public Guid OperationId { get; set; }

        public DateTime OperationCreatedOn { get; set; }

        public int Stage { get; set; }

        public IPluginExecutionContext ParentContext { get; set; }

        public Guid UserAzureActiveDirectoryObjectId { get; set; }

        public Guid InitiatingUserAzureActiveDirectoryObjectId { get; set; }

        public Guid InitiatingUserApplicationId { get; set; }

        public Guid PortalsContactId { get; set; }

        public bool IsPortalsClientCall { get; set; }

        /// <summary>The step that runs with this context (null for the platform's own stage contexts).</summary>
        public StepRegistration Step { get; set; }

        public EmulatedExecutionContext ShallowCopy() => (EmulatedExecutionContext)MemberwiseClone();

        public override string ToString() => $"{MessageName} {PrimaryEntityName} stage {Stage} depth {Depth}";
    }
}
