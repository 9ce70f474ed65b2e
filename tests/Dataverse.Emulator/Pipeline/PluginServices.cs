using System;
using System.Globalization;
using Dataverse.Emulator.Measurement;
using Dataverse.Emulator.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Dataverse.Emulator.Pipeline
{
    /// <summary>The service provider a plugin receives: context, service factory, tracing.</summary>
    internal sealed class PluginServices : IServiceProvider, IOrganizationServiceFactory, ITracingService
    {
        private readonly Engine engine;
        private readonly Operation op;
        private readonly EmulatedExecutionContext ctx;
        private readonly Transaction tx;
        private readonly bool asynchronous;
        private readonly OperationRecord record;

        public PluginServices(Engine engine, Operation op, EmulatedExecutionContext ctx, Transaction tx, bool asynchronous, OperationRecord record)
        {
            this.engine = engine;
            this.op = op;
            this.ctx = ctx;
            this.tx = tx;
            this.asynchronous = asynchronous;
            this.record = record;
        }

        public object GetService(Type serviceType)
        {
            if (serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext) || serviceType == typeof(IPluginExecutionContext2))
            {
                return ctx;
            }

            if (serviceType == typeof(IOrganizationServiceFactory)) return this;
            if (serviceType == typeof(ITracingService)) return this;
            return null;
        }

        public IOrganizationService CreateOrganizationService(Guid? userId) =>
            new ServiceClient(engine, engine.PluginCaller(op, ctx, userId, tx, asynchronous, record));

        public void Trace(string format, params object[] args)
        {
            var text = args == null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
            record?.AddTrace($"[{ctx.Step?.Name}] {text}");
        }
    }

    /// <summary>An organization service bound to a caller (plugin services and platform-internal calls).</summary>
    internal sealed class ServiceClient : IOrganizationService
    {
        private readonly Engine engine;
        private readonly Caller caller;

        public ServiceClient(Engine engine, Caller caller)
        {
            this.engine = engine;
            this.caller = caller;
        }

        public OrganizationResponse Execute(OrganizationRequest request) => engine.Execute(request, caller);

        public Guid Create(Entity entity) => Requests.Create(this, entity);

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => Requests.Retrieve(this, entityName, id, columnSet);

        public void Update(Entity entity) => Requests.Update(this, entity);

        public void Delete(string entityName, Guid id) => Requests.Delete(this, entityName, id);

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            Requests.Associate(this, entityName, entityId, relationship, relatedEntities, "Associate");

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            Requests.Associate(this, entityName, entityId, relationship, relatedEntities, "Disassociate");

        public EntityCollection RetrieveMultiple(QueryBase query) => Requests.RetrieveMultiple(this, query);
    }

    /// <summary>IOrganizationService's methods as requests (what the SDK's proxies send).</summary>
    internal static class Requests
    {
        public static Guid Create(IOrganizationService s, Entity entity)
        {
            var r = s.Execute(new OrganizationRequest("Create") { ["Target"] = entity });
            return (Guid)r.Results["id"];
        }

        public static Entity Retrieve(IOrganizationService s, string entityName, Guid id, ColumnSet columnSet)
        {
            var r = s.Execute(new OrganizationRequest("Retrieve") { ["Target"] = new EntityReference(entityName, id), ["ColumnSet"] = columnSet });
            return (Entity)r.Results["Entity"];
        }

        public static void Update(IOrganizationService s, Entity entity) => s.Execute(new OrganizationRequest("Update") { ["Target"] = entity });

        public static void Delete(IOrganizationService s, string entityName, Guid id) =>
            s.Execute(new OrganizationRequest("Delete") { ["Target"] = new EntityReference(entityName, id) });

        public static void Associate(IOrganizationService s, string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection related, string message) =>
            s.Execute(new OrganizationRequest(message)
            {
                ["Target"] = new EntityReference(entityName, entityId),
                ["Relationship"] = relationship,
                ["RelatedEntities"] = related,
            });

        public static EntityCollection RetrieveMultiple(IOrganizationService s, QueryBase query)
        {
            var r = s.Execute(new OrganizationRequest("RetrieveMultiple") { ["Query"] = query });
            return (EntityCollection)r.Results["EntityCollection"];
        }
    }
}
