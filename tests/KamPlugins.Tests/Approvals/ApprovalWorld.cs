using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Dataverse.Emulator;
using Dataverse.Emulator.Measurement;
using Dataverse.Emulator.Principals;
using KamPlugins.Model;
using KamPlugins.Platform.Localization;
using KamPlugins.Plugins;
using KamPlugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    /// <summary>
    /// A sales organisation for approval behaviour tests: rep Li Na → manager Wang Wei → director
    /// Chen Jie (top of chain); KAM administrator Zhao Min; a customer account, opportunities and
    /// contracts seeded directly (no pipeline), and the approval actions spoken as Dataverse messages.
    /// </summary>
    internal sealed class ApprovalWorld
    {
        internal ApprovalWorld(PlatformProfile profile, int repLanguage = LocalizedText.English)
        {
            Kam = new KamOrganization(profile);
            Director = Kam.User("Chen Jie");
            Manager = Kam.User("Wang Wei", Director);
            Rep = Kam.User("Li Na", Manager, repLanguage);
            Colleague = Kam.User("Liu Yang", Manager);
            Administrator = Kam.KamAdministrator("Zhao Min");
            Customer = new EntityReference(AccountTable.LogicalName, Org.Seed(new Entity(AccountTable.LogicalName)
            {
                [AccountTable.Name] = "Shanghai Trading",
                [CommonColumns.OwnerId] = Rep.ToEntityReference(),
            }));
        }

        internal KamOrganization Kam { get; }
        internal DataverseEmulator Org => Kam.Org;
        internal User Director { get; }
        internal User Manager { get; }
        internal User Rep { get; }
        internal User Colleague { get; }
        internal User Administrator { get; }
        internal EntityReference Customer { get; }
        internal DateTime Now => Org.Clock.UtcNow;

        // ---- records --------------------------------------------------------------------------------

        internal EntityReference KeyAccount(string name = "Beijing Steel")
        {
            return new EntityReference(AccountTable.LogicalName, Org.Seed(new Entity(AccountTable.LogicalName)
            {
                [AccountTable.Name] = name,
                [AccountTable.IsKeyAccount] = true,
                [CommonColumns.OwnerId] = Rep.ToEntityReference(),
            }));
        }

        internal EntityReference Opportunity(decimal? estimated, EntityReference customer = null, User owner = null, string name = "Big deal")
        {
            var row = new Entity(OpportunityTable.LogicalName)
            {
                [OpportunityTable.Name] = name,
                [OpportunityTable.CustomerId] = customer ?? Customer,
                [CommonColumns.OwnerId] = (owner ?? Rep).ToEntityReference(),
            };
            if (estimated.HasValue) row[OpportunityTable.EstimatedValue] = new Money(estimated.Value);
            return new EntityReference(OpportunityTable.LogicalName, Org.Seed(row));
        }

        internal EntityReference Contract(ContractStatus status, decimal value = 300000m, DateTime? endDate = null, string name = "Supply 2025")
        {
            return new EntityReference(ContractTable.LogicalName, Org.Seed(new Entity(ContractTable.LogicalName)
            {
                [ContractTable.Name] = name,
                [ContractTable.CustomerId] = Customer,
                [ContractTable.Value] = new Money(value),
                [ContractTable.StartDate] = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
                [ContractTable.EndDate] = endDate ?? new DateTime(2025, 12, 31, 0, 0, 0, DateTimeKind.Utc),
                [ContractTable.ContractStatus] = new OptionSetValue((int)status),
                [CommonColumns.OwnerId] = Rep.ToEntityReference(),
            }));
        }

        // ---- requests ---------------------------------------------------------------------------------

        /// <summary>Submits a request as <paramref name="requester"/> (Create of kam_approvalrequest, as the form does).</summary>
        internal Guid Submit(User requester, ApprovalType type, EntityReference record, EntityReference proposedOwner = null, Action<Entity> tamper = null)
        {
            var request = new Entity(ApprovalRequestTable.LogicalName)
            {
                [ApprovalRequestTable.RequestType] = new OptionSetValue((int)type),
                [ApprovalRequestTable.Justification] = "please",
            };
            var column = record.LogicalName == AccountTable.LogicalName ? ApprovalRequestTable.RegardingAccountId
                : record.LogicalName == OpportunityTable.LogicalName ? ApprovalRequestTable.RegardingOpportunityId
                : ApprovalRequestTable.RegardingContractId;
            request[column] = record;
            if (proposedOwner != null) request[ApprovalRequestTable.ProposedOwnerId] = proposedOwner;
            tamper?.Invoke(request);
            return Kam.As(requester).Create(request);
        }

        /// <summary>Asks for an action by writing kam_requestedaction (and a comment), as the form's field or a flow does.</summary>
        internal void Act(User user, Guid request, ApprovalAction action, string comment = null)
        {
            var row = new Entity(ApprovalRequestTable.LogicalName, request) { [ApprovalRequestTable.RequestedAction] = new OptionSetValue((int)action) };
            if (comment != null) row[ApprovalRequestTable.ActionComment] = comment;
            Kam.As(user).Update(row);
        }

        /// <summary>Submits and has every level approved by its current approver (administrators: Zhao Min).</summary>
        internal Guid Approved(ApprovalType type, EntityReference record, User requester = null, EntityReference proposedOwner = null)
        {
            var id = Submit(requester ?? Rep, type, record, proposedOwner);
            for (var guard = 0; guard < 5 && Status(id) == ApprovalStatus.Pending; guard++)
                Act(CurrentApprover(id) ?? Administrator, id, ApprovalAction.Approve);
            Assert.That(Status(id), Is.EqualTo(ApprovalStatus.Approved), "setup: the request should be approved");
            return id;
        }

        internal Entity Request(Guid id) => Org.Get(ApprovalRequestTable.LogicalName, id);

        internal ApprovalStatus Status(Guid id) => (ApprovalStatus)Request(id).GetAttributeValue<OptionSetValue>(ApprovalRequestTable.Status).Value;

        internal User CurrentApprover(Guid id) => Org.Users.Find(Request(id).GetAttributeValue<EntityReference>(ApprovalRequestTable.CurrentApproverId)?.Id);

        internal IReadOnlyList<Entity> History(Guid id) =>
            Org.All(ApprovalDecisionTable.LogicalName)
                .Where(d => d.GetAttributeValue<EntityReference>(ApprovalDecisionTable.ApprovalRequestId)?.Id == id)
                .OrderBy(d => d.GetAttributeValue<DateTime>(CommonColumns.CreatedOn))
                .ThenBy(d => d.GetAttributeValue<int?>(ApprovalDecisionTable.Level))
                .ToList();

        internal int RequestCount => Org.Count(ApprovalRequestTable.LogicalName);

        internal IReadOnlyList<Entity> GuardEvents(GuardEventKind kind, GuardEventOutcome outcome) =>
            Kam.GuardEvents.Where(e => e.GetAttributeValue<OptionSetValue>(GuardEventTable.Kind)?.Value == (int)kind
                && e.GetAttributeValue<OptionSetValue>(GuardEventTable.Outcome)?.Value == (int)outcome).ToList();

        // ---- operations -------------------------------------------------------------------------------

        internal void Win(User user, EntityReference opportunity, decimal? revenue = null) => Close(user, opportunity, true, revenue);

        internal void Lose(User user, EntityReference opportunity) => Close(user, opportunity, false, 0m);

        private void Close(User user, EntityReference opportunity, bool won, decimal? revenue)
        {
            var close = new Entity(OpportunityCloseTable.LogicalName)
            {
                [OpportunityCloseTable.OpportunityId] = opportunity,
                [OpportunityCloseTable.Subject] = won ? "won" : "lost",
            };
            if (revenue.HasValue) close[OpportunityCloseTable.ActualRevenue] = new Money(revenue.Value);
            Kam.As(user).Execute(new OrganizationRequest(won ? "WinOpportunity" : "LoseOpportunity")
            {
                ["OpportunityClose"] = close,
                ["Status"] = new OptionSetValue(won ? OpportunityTable.Status.Won : OpportunityTable.Status.OutSold),
            });
        }

        internal int OpportunityState(EntityReference opportunity) => Org.Get(opportunity).GetAttributeValue<OptionSetValue>(CommonColumns.StateCode).Value;

        internal void SetContractStatus(User user, EntityReference contract, ContractStatus status) =>
            Kam.As(user).Update(new Entity(ContractTable.LogicalName, contract.Id) { [ContractTable.ContractStatus] = new OptionSetValue((int)status) });

        internal int ContractStatusOf(EntityReference contract) => Org.Get(contract).GetAttributeValue<OptionSetValue>(ContractTable.ContractStatus).Value;

        /// <summary>The fault a client gets from <paramref name="action"/> (fails the test when it succeeds).</summary>
        internal static OrganizationServiceFault Refused(Action action)
        {
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(action);
            return fault.Detail;
        }

        /// <summary>The service calls the approval area's own steps made in <paramref name="record"/>, by message.</summary>
        internal static int OwnCalls(OperationRecord record) =>
            record.PluginCalls.Calls.Count(c => OwnStep(c.StepName));

        internal static string OwnCallsText(OperationRecord record) =>
            string.Join(", ", record.PluginCalls.Calls.Where(c => OwnStep(c.StepName)).GroupBy(c => c.Message + " " + c.Table).Select(g => g.Key + "×" + g.Count()));

        private static bool OwnStep(string stepName) =>
            stepName != null && new[] { typeof(ApprovalRequestCreatePlugin), typeof(ApprovalRequestUpdatePlugin), typeof(ApprovalRecordGuardPlugin), typeof(ApprovalPendingLockPlugin), typeof(OpportunityCloseGuardPlugin), typeof(ContractLifecyclePlugin) }
                .Any(t => stepName.StartsWith(t.FullName + ":", StringComparison.Ordinal));
    }
}
