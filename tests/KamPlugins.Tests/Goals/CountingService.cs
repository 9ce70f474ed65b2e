using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Tests.Goals
{
    /// <summary>Counts the calls made through a service, by message (for code that runs outside a plugin step).</summary>
    internal sealed class CountingService : IOrganizationService
    {
        private readonly IOrganizationService inner;
        private readonly Dictionary<string, int> calls = new Dictionary<string, int>();

        internal CountingService(IOrganizationService inner)
        {
            this.inner = inner;
        }

        internal IReadOnlyDictionary<string, int> Calls => calls;

        public override string ToString() => string.Join(", ", calls.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"));

        public Guid Create(Entity entity) => Count("Create", () => inner.Create(entity));

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => Count("Retrieve", () => inner.Retrieve(entityName, id, columnSet));

        public void Update(Entity entity) => Count("Update", () => { inner.Update(entity); return 0; });

        public void Delete(string entityName, Guid id) => Count("Delete", () => { inner.Delete(entityName, id); return 0; });

        public OrganizationResponse Execute(OrganizationRequest request) => Count(request.RequestName, () => inner.Execute(request));

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            Count("Associate", () => { inner.Associate(entityName, entityId, relationship, relatedEntities); return 0; });

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            Count("Disassociate", () => { inner.Disassociate(entityName, entityId, relationship, relatedEntities); return 0; });

        public EntityCollection RetrieveMultiple(QueryBase query) =>
            Count(query is FetchExpression fetch && fetch.Query.Contains("aggregate=\"true\"") ? "RetrieveMultiple (aggregate)" : "RetrieveMultiple", () => inner.RetrieveMultiple(query));

        private T Count<T>(string message, Func<T> call)
        {
            calls[message] = calls.TryGetValue(message, out var n) ? n + 1 : 1;
            return call();
        }
    }
}
