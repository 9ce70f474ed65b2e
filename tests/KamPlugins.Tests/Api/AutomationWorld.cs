using System;
using System.Linq;
using System.ServiceModel;
using Dataverse.Emulator;
using Dataverse.Emulator.Principals;
using KamPlugins.Model;
using KamPlugins.Operations;
using KamPlugins.Platform;
using KamPlugins.Platform.Localization;
using KamPlugins.Plugins;
using KamPlugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Api
{
    /// <summary>
    /// An organisation for the automation tests: manager Wang Wei → reps Li Lei (English) and Zhang Wei
    /// (Chinese) and their colleague Liu Yang; Zhao Min, a KAM administrator; Sun Li, a user outside the
    /// team who cannot see the records hidden from her. Accounts, opportunities, contracts and goals are
    /// seeded directly (no pipeline); the custom APIs are called as Dataverse messages.
    /// </summary>
    internal sealed class AutomationWorld
    {
        internal const string RepRole = "Key Account Manager";
        internal const string ManagerRole = "KAM Sales Manager";

        /// <summary>The goal period used by the goal tests: January 2025 (31 days; the clock starts on 6 January).</summary>
        internal static readonly DateTime PeriodStart = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        internal static readonly DateTime PeriodEnd = new DateTime(2025, 1, 31, 0, 0, 0, DateTimeKind.Utc);

        internal AutomationWorld(PlatformProfile profile = null)
        {
            Kam = new KamOrganization(profile);
            Org.Roles.Add(RepRole, ApiNames.CreateApprovalRequestPrivilege);
            Org.Roles.Add(ManagerRole, ApiNames.CreateApprovalRequestPrivilege, ApiNames.WriteGoalPrivilege);
            Manager = Kam.User("Wang Wei").WithRoles(ManagerRole);
            Rep = Kam.User("Li Lei", Manager).WithRoles(RepRole);
            ChineseRep = Kam.User("Zhang Wei", Manager, LocalizedText.SimplifiedChinese).WithRoles(RepRole);
            Colleague = Kam.User("Liu Yang", Manager).WithRoles(RepRole);
            Administrator = Kam.KamAdministrator("Zhao Min").WithRoles(ManagerRole);
            Outsider = Kam.User("Sun Li").WithRoles(ManagerRole);
            Hidden = HiddenRecords.InstallOn(Org);
            Customer = Account("Shanghai Trading", isKeyAccount: false);
        }

        internal KamOrganization Kam { get; }
        internal DataverseEmulator Org => Kam.Org;
        internal User Manager { get; }
        internal User Rep { get; }
        internal User ChineseRep { get; }
        internal User Colleague { get; }
        internal User Administrator { get; }
        internal User Outsider { get; }
        internal HiddenRecords Hidden { get; }
        internal EntityReference Customer { get; }

        // ---- records --------------------------------------------------------------------------------

        internal EntityReference Account(string name, bool isKeyAccount, User owner = null) =>
            new EntityReference(AccountTable.LogicalName, Org.Seed(new Entity(AccountTable.LogicalName)
            {
                [AccountTable.Name] = name,
                [AccountTable.IsKeyAccount] = isKeyAccount,
                [CommonColumns.OwnerId] = (owner ?? Rep).ToEntityReference(),
            }));

        internal EntityReference Opportunity(decimal estimated, EntityReference customer = null, string name = "Steel supply")
        {
            return new EntityReference(OpportunityTable.LogicalName, Org.Seed(new Entity(OpportunityTable.LogicalName)
            {
                [OpportunityTable.Name] = name,
                [OpportunityTable.CustomerId] = customer ?? Customer,
                [OpportunityTable.EstimatedValue] = new Money(estimated),
                [CommonColumns.OwnerId] = Rep.ToEntityReference(),
            }));
        }

        internal EntityReference WonOpportunity(decimal actual, DateTime closedOn, User owner)
        {
            return new EntityReference(OpportunityTable.LogicalName, Org.Seed(new Entity(OpportunityTable.LogicalName)
            {
                [OpportunityTable.Name] = "Won " + actual.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [OpportunityTable.CustomerId] = Customer,
                [OpportunityTable.EstimatedValue] = new Money(actual),
                [OpportunityTable.ActualValue] = new Money(actual),
                [OpportunityTable.ActualCloseDate] = closedOn,
                [CommonColumns.StateCode] = new OptionSetValue(OpportunityTable.State.Won),
                [CommonColumns.StatusCode] = new OptionSetValue(OpportunityTable.Status.Won),
                [CommonColumns.OwnerId] = owner.ToEntityReference(),
            }));
        }

        internal EntityReference Contract(ContractStatus status = ContractStatus.Draft) =>
            new EntityReference(ContractTable.LogicalName, Org.Seed(new Entity(ContractTable.LogicalName)
            {
                [ContractTable.Name] = "Supply 2025",
                [ContractTable.CustomerId] = Customer,
                [ContractTable.Value] = new Money(300000m),
                [ContractTable.StartDate] = PeriodStart,
                [ContractTable.EndDate] = new DateTime(2025, 12, 31, 0, 0, 0, DateTimeKind.Utc),
                [ContractTable.ContractStatus] = new OptionSetValue((int)status),
                [CommonColumns.OwnerId] = Rep.ToEntityReference(),
            }));

        /// <summary>A won-revenue metric (money): actual = won opportunities' actual value by close date; in progress = open pipeline by estimated close date.</summary>
        internal EntityReference RevenueMetric()
        {
            var metric = Org.Seed(new Entity(MetricTable.LogicalName)
            {
                [MetricTable.Name] = "Won revenue",
                [MetricTable.IsAmount] = true,
                [MetricTable.AmountDataType] = new OptionSetValue((int)GoalAmountDataType.Money),
            });
            Org.Seed(new Entity(RollupFieldTable.LogicalName)
            {
                [RollupFieldTable.MetricId] = new EntityReference(MetricTable.LogicalName, metric),
                [RollupFieldTable.GoalAttribute] = "actualmoney",
                [RollupFieldTable.SourceEntity] = OpportunityTable.LogicalName,
                [RollupFieldTable.SourceAttribute] = OpportunityTable.ActualValue,
                [RollupFieldTable.DateAttribute] = OpportunityTable.ActualCloseDate,
                [RollupFieldTable.EntityForDateAttribute] = OpportunityTable.LogicalName,
                [RollupFieldTable.SourceState] = OpportunityTable.State.Won,
            });
            Org.Seed(new Entity(RollupFieldTable.LogicalName)
            {
                [RollupFieldTable.MetricId] = new EntityReference(MetricTable.LogicalName, metric),
                [RollupFieldTable.GoalAttribute] = "inprogressmoney",
                [RollupFieldTable.SourceEntity] = OpportunityTable.LogicalName,
                [RollupFieldTable.SourceAttribute] = OpportunityTable.EstimatedValue,
                [RollupFieldTable.DateAttribute] = OpportunityTable.EstimatedCloseDate,
                [RollupFieldTable.EntityForDateAttribute] = OpportunityTable.LogicalName,
                [RollupFieldTable.SourceState] = OpportunityTable.State.Open,
            });
            return new EntityReference(MetricTable.LogicalName, metric);
        }

        /// <summary>A January goal of <paramref name="owner"/> with stored values (null: empty column).</summary>
        internal EntityReference Goal(EntityReference metric, User owner, decimal target, decimal? actual = null, decimal? inProgress = null, EntityReference parent = null, string title = "January revenue", bool closed = false)
        {
            var row = new Entity(GoalTable.LogicalName)
            {
                [GoalTable.Title] = title,
                [GoalTable.MetricId] = metric,
                [GoalTable.GoalOwnerId] = owner.ToEntityReference(),
                [CommonColumns.OwnerId] = Manager.ToEntityReference(),
                [GoalTable.GoalStartDate] = PeriodStart,
                [GoalTable.GoalEndDate] = PeriodEnd,
                ["targetmoney"] = new Money(target),
            };
            if (actual.HasValue) row["actualmoney"] = new Money(actual.Value);
            if (inProgress.HasValue) row["inprogressmoney"] = new Money(inProgress.Value);
            if (parent != null) row[GoalTable.ParentGoalId] = parent;
            if (closed)
            {
                row[CommonColumns.StateCode] = new OptionSetValue(GoalTable.State.Inactive);
                row[CommonColumns.StatusCode] = new OptionSetValue(1);
            }
            return new EntityReference(GoalTable.LogicalName, Org.Seed(row));
        }

        internal decimal? Money(EntityReference record, string column) => Org.Get(record).GetAttributeValue<Money>(column)?.Value;

        // ---- messages -----------------------------------------------------------------------------------

        /// <summary>Calls a custom API as <paramref name="user"/>; returns its response properties.</summary>
        internal ParameterCollection Call(User user, string message, params (string Name, object Value)[] parameters)
        {
            var request = new OrganizationRequest(message);
            foreach (var (name, value) in parameters) request[name] = value;
            return Kam.As(user).Execute(request).Results;
        }

        /// <summary>The fault a client gets from a custom API call (fails the test when the call succeeds).</summary>
        internal OrganizationServiceFault Refused(User user, string message, params (string Name, object Value)[] parameters)
        {
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Call(user, message, parameters));
            return fault.Detail;
        }

        /// <summary>Submits a request as the form does (Create of kam_approvalrequest).</summary>
        internal Guid Submit(User requester, ApprovalType type, EntityReference record, EntityReference proposedOwner = null)
        {
            var request = new Entity(ApprovalRequestTable.LogicalName)
            {
                [ApprovalRequestTable.RequestType] = new OptionSetValue((int)type),
                [KamPlugins.Approvals.ApprovalTypes.RegardingColumn(record.LogicalName)] = record,
            };
            if (proposedOwner != null) request[ApprovalRequestTable.ProposedOwnerId] = proposedOwner;
            return Kam.As(requester).Create(request);
        }

        /// <summary>Asks for a decision, as the form's action field does.</summary>
        internal void Act(User user, Guid request, ApprovalAction action) =>
            Kam.As(user).Update(new Entity(ApprovalRequestTable.LogicalName, request) { [ApprovalRequestTable.RequestedAction] = new OptionSetValue((int)action) });

        internal int RequestCount => Org.Count(ApprovalRequestTable.LogicalName);

        /// <summary>The words of "does not exist or no permission" for a record, in English.</summary>
        internal static string NotFoundText(EntityReference record) => OperationTexts.RecordNotFound.Format(record.LogicalName, record.Id).EnglishText;

        /// <summary>An operation context for <paramref name="user"/> over client services, as an activity builds it.</summary>
        internal AutomationContext ContextFor(User user) =>
            new AutomationContext(
                user.Id,
                Kam.As(user),
                Org.ServiceFor(UserCollection.SystemUserId),
                new FixedClock(Org.Clock.UtcNow),
                null);

        /// <summary>The ids of every request for a record.</summary>
        internal int RequestsFor(EntityReference record) =>
            Org.All(ApprovalRequestTable.LogicalName).Count(r => KamPlugins.Approvals.Data.ApprovalRequestStore.RecordOf(r)?.Id == record.Id);
    }
}
