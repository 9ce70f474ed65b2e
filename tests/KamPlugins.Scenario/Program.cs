using System;
using System.Globalization;
using System.Linq;
using KamPlugins.Tests.Performance.Scenario;

namespace KamPlugins.Scenario
{
    /// <summary>
    /// Replays a sales quarter through the emulator with the product's real plugins and prints what
    /// happened. Arguments: <c>--small</c> (the test suite's version), <c>--seed N</c>. Exit code 0 when
    /// every check holds, 1 otherwise.
    /// </summary>
    public static class Program
    {
        /// <summary>Runs the scenario.</summary>
        public static int Main(string[] args)
        {
            var size = args.Contains("--small") ? ScenarioSize.Small : ScenarioSize.Quarter;
            var seedAt = Array.IndexOf(args, "--seed");
            var seed = seedAt >= 0 && seedAt + 1 < args.Length ? int.Parse(args[seedAt + 1], CultureInfo.InvariantCulture) : 20250101;
            Console.OutputEncoding = System.Text.Encoding.UTF8;
            Console.WriteLine($"Replaying the {size.Name} scenario (seed {seed})…");
            var result = new QuarterScenario(size, seed, log: Console.Out).Run();
            Console.WriteLine();
            result.Print(Console.Out);
            return result.Passed ? 0 : 1;
        }
    }
}
