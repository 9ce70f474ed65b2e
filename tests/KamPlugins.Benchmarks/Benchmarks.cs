using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using KamPlugins.Tests.Performance.World;

namespace KamPlugins.Benchmarks
{
    /// <summary>
    /// One organisation per benchmark case, seeded directly (no pipeline) at 1,000, 10,000 and 100,000
    /// existing opportunities (<see cref="ScaledOrganization"/>); only the measured operation runs through
    /// the pipeline, with every plugin of the product.
    /// </summary>
    public abstract class ScaleBenchmark
    {
        /// <summary>Existing opportunities in the organisation.</summary>
        [ParamsSource(nameof(Sizes))]
        public int Opportunities { get; set; }

        /// <summary>1,000, 10,000 and 100,000 (KAM_BENCHMARK_SIZES=1000,10000 narrows a quick run).</summary>
        public static IEnumerable<int> Sizes =>
            (Environment.GetEnvironmentVariable("KAM_BENCHMARK_SIZES") ?? "1000,10000,100000")
                .Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => int.Parse(s.Trim(), CultureInfo.InvariantCulture));

        /// <summary>The operations on the current organisation.</summary>
        internal Operations Ops { get; private set; }

        /// <summary>Builds the organisation (optionally with the naive goal plugin instead of the goal engine).</summary>
        protected void Build(int poolSize, bool naiveGoals = false)
        {
            Ops = null;
            GC.Collect();
            var world = new ScaledOrganization(Opportunities, poolSize);
            if (naiveGoals) NaiveGoalRollup.ReplaceGoalEngine(world.Org);
            Ops = new Operations(world);
        }

        /// <summary>Records the last operation's service calls, rows and own time for the cost columns.</summary>
        protected void Note(string method) => CostLog.Record(BenchmarkType, method, Opportunities, Ops.LastCalls, Ops.LastCost);

        /// <summary>The benchmark class's name (the in-process toolchain may run an emitted subclass).</summary>
        protected string BenchmarkType
        {
            get
            {
                var type = GetType();
                while (type.Assembly != typeof(ScaleBenchmark).Assembly) type = type.BaseType;
                return type.Name;
            }
        }

        /// <summary>Releases the organisation.</summary>
        [GlobalCleanup]
        public void Release()
        {
            Ops = null;
            GC.Collect();
        }
    }

    /// <summary>(a) An update touching no guarded column of a protected opportunity (no step runs).</summary>
    [InvocationCount(1024)]
    public class UnguardedUpdateBenchmarks : ScaleBenchmark
    {
        /// <summary>Seeds the organisation.</summary>
        [GlobalSetup]
        public void Setup() => Build(poolSize: 0);

        /// <summary>(a) The owner edits the description of a key-account opportunity.</summary>
        [Benchmark(Description = "(a) update, no guarded column")]
        public void UnguardedUpdate()
        {
            Ops.UnguardedUpdate();
            Note(nameof(UnguardedUpdate));
        }
    }

    /// <summary>(b) A refused owner change of a protected opportunity.</summary>
    [InvocationCount(32)]
    public class RefusedOwnerChangeBenchmarks : ScaleBenchmark
    {
        /// <summary>Seeds the organisation.</summary>
        [GlobalSetup]
        public void Setup() => Build(poolSize: 0);

        /// <summary>(b) The owner hands a key-account opportunity to a colleague without approval: refused, the refusal recorded.</summary>
        [Benchmark(Description = "(b) refused owner change")]
        public void RefusedOwnerChange()
        {
            Ops.RefusedOwnerChange();
            Note(nameof(RefusedOwnerChange));
        }
    }

    /// <summary>(c) An approved transfer of a protected opportunity, with the goal engine and with a naive goal plugin.</summary>
    [InvocationCount(16)]
    public class TransferBenchmarks : ScaleBenchmark
    {
        /// <summary>Seeds the organisation with the product's goal engine.</summary>
        [GlobalSetup(Target = nameof(ApprovedTransfer))]
        public void Setup() => Build(poolSize: 200);

        /// <summary>Seeds the organisation with the naive goal plugin instead.</summary>
        [GlobalSetup(Target = nameof(ApprovedTransferNaiveGoals))]
        public void SetupNaive() => Build(poolSize: 200, naiveGoals: true);

        /// <summary>Submits and approves the iteration's transfers (not measured).</summary>
        [IterationSetup]
        public void Prepare() => Ops.PrepareTransfers(16);

        /// <summary>(c) The approved transfer; the goal engine moves the pipeline between the two KAMs' goals.</summary>
        [Benchmark(Description = "(c) approved transfer")]
        public void ApprovedTransfer()
        {
            Ops.ApprovedTransfer();
            Note(nameof(ApprovedTransfer));
        }

        /// <summary>The same transfer with a naive goal plugin: both KAMs' goals and their ancestors recomputed from their records.</summary>
        [Benchmark(Baseline = true, Description = "(c) approved transfer, naive goal plugin")]
        public void ApprovedTransferNaiveGoals()
        {
            Ops.ApprovedTransfer();
            Note(nameof(ApprovedTransferNaiveGoals));
        }
    }

    /// <summary>(d) A win that moves three goals of a three-level tree, with the goal engine and with a naive goal plugin.</summary>
    [InvocationCount(16)]
    public class WinBenchmarks : ScaleBenchmark
    {
        /// <summary>Seeds the organisation with the product's goal engine.</summary>
        [GlobalSetup(Target = nameof(Win))]
        public void Setup() => Build(poolSize: 200);

        /// <summary>Seeds the organisation with the naive goal plugin instead.</summary>
        [GlobalSetup(Target = nameof(WinNaiveGoals))]
        public void SetupNaive() => Build(poolSize: 200, naiveGoals: true);

        /// <summary>(d) The win: the KAM's, the manager's and the director's goal move.</summary>
        [Benchmark(Description = "(d) win, 3 goals move")]
        public void Win()
        {
            Ops.Win();
            Note(nameof(Win));
        }

        /// <summary>The same win with a naive goal plugin: the three goals recomputed by retrieving and summing their records.</summary>
        [Benchmark(Baseline = true, Description = "(d) win, naive goal plugin")]
        public void WinNaiveGoals()
        {
            Ops.Win();
            Note(nameof(WinNaiveGoals));
        }
    }

    /// <summary>(e) An approved account transfer cascading to the account's 1,000 opportunities.</summary>
    [InvocationCount(1)]
    [WarmupCount(1)]
    [IterationCount(3)]
    public class CascadeBenchmarks : ScaleBenchmark
    {
        /// <summary>Seeds the organisation.</summary>
        [GlobalSetup]
        public void Setup() => Build(poolSize: 0);

        /// <summary>Submits and approves the next transfer of the account (not measured).</summary>
        [IterationSetup]
        public void Prepare() => Ops.PrepareAccountTransfer();

        /// <summary>(e) The transfer: the account and its 1,000 opportunities change owner; their goals move.</summary>
        [Benchmark(Description = "(e) account transfer, 1,000 children")]
        public void AccountTransfer()
        {
            Ops.AccountTransfer();
            Note(nameof(AccountTransfer));
        }
    }

    /// <summary>(f) Full recalculation of the goal tree, against the nightly rollup's retrieve-and-sum.</summary>
    [InvocationCount(1)]
    [WarmupCount(1)]
    [IterationCount(3)]
    public class RecalculationBenchmarks : ScaleBenchmark
    {
        /// <summary>Seeds the organisation.</summary>
        [GlobalSetup]
        public void Setup() => Build(poolSize: 0);

        /// <summary>(f) kam_RecalculateGoals on the tree (11 goals): ledger rebuilt, aggregates partitioned.</summary>
        [Benchmark(Description = "(f) full recalculation, 11 goals")]
        public void FullRecalculation()
        {
            Ops.FullRecalculation();
            Note(nameof(FullRecalculation));
        }

        /// <summary>
        /// The custom API's plugin is the operation's main step, which the meter does not see: after each
        /// iteration the same recalculation runs once more, directly, to measure its own time (not timed).
        /// </summary>
        [IterationCleanup(Target = nameof(FullRecalculation))]
        public void MeasureOwnTime()
        {
            Ops.FullRecalculationDirect();
            CostLog.RecordOwnTime(BenchmarkType, nameof(FullRecalculation), Opportunities, Ops.LastCost);
        }

        /// <summary>The nightly rollup's way: every goal recomputed by retrieving and summing its records.</summary>
        [Benchmark(Baseline = true, Description = "(f) naive retrieve-and-sum, 11 goals")]
        public void NaiveNightlyRollup()
        {
            Ops.NaiveNightlyRollup();
            Note(nameof(NaiveNightlyRollup));
        }
    }

    /// <summary>
    /// The emulator's own cost of one service call at each size, to read the other numbers with: the
    /// emulator scans a table for every query (Dataverse seeks an index), so its per-call time grows with
    /// the table.
    /// </summary>
    [InvocationCount(256)]
    public class EmulatorBenchmarks : ScaleBenchmark
    {
        /// <summary>Seeds the organisation.</summary>
        [GlobalSetup]
        public void Setup() => Build(poolSize: 0);

        /// <summary>Retrieve by id.</summary>
        [Benchmark(Description = "emulator: Retrieve by id")]
        public void Retrieve()
        {
            Ops.EmulatorRetrieve();
            Note(nameof(Retrieve));
        }

        /// <summary>The ledger lookup of one record (RetrieveMultiple on kam_goalcontribution by kam_sourceid).</summary>
        [Benchmark(Description = "emulator: ledger query of 1 record")]
        public void LedgerQuery()
        {
            Ops.EmulatorLedgerQuery();
            Note(nameof(LedgerQuery));
        }
    }
}
