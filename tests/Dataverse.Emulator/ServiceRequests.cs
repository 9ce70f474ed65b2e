using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator.Messages;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator
{
    /// <summary>
    /// The requests of messages whose typed classes live in Microsoft.Crm.Sdk.Proxy (not available
    /// here), built exactly as those classes build them (request names and parameter keys of
    /// xrm-sdk-9.0-request-names.txt). They work against any IOrganizationService.
    /// </summary>
    public static class ServiceRequests
    {
        /// <summary>AssignRequest: Target, Assignee.</summary>
        public static void Assign(this IOrganizationService service, EntityReference target, EntityReference assignee) =>
            service.Execute(new OrganizationRequest("Assign") { ["Target"] = target, ["Assignee"] = assignee });

        /// <summary>SetStateRequest: EntityMoniker, State, Status (-1: the state's default status).</summary>
        public static void SetState(this IOrganizationService service, EntityReference record, int state, int status = -1) =>
            service.Execute(new OrganizationRequest("SetState") { ["EntityMoniker"] = record, ["State"] = new OptionSetValue(state), ["Status"] = new OptionSetValue(status) });

        /// <summary>WinOpportunityRequest: OpportunityClose (opportunityid, actualrevenue, actualend), Status (-1: default).</summary>
        public static void WinOpportunity(this IOrganizationService service, Guid opportunityId, decimal? actualRevenue = null, DateTime? actualEnd = null, int status = -1) =>
            service.Execute(new OrganizationRequest("WinOpportunity") { ["OpportunityClose"] = Close(opportunityId, actualRevenue, actualEnd), ["Status"] = new OptionSetValue(status) });

        /// <summary>LoseOpportunityRequest: OpportunityClose, Status (-1: default, 4 Canceled, 5 Out-Sold).</summary>
        public static void LoseOpportunity(this IOrganizationService service, Guid opportunityId, decimal? actualRevenue = null, DateTime? actualEnd = null, int status = -1) =>
            service.Execute(new OrganizationRequest("LoseOpportunity") { ["OpportunityClose"] = Close(opportunityId, actualRevenue, actualEnd), ["Status"] = new OptionSetValue(status) });

        /// <summary>MergeRequest: Target (master), SubordinateId, UpdateContent, PerformParentingChecks.</summary>
        public static void Merge(this IOrganizationService service, EntityReference master, Guid subordinateId, Entity updateContent = null, bool performParentingChecks = false) =>
            service.Execute(new OrganizationRequest("Merge")
            {
                ["Target"] = master,
                ["SubordinateId"] = subordinateId,
                ["UpdateContent"] = updateContent ?? new Entity(master.LogicalName),
                ["PerformParentingChecks"] = performParentingChecks,
            });

        /// <summary>GrantAccessRequest: Target, PrincipalAccess.</summary>
        public static void GrantAccess(this IOrganizationService service, EntityReference record, EntityReference principal, AccessRights rights) =>
            service.Execute(new OrganizationRequest("GrantAccess") { ["Target"] = record, ["PrincipalAccess"] = new PrincipalAccess { Principal = principal, AccessMask = rights } });

        /// <summary>ModifyAccessRequest: Target, PrincipalAccess.</summary>
        public static void ModifyAccess(this IOrganizationService service, EntityReference record, EntityReference principal, AccessRights rights) =>
            service.Execute(new OrganizationRequest("ModifyAccess") { ["Target"] = record, ["PrincipalAccess"] = new PrincipalAccess { Principal = principal, AccessMask = rights } });

        /// <summary>RevokeAccessRequest: Target, Revokee.</summary>
        public static void RevokeAccess(this IOrganizationService service, EntityReference record, EntityReference principal) =>
            service.Execute(new OrganizationRequest("RevokeAccess") { ["Target"] = record, ["Revokee"] = principal });

        /// <summary>UpsertRequest: returns whether the record was created and its reference.</summary>
        public static (bool Created, EntityReference Target) Upsert(this IOrganizationService service, Entity target)
        {
            var r = service.Execute(new OrganizationRequest("Upsert") { ["Target"] = target });
            return ((bool)r.Results["RecordCreated"], (EntityReference)r.Results["Target"]);
        }

        /// <summary>CreateMultipleRequest: returns the new ids.</summary>
        public static Guid[] CreateMultiple(this IOrganizationService service, IEnumerable<Entity> targets)
        {
            var list = targets.ToList();
            var r = service.Execute(new OrganizationRequest("CreateMultiple") { ["Targets"] = new EntityCollection(list) { EntityName = list.FirstOrDefault()?.LogicalName } });
            return (Guid[])r.Results["Ids"];
        }

        /// <summary>UpdateMultipleRequest.</summary>
        public static void UpdateMultiple(this IOrganizationService service, IEnumerable<Entity> targets)
        {
            var list = targets.ToList();
            service.Execute(new OrganizationRequest("UpdateMultiple") { ["Targets"] = new EntityCollection(list) { EntityName = list.FirstOrDefault()?.LogicalName } });
        }

        /// <summary>WhoAmIRequest: the calling user's id, business unit and organization.</summary>
        public static (Guid UserId, Guid BusinessUnitId, Guid OrganizationId) WhoAmI(this IOrganizationService service)
        {
            var r = service.Execute(new OrganizationRequest("WhoAmI"));
            return ((Guid)r.Results["UserId"], (Guid)r.Results["BusinessUnitId"], (Guid)r.Results["OrganizationId"]);
        }

        /// <summary>Adds optional parameters to a request (tag, BypassBusinessLogicExecution, ...) and returns it.</summary>
        public static OrganizationRequest With(this OrganizationRequest request, string parameter, object value)
        {
            request[parameter] = value;
            return request;
        }

        private static Entity Close(Guid opportunityId, decimal? actualRevenue, DateTime? actualEnd)
        {
            var close = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", opportunityId) };
            if (actualRevenue.HasValue) close["actualrevenue"] = new Money(actualRevenue.Value);
            if (actualEnd.HasValue) close["actualend"] = actualEnd.Value;
            return close;
        }
    }
}
