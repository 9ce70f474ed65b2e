using System;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace KamPlugins.Guard
{
    /// <summary>
    /// One refused attempt or administrator override (or authorised change), as it is recorded in
    /// kam_guardevent. Immutable.
    /// </summary>
    public sealed class GuardEvent
    {
        /// <summary>Creates an event.</summary>
        public GuardEvent(
            GuardEventKind kind,
            GuardEventOutcome outcome,
            Guid initiatingUserId,
            Guid callingUserId,
            string messageName,
            EntityReference record,
            string recordName,
            string attemptedChange,
            string reason,
            Guid? approvalRequestId,
            DateTime occurredOn,
            Guid correlationId,
            string deduplicationKey = null)
        {
            Kind = kind;
            Outcome = outcome;
            InitiatingUserId = initiatingUserId;
            CallingUserId = callingUserId;
            MessageName = messageName;
            Record = record ?? throw new ArgumentNullException(nameof(record));
            RecordName = recordName;
            AttemptedChange = attemptedChange;
            Reason = reason;
            ApprovalRequestId = approvalRequestId;
            OccurredOn = occurredOn;
            CorrelationId = correlationId;
            DeduplicationKey = deduplicationKey;
        }

        /// <summary>What kind of attempt.</summary>
        public GuardEventKind Kind { get; }
        /// <summary>Refused, overridden or authorised.</summary>
        public GuardEventOutcome Outcome { get; }
        /// <summary>Who started the pipeline.</summary>
        public Guid InitiatingUserId { get; }
        /// <summary>The step's user.</summary>
        public Guid CallingUserId { get; }
        /// <summary>The message.</summary>
        public string MessageName { get; }
        /// <summary>The record.</summary>
        public EntityReference Record { get; }
        /// <summary>The record's name, when known.</summary>
        public string RecordName { get; }
        /// <summary>What was attempted (column: old → new).</summary>
        public string AttemptedChange { get; }
        /// <summary>Why (the message the user saw, both languages).</summary>
        public string Reason { get; }
        /// <summary>The approval used, if any.</summary>
        public Guid? ApprovalRequestId { get; }
        /// <summary>When.</summary>
        public DateTime OccurredOn { get; }
        /// <summary>The operation's correlation id.</summary>
        public Guid CorrelationId { get; }

        /// <summary>
        /// What makes two events of one operation the same event, when the message name must not: the
        /// platform may raise Update and Assign (or Update twice) for one owner change, and the change
        /// must be recorded once. Null: the message, kind and outcome decide (see <see cref="StableEventId"/>).
        /// </summary>
        public string DeduplicationKey { get; }

        /// <summary>
        /// The event's id: derived from the operation, record, kind and outcome (or, when set, from the
        /// operation, record and <see cref="DeduplicationKey"/>), so a step the platform raises twice
        /// records the attempt once.
        /// </summary>
        public Guid StableEventId =>
            DeduplicationKey != null
                ? IdFor(CorrelationId, Record, DeduplicationKey)
                : StableId.For($"guardevent:{CorrelationId:N}:{MessageName}:{Record.LogicalName}:{Record.Id:N}:{(int)Kind}:{(int)Outcome}");

        /// <summary>
        /// The id of the event an operation records for <paramref name="record"/> under
        /// <paramref name="deduplicationKey"/>: lets a later step of the same operation find it by id
        /// (one query), e.g. the cascade of an authorised account transfer finding the transfer's event.
        /// </summary>
        public static Guid IdFor(Guid correlationId, EntityReference record, string deduplicationKey)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            if (deduplicationKey == null) throw new ArgumentNullException(nameof(deduplicationKey));
            return StableId.For($"guardevent:{correlationId:N}:{record.LogicalName}:{record.Id:N}:key:{deduplicationKey}");
        }

        /// <summary>The kam_guardevent row.</summary>
        public Entity ToEntity()
        {
            var row = new Entity(GuardEventTable.LogicalName, StableEventId);
            row[GuardEventTable.Name] = Truncate($"{Outcome}: {Kind} {Record.LogicalName} {RecordName ?? Record.Id.ToString()}", 100);
            row[GuardEventTable.Kind] = new OptionSetValue((int)Kind);
            row[GuardEventTable.Outcome] = new OptionSetValue((int)Outcome);
            if (InitiatingUserId != Guid.Empty) row[GuardEventTable.InitiatingUserId] = new EntityReference(SystemUserTable.LogicalName, InitiatingUserId);
            if (CallingUserId != Guid.Empty) row[GuardEventTable.CallingUserId] = new EntityReference(SystemUserTable.LogicalName, CallingUserId);
            row[GuardEventTable.MessageName] = MessageName;
            row[GuardEventTable.TableName] = Record.LogicalName;
            row[GuardEventTable.RecordId] = Record.Id.ToString("D");
            if (RecordName != null) row[GuardEventTable.RecordName] = Truncate(RecordName, 200);
            if (AttemptedChange != null) row[GuardEventTable.AttemptedChange] = Truncate(AttemptedChange, 4000);
            if (Reason != null) row[GuardEventTable.Reason] = Truncate(Reason, 4000);
            if (ApprovalRequestId.HasValue) row[GuardEventTable.ApprovalRequestId] = new EntityReference(ApprovalRequestTable.LogicalName, ApprovalRequestId.Value);
            row[GuardEventTable.OccurredOn] = OccurredOn;
            row[GuardEventTable.CorrelationId] = CorrelationId.ToString("D");
            return row;
        }

        private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length);
    }

    /// <summary>Writes guard events (1 Upsert as SYSTEM: idempotent, so a repeated step writes once).</summary>
    public static class GuardEventWriter
    {
        /// <summary>
        /// Writes the event. Where it survives depends on where it is called: from a top-level
        /// PreValidation step (outside the transaction) a refusal's event survives the rollback of the
        /// refused operation; inside the transaction it shares the operation's fate.
        /// </summary>
        public static void Write(LocalPluginContext context, GuardEvent guardEvent)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            Write(context.SystemService, guardEvent);
            context.Trace("guard event {0} {1} written", guardEvent.Outcome, guardEvent.Kind);
        }

        /// <summary>Writes the event with a SYSTEM service (1 Upsert; for use cases that hold the service, not the context).</summary>
        public static void Write(IOrganizationService systemService, GuardEvent guardEvent)
        {
            if (systemService == null) throw new ArgumentNullException(nameof(systemService));
            if (guardEvent == null) throw new ArgumentNullException(nameof(guardEvent));
            systemService.Execute(new UpsertRequest { Target = guardEvent.ToEntity() });
        }
    }
}
