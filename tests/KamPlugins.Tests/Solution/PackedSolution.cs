using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using KamPlugins.Tests.Infrastructure;
using NUnit.Framework;

namespace KamPlugins.Tests.Solution
{
    /// <summary>
    /// One packed solution zip, read into memory: what an administrator imports. The zips are produced by the
    /// build (solution/KamPlugins.Solution.csproj, `dotnet build -c Release` of the repository); the tests read
    /// those of their own configuration, or of the other one when only that exists.
    /// </summary>
    internal sealed class PackedSolution
    {
        private static readonly Dictionary<string, PackedSolution> Cache = new Dictionary<string, PackedSolution>(StringComparer.Ordinal);

        private PackedSolution(string path)
        {
            Path = path;
            using var zip = ZipFile.OpenRead(path);
            foreach (var entry in zip.Entries)
            {
                using var s = entry.Open();
                using var ms = new MemoryStream();
                s.CopyTo(ms);
                Entries[entry.FullName] = ms.ToArray();
                Timestamps[entry.FullName] = entry.LastWriteTime;
            }
            EntryOrder = zip.Entries.Select(e => e.FullName).ToList();
            SolutionXml = Xml("solution.xml");
            Customizations = Xml("customizations.xml");
        }

        public string Path { get; }

        public Dictionary<string, byte[]> Entries { get; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        public Dictionary<string, DateTimeOffset> Timestamps { get; } = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

        public IReadOnlyList<string> EntryOrder { get; }

        public XElement SolutionXml { get; }

        public XElement Customizations { get; }

        public XElement Manifest => SolutionXml.Element("SolutionManifest");

        public static PackedSolution Managed => Get("KamPlugins_managed.zip");

        public static PackedSolution Unmanaged => Get("KamPlugins.zip");

        public static IEnumerable<PackedSolution> Both => new[] { Managed, Unmanaged };

        public XElement Xml(string entry)
        {
            Assert.That(Entries.ContainsKey(entry), Is.True, $"{System.IO.Path.GetFileName(Path)} has no {entry}");
            using var ms = new MemoryStream(Entries[entry]);
            return XDocument.Load(ms).Root;
        }

        public IEnumerable<XElement> Entities => Customizations.Element("Entities").Elements("Entity");

        public XElement EntityInfo(string logicalName) =>
            Entities.Select(e => e.Element("EntityInfo")?.Element("entity"))
                .FirstOrDefault(e => e != null && string.Equals((string)e.Attribute("Name"), logicalName, StringComparison.OrdinalIgnoreCase));

        public IEnumerable<XElement> SavedQueries => Customizations.Descendants("savedquery");

        public IEnumerable<XElement> Charts => Customizations.Descendants("visualization");

        public IEnumerable<XElement> Steps => Customizations.Element("SdkMessageProcessingSteps").Elements("SdkMessageProcessingStep");

        public IEnumerable<XElement> PluginTypes => Customizations.Element("SolutionPluginAssemblies").Descendants("PluginType");

        public override string ToString() => System.IO.Path.GetFileName(Path);

        private static PackedSolution Get(string name)
        {
            lock (Cache)
            {
                if (!Cache.TryGetValue(name, out var solution)) Cache[name] = solution = new PackedSolution(Locate(name));
                return solution;
            }
        }

        private static string Locate(string name)
        {
#if DEBUG
            var configurations = new[] { "Debug", "Release" };
#else
            var configurations = new[] { "Release", "Debug" };
#endif
            var root = SolutionSchema.FindRepositoryRoot();
            foreach (var c in configurations)
            {
                var path = System.IO.Path.Combine(root, "solution", "bin", c, name);
                if (File.Exists(path)) return path;
            }
            Assert.Fail($"{name} is not in solution/bin/{{{string.Join(",", configurations)}}}: build the repository first (dotnet build KamPlugins.sln -c {configurations[0]}), which packs it.");
            return null;
        }
    }

    /// <summary>Label helpers: every user-facing name carries English (1033) and Simplified Chinese (2052).</summary>
    internal static class Labels
    {
        public const int English = 1033;
        public const int Chinese = 2052;

        /// <summary>The descriptions of the LocalizedName/label/displayname/Title children of <paramref name="container"/>, by language code.</summary>
        public static Dictionary<int, string> Of(XElement container)
        {
            if (container == null) return new Dictionary<int, string>();
            var result = new Dictionary<int, string>();
            foreach (var e in container.Elements())
            {
                var code = (string)e.Attribute("languagecode") ?? (string)e.Attribute("LCID");
                var text = (string)e.Attribute("description") ?? (string)e.Attribute("Title");
                if (code != null && text != null) result[int.Parse(code)] = text;
            }
            return result;
        }

        public static void AssertBilingual(XElement container, string what)
        {
            var labels = Of(container);
            Assert.That(labels.ContainsKey(English) && labels[English].Trim().Length > 0, Is.True, $"{what}: no English (1033) label");
            Assert.That(labels.ContainsKey(Chinese) && labels[Chinese].Trim().Length > 0, Is.True, $"{what}: no Simplified Chinese (2052) label");
            if (labels.ContainsKey(Chinese))
                Assert.That(labels[Chinese].Any(ch => ch >= '\u4e00' && ch <= '\u9fff'), Is.True, $"{what}: the 2052 label '{labels[Chinese]}' has no Chinese characters");
        }

        public static string EnglishName(XElement withLocalizedNames) => Of(withLocalizedNames.Element("LocalizedNames")).TryGetValue(English, out var n) ? n : null;
    }
}
