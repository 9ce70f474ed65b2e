using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace KamPlugins.Benchmarks
{
    /// <summary>
    /// A short job that fits the whole suite in minutes on a shared 2-core machine: in process (no
    /// generated project to build; the service-call column reads what the benchmarks recorded), one
    /// launch, 2 warmup and 5 measured iterations (classes with slow operations lower these), a fixed
    /// number of invocations per iteration set by each class. Adds allocations (MemoryDiagnoser) and the
    /// service calls, rows and the plugins' own time per operation (<see cref="CostColumn"/>).
    /// </summary>
    public sealed class ShortInProcessConfig : ManualConfig
    {
        /// <summary>Creates the configuration.</summary>
        public ShortInProcessConfig()
        {
            Add(DefaultConfig.Instance);
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(5)
                .WithId("ShortInProcess"));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(CostColumn.Calls, CostColumn.Rows, CostColumn.OwnTime);
            ArtifactsPath = Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts");
        }
    }

    /// <summary>What the benchmarks recorded per case: service calls, rows, the plugins' own time.</summary>
    public static class CostLog
    {
        private static readonly ConcurrentDictionary<string, Entry> Recorded = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

        /// <summary>Records one operation of a benchmark at a size.</summary>
        public static void Record(string type, string method, int size, int calls, PluginCost cost)
        {
            var entry = Recorded.GetOrAdd(Key(type, method, size), _ => new Entry());
            lock (entry)
            {
                entry.Calls = calls;
                entry.Rows = cost.Rows;
                entry.Own.Add(cost.OwnMicroseconds);
            }
        }

        /// <summary>Records the own time of an operation measured apart (the custom API's main step).</summary>
        public static void RecordOwnTime(string type, string method, int size, PluginCost cost)
        {
            var entry = Recorded.GetOrAdd(Key(type, method, size), _ => new Entry());
            lock (entry)
            {
                entry.Rows = cost.Rows;
                entry.Own.Add(cost.OwnMicroseconds);
            }
        }

        internal static Entry Of(BenchmarkCase benchmarkCase)
        {
            if (benchmarkCase == null || !benchmarkCase.HasParameters) return null;
            var size = benchmarkCase.Parameters["Opportunities"];
            var key = Key(benchmarkCase.Descriptor.Type.Name, benchmarkCase.Descriptor.WorkloadMethod.Name, Convert.ToInt32(size, CultureInfo.InvariantCulture));
            return Recorded.TryGetValue(key, out var entry) ? entry : null;
        }

        private static string Key(string type, string method, int size) => type + "." + method + "/" + size.ToString(CultureInfo.InvariantCulture);

        internal sealed class Entry
        {
            internal int? Calls { get; set; }

            internal long? Rows { get; set; }

            internal List<double> Own { get; } = new List<double>();

            internal double? OwnMedian
            {
                get
                {
                    if (Own.Count == 0) return null;
                    var sorted = Own.OrderBy(x => x).ToList();
                    return sorted[sorted.Count / 2];
                }
            }
        }
    }

    /// <summary>A column showing one recorded figure per case.</summary>
    public sealed class CostColumn : IColumn
    {
        private readonly Func<CostLog.Entry, string> value;

        private CostColumn(string name, string legend, Func<CostLog.Entry, string> value)
        {
            ColumnName = name;
            Legend = legend;
            this.value = value;
        }

        /// <summary>Service calls per operation.</summary>
        public static CostColumn Calls { get; } = new CostColumn("Calls/op", "Service calls the plugins made per operation (each a database round trip in Dataverse; the emulator's counter)",
            e => e.Calls?.ToString("N0", CultureInfo.InvariantCulture));

        /// <summary>Rows returned per operation.</summary>
        public static CostColumn Rows { get; } = new CostColumn("Rows/op", "Rows the plugins' service calls returned per operation (Retrieve 1, RetrieveMultiple its page)",
            e => e.Rows?.ToString("N0", CultureInfo.InvariantCulture));

        /// <summary>The plugins' own time per operation.</summary>
        public static CostColumn OwnTime { get; } = new CostColumn("Plugin CPU/op", "Median time spent in plugin code itself per operation, service calls excluded (µs)",
            e => e.OwnMedian?.ToString("N1", CultureInfo.InvariantCulture) + " μs");

        /// <inheritdoc />
        public string Id => nameof(CostColumn) + "." + ColumnName;

        /// <inheritdoc />
        public string ColumnName { get; }

        /// <inheritdoc />
        public bool AlwaysShow => true;

        /// <inheritdoc />
        public ColumnCategory Category => ColumnCategory.Custom;

        /// <inheritdoc />
        public int PriorityInCategory => 0;

        /// <inheritdoc />
        public bool IsNumeric => true;

        /// <inheritdoc />
        public UnitType UnitType => UnitType.Dimensionless;

        /// <inheritdoc />
        public string Legend { get; }

        /// <inheritdoc />
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var entry = CostLog.Of(benchmarkCase);
            return (entry == null ? null : value(entry)) ?? "?";
        }

        /// <inheritdoc />
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        /// <inheritdoc />
        public bool IsAvailable(Summary summary) => true;

        /// <inheritdoc />
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
