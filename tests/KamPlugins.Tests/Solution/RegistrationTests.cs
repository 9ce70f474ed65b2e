using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Solution
{
    /// <summary>
    /// The steps, plugin types and custom APIs in the zips are the ones the code declares (the same attributes
    /// drive the emulator), with stable, name-derived ids.
    /// </summary>
    [TestFixture]
    public sealed class RegistrationTests
    {
        private static readonly Assembly Plugins = typeof(PluginStepAttribute).Assembly;

        private static IEnumerable<Type> PluginClasses() => Plugins.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.IsPublic && typeof(IPlugin).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal);

        private static IEnumerable<(Type Type, PluginStepAttribute Step)> DeclaredSteps() =>
            PluginClasses().SelectMany(t => t.GetCustomAttributes<PluginStepAttribute>().Select(a => (t, a)));

        private static string Braced(Guid id) => "{" + id.ToString("D") + "}";

        private static HashSet<string> Split(string list) =>
            new HashSet<string>((list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);

        [Test]
        public void EveryDeclaredStep_IsPacked_WithItsRegistration([Values] bool managed)
        {
            var zip = managed ? PackedSolution.Managed : PackedSolution.Unmanaged;
            var packed = zip.Steps.ToDictionary(s => (string)s.Attribute("Name"), StringComparer.Ordinal);
            var declared = DeclaredSteps().ToList();
            Assert.That(packed.Keys, Is.EquivalentTo(declared.Select(d => d.Step.StepName(d.Type))), "the zip's steps are exactly the declared ones");
            foreach (var (type, step) in declared)
            {
                var name = step.StepName(type);
                var xml = packed[name];
                Assert.That((string)xml.Attribute("SdkMessageProcessingStepId"), Is.EqualTo(Braced(StableId.For("step:" + name))), name);
                Assert.That((string)xml.Element("SdkMessageId"), Is.EqualTo(Braced(MessageNames.SystemMessageIds[step.Message])), name);
                Assert.That(((string)xml.Element("PluginTypeName")).Split(',')[0], Is.EqualTo(type.FullName), name);
                Assert.That((string)xml.Element("PrimaryEntity"), Is.EqualTo(step.PrimaryEntity ?? "none"), name);
                Assert.That((int)xml.Element("Stage"), Is.EqualTo((int)step.Stage), name);
                Assert.That((int)xml.Element("Mode"), Is.EqualTo((int)step.Mode), name);
                Assert.That((int)xml.Element("Rank"), Is.EqualTo(step.Rank), name);
                Assert.That((string)xml.Element("Configuration"), Is.EqualTo(step.Configuration), name);
                Assert.That(Split((string)xml.Element("FilteringAttributes")), Is.EquivalentTo(step.FilteringAttributes ?? Array.Empty<string>()), $"{name}: filtering attributes");
                var images = xml.Element("SdkMessageProcessingStepImages").Elements("SdkMessageProcessingStepImage").ToDictionary(i => (string)i.Element("EntityAlias"));
                var expected = new Dictionary<string, (int Type, string[] Columns)>();
                if (step.PreImage != null) expected[PluginStepAttribute.PreImageAlias] = (0, step.PreImage);
                if (step.PostImage != null) expected[PluginStepAttribute.PostImageAlias] = (1, step.PostImage);
                Assert.That(images.Keys, Is.EquivalentTo(expected.Keys), $"{name}: images");
                foreach (var (alias, (imageType, columns)) in expected)
                {
                    Assert.That((int)images[alias].Element("ImageType"), Is.EqualTo(imageType), $"{name} {alias}");
                    Assert.That(Split((string)images[alias].Element("Attributes")), Is.EquivalentTo(columns), $"{name} {alias}: columns");
                    Assert.That((string)images[alias].Element("SdkMessageProcessingStepImageId"), Is.EqualTo(Braced(StableId.For("image:" + name + ":" + alias))));
                }
            }
        }

        [Test]
        public void DeclaredSteps_FollowThePlatformsRegistrationRules()
        {
            foreach (var (type, step) in DeclaredSteps())
            {
                var name = step.StepName(type);
                Assert.That(MessageNames.SystemMessageIds.ContainsKey(step.Message), Is.True, $"{name}: a system message id");
                Assert.That(step.Message, Is.Not.EqualTo(MessageNames.Retrieve).And.Not.EqualTo(MessageNames.RetrieveMultiple), name);
                if (step.Message == MessageNames.Update) Assert.That(step.FilteringAttributes, Is.Not.Null.And.Not.Empty, $"{name}: Update steps filter");
                if (step.PostImage != null) Assert.That(step.Stage, Is.EqualTo(PipelineStage.PostOperation), $"{name}: post-images exist only in PostOperation");
            }
            Assert.That(DeclaredSteps().Select(d => d.Step.StepName(d.Type)), Is.Unique);
        }

        [Test]
        public void EveryPluginClass_IsARegisteredPluginType_WithAStableId([Values] bool managed)
        {
            var zip = managed ? PackedSolution.Managed : PackedSolution.Unmanaged;
            var types = zip.PluginTypes.Where(t => t.Element("WorkflowActivityGroupName") == null).ToDictionary(t => (string)t.Attribute("Name"));
            Assert.That(types.Keys, Is.EquivalentTo(PluginClasses().Select(t => t.FullName)));
            foreach (var type in PluginClasses())
                Assert.That((string)types[type.FullName].Attribute("PluginTypeId"), Is.EqualTo(Braced(StableId.For("plugintype:" + type.FullName))));
            foreach (var activity in zip.PluginTypes.Where(t => t.Element("WorkflowActivityGroupName") != null))
            {
                Assert.That((string)activity.Element("FriendlyName"), Is.Not.Empty.And.Not.EqualTo((string)activity.Attribute("Name")), "a designer name from [WorkflowActivity]");
                Assert.That((string)activity.Element("WorkflowActivityGroupName"), Is.Not.Empty);
                Assert.That((string)activity.Attribute("PluginTypeId"), Is.EqualTo(Braced(StableId.For("plugintype:" + (string)activity.Attribute("Name")))));
            }
        }

        [Test]
        public void PluginAssembly_IsRegisteredUnderItsStableId([Values] bool managed)
        {
            var zip = managed ? PackedSolution.Managed : PackedSolution.Unmanaged;
            var assembly = zip.Customizations.Element("SolutionPluginAssemblies").Elements("PluginAssembly").Single();
            var id = StableId.For("pluginassembly:KamPlugins");
            Assert.That((string)assembly.Attribute("PluginAssemblyId"), Is.EqualTo(Braced(id)));
            Assert.That((string)assembly.Attribute("FullName"), Is.EqualTo(Plugins.GetName().FullName));
            Assert.That((string)assembly.Element("IsolationMode"), Is.EqualTo("2"), "sandbox");
            Assert.That(zip.Entries.ContainsKey(((string)assembly.Element("FileName")).TrimStart('/')), Is.True);
            Assert.That(zip.Manifest.Element("RootComponents").Elements("RootComponent").Any(r => (string)r.Attribute("type") == "91" && (string)r.Attribute("id") == Braced(id)), Is.True);
        }

        [Test]
        public void Ids_AreTheSameInBothZips()
        {
            IEnumerable<string> Ids(PackedSolution zip) =>
                zip.Customizations.Descendants().SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName.EndsWith("Id", StringComparison.Ordinal) || a.Name.LocalName == "id")
                    .Select(a => a.Value)
                    .Concat(zip.Customizations.Descendants().Where(e => e.Name.LocalName.EndsWith("id", StringComparison.OrdinalIgnoreCase) && !e.HasElements).Select(e => e.Value))
                    .Where(v => Guid.TryParse(v, out _)).OrderBy(v => v, StringComparer.Ordinal);
            Assert.That(Ids(PackedSolution.Managed), Is.EqualTo(Ids(PackedSolution.Unmanaged)));
            Assert.That(Ids(PackedSolution.Managed), Is.Not.Empty);
        }

        [Test]
        public void CustomApis_ArePacked_WithTheirParametersAndPlugin([Values] bool managed)
        {
            var zip = managed ? PackedSolution.Managed : PackedSolution.Unmanaged;
            var declared = PluginClasses().Select(t => (Type: t, Api: t.GetCustomAttribute<CustomApiAttribute>())).Where(x => x.Api != null).ToList();
            var packed = zip.Entries.Keys.Where(k => k.StartsWith("customapis/", StringComparison.Ordinal) && k.EndsWith("/customapi.xml", StringComparison.Ordinal)).ToList();
            Assert.That(packed.Select(k => k.Split('/')[1]), Is.EquivalentTo(declared.Select(d => d.Api.UniqueName)));
            foreach (var (type, api) in declared)
            {
                var xml = zip.Xml($"customapis/{api.UniqueName}/customapi.xml");
                Assert.That((string)xml.Element("plugintypeid").Element("plugintypeid"), Is.EqualTo(Braced(StableId.For("plugintype:" + type.FullName))));
                Assert.That((string)xml.Element("isfunction"), Is.EqualTo(api.IsFunction ? "1" : "0"));
                Assert.That((string)xml.Element("bindingtype"), Is.EqualTo(((int)api.Binding).ToString()));
                Labels.AssertBilingual(xml.Element("displayname"), api.UniqueName);
                foreach (var p in type.GetCustomAttributes<CustomApiRequestParameterAttribute>())
                {
                    var px = zip.Xml($"customapis/{api.UniqueName}/customapirequestparameters/{p.UniqueName}/customapirequestparameter.xml");
                    Assert.That((int)px.Element("type"), Is.EqualTo((int)p.Type), $"{api.UniqueName}.{p.UniqueName}");
                    Assert.That((string)px.Element("isoptional"), Is.EqualTo(p.IsOptional ? "1" : "0"));
                }
                foreach (var p in type.GetCustomAttributes<CustomApiResponsePropertyAttribute>())
                {
                    var px = zip.Xml($"customapis/{api.UniqueName}/customapiresponseproperties/{p.UniqueName}/customapiresponseproperty.xml");
                    Assert.That((int)px.Element("type"), Is.EqualTo((int)p.Type), $"{api.UniqueName}.{p.UniqueName}");
                    Assert.That(px.Element("isoptional"), Is.Null, "isoptional fails the import on a response property");
                }
            }
        }

        [Test]
        public void ManagedZip_LocksTheGeneratedComponents()
        {
            Assert.That(PackedSolution.Managed.Steps.Select(s => (string)s.Element("IsCustomizable")), Has.All.EqualTo("0"));
            Assert.That(PackedSolution.Unmanaged.Steps.Select(s => (string)s.Element("IsCustomizable")), Has.All.EqualTo("1"));
        }
    }
}
