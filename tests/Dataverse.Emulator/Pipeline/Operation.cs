using System;
using System.Collections.Generic;
using Dataverse.Emulator.Measurement;
using Dataverse.Emulator.Storage;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Pipeline
{
    /// <summary>Where a service call comes from.</summary>
    internal enum CallOrigin
    {
        Client,
        Plugin,
        Platform,
    }

    /// <summary>What the bypass parameters switched off for an operation (and the operations it causes).</summary>
    internal sealed class BypassSettings
    {
        public static readonly BypassSettings None = new BypassSettings(false, false, new HashSet<Guid>());

        public BypassSettings(bool skipSync, bool skipAsync, HashSet<Guid> stepIds)
        {
            SkipSync = skipSync;
            SkipAsync = skipAsync;
            StepIds = stepIds;
        }

        public bool SkipSync { get; }

        public bool SkipAsync { get; }

        public HashSet<Guid> StepIds { get; }

        public BypassSettings Merge(BypassSettings other)
        {
            if (other == null || ReferenceEquals(other, None)) return this;
            var ids = new HashSet<Guid>(StepIds);
            ids.UnionWith(other.StepIds);
            return new BypassSettings(SkipSync || other.SkipSync, SkipAsync || other.SkipAsync, ids);
        }

        public bool Skips(StepRegistration step) =>
            StepIds.Contains(step.Id) || (step.Mode == KamPlugins.Platform.Registration.ExecutionMode.Synchronous ? SkipSync : SkipAsync);
    }

    /// <summary>Who calls, from where, inside which transaction.</summary>
    internal sealed class Caller
    {
        public Guid UserId { get; set; }

        public Guid InitiatingUserId { get; set; }

        public Guid AuthenticatedUserId { get; set; }

        public EmulatedExecutionContext ParentContext { get; set; }

        public int Depth { get; set; }

        public Transaction Transaction { get; set; }

        /// <summary>An asynchronous attempt's transaction: a failed call rolls back to a savepoint instead of dooming it.</summary>
        public bool Forgiving { get; set; }

        public OperationRecord Record { get; set; }

        public BypassSettings Bypass { get; set; } = BypassSettings.None;

        public Guid CorrelationId { get; set; }

        public CallOrigin Origin { get; set; }

        public bool Asynchronous { get; set; }

        public StepRegistration CallingStep { get; set; }

        public DateTime? OperationCreatedOn { get; set; }

        public Caller Copy() => (Caller)MemberwiseClone();
    }

    /// <summary>One execution of one request: depth, transaction, bypass, tag.</summary>
    internal sealed class Operation
    {
        public Operation(Engine engine, OrganizationRequest request, ParameterCollection input, Caller caller, int depth)
        {
            Engine = engine;
            Request = request;
            Input = input;
            Caller = caller;
            Depth = depth;
            CreatedOn = caller.OperationCreatedOn ?? engine.Org.Clock.UtcNow;
        }

        public Engine Engine { get; }

        public DataverseEmulator Org => Engine.Org;

        public OrganizationRequest Request { get; }

        /// <summary>The request's parameters as plugins see them (a copy; optional parameters removed).</summary>
        public ParameterCollection Input { get; }

        public Caller Caller { get; }

        public int Depth { get; }

        public Guid OperationId { get; } = Guid.NewGuid();

        public DateTime CreatedOn { get; }

        public BypassSettings Bypass { get; set; } = BypassSettings.None;

        public string Tag { get; set; }

        public Transaction Tx { get; private set; }

        public bool OwnsTx { get; private set; }

        public Transaction Ambient => Tx ?? Caller.Transaction;

        public IRowReader Reader => (IRowReader)Ambient ?? Org.Committed;

        public Transaction EnsureTransaction()
        {
            if (Tx != null) return Tx;
            if (Caller.Transaction != null)
            {
                Tx = Caller.Transaction;
                OwnsTx = false;
            }
            else
            {
                Tx = new Transaction(Org.Store);
                OwnsTx = true;
            }

            return Tx;
        }

        public WriteInfo WriteInfo() => new WriteInfo(Caller.UserId, Caller.AuthenticatedUserId != Caller.UserId ? Caller.AuthenticatedUserId : (Guid?)null, Org.Clock.UtcNow, false, Org.Options.CheckLookupTargetsExist);

        /// <summary>A caller for an operation the platform starts inside this one (cascades, close activities): one level deeper, same transaction.</summary>
        public Caller PlatformCaller(EmulatedExecutionContext parent, Guid? userId = null)
        {
            var c = Caller.Copy();
            c.UserId = userId ?? Caller.UserId;
            c.ParentContext = parent;
            c.Depth = Depth;
            c.Transaction = EnsureTransaction();
            c.Origin = CallOrigin.Platform;
            c.Bypass = Bypass;
            c.OperationCreatedOn = null;
            return c;
        }
    }

    /// <summary>
    /// The message a set of steps sees: one per message raised by an operation (the primary message,
    /// plus the messages a profile or a merged bulk pipeline also raises).
    /// </summary>
    internal sealed class View
    {
        public View(string message, string entity, Guid entityId, ParameterCollection input, string imageProperty = null)
        {
            Message = message;
            Entity = entity;
            EntityId = entityId;
            Input = input;
            DefaultImageProperty = imageProperty;
        }

        public string Message { get; }

        public string Entity { get; }

        public Guid EntityId { get; set; }

        public ParameterCollection Input { get; }

        public ParameterCollection Output { get; } = new ParameterCollection();

        public ParameterCollection PendingOutput { get; } = new ParameterCollection();

        public string DefaultImageProperty { get; }

        /// <summary>Message property → the record its images are taken of.</summary>
        public Dictionary<string, EntityReference> ImageRecords { get; } = new Dictionary<string, EntityReference>();

        public bool PreImagesAllowed { get; set; } = true;

        public bool PostImagesAllowed { get; set; } = true;

        public Dictionary<string, Entity> PreRowsValidation { get; } = new Dictionary<string, Entity>();

        public Dictionary<string, Entity> PreRows { get; } = new Dictionary<string, Entity>();

        public Dictionary<string, Entity> PostRows { get; } = new Dictionary<string, Entity>();

        public ParameterCollection SharedValidation { get; } = new ParameterCollection();

        public ParameterCollection SharedMain { get; } = new ParameterCollection();

        public EmulatedExecutionContext ValidationContext { get; set; }

        public EmulatedExecutionContext CoreContext { get; set; }
    }

    /// <summary>One record's operation inside a (possibly bulk) request: its views, validation and core operation.</summary>
    internal sealed class Unit
    {
        public List<View> Views { get; } = new List<View>();

        public View Primary => Views[0];

        /// <summary>Checks before PreValidation (existence, concurrency, state rules).</summary>
        public Action Validate { get; set; }

        /// <summary>The core operation (stage 30).</summary>
        public Action Main { get; set; }
    }
}
