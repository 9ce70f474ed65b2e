using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Running;
using KamPlugins.Tests.Performance.World;

namespace KamPlugins.Benchmarks
{
    /// <summary>
    /// Entry point. <c>-- --filter '*'</c> (or any BenchmarkDotNet arguments) runs the benchmarks with
    /// <see cref="ShortInProcessConfig"/>; <c>-- probe 1000 10000</c> runs every operation a few times per
    /// size without BenchmarkDotNet and prints setup time, service calls and elapsed time (a quick check,
    /// not a measurement).
    /// </summary>
    public static class Program
    {
        /// <summary>Runs the benchmarks or the probe.</summary>
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "probe") return Probe(args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray());
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, new ShortInProcessConfig());
            return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
        }

        private static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);

        private static bool Verbose => Environment.GetEnvironmentVariable("PROBE_VERBOSE") == "1";

        private static int Probe(int[] sizes)
        {
            if (sizes.Length == 0) sizes = new[] { 1000, 10000 };
            foreach (var size in sizes)
            {
                var watch = Stopwatch.StartNew();
                var world = new ScaledOrganization(size, poolSize: 40);
                Console.WriteLine($"== {size:N0} opportunities: seeded in {watch.ElapsedMilliseconds:N0} ms ({world.Org.Count("kam_goalcontribution"):N0} ledger rows)");
                var ops = new Operations(world);
                Run("a unguarded update", ops, ops.UnguardedUpdate);
                Run("b refused owner change", ops, ops.RefusedOwnerChange);
                Run("c approved transfer", ops, ops.ApprovedTransfer, () => ops.PrepareTransfers(1));
                Run("d win (3 goals)", ops, ops.Win);
                Run("e account transfer (1,000 children)", ops, ops.AccountTransfer, ops.PrepareAccountTransfer, repeat: 2);
                Run("f full recalculation", ops, ops.FullRecalculation, repeat: 2);
                Run("f naive nightly rollup", ops, ops.NaiveNightlyRollup, repeat: 2);
                Run("emulator ledger query", ops, ops.EmulatorLedgerQuery);
                Run("emulator retrieve", ops, ops.EmulatorRetrieve);

                Run("f full recalculation (direct)", ops, ops.FullRecalculationDirect, repeat: 2);

                var naiveWorld = new ScaledOrganization(size, poolSize: 40);
                NaiveGoalRollup.ReplaceGoalEngine(naiveWorld.Org);
                var naive = new Operations(naiveWorld);
                Run("c approved transfer, naive goals", naive, naive.ApprovedTransfer, () => naive.PrepareTransfers(1));
                Run("d win, naive goals", naive, naive.Win);
            }
            return 0;
        }

        private static void Run(string name, Operations ops, Action operation, Action prepare = null, int repeat = 5)
        {
            var only = Environment.GetEnvironmentVariable("PROBE_ONLY");
            if (!string.IsNullOrEmpty(only) && !name.Contains(only, StringComparison.Ordinal)) return;
            try
            {
                double best = double.MaxValue;
                var own = new List<double>();
                var pauses = new List<double>();
                for (var i = 0; i < repeat; i++)
                {
                    prepare?.Invoke();
                    var watch = Stopwatch.StartNew();
                    operation();
                    best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
                    own.Add(ops.LastCost.OwnMicroseconds);
                    pauses.Add(ops.LastCost.OwnGcPause.TotalMilliseconds * 1000);
                }
                var cost = ops.LastCost;
                Console.WriteLine($"  {name,-40} {ops.LastCalls,6} calls ({cost.Calls} metered), {cost.Rows,7:N0} rows, plugin CPU median {Median(own),10:N1} µs (GC pauses in it {Median(pauses),8:N1} µs), best of {repeat}: {best,10:N2} ms");
                var calls = ops.LastOperation?.PluginCalls;
                if (Verbose && calls != null && calls.Total == ops.LastCalls && calls.Total > 0)
                    Console.WriteLine("      " + string.Join(", ", calls.Calls
                        .GroupBy(c => c.Message + " " + c.Table)
                        .Select(g => g.Key + " ×" + g.Count())));
            }
            catch (Exception e)
            {
                Console.WriteLine($"  {name,-40} FAILED: {e.GetType().Name}: {e.Message}");
                var record = ops.LastOperation;
                if (record != null) foreach (var trace in record.Traces.TakeLast(25)) Console.WriteLine("      " + trace);
            }
        }
    }
}
