using System;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A plugin: code the platform runs for a registered message and stage.</summary>
    public interface IPlugin
    {
        void Execute(IServiceProvider serviceProvider);
    }

    /// <summary>What the platform tells extension code about the operation being executed.</summary>
    public interface IExecutionContext
    {
        int Mode { get; }

        int IsolationMode { get; }

        int Depth { get; }

        string MessageName { get; }

        string PrimaryEntityName { get; }

        Guid? RequestId { get; }

        string SecondaryEntityName { get; }

        ParameterCollection InputParameters { get; }

        ParameterCollection OutputParameters { get; }

        ParameterCollection SharedVariables { get; }

        Guid UserId { get; }

        Guid InitiatingUserId { get; }

        Guid BusinessUnitId { get; }

        Guid OrganizationId { get; }

        string OrganizationName { get; }

        Guid PrimaryEntityId { get; }

        EntityImageCollection PreEntityImages { get; }

        EntityImageCollection PostEntityImages { get; }

        EntityReference OwningExtension { get; }

        Guid CorrelationId { get; }

        bool IsExecutingOffline { get; }

        bool IsOfflinePlayback { get; }

        bool IsInTransaction { get; }

        Guid OperationId { get; }

        DateTime OperationCreatedOn { get; }
    }

    /// <summary>The execution context of a plugin (adds the stage and the parent context).</summary>
    public interface IPluginExecutionContext : IExecutionContext
    {
        int Stage { get; }

        IPluginExecutionContext ParentContext { get; }
    }

    /// <summary>Adds Azure AD and portal information to the plugin execution context.</summary>
    public interface IPluginExecutionContext2 : IPluginExecutionContext, IExecutionContext
    {
        Guid UserAzureActiveDirectoryObjectId { get; }

        Guid InitiatingUserAzureActiveDirectoryObjectId { get; }

        Guid InitiatingUserApplicationId { get; }

        Guid PortalsContactId { get; }

        bool IsPortalsClientCall { get; }
    }

    /// <summary>Writes to the plugin trace log.</summary>
    public interface ITracingService
    {
        void Trace(string format, params object[] args);
    }

    /// <summary>The organization (web) service: CRUD, associate and Execute.</summary>
    public interface IOrganizationService
    {
        Guid Create(Entity entity);

        Entity Retrieve(string entityName, Guid id, ColumnSet columnSet);

        void Update(Entity entity);

        void Delete(string entityName, Guid id);

        OrganizationResponse Execute(OrganizationRequest request);

        void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities);

        void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities);

        EntityCollection RetrieveMultiple(QueryBase query);
    }

    /// <summary>Creates organization services running as a given user (null: the calling user).</summary>
    public interface IOrganizationServiceFactory
    {
        IOrganizationService CreateOrganizationService(Guid? userId);
    }

    /// <summary>Posts the execution context to a service endpoint.</summary>
    public interface IServiceEndpointNotificationService
    {
        string Execute(EntityReference serviceEndpoint, IExecutionContext context);
    }
}
