using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace KamPlugins.SolutionPacker
{
    /// <summary>
    /// kam-solution-packer --source &lt;unpacked solution&gt; --assembly &lt;net462 KamPlugins.dll&gt; --out &lt;dir&gt;
    /// [--reference &lt;dll or folder&gt;]... [--name KamPlugins]; arguments may come from a response file (@file,
    /// one argument a line; --name=value also works). Writes &lt;name&gt;_managed.zip and &lt;name&gt;.zip. Exit code 0 on success.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            try
            {
                var options = Parse(Expand(args));
                var errors = new List<string>();
                var registration = PluginAssemblyReader.Read(options.Assembly, options.References, errors);
                if (errors.Count > 0)
                {
                    foreach (var e in errors) Console.Error.WriteLine($"error KAMPACK001: {e}");
                    return 1;
                }
                var assemblyBytes = File.ReadAllBytes(options.Assembly);
                Directory.CreateDirectory(options.Output);
                foreach (var managed in new[] { true, false })
                {
                    var first = SolutionPackage.Pack(options.Source, registration, assemblyBytes, managed);
                    // Repeated packs of the same inputs must give the same bytes (stable ids, fixed timestamps):
                    // checked on every build, not only in a test.
                    var second = SolutionPackage.Pack(options.Source, registration, assemblyBytes, managed);
                    if (!first.AsSpan().SequenceEqual(second)) { Console.Error.WriteLine("error KAMPACK002: two packs of the same inputs differ."); return 1; }
                    var path = Path.Combine(options.Output, options.Name + (managed ? "_managed.zip" : ".zip"));
                    File.WriteAllBytes(path, first);
                    Console.WriteLine($"KamPlugins.SolutionPacker: {path} (version {registration.FileVersion}, " +
                        $"{registration.Types.Count} plugin types, {registration.Types.Sum(t => t.Steps.Count)} steps, " +
                        $"{registration.Types.Count(t => t.CustomApi != null)} custom APIs, {registration.Types.Count(t => t.IsWorkflowActivity)} workflow activities)");
                }
                return 0;
            }
            catch (PackException e)
            {
                Console.Error.WriteLine($"error KAMPACK003: {e.Message}");
                return 1;
            }
        }

        private sealed class Options
        {
            public string Source;
            public string Assembly;
            public string Output;
            public string Name = "KamPlugins";
            public List<string> References = new List<string>();
        }

        private static IEnumerable<string> Expand(IEnumerable<string> args) =>
            args.SelectMany(a => a.StartsWith("@", StringComparison.Ordinal)
                ? File.ReadAllLines(a.Substring(1)).Select(l => l.Trim()).Where(l => l.Length > 0)
                : new[] { a })
                .SelectMany(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')
                    ? new[] { a.Substring(0, a.IndexOf('=')), a.Substring(a.IndexOf('=') + 1) }
                    : new[] { a });

        private static Options Parse(IEnumerable<string> args)
        {
            var o = new Options();
            using var e = args.GetEnumerator();
            string Next(string name) => e.MoveNext() ? e.Current : throw new PackException($"{name} needs a value.");
            while (e.MoveNext())
            {
                switch (e.Current)
                {
                    case "--source": o.Source = Next("--source"); break;
                    case "--assembly": o.Assembly = Next("--assembly"); break;
                    case "--out": o.Output = Next("--out"); break;
                    case "--name": o.Name = Next("--name"); break;
                    case "--reference": o.References.Add(Next("--reference")); break;
                    default: throw new PackException($"unknown argument '{e.Current}'.");
                }
            }
            if (o.Source == null || o.Assembly == null || o.Output == null)
                throw new PackException("usage: --source <unpacked solution> --assembly <KamPlugins.dll> --out <dir> [--reference <dll|dir>]... [--name KamPlugins]");
            if (!File.Exists(o.Assembly)) throw new PackException($"assembly {o.Assembly} does not exist: build src/KamPlugins for net462 first.");
            if (!Directory.Exists(o.Source)) throw new PackException($"solution source {o.Source} does not exist.");
            return o;
        }
    }
}
