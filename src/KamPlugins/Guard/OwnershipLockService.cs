using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Approvals;
using KamPlugins.Configuration;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Localization;
using KamPlugins.Security;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Guard
{
    /// <summary>
    /// The ownership lock's use case for one record of one step execution: which attempted changes are
    /// guarded, whether each is authorised (covered by this operation, an approval, the owner's
    /// manager, a KAM administrator), the guard events, the pending-request lock on owner and customer,
    /// and the approved owner stamp. Created per step execution (it caches the settings and the
    /// administrator check for that execution only).
    /// </summary>
    /// <remarks>
    /// Costs, in service calls, whatever the organisation's size: protection of an account or contract 0,
    /// of an opportunity 1 (settings) + 1 when it has a parent account (key-account lookup); a
    /// not-locked account's cascade foresight ≤ 3; covered check 1 (Enforce only); approval: FindUsable 1 /
    /// Consume 4 (see <see cref="ApprovalLedger"/>); owner's manager 1; administrator 1 (+1 settings);
    /// pending lock 1; a refusal's names ≤ 1, its event 1; an authorisation's event 1.
    /// </remarks>
    internal sealed class OwnershipLockService
    {
        private readonly LockEnvironment environment;
        private readonly OwnershipLockData data;
        private readonly HashSet<Guid> askedEvents = new HashSet<Guid>();
        private readonly HashSet<Guid> foundEvents = new HashSet<Guid>();
        private KamSettings settings;
        private bool? administrator;

        internal OwnershipLockService(LockEnvironment environment)
        {
            this.environment = environment ?? throw new ArgumentNullException(nameof(environment));
            data = new OwnershipLockData(environment.SystemService);
        }

        /// <summary>
        /// The record's lock columns before the operation: the pre-image as far as it goes (0 calls; the
        /// lock reads the rest only if a decision needs it), else the record read as SYSTEM (1 call).
        /// Null when the record does not exist: the platform fails the operation itself.
        /// </summary>
        internal LockedRecord Before(EntityReference record, Entity preImage)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            return preImage != null ? LockedRecord.FromRow(record, preImage) : data.Read(record);
        }

        /// <summary>The record's lock columns read as SYSTEM, or null when it does not exist (1 call).</summary>
        internal LockedRecord Read(EntityReference record) => data.Read(record);

        /// <summary>Writes the approved owner stamp where the message carries no entity to add it to (1 Update).</summary>
        internal void Stamp(EntityReference record, EntityReference owner) => data.Stamp(record, owner);

        /// <summary>
        /// Decides the request: returns normally when every guarded change is allowed (at Enforce, after
        /// consuming approvals and recording authorisations and overrides), throws
        /// <see cref="KamException"/> when one is refused (at Check, after recording the refusal).
        /// </summary>
        /// <returns>At Enforce: the owner to stamp into kam_approvedownerid, or null to leave the stamp alone. At Check: null.</returns>
        internal EntityReference Run(LockRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var state = new LockState(request, Complete);
            if (request.Before != null && !request.Before.Knows(request.TouchedColumns)) state.CompleteBefore();
            if (state.Changes.Count == 0 && !state.StampMayMove) return null;

            // Covered first: a change this operation already authorised (the platform raised it twice) or
            // the cascade of an authorised parent needs no other fact — one query, and nothing else is read.
            if (request.Stage == LockStage.Enforce && state.Before != null && state.Changes.Count > 0)
            {
                AskEvents(state.Changes, state.Before);
                if (state.Changes.All(c => IsCovered(c, state.Before))) return LockRules.StampAfter(state.Before, state.After, true);
            }

            if (state.Before != null && !state.Before.Knows(LockedTables.DecisionColumns(state.Before.Table))) state.CompleteBefore();
            if (state.Changes.Count == 0 && !state.StampMayMove) return null;
            var before = state.Before;
            var after = state.After;

            var keyAccounts = new Lazy<HashSet<Guid>>(() => data.KeyAccountsAmong(ParentIds(before).Concat(ParentIds(after))));
            var protectionBefore = Protect(before, keyAccounts);
            var protectionAfter = Protect(after, keyAccounts);

            var guarded = new List<GuardedChange>();
            foreach (var change in state.Changes)
            {
                if (LockRules.IsGuarded(change, protectionBefore, protectionAfter))
                {
                    guarded.Add(new GuardedChange(change, protectionBefore.Or(protectionAfter), null));
                    continue;
                }
                var cascade = LockRules.CascadeOf(change, request.Record.LogicalName);
                if (cascade == null || before == null) continue;
                var foreseen = data.ForeseeCascade(request.Record.Id, cascade.Value, Settings.OpportunityLockThreshold);
                if (foreseen.Count == 0) continue;
                var list = string.Join(", ", foreseen.Select(c => c.Display));
                guarded.Add(new GuardedChange(change, Protection.Because(OwnershipLockTexts.Compose(OwnershipLockTexts.CarriesLockedRecords, list)), foreseen));
            }

            foreach (var item in guarded)
            {
                var current = item;
                current.Decision = LockRules.Decide(
                    current.Change,
                    () => request.Stage == LockStage.Enforce && before != null && IsCovered(current.Change, before),
                    type => Approval(type, request, after ?? before, current.Change),
                    () => data.IsManagerOf(after?.Owner, environment.InitiatingUserId),
                    IsAdministrator);
                if (current.Decision.Verdict == LockVerdict.Refused) Refuse(request, before ?? after, current);
            }

            CheckPendingRequests(request, before, state.Changes, guarded);

            if (request.Stage != LockStage.Enforce) return null;
            foreach (var item in guarded.Where(g => g.Decision.IsRecorded))
                Record(request, before ?? after, item.Change, item.Decision.Verdict == LockVerdict.Authorised ? GuardEventOutcome.Authorised : GuardEventOutcome.AdministratorOverride,
                    item.Decision.Approval?.Id, item.Foreseen, null);
            return LockRules.StampAfter(before, after, protectionAfter.IsProtected || guarded.Count > 0);
        }

        private LockedRecord Complete(LockedRecord record) => record == null || record.IsComplete ? record : data.Read(record.Reference) ?? record;

        private IEnumerable<Guid> SourceIds(AttemptedChange change, LockedRecord before) =>
            LockRules.GrantSources(change, before).Select(s => GuardEvent.IdFor(environment.CorrelationId, s.Record, s.Key));

        // Looks up, in one query, the events that would cover the changes (ids already asked are not asked again).
        private void AskEvents(IEnumerable<AttemptedChange> changes, LockedRecord before)
        {
            var unasked = changes.SelectMany(c => SourceIds(c, before)).Distinct().Where(id => !askedEvents.Contains(id)).ToList();
            if (unasked.Count == 0) return;
            foreach (var id in data.ExistingEvents(unasked)) foundEvents.Add(id);
            foreach (var id in unasked) askedEvents.Add(id);
        }

        // Whether this operation already recorded an authorisation covering the change: its own key, or a
        // parent's whose cascade carries it.
        private bool IsCovered(AttemptedChange change, LockedRecord before)
        {
            AskEvents(new[] { change }, before);
            return SourceIds(change, before).Any(foundEvents.Contains);
        }

        private KamSettings Settings => settings ?? (settings = SettingsReader.Read(environment.SystemService));

        private bool IsAdministrator() =>
            administrator ?? (administrator = KamAdministrators.IsMember(environment.SystemService, environment.InitiatingUserId, Settings.KamAdministratorsTeam)).Value;

        private Protection Protect(LockedRecord record, Lazy<HashSet<Guid>> keyAccounts)
        {
            if (record == null) return Protection.None;
            var threshold = ProtectionRules.NeedsSettings(record.Table) ? Settings.OpportunityLockThreshold : decimal.MaxValue;
            return ProtectionRules.Of(record, threshold, id => keyAccounts.Value.Contains(id));
        }

        private static IEnumerable<Guid> ParentIds(LockedRecord record) =>
            ProtectionRules.NeedsKeyAccountLookup(record) ? record.ParentAccounts.Select(p => p.Id) : Enumerable.Empty<Guid>();

        private ApprovalRequestInfo Approval(ApprovalType type, LockRequest request, LockedRecord state, AttemptedChange change)
        {
            var proposedOwner = change.Action == LockAction.OwnerChange ? change.Counterpart : null;
            var snapshot = ApprovalSnapshots.For(type, Facts(state), proposedOwner);
            return request.Stage == LockStage.Check
                ? environment.Ledger.FindUsable(type, request.Record, snapshot, environment.UtcNow)
                : environment.Ledger.Consume(type, request.Record, snapshot, environment.UtcNow);
        }

        // The record as the approval engine describes it, so the operation's snapshot is built exactly
        // the way the request's was (ApprovalSnapshots.For).
        private static RecordFacts Facts(LockedRecord record)
        {
            EntityReference customer = null;
            if (record.Table == OpportunityTable.LogicalName)
                customer = record[OpportunityTable.CustomerId] as EntityReference ?? record[OpportunityTable.ParentAccountId] as EntityReference;
            else if (record.Table == ContractTable.LogicalName)
                customer = record[ContractTable.CustomerId] as EntityReference;
            return new RecordFacts(record.Reference, record.Name, record.Owner, record.EstimatedValue, null, customer, record.IsKeyAccount, record.StateCode, null);
        }

        /// <summary>
        /// While a request is pending for the record, its owner and customer can be changed, and the record
        /// deleted, only by that request's current approver or a KAM administrator (product.md §2; the
        /// approval engine locks amount and state, docs/approvals.md). A change this operation already covers (a cascade of an authorised transfer)
        /// or a KAM administrator's override is not stopped.
        /// </summary>
        private void CheckPendingRequests(LockRequest request, LockedRecord before, IReadOnlyList<AttemptedChange> changes, List<GuardedChange> guarded)
        {
            var touchesOwnerOrCustomer = before != null && changes.Any(c =>
                IsPendingLocked(c.Action) &&
                !guarded.Any(g => g.Change == c && (g.Decision.Verdict == LockVerdict.Covered || g.Decision.Verdict == LockVerdict.AdministratorOverride)));
            if (!touchesOwnerOrCustomer) return;
            var pending = environment.Ledger.FindPending(request.Record, environment.UtcNow);
            if (pending == null || pending.CurrentApproverId == environment.InitiatingUserId) return;
            var change = changes.First(c => IsPendingLocked(c.Action));
            if (IsAdministrator())
            {
                if (request.Stage == LockStage.Enforce)
                    Write(request, before, change, GuardEventKind.PendingLock, GuardEventOutcome.AdministratorOverride, pending.Id, null, null, "pending:" + pending.Id.ToString("N"));
                return;
            }
            var approver = pending.CurrentApproverId.HasValue
                ? (object)data.DisplayName(new EntityReference(SystemUserTable.LogicalName, pending.CurrentApproverId.Value))
                : OwnershipLockTexts.TheKamAdministrators;
            var text = OwnershipLockTexts.Compose(OwnershipLockTexts.PendingLocked, RecordDisplay(request, before), null, approver, Settings.KamAdministratorsTeam);
            if (request.Stage == LockStage.Check)
                Write(request, before, change, GuardEventKind.PendingLock, GuardEventOutcome.Refused, pending.Id, null, text.Bilingual, "refused:pending:" + pending.Id.ToString("N"));
            environment.Trace("ownership lock: refused (pending request " + pending.Id.ToString("D") + "): " + change.Describe());
            throw new KamException(text);
        }

        private static bool IsPendingLocked(LockAction action) =>
            action == LockAction.OwnerChange || action == LockAction.CustomerChange || action == LockAction.Delete;

        private void Refuse(LockRequest request, LockedRecord record, GuardedChange item)
        {
            var change = item.Change;
            object counterpart;
            switch (change.Action)
            {
                case LockAction.CustomerChange:
                    counterpart = change.Counterpart != null ? (object)data.DisplayName(change.Counterpart) : OwnershipLockTexts.NoCustomer;
                    break;
                case LockAction.OwnerChange:
                case LockAction.CreateForOther:
                case LockAction.ShareWrite:
                case LockAction.MergeAway:
                    counterpart = change.Counterpart != null ? data.DisplayName(change.Counterpart) : "?";
                    break;
                default:
                    counterpart = string.Empty;
                    break;
            }
            var text = OwnershipLockTexts.Compose(LockRules.RefusalText(change.Action), RecordDisplay(request, record), item.Protection.Reason, counterpart, Settings.KamAdministratorsTeam);
            if (request.Stage == LockStage.Check)
                Record(request, record, change, GuardEventOutcome.Refused, null, item.Foreseen, text.Bilingual);
            environment.Trace("ownership lock: refused " + change.Describe() + " on " + request.Record.LogicalName + " " + request.Record.Id.ToString("D"));
            throw new KamException(text);
        }

        private void Record(LockRequest request, LockedRecord record, AttemptedChange change, GuardEventOutcome outcome, Guid? approvalId, IReadOnlyList<ForeseenChild> foreseen, string reason)
        {
            var key = outcome == GuardEventOutcome.Refused ? "refused:" + change.Key : change.Key;
            var attempted = change.Describe();
            if (foreseen != null && foreseen.Count > 0)
                attempted += Environment.NewLine + "cascade: " + string.Join(", ", foreseen.Select(c => c.Table + " " + c.Display));
            Write(request, record, change, change.Kind, outcome, approvalId, attempted, reason, key);
        }

        private void Write(LockRequest request, LockedRecord record, AttemptedChange change, GuardEventKind kind, GuardEventOutcome outcome, Guid? approvalId, string attempted, string reason, string key)
        {
            // A record not yet created has no id: its event cannot be deduplicated by record, and needs not
            // be (Create is never raised twice for one record).
            var deduplicationKey = request.Record.Id == Guid.Empty ? key + ":" + Guid.NewGuid().ToString("N") : key;
            var guardEvent = new GuardEvent(kind, outcome, environment.InitiatingUserId, environment.CallingUserId, environment.MessageName,
                request.Record, record?.Name, attempted ?? change.Describe(), reason, approvalId,
                environment.UtcNow, environment.CorrelationId, deduplicationKey);
            GuardEventWriter.Write(environment.SystemService, guardEvent);
            environment.Trace("ownership lock: " + outcome + " " + kind + " recorded");
        }

        private static string RecordDisplay(LockRequest request, LockedRecord record) => record?.DisplayName ?? request.Record.Id.ToString("D");

        /// <summary>The record before and after as far as known; completed (read once) when a decision needs more than the image shows.</summary>
        private sealed class LockState
        {
            private readonly LockRequest request;
            private readonly Func<LockedRecord, LockedRecord> complete;

            internal LockState(LockRequest request, Func<LockedRecord, LockedRecord> complete)
            {
                this.request = request;
                this.complete = complete;
                Derive(request.Before);
            }

            internal LockedRecord Before { get; private set; }

            internal LockedRecord After { get; private set; }

            internal IReadOnlyList<AttemptedChange> Changes { get; private set; }

            /// <summary>True when the stamp may have to move: an owner after the operation that the stamp (as far as known) does not name.</summary>
            internal bool StampMayMove => After != null && After.Owner != null && !ColumnValues.AreEqual(After.Owner, After.ApprovedOwner);

            internal void CompleteBefore() => Derive(complete(Before));

            private void Derive(LockedRecord before)
            {
                Before = before;
                After = request.AfterOf(before);
                Changes = request.ChangesOf(before, After) ?? Array.Empty<AttemptedChange>();
            }
        }

        private sealed class GuardedChange
        {
            internal GuardedChange(AttemptedChange change, Protection protection, IReadOnlyList<ForeseenChild> foreseen)
            {
                Change = change;
                Protection = protection;
                Foreseen = foreseen;
            }

            internal AttemptedChange Change { get; }

            internal Protection Protection { get; }

            internal IReadOnlyList<ForeseenChild> Foreseen { get; }

            internal LockDecision Decision { get; set; }
        }
    }
}
