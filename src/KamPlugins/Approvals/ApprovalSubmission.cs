using System;
using System.Linq;
using KamPlugins.Approvals.Data;
using KamPlugins.Configuration;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Localization;
using KamPlugins.Security;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Approvals
{
    /// <summary>
    /// Submitting a request (Create of kam_approvalrequest): validates what the client asked for, takes
    /// the requester from the pipeline and the snapshot from the record, routes level 1, and fills in
    /// every engine column — whatever the client sent in them is overwritten.
    /// </summary>
    internal static class ApprovalSubmission
    {
        private static readonly ApprovalStatus[] PendingOnly = { ApprovalStatus.Pending };

        /// <summary>
        /// PreOperation of Create: validates and completes <paramref name="target"/>, or throws a
        /// <see cref="KamException"/> (inside the transaction: nothing is written).
        /// </summary>
        internal static void Prepare(LocalPluginContext context, Entity target)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            if (target == null) throw new ArgumentNullException(nameof(target));
            var now = context.Clock.UtcNow;
            var requesterId = context.InitiatingUserId;

            var type = ReadType(target);
            var record = ReadRecord(target, type);
            var proposedOwner = target.GetAttributeValue<EntityReference>(ApprovalRequestTable.ProposedOwnerId);
            if (type == ApprovalType.OwnershipTransfer && proposedOwner == null) throw new KamException(ApprovalTexts.ProposedOwnerRequired);
            if (type != ApprovalType.OwnershipTransfer && proposedOwner != null)
                throw new KamException(ApprovalTexts.Format(ApprovalTexts.ProposedOwnerNotAllowed, ApprovalTexts.TypeName(type)));

            var system = context.SystemService;
            var facts = new RecordReader(system).Read(record)
                ?? throw new KamException(ApprovalTexts.Format(ApprovalTexts.RecordNotFound, ApprovalTexts.TableName(record.LogicalName), record.Id.ToString("D")));
            CheckRecordState(type, facts);

            var users = new UserDirectory(system);
            if (type == ApprovalType.OwnershipTransfer)
            {
                if (!users.IsActivePrincipal(proposedOwner))
                    throw new KamException(ApprovalTexts.Format(ApprovalTexts.ProposedOwnerNotFound, proposedOwner.Name ?? proposedOwner.Id.ToString("D")));
                if (Equals(facts.Owner, proposedOwner)) throw new KamException(ApprovalTexts.Format(ApprovalTexts.ProposedOwnerIsOwner, facts.DisplayName));
            }

            var settings = SettingsReader.Read(context);
            RefuseSecondPending(context, type, facts, users, settings, now);

            var snapshot = ApprovalSnapshots.For(type, facts, proposedOwner);
            var levels = ApprovalLevels.Required(snapshot.Amount, settings);
            var beneficiary = ApprovalDecisions.BeneficiaryOf(proposedOwner);
            var assignment = ApprovalRouting.Next(users.ManagerOf(requesterId), requesterId, beneficiary, null);
            var team = assignment.IsAdministrators ? RequireAdministratorsTeam(system, settings) : (Guid?)null;
            context.Trace("submit {0} for {1} {2}: {3} level(s), level 1 → {4}", type, record.LogicalName, record.Id,
                levels, assignment.IsAdministrators ? "administrators (" + assignment.AdministratorReason + ")" : assignment.User.UserId.ToString());

            target[ApprovalRequestTable.Name] = RequestName(type, facts);
            target[ApprovalRequestTable.RequesterId] = new EntityReference(SystemUserTable.LogicalName, requesterId);
            target[ApprovalRequestTable.Status] = new OptionSetValue((int)ApprovalStatus.Pending);
            target[ApprovalRequestTable.CurrentLevel] = 1;
            target[ApprovalRequestTable.RequiredLevels] = levels;
            target[ApprovalRequestTable.CurrentApproverId] = assignment.IsAdministrators ? null : new EntityReference(SystemUserTable.LogicalName, assignment.User.UserId);
            target[ApprovalRequestTable.ApproverTeamId] = team.HasValue ? new EntityReference(TeamTable.LogicalName, team.Value) : null;
            target[ApprovalRequestTable.ExpiresOn] = ApprovalExpiry.ExpiresOn(now, settings.ApprovalExpiryDays);
            target[ApprovalRequestTable.SnapshotAmount] = snapshot.Amount.HasValue ? new Money(snapshot.Amount.Value) : null;
            target[ApprovalRequestTable.SnapshotCustomerId] = snapshot.Customer;
            target[ApprovalRequestTable.SnapshotOwnerId] = facts.Owner;
            target[ApprovalRequestTable.ProposedState] = snapshot.ProposedState;
            target[ApprovalRequestTable.DecidedOn] = null;
            target[ApprovalRequestTable.DecidedById] = null;
            target[ApprovalRequestTable.ConsumedOn] = null;
            target[ApprovalRequestTable.RequestedAction] = null;
            target[ApprovalRequestTable.ActionComment] = null;
        }

        /// <summary>PostOperation of Create: the first entry of the request's history (1 Upsert).</summary>
        internal static void RecordSubmission(LocalPluginContext context, Guid requestId, Entity target)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            if (target == null) throw new ArgumentNullException(nameof(target));
            new ApprovalRequestStore(context.SystemService).WriteDecision(
                context.SharedVariables,
                requestId,
                Guid.Empty, // one Submit entry per request, whichever operation (or retry) writes it
                context.InitiatingUserId,
                context.Clock.UtcNow,
                target.GetAttributeValue<int?>(ApprovalRequestTable.CurrentLevel) ?? 1,
                ApprovalAction.Submit,
                target.GetAttributeValue<string>(ApprovalRequestTable.Justification),
                target.GetAttributeValue<string>(ApprovalRequestTable.Name));
        }

        /// <summary>The KAM administrators team's id; a request cannot be routed without it (1 RetrieveMultiple).</summary>
        internal static Guid RequireAdministratorsTeam(IOrganizationService system, KamSettings settings)
        {
            var team = KamAdministrators.FindTeam(system, settings.KamAdministratorsTeam);
            if (team == null) throw new KamException(ApprovalTexts.Format(ApprovalTexts.AdministratorsTeamMissing, settings.KamAdministratorsTeam));
            return team.Value;
        }

        private static ApprovalType ReadType(Entity target)
        {
            var value = target.GetAttributeValue<OptionSetValue>(ApprovalRequestTable.RequestType);
            if (value == null) throw new KamException(ApprovalTexts.MissingType);
            if (!ApprovalTypes.IsDefined(value.Value)) throw new KamException(ApprovalTexts.Format(ApprovalTexts.UnknownType, value.Value));
            return (ApprovalType)value.Value;
        }

        private static EntityReference ReadRecord(Entity target, ApprovalType type)
        {
            var named = ApprovalTypes.RegardingColumns
                .Select(c => new { Column = c, Reference = target.GetAttributeValue<EntityReference>(c.Key) })
                .Where(x => x.Reference != null && x.Reference.Id != Guid.Empty)
                .ToList();
            if (named.Count == 0) throw new KamException(ApprovalTexts.MissingRecord);
            if (named.Count > 1) throw new KamException(ApprovalTexts.SeveralRecords);
            var table = named[0].Column.Value;
            if (!ApprovalTypes.Fits(type, table))
                throw new KamException(ApprovalTexts.Format(ApprovalTexts.TypeDoesNotFit, ApprovalTexts.TypeName(type), ApprovalTexts.TableName(table), AllowedTables(type)));
            return new EntityReference(table, named[0].Reference.Id);
        }

        private static LocalizedText AllowedTables(ApprovalType type)
        {
            var names = ApprovalTypes.TablesFor(type).Select(ApprovalTexts.TableName).ToList();
            return new LocalizedText(
                string.Join(", ", names.Select(n => n.EnglishText)),
                string.Join("、", names.Select(n => n.ChineseText)));
        }

        private static void CheckRecordState(ApprovalType type, RecordFacts facts)
        {
            switch (type)
            {
                case ApprovalType.OpportunityWin:
                case ApprovalType.OpportunityLoss:
                    if (facts.State != OpportunityTable.State.Open)
                        throw new KamException(ApprovalTexts.Format(ApprovalTexts.OpportunityNotOpen, ApprovalTexts.TypeName(type), facts.DisplayName, ApprovalTexts.OpportunityStateName(facts.State)));
                    break;
                case ApprovalType.ContractActivation:
                    RequireContractStatus(type, facts, ContractStatus.Draft);
                    break;
                case ApprovalType.ContractTermination:
                    RequireContractStatus(type, facts, ContractStatus.Active);
                    break;
                case ApprovalType.KeyAccountRelease:
                    if (!facts.IsKeyAccount) throw new KamException(ApprovalTexts.Format(ApprovalTexts.NotAKeyAccount, facts.DisplayName));
                    break;
            }
        }

        private static void RequireContractStatus(ApprovalType type, RecordFacts facts, ContractStatus required)
        {
            if (facts.State != (int)required)
                throw new KamException(ApprovalTexts.Format(ApprovalTexts.ContractWrongStatus, ApprovalTexts.TypeName(type),
                    ApprovalTexts.ContractStatusName((int)required), facts.DisplayName, ApprovalTexts.ContractStatusName(facts.State)));
        }

        /// <summary>
        /// One pending request per record and type: a live one is explained and refused; one whose
        /// expiry has passed is marked Expired (an engine write) so the new one can take its place.
        /// </summary>
        private static void RefuseSecondPending(LocalPluginContext context, ApprovalType type, RecordFacts facts, UserDirectory users, KamSettings settings, DateTime now)
        {
            var store = new ApprovalRequestStore(context.SystemService);
            var pending = store.ForRecord(facts.Record, new[] { type }, PendingOnly);
            var live = pending.FirstOrDefault(r => ApprovalUsability.IsPending(r, now));
            if (live != null)
            {
                var names = new ApproverNames(users, settings);
                throw new KamException(ApprovalTexts.Format(ApprovalTexts.DuplicatePending,
                    ApprovalTexts.TypeName(type), facts.DisplayName, names.NameOf(live.RequesterId), ApprovalTexts.Date(live.CreatedOn),
                    names.CurrentApprover(live), ApprovalTexts.Date(live.ExpiresOn)));
            }
            foreach (var stale in pending)
            {
                EngineWrites.Announce(context.SharedVariables, stale.Id);
                store.MarkExpired(stale.Id);
                context.Trace("request {0} expired on {1}: marked Expired", stale.Id, stale.ExpiresOn);
            }
        }

        private static string RequestName(ApprovalType type, RecordFacts facts)
        {
            var name = ApprovalTexts.TypeName(type);
            var text = name.EnglishText + " / " + name.ChineseText + ": " + facts.DisplayName;
            return text.Length <= 100 ? text : text.Substring(0, 100);
        }
    }
}
