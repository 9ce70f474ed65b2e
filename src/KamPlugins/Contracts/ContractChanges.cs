using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Approvals;
using KamPlugins.Approvals.Data;
using KamPlugins.Configuration;
using KamPlugins.Guard;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Localization;
using KamPlugins.Security;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Contracts
{
    /// <summary>
    /// Creates and updates of kam_contract under the lifecycle: a contract starts as Draft (a renewal is
    /// a new Draft linked to the contract it renews); activation and termination need an approved
    /// request, consumed in the same transaction (or a KAM administrator, recorded as an override);
    /// Expired only after the end date; a contract that has been in force is read-only except for its
    /// renewal link; while an activation or termination is pending its value and dates are locked.
    /// </summary>
    internal static class ContractChanges
    {
        /// <summary>The kam_contract columns the Update steps watch (filtering attributes and pre-image).</summary>
        internal static readonly string[] Watched =
        {
            ContractTable.Name,
            ContractTable.CustomerId,
            ContractTable.OpportunityId,
            ContractTable.Value,
            ContractTable.StartDate,
            ContractTable.EndDate,
            ContractTable.RenewalOfId,
            ContractTable.ContractStatus,
            ContractTable.ActivatedOn,
            ContractTable.TerminatedOn,
            CommonColumns.StateCode,
            CommonColumns.StatusCode,
        };

        private static readonly ApprovalType[] LifecycleTypes = { ApprovalType.ContractActivation, ApprovalType.ContractTermination };

        /// <summary>
        /// PreValidation of Create: refuses a contract created in another status than Draft or with
        /// lifecycle stamps (recorded as guard events), checks a renewal link, and completes the target
        /// (status Draft; a renewal's customer from the contract it renews). Nothing else to decide later,
        /// so Create has no in-transaction step.
        /// </summary>
        internal static void PrepareCreate(LocalPluginContext context, Entity target)
        {
            if (target == null) return;
            var status = target.GetAttributeValue<OptionSetValue>(ContractTable.ContractStatus)?.Value;
            if (status.HasValue && status.Value != (int)ContractStatus.Draft)
                Refuse(context, target, ApprovalTexts.Format(ContractTexts.MustStartAsDraft, ApprovalTexts.ContractStatusName(status)), "create with status " + status.Value);
            var stamped = ContractLifecycle.EngineOnly.Where(c => target.GetAttributeValue<object>(c) != null).ToList();
            if (stamped.Count > 0)
                Refuse(context, target, ApprovalTexts.Format(ContractTexts.EngineColumns, string.Join(", ", stamped)), "create with " + string.Join(", ", stamped));

            var renewalOf = target.GetAttributeValue<EntityReference>(ContractTable.RenewalOfId);
            if (renewalOf != null)
            {
                var renewed = ReadRenewed(context, renewalOf, target.Id);
                var customer = target.GetAttributeValue<EntityReference>(ContractTable.CustomerId);
                if (customer == null && renewed.Customer != null) target[ContractTable.CustomerId] = renewed.Customer;
                else if (customer != null && renewed.Customer != null && !SameRecord(customer, renewed.Customer))
                    throw new KamException(ApprovalTexts.Format(ContractTexts.RenewalOtherCustomer, renewed.DisplayName));
            }
            target[ContractTable.ContractStatus] = new OptionSetValue((int)ContractStatus.Draft);
        }

        /// <summary>PreValidation of Update: read-only decision; refusals are recorded outside the transaction and thrown.</summary>
        internal static void Check(LocalPluginContext context)
        {
            var change = Read(context);
            if (change == null) return;
            JudgeShape(context, change);
            switch (change.Transition)
            {
                case ContractTransition.None:
                    if (!ContractLifecycle.IsInForceOrEnded(change.FromStatus))
                        PendingLock.Check(context, change.Record, change.Name, change.Changed.Intersect(ContractLifecycle.PendingLocked).ToList(), LifecycleTypes, ContractTexts.AmountAndDates);
                    return;
                case ContractTransition.Expire:
                    return;
                default:
                    var type = ContractLifecycle.RequiredApproval(change.Transition).Value;
                    var ledger = ApprovalLedger.For(context);
                    if (ledger.FindUsable(type, change.Record, change.Operation(type), context.Clock.UtcNow) != null) return;
                    var settings = SettingsReader.Read(context);
                    if (KamAdministrators.IsMember(context.SystemService, context.InitiatingUserId, settings.KamAdministratorsTeam)) return;
                    Refuse(context, change, NeedsApproval(context, change, type, settings), change.Describe());
                    return;
            }
        }

        /// <summary>
        /// PreOperation of Update: decides again inside the transaction; consumes the approval (or records
        /// the administrator's override) and stamps kam_activatedon / kam_terminatedon; refusals here write
        /// no event (the PreValidation step did).
        /// </summary>
        internal static void Enforce(LocalPluginContext context)
        {
            var change = Read(context);
            if (change == null) return;
            JudgeShape(context, change, recordEvents: false);
            if (change.Transition == ContractTransition.None)
            {
                PendingLock.RecordOverride(context, change.Record, change.Name, change.Changed.Intersect(ContractLifecycle.PendingLocked).ToList());
                return;
            }
            if (change.Transition == ContractTransition.Expire) return;

            var type = ContractLifecycle.RequiredApproval(change.Transition).Value;
            var now = context.Clock.UtcNow;
            var stamp = change.Transition == ContractTransition.Activate ? ContractTable.ActivatedOn : ContractTable.TerminatedOn;
            var consumed = ApprovalLedger.For(context).Consume(type, change.Record, change.Operation(type), now);
            if (consumed != null)
            {
                change.Target[stamp] = now;
                GuardEventWriter.Write(context, Event(context, change, GuardEventOutcome.Authorised, null, consumed.Id));
                return;
            }
            var settings = SettingsReader.Read(context);
            if (KamAdministrators.IsMember(context.SystemService, context.InitiatingUserId, settings.KamAdministratorsTeam))
            {
                change.Target[stamp] = now;
                GuardEventWriter.Write(context, Event(context, change, GuardEventOutcome.AdministratorOverride, null, null));
                return;
            }
            throw new KamException(NeedsApproval(context, change, type, settings));
        }

        /// <summary>Refusals that need no approval lookup: lifecycle stamps, invalid transitions, read-only, early expiry, renewal links.</summary>
        private static void JudgeShape(LocalPluginContext context, ContractChange change, bool recordEvents = true)
        {
            var stamped = change.Changed.Intersect(ContractLifecycle.EngineOnly).ToList();
            if (stamped.Count > 0)
                Refuse(context, change, ApprovalTexts.Format(ContractTexts.EngineColumns, string.Join(", ", stamped)), change.Describe(), recordEvents);
            if (change.Transition == ContractTransition.Invalid)
                Refuse(context, change, ApprovalTexts.Format(ContractTexts.InvalidTransition, change.Name,
                    ApprovalTexts.ContractStatusName(change.FromStatus), ApprovalTexts.ContractStatusName(change.ToStatus)), change.Describe(), recordEvents);
            if (ContractLifecycle.IsInForceOrEnded(change.FromStatus))
            {
                var frozen = change.Changed.Except(ContractLifecycle.EditableWhenInForce).Where(c => c != ContractTable.ContractStatus).ToList();
                if (frozen.Count > 0)
                    Refuse(context, change, ApprovalTexts.Format(ContractTexts.ReadOnly, change.Name, ApprovalTexts.ContractStatusName(change.FromStatus), string.Join(", ", frozen)),
                        change.Describe(), recordEvents);
            }
            if (change.Transition == ContractTransition.Expire && !ContractLifecycle.HasEnded(change.EndDate, context.Clock.UtcNow))
                Refuse(context, change, ApprovalTexts.Format(ContractTexts.NotYetEnded, change.Name, ApprovalTexts.Day(change.EndDate)), change.Describe(), recordEvents);
            if (change.Changed.Contains(ContractTable.RenewalOfId))
            {
                var renewalOf = change.Target.GetAttributeValue<EntityReference>(ContractTable.RenewalOfId);
                if (renewalOf != null)
                {
                    var renewed = ReadRenewed(context, renewalOf, change.Record.Id);
                    if (change.Customer != null && renewed.Customer != null && !SameRecord(change.Customer, renewed.Customer))
                        throw new KamException(ApprovalTexts.Format(ContractTexts.RenewalOtherCustomer, renewed.DisplayName));
                }
            }
        }

        private static RecordFacts ReadRenewed(LocalPluginContext context, EntityReference renewalOf, Guid thisContract)
        {
            if (renewalOf.Id == thisContract && thisContract != Guid.Empty) throw new KamException(ContractTexts.RenewalOfSelf);
            var renewed = new RecordReader(context.SystemService).Read(new EntityReference(ContractTable.LogicalName, renewalOf.Id))
                ?? throw new KamException(ApprovalTexts.Format(ContractTexts.RenewalOfMissing, renewalOf.Id.ToString("D")));
            if (!ContractLifecycle.CanBeRenewed(renewed.State)) throw new KamException(ApprovalTexts.Format(ContractTexts.RenewalOfDraft, renewed.DisplayName));
            return renewed;
        }

        private static LocalizedText NeedsApproval(LocalPluginContext context, ContractChange change, ApprovalType type, KamSettings settings)
        {
            var headline = ApprovalTexts.Format(type == ApprovalType.ContractActivation ? ApprovalTexts.ContractActivationNeedsApproval : ApprovalTexts.ContractTerminationNeedsApproval, change.Name);
            var requests = new ApprovalRequestStore(context.SystemService).ForRecord(change.Record, new[] { type }, null);
            return ApprovalRefusals.NeedsApproval(headline, type, change.After, change.Operation(type), requests,
                new ApproverNames(new UserDirectory(context.SystemService), settings), context.InitiatingUserId, context.Clock.UtcNow);
        }

        private static void Refuse(LocalPluginContext context, Entity target, LocalizedText refusal, string attempted)
        {
            if (!context.PluginExecutionContext.IsInTransaction)
                GuardEventWriter.Write(context, new GuardEvent(GuardEventKind.ContractLifecycle, GuardEventOutcome.Refused, context.InitiatingUserId, context.UserId,
                    context.MessageName, new EntityReference(ContractTable.LogicalName, target.Id), target.GetAttributeValue<string>(ContractTable.Name),
                    attempted, refusal.Bilingual, null, context.Clock.UtcNow, context.PluginExecutionContext.CorrelationId));
            throw new KamException(refusal);
        }

        private static void Refuse(LocalPluginContext context, ContractChange change, LocalizedText refusal, string attempted, bool recordEvent = true)
        {
            if (recordEvent && !context.PluginExecutionContext.IsInTransaction)
                GuardEventWriter.Write(context, Event(context, change, GuardEventOutcome.Refused, refusal.Bilingual, null));
            throw new KamException(refusal);
        }

        private static GuardEvent Event(LocalPluginContext context, ContractChange change, GuardEventOutcome outcome, string reason, Guid? requestId) =>
            new GuardEvent(GuardEventKind.ContractLifecycle, outcome, context.InitiatingUserId, context.UserId, context.MessageName,
                change.Record, change.Name, change.Describe(), reason, requestId, context.Clock.UtcNow, context.PluginExecutionContext.CorrelationId);

        private static bool SameRecord(EntityReference a, EntityReference b) => a.Id == b.Id && string.Equals(a.LogicalName, b.LogicalName, StringComparison.Ordinal);

        /// <summary>The change an Update asks for; null when no watched column really changes (0 calls).</summary>
        private static ContractChange Read(LocalPluginContext context)
        {
            var target = context.Target;
            if (target == null) return null;
            var id = target.Id != Guid.Empty ? target.Id : context.PrimaryEntityId;
            var pre = context.PreImage ?? new Entity(ContractTable.LogicalName, id);
            var changed = ChangedColumns.Changed(target, pre, Watched);
            if (changed.Count == 0) return null;
            return new ContractChange(new EntityReference(ContractTable.LogicalName, id), target, pre, context.TargetCoalescedWithPreImage(), changed);
        }

        /// <summary>One Update of a contract: before, after, what changed.</summary>
        private sealed class ContractChange
        {
            internal ContractChange(EntityReference record, Entity target, Entity before, Entity after, IReadOnlyList<string> changed)
            {
                Record = record;
                Target = target;
                BeforeRow = before;
                Changed = changed;
                Before = RecordReader.ContractFacts(record, before);
                After = RecordReader.ContractFacts(record, after);
                FromStatus = Before.State ?? (int)ContractLifecycle.DefaultStatus;
                ToStatus = changed.Contains(ContractTable.ContractStatus)
                    ? target.GetAttributeValue<OptionSetValue>(ContractTable.ContractStatus)?.Value ?? (int)ContractLifecycle.DefaultStatus
                    : FromStatus;
                Transition = ContractLifecycle.Classify(FromStatus, ToStatus);
            }

            internal EntityReference Record { get; }
            internal Entity Target { get; }
            internal IReadOnlyList<string> Changed { get; }
            internal RecordFacts Before { get; }
            internal RecordFacts After { get; }
            internal int FromStatus { get; }
            internal int ToStatus { get; }
            internal ContractTransition Transition { get; }
            internal string Name => After.DisplayName;
            internal EntityReference Customer => After.Customer;
            internal DateTime? EndDate => Before.EndDate;

            /// <summary>What the operation asks to be approved: the contract as the update leaves it.</summary>
            internal ApprovalSnapshot Operation(ApprovalType type) => ApprovalSnapshots.For(type, After, null);

            internal string Describe() =>
                string.Join(Environment.NewLine, Changed.Select(c =>
                    c + ": " + ColumnValues.Describe(BeforeRow.Contains(c) ? BeforeRow[c] : null) + " → " + ColumnValues.Describe(Target.Contains(c) ? Target[c] : null)));

            private Entity BeforeRow { get; }
        }
    }
}
