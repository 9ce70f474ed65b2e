using System;
using System.Collections.Generic;

namespace KamPlugins.Platform
{
    /// <summary>
    /// The messages the product registers on or sends, by the name a step registers on (and the
    /// <c>MessageName</c> a plugin sees), with the system sdkmessage id a solution must name them by.
    /// The one place these facts live.
    /// </summary>
    public static class MessageNames
    {
        /// <summary>Create (also raised by CreateMultiple and Upsert-as-create through the merged pipeline).</summary>
        public const string Create = "Create";

        /// <summary>Update (also raised by UpdateMultiple and Upsert-as-update).</summary>
        public const string Update = "Update";

        /// <summary>Delete.</summary>
        public const string Delete = "Delete";

        /// <summary>Assign (deprecated for clients, still raised by the platform and cascades).</summary>
        public const string Assign = "Assign";

        /// <summary>SetState (deprecated for clients, still raised).</summary>
        public const string SetState = "SetState";

        /// <summary>SetStateDynamicEntity (legacy form of SetState).</summary>
        public const string SetStateDynamicEntity = "SetStateDynamicEntity";

        /// <summary>Merge (account, contact, lead, incident).</summary>
        public const string Merge = "Merge";

        /// <summary>GrantAccess (sharing).</summary>
        public const string GrantAccess = "GrantAccess";

        /// <summary>ModifyAccess (changing a share).</summary>
        public const string ModifyAccess = "ModifyAccess";

        /// <summary>RevokeAccess (removing a share).</summary>
        public const string RevokeAccess = "RevokeAccess";

        /// <summary>
        /// The message a step registers on for WinOpportunityRequest. [unverified] by Microsoft's
        /// documentation: XrmMockup and long practice say "Win"; the id is from a CRM 8.2 database.
        /// </summary>
        public const string Win = "Win";

        /// <summary>The message a step registers on for LoseOpportunityRequest ([unverified], as <see cref="Win"/>).</summary>
        public const string Lose = "Lose";

        /// <summary>The SDK request name of WinOpportunityRequest (what a client sends).</summary>
        public const string WinOpportunityRequest = "WinOpportunity";

        /// <summary>The SDK request name of LoseOpportunityRequest (what a client sends).</summary>
        public const string LoseOpportunityRequest = "LoseOpportunity";

        /// <summary>QualifyLead (creates an opportunity).</summary>
        public const string QualifyLead = "QualifyLead";

        /// <summary>Retrieve (never registered on: solution checker rule).</summary>
        public const string Retrieve = "Retrieve";

        /// <summary>RetrieveMultiple (never registered on: solution checker rule).</summary>
        public const string RetrieveMultiple = "RetrieveMultiple";

        /// <summary>CreateMultiple (bulk; its pipeline is merged with Create).</summary>
        public const string CreateMultiple = "CreateMultiple";

        /// <summary>UpdateMultiple (bulk; its pipeline is merged with Update).</summary>
        public const string UpdateMultiple = "UpdateMultiple";

        /// <summary>UpsertMultiple (bulk; not a plugin event).</summary>
        public const string UpsertMultiple = "UpsertMultiple";

        /// <summary>Upsert (not a plugin event: raises Create or Update).</summary>
        public const string Upsert = "Upsert";

        /// <summary>ExecuteMultiple.</summary>
        public const string ExecuteMultiple = "ExecuteMultiple";

        /// <summary>WhoAmI.</summary>
        public const string WhoAmI = "WhoAmI";

        /// <summary>
        /// System sdkmessage ids (the same in every environment), from
        /// shared/reference/sdkmessage-ids.tsv. A step in a solution names its message only by this id;
        /// a wrong id fails the import, so a message missing here cannot be registered.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, Guid> SystemMessageIds = new Dictionary<string, Guid>(StringComparer.Ordinal)
        {
            [Create] = new Guid("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"),
            [Update] = new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8"),
            [Delete] = new Guid("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
            [Assign] = new Guid("8cbdbb1b-ea3e-db11-86a7-000a3a5473e8"),
            [SetState] = new Guid("1cbebb1b-ea3e-db11-86a7-000a3a5473e8"),
            [SetStateDynamicEntity] = new Guid("1dbebb1b-ea3e-db11-86a7-000a3a5473e8"),
            [Merge] = new Guid("dbbdbb1b-ea3e-db11-86a7-000a3a5473e8"),
            [GrantAccess] = new Guid("c5bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
            [ModifyAccess] = new Guid("dcbdbb1b-ea3e-db11-86a7-000a3a5473e8"),
            [RevokeAccess] = new Guid("11bebb1b-ea3e-db11-86a7-000a3a5473e8"),
            [Win] = new Guid("27bebb1b-ea3e-db11-86a7-000a3a5473e8"),
            [Lose] = new Guid("d1bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
            [QualifyLead] = new Guid("644c3365-b36c-431e-b76b-5c3e48adee55"),
            [Retrieve] = new Guid("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
            [RetrieveMultiple] = new Guid("03bebb1b-ea3e-db11-86a7-000a3a5473e8"),
            [CreateMultiple] = new Guid("eb9990f6-feff-497f-974c-eb457ee0d072"),
            [UpdateMultiple] = new Guid("e2ac2e19-aea0-47a3-b024-f7a7015b4d60"),
        };
    }

    /// <summary>Input and output parameter keys of the messages the product handles (shared/reference/xrm-sdk-9.0-request-names.txt).</summary>
    public static class ParameterNames
    {
        /// <summary>Create/Update: Entity; Delete/Assign/Merge/GrantAccess: EntityReference.</summary>
        public const string Target = "Target";

        /// <summary>CreateMultiple/UpdateMultiple/UpsertMultiple: EntityCollection.</summary>
        public const string Targets = "Targets";

        /// <summary>Assign: the new owner (EntityReference).</summary>
        public const string Assignee = "Assignee";

        /// <summary>SetState: the record (EntityReference).</summary>
        public const string EntityMoniker = "EntityMoniker";

        /// <summary>SetState: the new state (OptionSetValue).</summary>
        public const string State = "State";

        /// <summary>SetState, Win, Lose: the new status (OptionSetValue; -1 = the state's default).</summary>
        public const string Status = "Status";

        /// <summary>Win/Lose: the opportunityclose activity (Entity).</summary>
        public const string OpportunityClose = "OpportunityClose";

        /// <summary>Merge: the id of the record merged away (Guid).</summary>
        public const string SubordinateId = "SubordinateId";

        /// <summary>Merge: columns copied onto the master (Entity).</summary>
        public const string UpdateContent = "UpdateContent";

        /// <summary>Merge: check parenting (bool).</summary>
        public const string PerformParentingChecks = "PerformParentingChecks";

        /// <summary>GrantAccess/ModifyAccess: the principal and access mask (Microsoft.Crm.Sdk.Messages.PrincipalAccess).</summary>
        public const string PrincipalAccess = "PrincipalAccess";

        /// <summary>RevokeAccess: the principal (EntityReference).</summary>
        public const string Revokee = "Revokee";

        /// <summary>Retrieve/Delete/Update: optimistic concurrency behaviour.</summary>
        public const string ConcurrencyBehavior = "ConcurrencyBehavior";

        /// <summary>Create output: the new id.</summary>
        public const string Id = "id";

        /// <summary>Optional parameter: bypass custom synchronous/asynchronous logic (needs prvBypassCustomBusinessLogic).</summary>
        public const string BypassBusinessLogicExecution = "BypassBusinessLogicExecution";

        /// <summary>Optional parameter: bypass the listed step ids.</summary>
        public const string BypassBusinessLogicExecutionStepIds = "BypassBusinessLogicExecutionStepIds";

        /// <summary>Optional legacy parameter: bypass custom plugins (needs prvBypassCustomPlugins).</summary>
        public const string BypassCustomPluginExecution = "BypassCustomPluginExecution";

        /// <summary>Optional parameter: a client's tag, visible as SharedVariables["tag"] (never proof of anything).</summary>
        public const string Tag = "tag";
    }
}
