using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Measurement
{
    /// <summary>Service calls counted by message name; a message never called counts 0.</summary>
    public sealed class CallCounter
    {
        private readonly object sync = new object();
        private readonly List<PluginCall> calls = new List<PluginCall>();

        /// <summary>How many calls of <paramref name="message"/> (request name: Create, Retrieve, RetrieveMultiple, Update, ...).</summary>
        public int this[string message]
        {
            get { lock (sync) return calls.Count(c => string.Equals(c.Message, message, StringComparison.OrdinalIgnoreCase)); }
        }

        /// <summary>All calls.</summary>
        public int Total
        {
            get { lock (sync) return calls.Count; }
        }

        /// <summary>Counts by message.</summary>
        public IReadOnlyDictionary<string, int> ByMessage
        {
            get { lock (sync) return calls.GroupBy(c => c.Message, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase); }
        }

        /// <summary>The calls, in order.</summary>
        public IReadOnlyList<PluginCall> Calls
        {
            get { lock (sync) return calls.ToList(); }
        }

        /// <summary>How many calls of <paramref name="message"/> on <paramref name="table"/>.</summary>
        public int Count(string message, string table)
        {
            lock (sync) return calls.Count(c => string.Equals(c.Message, message, StringComparison.OrdinalIgnoreCase) && c.Table == table);
        }

        internal void Add(PluginCall call)
        {
            lock (sync) calls.Add(call);
        }

        /// <inheritdoc />
        public override string ToString() => string.Join(", ", ByMessage.Select(p => $"{p.Key}={p.Value}"));
    }

    /// <summary>One service call a plugin made.</summary>
    public sealed class PluginCall
    {
        internal PluginCall(string message, string table, int depth, string stepName, bool asynchronous)
        {
            Message = message;
            Table = table;
            Depth = depth;
            StepName = stepName;
            Asynchronous = asynchronous;
        }

        /// <summary>The request name.</summary>
        public string Message { get; }

        /// <summary>The table it concerned (null when none).</summary>
        public string Table { get; }

        /// <summary>The depth of the operation the call started.</summary>
        public int Depth { get; }

        /// <summary>The step whose plugin made the call.</summary>
        public string StepName { get; }

        /// <summary>True when an asynchronous step made it.</summary>
        public bool Asynchronous { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Message} {Table} (depth {Depth}, {StepName})";
    }

    /// <summary>One execution of a step.</summary>
    public sealed class StepExecution
    {
        internal StepExecution(Pipeline.StepRegistration step, IPluginExecutionContext context)
        {
            Step = step;
            Context = context;
        }

        /// <summary>The step.</summary>
        public Pipeline.StepRegistration Step { get; }

        /// <summary>The context the plugin received.</summary>
        public IPluginExecutionContext Context { get; }

        /// <summary>The context's message name.</summary>
        public string MessageName => Context.MessageName;

        /// <summary>The context's stage.</summary>
        public int Stage => Context.Stage;

        /// <summary>The context's depth.</summary>
        public int Depth => Context.Depth;

        /// <inheritdoc />
        public override string ToString() => $"{Step.Name} [{Context.MessageName} {Context.PrimaryEntityName} {Context.PrimaryEntityId}, stage {Context.Stage}, depth {Context.Depth}]";
    }

    /// <summary>What one client call did: the plugin service calls, the steps that ran, traces and the outcome.</summary>
    public sealed class OperationRecord
    {
        private readonly object sync = new object();
        private readonly List<StepExecution> steps = new List<StepExecution>();
        private readonly List<string> traces = new List<string>();

        internal OperationRecord(string requestName, Guid userId, Guid authenticatedUserId, Guid correlationId)
        {
            RequestName = requestName;
            UserId = userId;
            AuthenticatedUserId = authenticatedUserId;
            CorrelationId = correlationId;
        }

        /// <summary>The client's request name.</summary>
        public string RequestName { get; }

        /// <summary>The user the operation ran as (the impersonated user with CallerId).</summary>
        public Guid UserId { get; }

        /// <summary>The user the client authenticated as.</summary>
        public Guid AuthenticatedUserId { get; }

        /// <summary>The operation's correlation id.</summary>
        public Guid CorrelationId { get; }

        /// <summary>The service calls plugins made during the operation (synchronous and, when run, asynchronous steps).</summary>
        public CallCounter PluginCalls { get; } = new CallCounter();

        /// <summary>The steps that ran, in order.</summary>
        public IReadOnlyList<StepExecution> Steps
        {
            get { lock (sync) return steps.ToList(); }
        }

        /// <summary>What plugins wrote to the tracing service.</summary>
        public IReadOnlyList<string> Traces
        {
            get { lock (sync) return traces.ToList(); }
        }

        /// <summary>The fault the client received, or null.</summary>
        public FaultException<OrganizationServiceFault> Fault { get; internal set; }

        /// <summary>True when the client call succeeded.</summary>
        public bool Succeeded => Fault == null;

        /// <summary>How many times a step of <typeparamref name="TPlugin"/> ran (optionally on one message).</summary>
        public int StepRuns<TPlugin>(string message = null) => Steps.Count(s => s.Step.PluginType == typeof(TPlugin) && (message == null || s.MessageName == message));

        internal void AddStep(StepExecution e)
        {
            lock (sync) steps.Add(e);
        }

        internal void AddTrace(string line)
        {
            lock (sync) traces.Add(line);
        }

        /// <inheritdoc />
        public override string ToString() => $"{RequestName}: {(Succeeded ? "ok" : Fault.Detail.Message)}; plugin calls {PluginCalls}";
    }

    /// <summary>
    /// Counts the plugin service calls of every operation between its creation and disposal
    /// (<c>using (var scope = org.Measure()) { ... } scope.PluginCalls["RetrieveMultiple"]</c>).
    /// </summary>
    public sealed class MeasurementScope : IDisposable
    {
        private readonly Action<MeasurementScope> onDispose;

        internal MeasurementScope(Action<MeasurementScope> onDispose)
        {
            this.onDispose = onDispose;
        }

        /// <summary>The plugin calls counted so far.</summary>
        public CallCounter PluginCalls { get; } = new CallCounter();

        /// <summary>The operations started in the scope.</summary>
        public int Operations { get; internal set; }

        /// <summary>Stops counting.</summary>
        public void Dispose() => onDispose(this);
    }
}
