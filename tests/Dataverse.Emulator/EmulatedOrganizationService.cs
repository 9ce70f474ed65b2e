using System;
using Dataverse.Emulator.Pipeline;
using Dataverse.Emulator.Principals;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Dataverse.Emulator
{
    /// <summary>
    /// A client of the emulated organization (as CrmServiceClient/ServiceClient is of the real one):
    /// every call is a top-level operation through the pipeline; faults arrive as
    /// <c>FaultException&lt;OrganizationServiceFault&gt;</c>.
    /// </summary>
    public sealed class EmulatedOrganizationService : IOrganizationService
    {
        private readonly DataverseEmulator org;

        internal EmulatedOrganizationService(DataverseEmulator org, Guid userId, Guid callerId)
        {
            this.org = org;
            UserId = userId;
            CallerId = callerId;
        }

        /// <summary>The user the client authenticated as.</summary>
        public Guid UserId { get; }

        /// <summary>The impersonated user (Guid.Empty: none), as CrmServiceClient.CallerId.</summary>
        public Guid CallerId { get; set; }

        /// <summary>A client of the same user impersonating <paramref name="user"/>.</summary>
        public EmulatedOrganizationService Impersonating(User user) => new EmulatedOrganizationService(org, UserId, user?.Id ?? Guid.Empty);

        /// <inheritdoc />
        public OrganizationResponse Execute(OrganizationRequest request) => org.ExecuteClient(request, UserId, CallerId);

        /// <inheritdoc />
        public Guid Create(Entity entity) => Requests.Create(this, entity);

        /// <inheritdoc />
        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => Requests.Retrieve(this, entityName, id, columnSet);

        /// <inheritdoc />
        public void Update(Entity entity) => Requests.Update(this, entity);

        /// <inheritdoc />
        public void Delete(string entityName, Guid id) => Requests.Delete(this, entityName, id);

        /// <inheritdoc />
        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            Requests.Associate(this, entityName, entityId, relationship, relatedEntities, "Associate");

        /// <inheritdoc />
        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            Requests.Associate(this, entityName, entityId, relationship, relatedEntities, "Disassociate");

        /// <inheritdoc />
        public EntityCollection RetrieveMultiple(QueryBase query) => Requests.RetrieveMultiple(this, query);
    }
}
