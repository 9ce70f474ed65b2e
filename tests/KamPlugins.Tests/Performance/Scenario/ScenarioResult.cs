using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace KamPlugins.Tests.Performance.Scenario
{
    /// <summary>What a replayed quarter did, and whether its checks held.</summary>
    public sealed class ScenarioResult
    {
        private readonly Dictionary<string, List<int>> callsByOperation = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> refusedAttempts = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly List<string> unexpected = new List<string>();
        private readonly List<string> writesByRefusedOperations = new List<string>();
        private readonly List<string> goalMismatches = new List<string>();
        private readonly List<string> sourceMismatches = new List<string>();

        /// <summary>The scenario's size.</summary>
        public string Size { get; internal set; }

        /// <summary>How long the replay took.</summary>
        public TimeSpan Elapsed { get; internal set; }

        /// <summary>Client operations sent through the pipeline.</summary>
        public int Operations => callsByOperation.Values.Sum(v => v.Count);

        /// <summary>Service calls the plugins made, by operation type (one entry per operation).</summary>
        public IReadOnlyDictionary<string, List<int>> CallsByOperation => callsByOperation;

        /// <summary>Attempts the product refused, by what was attempted.</summary>
        public IReadOnlyDictionary<string, int> RefusedAttempts => refusedAttempts;

        /// <summary>Guard events of refusals the product recorded, by kind.</summary>
        public IReadOnlyDictionary<string, int> RecordedRefusals { get; internal set; } = new Dictionary<string, int>();

        /// <summary>Administrator overrides the product recorded.</summary>
        public int RecordedOverrides { get; internal set; }

        /// <summary>Approval requests by type and final outcome.</summary>
        public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Approvals { get; internal set; } = new Dictionary<string, IReadOnlyDictionary<string, int>>();

        /// <summary>Goal attainment lines (revenue and contract value), top of the chain first.</summary>
        public IReadOnlyList<GoalLine> Goals { get; internal set; } = new List<GoalLine>();

        /// <summary>Rows at the end, by table.</summary>
        public IReadOnlyDictionary<string, int> Rows { get; internal set; } = new Dictionary<string, int>();

        /// <summary>Operations whose outcome was not the expected one (allowed when it should be refused, or refused when allowed).</summary>
        public IReadOnlyList<string> Unexpected => unexpected;

        /// <summary>Refused operations that left a committed write behind (other than their own refusal event).</summary>
        public IReadOnlyList<string> WritesByRefusedOperations => writesByRefusedOperations;

        /// <summary>Goals whose value differs from a full recalculation.</summary>
        public IReadOnlyList<string> GoalMismatches => goalMismatches;

        /// <summary>Goals whose value differs from the sum of their source records computed here, independently.</summary>
        public IReadOnlyList<string> SourceMismatches => sourceMismatches;

        /// <summary>Refused operations checked for writes.</summary>
        public int RefusedChecked { get; internal set; }

        /// <summary>Goals compared with a full recalculation.</summary>
        public int GoalsChecked { get; internal set; }

        /// <summary>True when every check held.</summary>
        public bool Passed => unexpected.Count == 0 && writesByRefusedOperations.Count == 0 && goalMismatches.Count == 0 && sourceMismatches.Count == 0
            && GoalsChecked > 0 && RefusedChecked > 0;

        internal void Calls(string operation, int calls)
        {
            if (!callsByOperation.TryGetValue(operation, out var list)) callsByOperation[operation] = list = new List<int>();
            list.Add(calls);
        }

        internal void Refused(string attempt) => refusedAttempts[attempt] = refusedAttempts.TryGetValue(attempt, out var n) ? n + 1 : 1;

        internal void Unexpectedly(string text) => unexpected.Add(text);

        internal void WroteWhileRefused(string text) => writesByRefusedOperations.Add(text);

        internal void GoalDiffers(string text) => goalMismatches.Add(text);

        internal void SourceDiffers(string text) => sourceMismatches.Add(text);

        /// <summary>Prints the report.</summary>
        public void Print(TextWriter output)
        {
            if (output == null) throw new ArgumentNullException(nameof(output));
            var c = CultureInfo.InvariantCulture;
            output.WriteLine($"KamPlugins — a quarter replayed through the emulator ({Size}): {Operations:N0} operations in {Elapsed.TotalSeconds:N1} s");
            output.WriteLine("Rows at the end: " + string.Join(", ", Rows.Select(p => $"{p.Key} {p.Value:N0}")));
            output.WriteLine();

            output.WriteLine("Refused attempts (what was tried → refused, nothing saved)");
            foreach (var pair in refusedAttempts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
                output.WriteLine($"  {pair.Value,6:N0}  {pair.Key}");
            output.WriteLine($"  {refusedAttempts.Values.Sum(),6:N0}  total");
            output.WriteLine("Refusals the product recorded (kam_guardevent, outcome Refused), by kind");
            foreach (var pair in RecordedRefusals.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
                output.WriteLine($"  {pair.Value,6:N0}  {pair.Key}");
            output.WriteLine($"  Administrator overrides recorded: {RecordedOverrides:N0}");
            output.WriteLine();

            output.WriteLine("Approval requests by outcome");
            var outcomes = Approvals.Values.SelectMany(v => v.Keys).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
            output.WriteLine($"  {"type",-24}" + string.Concat(outcomes.Select(o => $"{o,12}")) + $"{"total",8}");
            foreach (var type in Approvals.OrderBy(p => p.Key, StringComparer.Ordinal))
                output.WriteLine($"  {type.Key,-24}" + string.Concat(outcomes.Select(o => $"{(type.Value.TryGetValue(o, out var n) ? n : 0),12:N0}")) + $"{type.Value.Values.Sum(),8:N0}");
            output.WriteLine();

            output.WriteLine("Goal attainment, Q1 2025 (actual / target; the real-time values)");
            foreach (var line in Goals)
                output.WriteLine($"  {line.Metric,-15} {new string(' ', 2 * line.Level)}{line.Owner,-28}{new string(' ', 2 * (3 - line.Level))} {Money(line.Actual),14} / {Money(line.Target),14}  {(line.Percentage.HasValue ? line.Percentage.Value.ToString("N2", c) + " %" : "—"),9}   in progress {Money(line.InProgress),14}");
            output.WriteLine();

            output.WriteLine("Service calls per operation (all plugins; each a database round trip in Dataverse)");
            output.WriteLine($"  {"operation",-68}{"count",7}{"p50",7}{"p99",7}{"max",8}");
            foreach (var pair in callsByOperation.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var sorted = pair.Value.OrderBy(x => x).ToList();
                output.WriteLine($"  {pair.Key,-68}{sorted.Count,7:N0}{Percentile(sorted, 0.50),7:N0}{Percentile(sorted, 0.99),7:N0}{sorted[sorted.Count - 1],8:N0}");
            }
            output.WriteLine();

            output.WriteLine("Checks");
            Check(output, $"every goal ({GoalsChecked}) equals a full recalculation (kam_RecalculateGoals), ledger included", goalMismatches);
            Check(output, "every goal equals the sum of its source records, computed independently", sourceMismatches);
            Check(output, $"no refused operation ({RefusedChecked:N0}) wrote anything but its refusal event", writesByRefusedOperations);
            Check(output, "every operation had the expected outcome (refused / allowed)", unexpected);
            output.WriteLine(Passed ? "ALL CHECKS PASSED" : "CHECKS FAILED");
        }

        private static void Check(TextWriter output, string name, IReadOnlyList<string> failures)
        {
            output.WriteLine($"  [{(failures.Count == 0 ? "ok" : "FAILED")}] {name}" + (failures.Count == 0 ? string.Empty : $": {failures.Count} failure(s)"));
            foreach (var failure in failures.Take(20)) output.WriteLine("         " + failure);
            if (failures.Count > 20) output.WriteLine($"         … {failures.Count - 20} more");
        }

        private static int Percentile(IReadOnlyList<int> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

        private static string Money(decimal? value) => value.HasValue ? value.Value.ToString("N0", CultureInfo.InvariantCulture) : "—";
    }

    /// <summary>One goal's attainment.</summary>
    public sealed class GoalLine
    {
        internal GoalLine(string metric, string owner, int level, decimal? actual, decimal? inProgress, decimal? target, decimal? percentage)
        {
            Metric = metric;
            Owner = owner;
            Level = level;
            Actual = actual;
            InProgress = inProgress;
            Target = target;
            Percentage = percentage;
        }

        /// <summary>The metric.</summary>
        public string Metric { get; }

        /// <summary>The goal owner.</summary>
        public string Owner { get; }

        /// <summary>Depth in the tree (0: the vice president).</summary>
        public int Level { get; }

        /// <summary>Actual.</summary>
        public decimal? Actual { get; }

        /// <summary>In progress.</summary>
        public decimal? InProgress { get; }

        /// <summary>Target.</summary>
        public decimal? Target { get; }

        /// <summary>Percentage achieved.</summary>
        public decimal? Percentage { get; }
    }
}
