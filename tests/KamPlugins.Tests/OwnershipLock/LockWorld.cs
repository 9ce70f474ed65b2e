using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Dataverse.Emulator;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Pipeline;
using Dataverse.Emulator.Principals;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using KamPlugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Tests.OwnershipLock
{
    /// <summary>Who starts the operation (the matrix's "who" axis).</summary>
    public enum Who
    {
        /// <summary>The rep who owns the record.</summary>
        OwnerRep,

        /// <summary>Another rep (the 飞单 pull: grabbing a colleague's customer).</summary>
        OtherRep,

        /// <summary>The owner's manager (approves transfers, but may not make them without one).</summary>
        Manager,

        /// <summary>A member of the KAM administrators team.</summary>
        KamAdministrator,

        /// <summary>The SYSTEM user as the client.</summary>
        System,

        /// <summary>
        /// A real-time workflow started by the owner rep: the operation runs nested (depth 2) inside the
        /// triggering operation's transaction, as SYSTEM; the initiating user stays the rep.
        /// </summary>
        WorkflowAtDepth2,

        /// <summary>The System Administrator impersonating the owner rep (CallerId): the initiating user is the rep.</summary>
        Impersonated,
    }

    /// <summary>The state of the approval for the attempted change (the matrix's "approval" axis).</summary>
    public enum ApprovalState
    {
        /// <summary>No request.</summary>
        None,

        /// <summary>A request waiting for the owner's manager.</summary>
        Pending,

        /// <summary>Approved for exactly this record and new owner, unexpired, unused.</summary>
        Approved,

        /// <summary>
        /// Approved for this record but another new owner (a release names no owner: approved for
        /// another account).
        /// </summary>
        ApprovedForAnotherOwner,

        /// <summary>Approved and already used.</summary>
        Consumed,

        /// <summary>Approved, but past its expiry.</summary>
        Expired,
    }

    /// <summary>The kinds of locked record the matrix covers.</summary>
    public enum LockedKind
    {
        /// <summary>An account flagged as a key account.</summary>
        KeyAccount,

        /// <summary>A small opportunity whose customer is a key account.</summary>
        KeyAccountOpportunity,

        /// <summary>An opportunity of an ordinary account, at or above the lock threshold.</summary>
        LargeOpportunity,

        /// <summary>A kam_contract of an ordinary account.</summary>
        Contract,
    }

    /// <summary>
    /// An emulated organisation for ownership-lock behaviour tests: KamPlugins as deployed (every step),
    /// the kam_contract relationship cascades from the solution source, a manager with two reps, a KAM
    /// administrator, and builders for locked records and approval requests. Records are seeded as the
    /// lock leaves them (stamped with their owner).
    /// </summary>
    internal sealed class LockWorld
    {
        internal const decimal LargeValue = 2000000m;
        internal const decimal SmallValue = 50000m;

        private Action<IOrganizationService> workflowAction;
        private int sequence;

        internal LockWorld(PlatformProfile profile)
        {
            Kam = new KamOrganization(profile);
            Org = Kam.Org;
            SolutionCascades.ApplyTo(Org.Metadata);
            Manager = Kam.User("Manager Wang");
            OwnerRep = Kam.User("Rep Li", Manager, LocalizedTextLanguages.Chinese);
            OtherRep = Kam.User("Rep Zhao", Manager);
            Colleague = Kam.User("Rep Sun", Manager);
            Administrator = Kam.KamAdministrator("Admin Chen");
            Org.RegisterStep(
                new PluginStepAttribute(MessageNames.Create, ContactTable.LogicalName, PipelineStage.PostOperation),
                RunWorkflow);
        }

        internal KamOrganization Kam { get; }

        internal DataverseEmulator Org { get; }

        internal User Manager { get; }

        internal User OwnerRep { get; }

        internal User OtherRep { get; }

        internal User Colleague { get; }

        internal User Administrator { get; }

        internal DateTime Now => Org.Clock.UtcNow;

        /// <summary>The user whose decision it is (the initiating user) for <paramref name="who"/>.</summary>
        internal Guid InitiatingUser(Who who)
        {
            switch (who)
            {
                case Who.OtherRep: return OtherRep.Id;
                case Who.Manager: return Manager.Id;
                case Who.KamAdministrator: return Administrator.Id;
                case Who.System: return UserCollection.SystemUserId;
                default: return OwnerRep.Id;
            }
        }

        /// <summary>
        /// Runs <paramref name="operation"/> as <paramref name="who"/>; returns the fault the client got, or
        /// null when it succeeded.
        /// </summary>
        internal FaultException<OrganizationServiceFault> Act(Who who, Action<IOrganizationService> operation)
        {
            try
            {
                switch (who)
                {
                    case Who.OwnerRep: operation(Org.ServiceFor(OwnerRep)); break;
                    case Who.OtherRep: operation(Org.ServiceFor(OtherRep)); break;
                    case Who.Manager: operation(Org.ServiceFor(Manager)); break;
                    case Who.KamAdministrator: operation(Org.ServiceFor(Administrator)); break;
                    case Who.System: operation(Org.ServiceFor(Org.Users.System)); break;
                    case Who.Impersonated: operation(Org.ServiceFor(Org.Users.Administrator.Id, OwnerRep.Id)); break;
                    case Who.WorkflowAtDepth2:
                        workflowAction = operation;
                        try
                        {
                            Org.ServiceFor(OwnerRep).Create(new Entity(ContactTable.LogicalName) { ["lastname"] = "trigger " + Next() });
                        }
                        finally
                        {
                            workflowAction = null;
                        }
                        break;
                }
                return null;
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                return fault;
            }
        }

        // The "workflow": a synchronous step on contact Create that performs the test's operation with a
        // SYSTEM service — nested, at depth 2, inside the triggering transaction.
        private void RunWorkflow(IServiceProvider serviceProvider)
        {
            var action = workflowAction;
            if (action == null) return;
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory));
            action(factory.CreateOrganizationService(null));
        }

        internal string Next() => (++sequence).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>Seeds an account owned by the owner rep, stamped as the lock leaves it.</summary>
        internal EntityReference Account(bool key, User owner = null, EntityReference parent = null)
        {
            var row = new Entity(AccountTable.LogicalName)
            {
                [AccountTable.Name] = (key ? "Key account " : "Account ") + Next(),
                [AccountTable.IsKeyAccount] = key,
            };
            if (parent != null) row[AccountTable.ParentAccountId] = parent;
            return Seed(row, owner ?? OwnerRep, key);
        }

        /// <summary>Seeds an opportunity owned by the owner rep.</summary>
        internal EntityReference Opportunity(EntityReference customer, decimal value, User owner = null, bool stamped = true, EntityReference parentAccount = null)
        {
            var row = new Entity(OpportunityTable.LogicalName)
            {
                [OpportunityTable.Name] = "Opportunity " + Next(),
                [OpportunityTable.CustomerId] = customer,
                [OpportunityTable.EstimatedValue] = new Money(value),
            };
            if (parentAccount != null) row[OpportunityTable.ParentAccountId] = parentAccount;
            return Seed(row, owner ?? OwnerRep, stamped);
        }

        /// <summary>Seeds a contract owned by the owner rep.</summary>
        internal EntityReference Contract(EntityReference customer, User owner = null)
        {
            var row = new Entity(ContractTable.LogicalName)
            {
                [ContractTable.Name] = "Contract " + Next(),
                [ContractTable.CustomerId] = customer,
                [ContractTable.ContractStatus] = new OptionSetValue((int)ContractStatus.Draft),
            };
            return Seed(row, owner ?? OwnerRep, true);
        }

        /// <summary>A locked record of <paramref name="kind"/> owned by the owner rep.</summary>
        internal EntityReference Locked(LockedKind kind)
        {
            switch (kind)
            {
                case LockedKind.KeyAccount: return Account(true);
                case LockedKind.KeyAccountOpportunity: return Opportunity(Account(true), SmallValue);
                case LockedKind.LargeOpportunity: return Opportunity(Account(false), LargeValue);
                default: return Contract(Account(false));
            }
        }

        private EntityReference Seed(Entity row, User owner, bool stamped)
        {
            row[CommonColumns.OwnerId] = owner.ToEntityReference();
            if (stamped) row[CommonColumns.ApprovedOwnerId] = owner.ToEntityReference();
            Org.Seed(row);
            return new EntityReference(row.LogicalName, row.Id);
        }

        /// <summary>
        /// Seeds an approval request for <paramref name="record"/> in <paramref name="state"/>, asked by the
        /// owner rep and decided by their manager (null for <see cref="ApprovalState.None"/>).
        /// </summary>
        internal EntityReference Approval(EntityReference record, ApprovalType type, ApprovalState state, User proposedOwner = null)
        {
            if (state == ApprovalState.None) return null;
            var facts = Org.Get(record);
            var regarding = record.LogicalName == AccountTable.LogicalName ? ApprovalRequestTable.RegardingAccountId
                : record.LogicalName == OpportunityTable.LogicalName ? ApprovalRequestTable.RegardingOpportunityId
                : ApprovalRequestTable.RegardingContractId;
            var status = state == ApprovalState.Pending ? ApprovalStatus.Pending : state == ApprovalState.Consumed ? ApprovalStatus.Consumed : ApprovalStatus.Approved;
            var row = new Entity(ApprovalRequestTable.LogicalName)
            {
                [ApprovalRequestTable.Name] = type + " " + Next(),
                [ApprovalRequestTable.RequestType] = new OptionSetValue((int)type),
                [ApprovalRequestTable.Status] = new OptionSetValue((int)status),
                [regarding] = type != ApprovalType.OwnershipTransfer && state == ApprovalState.ApprovedForAnotherOwner ? Account(true) : record,
                [ApprovalRequestTable.RequesterId] = OwnerRep.ToEntityReference(),
                [ApprovalRequestTable.SnapshotOwnerId] = facts.GetAttributeValue<EntityReference>(CommonColumns.OwnerId),
                [ApprovalRequestTable.CurrentLevel] = 1,
                [ApprovalRequestTable.RequiredLevels] = 1,
                [ApprovalRequestTable.ExpiresOn] = state == ApprovalState.Expired ? Now.AddDays(-1) : Now.AddDays(7),
                [CommonColumns.CreatedOn] = Now.AddDays(-2),
                [CommonColumns.OwnerId] = OwnerRep.ToEntityReference(),
            };
            if (type == ApprovalType.OwnershipTransfer)
                row[ApprovalRequestTable.ProposedOwnerId] = (state == ApprovalState.ApprovedForAnotherOwner ? Colleague : proposedOwner ?? OtherRep).ToEntityReference();
            var customer = facts.GetAttributeValue<EntityReference>(OpportunityTable.CustomerId) ?? facts.GetAttributeValue<EntityReference>(ContractTable.CustomerId);
            if (customer != null && record.LogicalName != AccountTable.LogicalName) row[ApprovalRequestTable.SnapshotCustomerId] = customer;
            if (state == ApprovalState.Pending)
            {
                row[ApprovalRequestTable.CurrentApproverId] = Manager.ToEntityReference();
            }
            else
            {
                row[ApprovalRequestTable.DecidedOn] = Now.AddDays(-1);
                row[ApprovalRequestTable.DecidedById] = Manager.ToEntityReference();
            }
            if (state == ApprovalState.Consumed) row[ApprovalRequestTable.ConsumedOn] = Now.AddHours(-1);
            Org.Seed(row);
            return new EntityReference(ApprovalRequestTable.LogicalName, row.Id);
        }

        /// <summary>The request's status now.</summary>
        internal ApprovalStatus StatusOf(EntityReference request) =>
            (ApprovalStatus)Org.Get(request).GetAttributeValue<OptionSetValue>(ApprovalRequestTable.Status).Value;

        /// <summary>The record's owner now.</summary>
        internal EntityReference OwnerOf(EntityReference record) => Org.Get(record).GetAttributeValue<EntityReference>(CommonColumns.OwnerId);

        /// <summary>The record's approved owner stamp now.</summary>
        internal EntityReference StampOf(EntityReference record) => Org.Get(record).GetAttributeValue<EntityReference>(CommonColumns.ApprovedOwnerId);

        /// <summary>The guard events recorded for <paramref name="record"/>.</summary>
        internal IReadOnlyList<Entity> EventsFor(EntityReference record) =>
            Kam.GuardEvents.Where(e => e.GetAttributeValue<string>(GuardEventTable.RecordId) == record.Id.ToString("D")).ToList();

        /// <summary>The guard events for <paramref name="record"/> with <paramref name="outcome"/>.</summary>
        internal IReadOnlyList<Entity> EventsFor(EntityReference record, GuardEventOutcome outcome) =>
            EventsFor(record).Where(e => e.GetAttributeValue<OptionSetValue>(GuardEventTable.Outcome)?.Value == (int)outcome).ToList();

        /// <summary>The service calls the ownership lock's own steps made in the last operation.</summary>
        internal int LockCallsOfLastOperation() => LockCalls(Org.LastOperation.PluginCalls);

        /// <summary>The service calls the ownership lock's own steps made, among <paramref name="counter"/>.</summary>
        internal static int LockCalls(Dataverse.Emulator.Measurement.CallCounter counter) =>
            counter.Calls.Count(c => c.StepName != null && c.StepName.StartsWith("KamPlugins.Plugins.OwnershipLock", StringComparison.Ordinal));

        /// <summary>The ids of the column comparison "owner changed outside the guard" (ownerid ≠ kam_approvedownerid).</summary>
        internal IReadOnlyList<Guid> OwnerChangedOutsideTheGuard(string table)
        {
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(CommonColumns.OwnerId) };
            query.Criteria.AddCondition(new ConditionExpression(CommonColumns.OwnerId, ConditionOperator.NotEqual, true, CommonColumns.ApprovedOwnerId));
            return Org.AdminService.RetrieveMultiple(query).Entities.Select(e => e.Id).ToList();
        }
    }

    /// <summary>UI languages used by the world.</summary>
    internal static class LocalizedTextLanguages
    {
        internal const int Chinese = 2052;
    }

    /// <summary>Asserting helpers on faults.</summary>
    internal static class LockFaults
    {
        /// <summary>True when the fault is the lock's refusal (a plugin's InvalidPluginExecutionException with the lock's message).</summary>
        internal static bool IsLockRefusal(FaultException<OrganizationServiceFault> fault) =>
            fault != null && fault.Detail.ErrorCode == ErrorCodes.IsvAborted && fault.Detail.Message.Contains("防飞单");
    }
}
