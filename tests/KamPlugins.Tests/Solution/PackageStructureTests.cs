using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using KamPlugins.Platform.Registration;
using NUnit.Framework;

namespace KamPlugins.Tests.Solution
{
    [TestFixture]
    public sealed class PackageStructureTests
    {
        private static PackedSolution Zip(bool managed) => managed ? PackedSolution.Managed : PackedSolution.Unmanaged;

        [TestCase(true)]
        [TestCase(false)]
        public void Zip_RootParts_StartWithImportExportXml(bool managed)
        {
            var solution = Zip(managed);
            Assert.That(solution.Entries.ContainsKey("[Content_Types].xml"), Is.True);
            Assert.That(solution.SolutionXml.Name.LocalName, Is.EqualTo("ImportExportXml"));
            Assert.That(solution.Customizations.Name.LocalName, Is.EqualTo("ImportExportXml"));
            Assert.That(solution.EntryOrder.Take(3), Is.EqualTo(new[] { "[Content_Types].xml", "customizations.xml", "solution.xml" }));
        }

        [Test]
        public void ManagedFlag_IsOneInTheManagedZip_AndZeroInTheUnmanagedOne()
        {
            Assert.That((string)PackedSolution.Managed.Manifest.Element("Managed"), Is.EqualTo("1"));
            Assert.That((string)PackedSolution.Unmanaged.Manifest.Element("Managed"), Is.EqualTo("0"));
        }

        [TestCase(true)]
        [TestCase(false)]
        public void Manifest_NamesTheSolutionAndThePublisher(bool managed)
        {
            var m = Zip(managed).Manifest;
            Assert.That((string)m.Element("UniqueName"), Is.EqualTo("KamPlugins"));
            Assert.That((string)m.Element("Publisher").Element("CustomizationPrefix"), Is.EqualTo("kam"));
            Assert.That((string)m.Element("Publisher").Element("CustomizationOptionValuePrefix"), Is.EqualTo("52830"));
            Labels.AssertBilingual(m.Element("LocalizedNames"), "solution name");
        }

        [TestCase(true)]
        [TestCase(false)]
        public void Version_FollowsTheAssemblysFileVersion(bool managed)
        {
            var fileVersion = typeof(StableId).Assembly.GetCustomAttribute<AssemblyFileVersionAttribute>().Version;
            Assert.That((string)Zip(managed).Manifest.Element("Version"), Is.EqualTo(fileVersion));
        }

        [TestCase(true)]
        [TestCase(false)]
        public void Zip_HoldsOnlyWhatTheSolutionNeeds(bool managed)
        {
            var solution = Zip(managed);
            var allowedFolders = new[] { "PluginAssemblies/", "environmentvariabledefinitions/", "customapis/" };
            var roots = new[] { "[Content_Types].xml", "solution.xml", "customizations.xml" };
            var unexpected = solution.Entries.Keys.Where(k => !roots.Contains(k) && !allowedFolders.Any(f => k.StartsWith(f, StringComparison.Ordinal))).ToList();
            Assert.That(unexpected, Is.Empty, "entries the solution does not need");
            var dlls = solution.Entries.Keys.Where(k => k.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList();
            var folder = $"PluginAssemblies/KamPlugins-{StableId.For("pluginassembly:KamPlugins").ToString("D").ToUpperInvariant()}/KamPlugins.dll";
            Assert.That(dlls, Is.EqualTo(new[] { folder }), "exactly one DLL: the plugin assembly (no SDK, no test code)");
            Assert.That(solution.Entries.Keys.Where(k => !k.EndsWith(".xml", StringComparison.Ordinal) && !k.EndsWith(".dll", StringComparison.Ordinal)), Is.Empty);
        }

        [TestCase(true)]
        [TestCase(false)]
        public void PluginAssembly_IsTheSignedKamPluginsForNetFramework(bool managed)
        {
            var solution = Zip(managed);
            var bytes = solution.Entries.Single(e => e.Key.EndsWith("/KamPlugins.dll", StringComparison.Ordinal)).Value;
            using var pe = new PEReader(new MemoryStream(bytes));
            var md = pe.GetMetadataReader();
            var definition = md.GetAssemblyDefinition();
            Assert.That(md.GetString(definition.Name), Is.EqualTo("KamPlugins"));
            Assert.That(definition.PublicKey.IsNil, Is.False, "strong-named");
            Assert.That((pe.PEHeaders.CorHeader.Flags & CorFlags.StrongNameSigned) != 0, Is.True, "strong-name signed (not only public-signed)");
            var targetFramework = md.GetAssemblyDefinition().GetCustomAttributes().Select(h => md.GetCustomAttribute(h))
                .Select(a => a.Constructor.Kind == HandleKind.MemberReference ? md.GetMemberReference((MemberReferenceHandle)a.Constructor).Parent : default)
                .Where(p => p.Kind == HandleKind.TypeReference)
                .Select(p => md.GetString(md.GetTypeReference((TypeReferenceHandle)p).Name));
            Assert.That(targetFramework, Does.Contain("TargetFrameworkAttribute"));
            var references = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
            Assert.That(references, Does.Contain("mscorlib"), "built for .NET Framework (the sandbox), not for the tests' framework");
            Assert.That(references, Does.Not.Contain("System.Runtime"));
        }

        [TestCase(true)]
        [TestCase(false)]
        public void Entries_CarryOneFixedTimestamp_SoRepeatedBuildsGiveIdenticalZips(bool managed)
        {
            Assert.That(Zip(managed).Timestamps.Values.Distinct().Count(), Is.EqualTo(1));
        }

        [TestCase(true)]
        [TestCase(false)]
        public void Languages_AreEnglishAndSimplifiedChinese(bool managed)
        {
            var languages = Zip(managed).Customizations.Element("Languages").Elements("Language").Select(l => (int)l).ToList();
            Assert.That(languages, Is.EquivalentTo(new[] { 1033, 2052 }));
        }
    }
}
