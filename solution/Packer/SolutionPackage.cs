using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace KamPlugins.SolutionPacker
{
    /// <summary>
    /// Builds one packed solution (managed or unmanaged) from the unpacked source and the generated
    /// registrations: [Content_Types].xml, solution.xml and customizations.xml at the root (both starting
    /// directly with &lt;ImportExportXml&gt;), the plugin assembly, and the folder components
    /// (environment variable definitions, custom APIs). Entries are sorted and stamped with a fixed time,
    /// so the same inputs always give the same bytes.
    /// </summary>
    internal static class SolutionPackage
    {
        private static readonly DateTimeOffset FixedTimestamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

        /// <summary>Top-level folders of the source copied into the zip as they are (folder components).</summary>
        private static readonly string[] FolderComponents = { "environmentvariabledefinitions", "customapis" };

        public static byte[] Pack(string source, AssemblyRegistration registration, byte[] assemblyBytes, bool managed)
        {
            var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            files["solution.xml"] = Serialize(SolutionXml(source, registration, managed));
            files["customizations.xml"] = Serialize(CustomizationsXml(source, registration, managed));
            files[RegistrationXml.AssemblyFileName(registration)] = assemblyBytes;
            foreach (var folder in FolderComponents)
            {
                var dir = Path.Combine(source, folder);
                if (!Directory.Exists(dir)) continue;
                foreach (var f in Directory.GetFiles(dir, "*", SearchOption.AllDirectories))
                    files[Path.GetRelativePath(source, f).Replace('\\', '/')] = Serialize(ApplyManaged(Load(f), managed));
            }
            foreach (var (path, element) in RegistrationXml.CustomApis(registration, managed))
            {
                if (files.ContainsKey(path)) throw new PackException($"{path} is both in the source and generated from the assembly's [CustomApi]: keep one.");
                files[path] = Serialize(element);
            }
            files["[Content_Types].xml"] = Serialize(ContentTypes(files.Keys));
            return Zip(files);
        }

        private static XElement SolutionXml(string source, AssemblyRegistration registration, bool managed)
        {
            var root = Load(Path.Combine(source, "Other", "Solution.xml"));
            var manifest = Required(root, "SolutionManifest", "Other/Solution.xml");
            Required(manifest, "Version", "Other/Solution.xml").Value = registration.FileVersion;
            Required(manifest, "Managed", "Other/Solution.xml").Value = managed ? "1" : "0";
            var roots = manifest.Element("RootComponents") ?? throw new PackException("Other/Solution.xml has no RootComponents.");
            roots.Add(RegistrationXml.RootComponents(registration));
            return root;
        }

        private static XElement CustomizationsXml(string source, AssemblyRegistration registration, bool managed)
        {
            var root = Load(Path.Combine(source, "Other", "Customizations.xml"));
            Section(root, "Entities").Add(Entities(Path.Combine(source, "Entities")));
            Section(root, "Roles").Add(Roots(Path.Combine(source, "Roles"), "Role"));
            Section(root, "EntityRelationships").Add(
                Files(Path.Combine(source, "Other", "Relationships")).SelectMany(f => Load(f).Elements("EntityRelationship")));
            Section(root, "Dashboards").Add(Roots(Path.Combine(source, "Dashboards"), "Dashboard"));
            Section(root, "SolutionPluginAssemblies").Add(RegistrationXml.PluginAssembly(registration, managed));
            Section(root, "SdkMessageProcessingSteps").Add(RegistrationXml.Steps(registration, managed));
            Section(root, "AppModuleSiteMaps").Add(FolderRoots(Path.Combine(source, "AppModuleSiteMaps"), "AppModuleSiteMap.xml", "AppModuleSiteMap"));
            Section(root, "AppModules").Add(FolderRoots(Path.Combine(source, "AppModules"), "AppModule.xml", "AppModule"));
            return root;
        }

        /// <summary>Entity.xml plus its FormXml/&lt;type&gt;/*.xml, SavedQueries/*.xml and Visualizations/*.xml, as one &lt;Entity&gt;.</summary>
        private static IEnumerable<XElement> Entities(string dir)
        {
            foreach (var entityDir in Directory.GetDirectories(dir).OrderBy(d => d, StringComparer.Ordinal))
            {
                var entity = Load(Path.Combine(entityDir, "Entity.xml"));
                if (entity.Name != "Entity") throw new PackException($"{entityDir}/Entity.xml does not start with <Entity>.");
                var formDir = Path.Combine(entityDir, "FormXml");
                if (Directory.Exists(formDir))
                    entity.Add(new XElement("FormXml", Directory.GetDirectories(formDir).OrderBy(d => d, StringComparer.Ordinal).Select(typeDir =>
                        new XElement("forms", new XAttribute("type", Path.GetFileName(typeDir)),
                            Files(typeDir).SelectMany(f => Load(f).Elements("systemform"))))));
                var queries = Files(Path.Combine(entityDir, "SavedQueries")).SelectMany(f => Load(f).Elements("savedquery")).ToList();
                if (queries.Count > 0) entity.Add(new XElement("SavedQueries", new XElement("savedqueries", queries)));
                var charts = Files(Path.Combine(entityDir, "Visualizations")).Select(f => Load(f)).ToList();
                if (charts.Count > 0) entity.Add(new XElement("Visualizations", charts));
                yield return entity;
            }
        }

        private static IEnumerable<XElement> Roots(string dir, string expected) => Files(dir).Select(f =>
        {
            var e = Load(f);
            if (e.Name != expected) throw new PackException($"{f} does not start with <{expected}>.");
            return e;
        });

        private static IEnumerable<XElement> FolderRoots(string dir, string file, string expected) =>
            !Directory.Exists(dir) ? Enumerable.Empty<XElement>() :
            Directory.GetDirectories(dir).OrderBy(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, file)).Where(File.Exists)
                .Select(f => { var e = Load(f); if (e.Name != expected) throw new PackException($"{f} does not start with <{expected}>."); return e; });

        private static IEnumerable<string> Files(string dir) =>
            Directory.Exists(dir) ? Directory.GetFiles(dir, "*.xml").OrderBy(f => f, StringComparer.Ordinal) : Enumerable.Empty<string>();

        private static XElement Section(XElement root, string name) =>
            root.Element(name) ?? throw new PackException($"Other/Customizations.xml has no <{name}> section to fill.");

        private static XElement Required(XElement parent, string name, string file) =>
            parent.Element(name) ?? throw new PackException($"{file} has no <{name}>.");

        /// <summary>Folder components carry their own customizable flag: a managed package locks them.</summary>
        private static XElement ApplyManaged(XElement e, bool managed)
        {
            var flag = e.Element("iscustomizable");
            if (flag != null && managed) flag.Value = "0";
            return e;
        }

        private static XElement ContentTypes(IEnumerable<string> paths)
        {
            XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
            var extensions = paths.Select(p => Path.GetExtension(p).TrimStart('.').ToLowerInvariant()).Where(x => x.Length > 0)
                .Distinct().OrderBy(x => x, StringComparer.Ordinal);
            return new XElement(ns + "Types", extensions.Select(x =>
                new XElement(ns + "Default", new XAttribute("Extension", x), new XAttribute("ContentType", "application/octet-stream"))));
        }

        private static XElement Load(string path)
        {
            try { return XElement.Load(path, LoadOptions.None); }
            catch (XmlException e) { throw new PackException($"{path}: {e.Message}"); }
            catch (FileNotFoundException) { throw new PackException($"{path} is missing."); }
        }

        private static byte[] Serialize(XElement e)
        {
            var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", OmitXmlDeclaration = false, NewLineChars = "\r\n" };
            using var ms = new MemoryStream();
            using (var w = XmlWriter.Create(ms, settings)) new XDocument(e).Save(w);
            return ms.ToArray();
        }

        private static byte[] Zip(SortedDictionary<string, byte[]> files)
        {
            // Root parts first, in the order exports have them; then everything else, sorted.
            var order = new[] { "[Content_Types].xml", "customizations.xml", "solution.xml" };
            using var ms = new MemoryStream();
            using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var path in order.Concat(files.Keys.Where(k => !order.Contains(k))))
                {
                    var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                    entry.LastWriteTime = FixedTimestamp;
                    using var s = entry.Open();
                    s.Write(files[path], 0, files[path].Length);
                }
            }
            return ms.ToArray();
        }
    }

    /// <summary>A problem in the solution source or the registrations that would make a broken package.</summary>
    internal sealed class PackException : Exception
    {
        public PackException(string message) : base(message) { }
    }
}
