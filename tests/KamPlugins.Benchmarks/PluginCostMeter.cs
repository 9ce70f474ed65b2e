using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Benchmarks
{
    /// <summary>What the plugins of one operation cost, split the way the platform charges it.</summary>
    public readonly struct PluginCost
    {
        /// <summary>Creates a cost.</summary>
        public PluginCost(long ownTicks, int calls, long rows, TimeSpan ownGcPause = default)
        {
            OwnTicks = ownTicks;
            Calls = calls;
            Rows = rows;
            OwnGcPause = ownGcPause;
        }

        /// <summary>Garbage-collection pauses that fell inside the plugins' own time (included in <see cref="OwnTicks"/>).</summary>
        public TimeSpan OwnGcPause { get; }

        /// <summary>Time spent in plugin code itself, service calls excluded (Stopwatch ticks).</summary>
        public long OwnTicks { get; }

        /// <summary>Service calls the plugins made (each a database round trip in Dataverse).</summary>
        public int Calls { get; }

        /// <summary>Rows the service calls returned to the plugins (Retrieve: 1; RetrieveMultiple: the page).</summary>
        public long Rows { get; }

        /// <summary>Own time in microseconds.</summary>
        public double OwnMicroseconds => OwnTicks * 1000000.0 / Stopwatch.Frequency;

        /// <summary>The cost between two readings.</summary>
        public static PluginCost operator -(PluginCost after, PluginCost before) =>
            new PluginCost(after.OwnTicks - before.OwnTicks, after.Calls - before.Calls, after.Rows - before.Rows, after.OwnGcPause - before.OwnGcPause);

        /// <summary>The cost between two readings.</summary>
        public static PluginCost Subtract(PluginCost after, PluginCost before) => after - before;
    }

    /// <summary>
    /// Measures the plugins' own time apart from the time their service calls take. The emulator answers
    /// every query by scanning the table (Dataverse seeks an index), so its per-call time grows with the
    /// organisation and would hide what the product itself costs. Every enabled step is re-registered
    /// as an identical step (message, table, stage, rank, mode, filtering attributes, images, run-as user)
    /// that runs the same plugin instance through a service provider whose organisation services time
    /// and count their calls; nested plugin executions (inside a call) are charged to themselves.
    /// A plugin's cost in Dataverse is then about its own time + calls × round trip + rows × transfer.
    /// </summary>
    public sealed class PluginCostMeter
    {
        private readonly Stack<Frame> frames = new Stack<Frame>();
        private long ownTicks;
        private int calls;
        private long rows;
        private TimeSpan ownPause;

        private PluginCostMeter()
        {
        }

        /// <summary>The cost accumulated so far.</summary>
        public PluginCost Total => new PluginCost(ownTicks, calls, rows, ownPause);

        /// <summary>Replaces every enabled step of <paramref name="org"/> by its measured twin.</summary>
        public static PluginCostMeter Instrument(DataverseEmulator org)
        {
            if (org == null) throw new ArgumentNullException(nameof(org));
            var meter = new PluginCostMeter();
            foreach (var step in org.Steps.All.Where(s => s.Enabled).ToList())
            {
                var original = step;
                original.Enabled = false;
                var attribute = new PluginStepAttribute(original.Message, original.PrimaryEntity, original.Stage)
                {
                    Rank = original.Rank,
                    Mode = original.Mode,
                    FilteringAttributes = original.FilteringAttributes?.ToArray(),
                    Configuration = original.UnsecureConfiguration,
                };
                org.RegisterStep(attribute, services => meter.Run(original.Instance, services), twin =>
                {
                    foreach (var image in original.Images) twin.Images.Add(image);
                    twin.RunAsUserId = original.RunAsUserId;
                    twin.SecureConfiguration = original.SecureConfiguration;
                });
            }
            return meter;
        }

        /// <summary>Wraps a client-side service so that code running against it is measured the same way.</summary>
        public IOrganizationService Measure(IOrganizationService service) => new TimedService(this, service, () => frames.Count > 0 ? frames.Peek() : null);

        /// <summary>Runs client-side code as if it were a plugin: its own time and calls are accumulated.</summary>
        public T RunAsPlugin<T>(Func<IOrganizationService, T> body, IOrganizationService service)
        {
            if (body == null) throw new ArgumentNullException(nameof(body));
            var frame = new Frame();
            frames.Push(frame);
            var start = Stopwatch.GetTimestamp();
            var pause = GC.GetTotalPauseDuration();
            try
            {
                return body(new TimedService(this, service, () => frame));
            }
            finally
            {
                Close(frame, start, pause);
            }
        }

        private void Run(IPlugin plugin, IServiceProvider services)
        {
            var frame = new Frame();
            frames.Push(frame);
            var start = Stopwatch.GetTimestamp();
            var pause = GC.GetTotalPauseDuration();
            try
            {
                plugin.Execute(new TimedProvider(this, services, frame));
            }
            finally
            {
                Close(frame, start, pause);
            }
        }

        private void Close(Frame frame, long start, TimeSpan pause)
        {
            var elapsed = Stopwatch.GetTimestamp() - start;
            frames.Pop();
            ownTicks += elapsed - frame.CallTicks;
            ownPause += GC.GetTotalPauseDuration() - pause - frame.CallPause;
        }

        private T Call<T>(Frame frame, Func<T> call, Func<T, long> rowsOf)
        {
            var start = Stopwatch.GetTimestamp();
            var pause = GC.GetTotalPauseDuration();
            try
            {
                var result = call();
                rows += rowsOf(result);
                return result;
            }
            finally
            {
                calls++;
                if (frame != null)
                {
                    frame.CallTicks += Stopwatch.GetTimestamp() - start;
                    frame.CallPause += GC.GetTotalPauseDuration() - pause;
                }
            }
        }

        private sealed class Frame
        {
            internal long CallTicks { get; set; }

            internal TimeSpan CallPause { get; set; }
        }

        private sealed class TimedProvider : IServiceProvider, IOrganizationServiceFactory
        {
            private readonly PluginCostMeter meter;
            private readonly IServiceProvider inner;
            private readonly Frame frame;

            internal TimedProvider(PluginCostMeter meter, IServiceProvider inner, Frame frame)
            {
                this.meter = meter;
                this.inner = inner;
                this.frame = frame;
            }

            public object GetService(Type serviceType) => serviceType == typeof(IOrganizationServiceFactory) ? this : inner.GetService(serviceType);

            public IOrganizationService CreateOrganizationService(Guid? userId) =>
                new TimedService(meter, ((IOrganizationServiceFactory)inner.GetService(typeof(IOrganizationServiceFactory))).CreateOrganizationService(userId), () => frame);
        }

        private sealed class TimedService : IOrganizationService
        {
            private readonly PluginCostMeter meter;
            private readonly IOrganizationService inner;
            private readonly Func<Frame> frame;

            internal TimedService(PluginCostMeter meter, IOrganizationService inner, Func<Frame> frame)
            {
                this.meter = meter;
                this.inner = inner;
                this.frame = frame;
            }

            public Guid Create(Entity entity) => meter.Call(frame(), () => inner.Create(entity), _ => 0);

            public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => meter.Call(frame(), () => inner.Retrieve(entityName, id, columnSet), _ => 1);

            public void Update(Entity entity) => meter.Call(frame(), () => { inner.Update(entity); return 0; }, _ => 0);

            public void Delete(string entityName, Guid id) => meter.Call(frame(), () => { inner.Delete(entityName, id); return 0; }, _ => 0);

            public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
                meter.Call(frame(), () => { inner.Associate(entityName, entityId, relationship, relatedEntities); return 0; }, _ => 0);

            public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
                meter.Call(frame(), () => { inner.Disassociate(entityName, entityId, relationship, relatedEntities); return 0; }, _ => 0);

            public EntityCollection RetrieveMultiple(QueryBase query) => meter.Call(frame(), () => inner.RetrieveMultiple(query), r => r?.Entities.Count ?? 0);

            public OrganizationResponse Execute(OrganizationRequest request) => meter.Call(frame(), () => inner.Execute(request), RowsOf);

            private static long RowsOf(OrganizationResponse response)
            {
                if (response?.Results == null) return 0;
                long count = 0;
                foreach (var value in response.Results.Values)
                {
                    if (value is EntityCollection collection) count += collection.Entities.Count;
                    else if (value is Entity) count++;
                }
                return count;
            }
        }
    }
}
