using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Approvals.Data;
using KamPlugins.Configuration;
using KamPlugins.Guard;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Localization;
using KamPlugins.Security;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Approvals
{
    /// <summary>
    /// Updates of kam_approvalrequest: a user asks for a decision by writing kam_requestedaction (with
    /// kam_actioncomment); everything else about a request is the engine's. Run in two stages:
    /// <see cref="Check"/> in PreValidation (refusals recorded as guard events that survive the
    /// rollback) and <see cref="Apply"/> in PreOperation (re-reads the request under its row lock,
    /// decides again, applies the decision and writes the history).
    /// </summary>
    internal static class ApprovalRequestChanges
    {
        /// <summary>
        /// PreValidation: refuses what is not allowed, judged from the pre-image (0 calls for an approver's
        /// own decision; 1–2 to check an administrator). A refusal is written as a guard event when the
        /// step runs outside the transaction.
        /// </summary>
        internal static void Check(LocalPluginContext context)
        {
            var change = Read(context);
            if (change == null) return;
            var settings = new Lazy<KamSettings>(() => SettingsReader.Read(context));
            var refusal = Judge(context, change, change.Before, settings, out _);
            if (refusal == null) return;
            if (!context.PluginExecutionContext.IsInTransaction)
                GuardEventWriter.Write(context, TamperingEvent(context, change, refusal));
            throw new KamException(refusal);
        }

        /// <summary>
        /// PreOperation: takes the request's row lock, re-reads it, decides on the fresh row and — for an
        /// allowed action — completes the target (status, level, approver, decision stamps, action cleared)
        /// and writes the decision history. A refusal here writes no event (the PreValidation step did).
        /// </summary>
        internal static void Apply(LocalPluginContext context)
        {
            var change = Read(context);
            if (change == null) return;
            if (change.Action == null)
            {
                // Judged from the pre-image alone (no call): PreValidation already recorded any refusal.
                var protectedRefusal = Judge(context, change, change.Before, null, out _);
                if (protectedRefusal != null) throw new KamException(protectedRefusal);
                return;
            }

            var store = new ApprovalRequestStore(context.SystemService);
            var before = change.Before;
            store.Lock(before);
            var fresh = store.Find(before.Id) ?? before;
            var settings = new Lazy<KamSettings>(() => SettingsReader.Read(context));
            var refusal = Judge(context, change, fresh, settings, out var verdict);
            if (refusal != null) throw new KamException(refusal);

            var action = (ApprovalAction)change.Action.Value;
            var effect = ApprovalDecisions.Effect(fresh, action);
            var now = context.Clock.UtcNow;
            var actor = context.InitiatingUserId;
            var target = change.Target;
            context.Trace("request {0}: {1} by {2} at level {3}/{4} → {5}", fresh.Id, action, actor, fresh.CurrentLevel, fresh.RequiredLevels, effect);

            target[ApprovalRequestTable.Status] = new OptionSetValue((int)ApprovalDecisions.StatusAfter(effect));
            if (effect == DecisionEffect.NextLevel)
            {
                var next = RouteNextLevel(context, store, fresh, actor);
                target[ApprovalRequestTable.CurrentLevel] = fresh.CurrentLevel + 1;
                target[ApprovalRequestTable.CurrentApproverId] = next.IsAdministrators ? null : new EntityReference(SystemUserTable.LogicalName, next.User.UserId);
                target[ApprovalRequestTable.ApproverTeamId] = next.IsAdministrators
                    ? new EntityReference(TeamTable.LogicalName, ApprovalSubmission.RequireAdministratorsTeam(context.SystemService, settings.Value))
                    : null;
            }
            else
            {
                target[ApprovalRequestTable.DecidedOn] = now;
                target[ApprovalRequestTable.DecidedById] = new EntityReference(SystemUserTable.LogicalName, actor);
            }
            target[ApprovalRequestTable.RequestedAction] = null;
            target[ApprovalRequestTable.ActionComment] = null;

            store.WriteDecision(context.SharedVariables, fresh.Id, context.PluginExecutionContext.CorrelationId, actor, now, fresh.CurrentLevel, action, change.Comment, fresh.Name);
            if (verdict.IsAdministratorOverride)
                GuardEventWriter.Write(context, new GuardEvent(
                    GuardEventKind.ApprovalTampering, GuardEventOutcome.AdministratorOverride, actor, context.UserId, context.MessageName,
                    new EntityReference(ApprovalRequestTable.LogicalName, fresh.Id), fresh.Name,
                    $"{action} at level {fresh.CurrentLevel} in place of {fresh.CurrentApproverId}", null, fresh.Id, now,
                    context.PluginExecutionContext.CorrelationId));
        }

        /// <summary>The next level's approver: the manager of the level's approver, routed by the rules.</summary>
        private static ApproverAssignment RouteNextLevel(LocalPluginContext context, ApprovalRequestStore store, ApprovalRequest request, Guid actor)
        {
            var earlier = new List<Guid> { actor };
            if (request.CurrentApproverId.HasValue) earlier.Add(request.CurrentApproverId.Value);
            // Level 1's approver is the current one; from level 2 on the history names the others.
            if (request.CurrentLevel >= 2) earlier.AddRange(store.EarlierApprovers(request.Id));
            var manager = new UserDirectory(context.SystemService).ManagerOf(request.CurrentApproverId ?? actor);
            var beneficiary = ApprovalDecisions.BeneficiaryOf(request.Snapshot.ProposedOwner);
            return ApprovalRouting.Next(manager, request.RequesterId, beneficiary, earlier);
        }

        /// <summary>
        /// The refusal for this change against <paramref name="request"/>, or null when it is allowed
        /// (then <paramref name="verdict"/> says whether an action is an administrator override).
        /// </summary>
        private static LocalizedText Judge(LocalPluginContext context, RequestChange change, ApprovalRequest request, Lazy<KamSettings> settings, out DecisionVerdict verdict)
        {
            verdict = DecisionVerdict.Allowed(false);
            var now = context.Clock.UtcNow;
            var status = request.EffectiveStatus(now);
            if (change.Action == null)
            {
                if (change.ChangedProtected.Count == 0 && (status == ApprovalStatus.Pending || !change.CommentChanged)) return null;
                var columns = string.Join(", ", change.ChangedProtected.DefaultIfEmpty(ApprovalRequestTable.ActionComment));
                return status == ApprovalStatus.Pending
                    ? ApprovalTexts.Format(ApprovalTexts.PendingRequestProtected, columns)
                    : ApprovalTexts.Format(ApprovalTexts.DecidedRequestImmutable, ApprovalTexts.StatusName(status), DecidedOnText(request), columns);
            }
            if (change.ChangedProtected.Count > 0)
                return status == ApprovalStatus.Pending
                    ? ApprovalTexts.Format(ApprovalTexts.ActionWithOtherChanges, string.Join(", ", change.ChangedProtected))
                    : ApprovalTexts.Format(ApprovalTexts.DecidedRequestImmutable, ApprovalTexts.StatusName(status), DecidedOnText(request), string.Join(", ", change.ChangedProtected));

            var actor = context.InitiatingUserId;
            verdict = ApprovalDecisions.Evaluate(request, change.Action.Value, actor, now,
                () => KamAdministrators.IsMember(context.SystemService, actor, settings.Value.KamAdministratorsTeam));
            var type = ApprovalTexts.TypeName(request.Type ?? ApprovalType.OwnershipTransfer);
            switch (verdict.Refusal)
            {
                case DecisionRefusal.None: return null;
                case DecisionRefusal.NotAnAction: return ApprovalTexts.Format(ApprovalTexts.NotAnAction, change.Action.Value);
                case DecisionRefusal.Expired: return ApprovalTexts.Format(ApprovalTexts.ExpiredRequest, type, ApprovalTexts.Date(request.ExpiresOn));
                case DecisionRefusal.AlreadyDecided: return ApprovalTexts.Format(ApprovalTexts.AlreadyDecided, type, ApprovalTexts.StatusName(status), DecidedOnText(request));
                case DecisionRefusal.SelfApproval: return ApprovalTexts.Format(ApprovalTexts.SelfApproval, Names(context, settings).CurrentApprover(request));
                case DecisionRefusal.Beneficiary: return ApprovalTexts.Format(ApprovalTexts.BeneficiaryDecision, Names(context, settings).CurrentApprover(request));
                case DecisionRefusal.NotRequester: return ApprovalTexts.OnlyRequesterRecalls;
                default:
                    return ApprovalTexts.Format(ApprovalTexts.NotCurrentApprover, Names(context, settings).CurrentApprover(request), request.CurrentLevel, request.RequiredLevels);
            }
        }

        private static ApproverNames Names(LocalPluginContext context, Lazy<KamSettings> settings) => new ApproverNames(new UserDirectory(context.SystemService), settings.Value);

        /// <summary>" on 2025-01-02 10:00 UTC" for the moment the request was decided, used or expired; empty when unknown.</summary>
        private static object DecidedOnText(ApprovalRequest request)
        {
            var when = request.ConsumedOn ?? request.DecidedOn ?? (request.Status == ApprovalStatus.Pending || request.Status == ApprovalStatus.Approved ? request.ExpiresOn : null);
            return when.HasValue ? (object)ApprovalTexts.Format(ApprovalTexts.OnDate, ApprovalTexts.Date(when)) : string.Empty;
        }

        private static GuardEvent TamperingEvent(LocalPluginContext context, RequestChange change, LocalizedText refusal) =>
            new GuardEvent(
                GuardEventKind.ApprovalTampering,
                GuardEventOutcome.Refused,
                context.InitiatingUserId,
                context.UserId,
                context.MessageName,
                new EntityReference(ApprovalRequestTable.LogicalName, change.Before.Id),
                change.Before.Name,
                change.Description,
                refusal.Bilingual,
                change.Before.Id,
                context.Clock.UtcNow,
                context.PluginExecutionContext.CorrelationId);

        /// <summary>The change an Update asks for, or null when there is nothing to judge (an engine write, or no real change).</summary>
        private static RequestChange Read(LocalPluginContext context)
        {
            var target = context.Target;
            if (target == null) return null;
            var id = target.Id != Guid.Empty ? target.Id : context.PrimaryEntityId;
            if (EngineWrites.IsAnnounced(context.PluginExecutionContext, id)) return null;
            var pre = context.PreImage ?? new Entity(ApprovalRequestTable.LogicalName, id);
            if (pre.Id == Guid.Empty) pre.Id = id;

            var changed = ChangedColumns.Changed(target, pre, RequestColumns.Protected)
                .Where(column => !IsClearedByDeletion(context, target, pre, column))
                .ToList();
            var action = target.GetAttributeValue<OptionSetValue>(ApprovalRequestTable.RequestedAction);
            var commentChanged = ChangedColumns.Changed(target, pre, new[] { ApprovalRequestTable.ActionComment }).Count > 0;
            if (action == null && changed.Count == 0 && !commentChanged) return null;
            return new RequestChange(target, ApprovalRequestStore.FromEntity(pre), action?.Value, target.GetAttributeValue<string>(ApprovalRequestTable.ActionComment), changed, commentChanged);
        }

        /// <summary>
        /// A lookup the platform clears because the record it points to is being deleted (the relationships'
        /// RemoveLink cascade, where the platform raises Update steps for it) is not a client's change.
        /// </summary>
        private static bool IsClearedByDeletion(LocalPluginContext context, Entity target, Entity pre, string column) =>
            target.GetAttributeValue<object>(column) == null &&
            pre.GetAttributeValue<object>(column) is EntityReference referenced &&
            EngineWrites.IsBeingDeleted(context.PluginExecutionContext, referenced);

        /// <summary>What one Update of a request asks for.</summary>
        private sealed class RequestChange
        {
            internal RequestChange(Entity target, ApprovalRequest before, int? action, string comment, IReadOnlyList<string> changedProtected, bool commentChanged)
            {
                Target = target;
                Before = before;
                Action = action;
                Comment = comment;
                ChangedProtected = changedProtected;
                CommentChanged = commentChanged;
            }

            internal Entity Target { get; }
            internal ApprovalRequest Before { get; }
            internal int? Action { get; }
            internal string Comment { get; }
            internal IReadOnlyList<string> ChangedProtected { get; }
            internal bool CommentChanged { get; }

            internal string Description =>
                (Action.HasValue ? "action " + Action.Value + "; " : string.Empty) +
                (ChangedProtected.Count > 0 ? "columns " + string.Join(", ", ChangedProtected) : string.Empty);
        }
    }
}
