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
    /// Win and Lose of an opportunity that needs approval: allowed with an approved, unexpired, unused
    /// request of the right type whose snapshot covers the close (consumed in the same transaction), or
    /// for a KAM administrator (recorded as an override); refused otherwise.
    /// </summary>
    /// <remarks>
    /// Three steps share this logic. Win/Lose PreValidation (<see cref="Check"/>) refuses early and
    /// records the refusal outside the transaction. Win/Lose PreOperation (<see cref="Enforce"/>)
    /// decides and consumes inside it. The PreOperation step on Create of the opportunityclose the
    /// close creates (<see cref="EnforceOnCloseActivity"/>) makes the guard hold on a platform that does
    /// not raise Win/Lose steps; when the Win/Lose step already decided, it does nothing, so one close
    /// never consumes twice.
    /// </remarks>
    internal static class OpportunityCloseGuard
    {
        /// <summary>PreValidation of Win/Lose: read-only decision; a refusal is recorded (outside the transaction) and thrown.</summary>
        internal static void Check(LocalPluginContext context, bool won, Entity close)
        {
            var situation = Assess(context, won, close);
            if (situation == null) return;
            if (ApprovalUsability.FirstUsable(situation.Requests, situation.Type, situation.Facts.Record, situation.Operation, situation.Now) != null) return;
            if (IsAdministrator(context, situation)) return; // the override is recorded inside the transaction
            var refusal = Refusal(context, situation);
            if (!context.PluginExecutionContext.IsInTransaction)
                GuardEventWriter.Write(context, Event(context, situation, GuardEventOutcome.Refused, refusal.Bilingual, null));
            throw new KamException(refusal);
        }

        /// <summary>PreOperation of Win/Lose: consumes the approval or records the administrator's override; otherwise refuses.</summary>
        internal static void Enforce(LocalPluginContext context, bool won, Entity close)
        {
            var situation = Assess(context, won, close);
            var opportunityId = close?.GetAttributeValue<EntityReference>(OpportunityCloseTable.OpportunityId)?.Id;
            if (situation != null) Decide(context, situation);
            if (opportunityId.HasValue) EngineWrites.MarkCloseHandled(context.SharedVariables, opportunityId.Value);
        }

        /// <summary>
        /// PreOperation of Create of opportunityclose: when the activity is created by a Win or Lose whose
        /// own step has not decided the close, decides it here. An opportunityclose created on its own
        /// (not by a close) is not guarded.
        /// </summary>
        internal static void EnforceOnCloseActivity(LocalPluginContext context, Entity close)
        {
            var opportunity = close?.GetAttributeValue<EntityReference>(OpportunityCloseTable.OpportunityId);
            if (opportunity == null) return;
            var closing = EngineWrites.FindEnclosing(context.PluginExecutionContext,
                MessageNames.Win, MessageNames.Lose, MessageNames.WinOpportunityRequest, MessageNames.LoseOpportunityRequest);
            if (closing == null)
            {
                context.Trace("opportunityclose for {0} not created by a Win/Lose: not a close", opportunity.Id);
                return;
            }
            if (EngineWrites.IsCloseHandled(context.PluginExecutionContext, opportunity.Id)) return;
            var won = closing.MessageName == MessageNames.Win || closing.MessageName == MessageNames.WinOpportunityRequest;
            // The activity normally carries the close's revenue; if not, the Win/Lose request's own OpportunityClose does.
            var requested = closing.InputParameters != null && closing.InputParameters.TryGetValue(ParameterNames.OpportunityClose, out var value) ? value as Entity : null;
            var revenue = close.GetAttributeValue<Money>(OpportunityCloseTable.ActualRevenue) ?? requested?.GetAttributeValue<Money>(OpportunityCloseTable.ActualRevenue);
            var judged = new Entity(OpportunityCloseTable.LogicalName);
            judged[OpportunityCloseTable.OpportunityId] = opportunity;
            if (revenue != null) judged[OpportunityCloseTable.ActualRevenue] = revenue;
            var situation = Assess(context, won, judged, onCloseActivity: true);
            if (situation != null) Decide(context, situation);
            EngineWrites.MarkCloseHandled(context.SharedVariables, opportunity.Id);
        }

        private static void Decide(LocalPluginContext context, CloseSituation situation)
        {
            var ledger = ApprovalLedger.For(context);
            var approved = situation.Requests.Where(r => r.Status == ApprovalStatus.Approved);
            var consumed = ledger.ConsumeRequest(approved, situation.Type, situation.Facts.Record, situation.Operation, situation.Now);
            if (consumed != null)
            {
                context.Trace("close of {0} authorised by request {1}", situation.Facts.Record.Id, consumed.Id);
                GuardEventWriter.Write(context, Event(context, situation, GuardEventOutcome.Authorised, null, consumed.Id));
                return;
            }
            if (IsAdministrator(context, situation))
            {
                GuardEventWriter.Write(context, Event(context, situation, GuardEventOutcome.AdministratorOverride, null, null));
                return;
            }
            // The requests were read before the row lock: tell the user what they are now.
            var fresh = new ApprovalRequestStore(context.SystemService).ForRecord(situation.Facts.Record, new[] { situation.Type }, null);
            throw new KamException(Refusal(context, situation, fresh));
        }

        /// <summary>What the close is about; null when it needs no approval (or is not ours to judge).</summary>
        private static CloseSituation Assess(LocalPluginContext context, bool won, Entity close, bool onCloseActivity = false)
        {
            var opportunity = close?.GetAttributeValue<EntityReference>(OpportunityCloseTable.OpportunityId);
            if (opportunity == null) return null; // the platform refuses a close without its opportunity
            var system = context.SystemService;
            var facts = new RecordReader(system).Read(new EntityReference(OpportunityTable.LogicalName, opportunity.Id));
            if (facts == null) return null; // the platform reports the missing opportunity itself
            // A Win/Lose of a closed opportunity is refused by the platform. (Not so on the close activity: the
            // platform may already have set the new state when it creates it.)
            if (!onCloseActivity && facts.State.HasValue && facts.State.Value != OpportunityTable.State.Open) return null;
            var settings = SettingsReader.Read(context);
            var closeAmount = close.GetAttributeValue<Money>(OpportunityCloseTable.ActualRevenue)?.Value;
            var requirement = CloseRules.Requirement(won, facts, closeAmount, settings);
            context.Trace("{0} of opportunity {1}: estimated {2}, actual {3}, close {4} → {5}",
                won ? "win" : "loss", opportunity.Id, facts.EstimatedValue, facts.ActualValue, closeAmount, requirement);
            if (requirement == CloseRequirement.None) return null;
            var type = CloseRules.RequestType(won);
            var operation = ApprovalSnapshots.For(type, facts, null, CloseRules.OperationAmount(won, facts, closeAmount));
            var requests = new ApprovalRequestStore(system).ForRecord(facts.Record, new[] { type }, null);
            return new CloseSituation(won, type, requirement, facts, operation, requests, settings, closeAmount, context.Clock.UtcNow);
        }

        private static bool IsAdministrator(LocalPluginContext context, CloseSituation situation) =>
            KamAdministrators.IsMember(context.SystemService, context.InitiatingUserId, situation.Settings.KamAdministratorsTeam);

        private static LocalizedText Refusal(LocalPluginContext context, CloseSituation situation, IReadOnlyList<ApprovalRequest> requests = null)
        {
            var names = new ApproverNames(new UserDirectory(context.SystemService), situation.Settings);
            return ApprovalRefusals.NeedsApproval(Headline(situation), situation.Type, situation.Facts, situation.Operation,
                requests ?? situation.Requests, names, context.InitiatingUserId, situation.Now);
        }

        private static LocalizedText Headline(CloseSituation situation)
        {
            var name = situation.Facts.DisplayName;
            switch (situation.Requirement)
            {
                case CloseRequirement.WinAboveThreshold:
                    return ApprovalTexts.Format(ApprovalTexts.WinNeedsApproval, name, ApprovalTexts.Amount(situation.Operation.Amount), ApprovalTexts.Amount(situation.Settings.WinApprovalThreshold));
                case CloseRequirement.LossOfKeyAccount:
                    return ApprovalTexts.Format(ApprovalTexts.LossOfKeyAccountNeedsVerification, name);
                default:
                    return ApprovalTexts.Format(ApprovalTexts.LossAboveThresholdNeedsVerification, name, ApprovalTexts.Amount(situation.Facts.HighestValue), ApprovalTexts.Amount(situation.Settings.LossVerificationThreshold));
            }
        }

        private static GuardEvent Event(LocalPluginContext context, CloseSituation situation, GuardEventOutcome outcome, string reason, Guid? requestId) =>
            new GuardEvent(
                ApprovalTypes.GuardKind(situation.Type),
                outcome,
                context.InitiatingUserId,
                context.UserId,
                context.MessageName,
                situation.Facts.Record,
                situation.Facts.Name,
                (situation.Won ? "Win" : "Lose") + " at " + ApprovalTexts.Amount(situation.Operation.Amount) +
                    " (estimated " + ApprovalTexts.Amount(situation.Facts.EstimatedValue) + ", actual " + ApprovalTexts.Amount(situation.Facts.ActualValue) + ")",
                reason,
                requestId,
                situation.Now,
                context.PluginExecutionContext.CorrelationId);

        /// <summary>One close needing approval, as assessed.</summary>
        private sealed class CloseSituation
        {
            internal CloseSituation(bool won, ApprovalType type, CloseRequirement requirement, RecordFacts facts, ApprovalSnapshot operation,
                IReadOnlyList<ApprovalRequest> requests, KamSettings settings, decimal? closeAmount, DateTime now)
            {
                Won = won;
                Type = type;
                Requirement = requirement;
                Facts = facts;
                Operation = operation;
                Requests = requests;
                Settings = settings;
                CloseAmount = closeAmount;
                Now = now;
            }

            internal bool Won { get; }
            internal ApprovalType Type { get; }
            internal CloseRequirement Requirement { get; }
            internal RecordFacts Facts { get; }
            internal ApprovalSnapshot Operation { get; }
            internal IReadOnlyList<ApprovalRequest> Requests { get; }
            internal KamSettings Settings { get; }
            internal decimal? CloseAmount { get; }
            internal DateTime Now { get; }
        }
    }
}
