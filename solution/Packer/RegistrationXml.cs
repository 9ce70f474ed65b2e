using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace KamPlugins.SolutionPacker
{
    /// <summary>
    /// Writes the registrations as solution components, in the element order of the CRM SDK's
    /// CustomizationsSolution.xsd (pluginassemblytype, plugintypetype, sdkmessageprocessingsteptype,
    /// sdkmessageprocessingstepimagetype) and the folder layout of custom APIs.
    /// </summary>
    internal static class RegistrationXml
    {
        /// <summary>Object type code of plugintype: a step's event handler is a plugin type.</summary>
        private const int PluginTypeEventHandler = 4602;

        public static string Braced(Guid id) => "{" + id.ToString("D") + "}";

        public static string AssemblyFolder(AssemblyRegistration a) => $"PluginAssemblies/{a.Name}-{a.AssemblyId.ToString("D").ToUpperInvariant()}";

        public static string AssemblyFileName(AssemblyRegistration a) => $"{AssemblyFolder(a)}/{a.Name}.dll";

        public static XElement PluginAssembly(AssemblyRegistration a, bool managed)
        {
            var types = new XElement("PluginTypes",
                a.Types.Select(t => new XElement("PluginType",
                    new XAttribute("AssemblyQualifiedName", t.AssemblyQualifiedName),
                    new XAttribute("PluginTypeId", Braced(t.PluginTypeId)),
                    new XAttribute("Name", t.FullName),
                    t.Description == null ? null : new XElement("Description", t.Description),
                    new XElement("FriendlyName", t.FriendlyName),
                    t.IsWorkflowActivity ? new XElement("WorkflowActivityGroupName", t.WorkflowGroup) : null)));
            return new XElement("PluginAssembly",
                new XAttribute("FullName", a.FullName),
                new XAttribute("PluginAssemblyId", Braced(a.AssemblyId)),
                new XAttribute("CustomizationLevel", "1"),
                new XElement("Description", "KamPlugins: key-account guard rails, approvals and real-time goal progress (generated from the assembly's registration attributes)."),
                new XElement("IsolationMode", "2"),
                new XElement("SourceType", "0"),
                new XElement("IntroducedVersion", a.FileVersion),
                new XElement("FileName", "/" + AssemblyFileName(a)),
                types,
                new XElement("IsHidden", "0"));
        }

        public static IEnumerable<XElement> Steps(AssemblyRegistration a, bool managed)
        {
            var customizable = managed ? "0" : "1";
            foreach (var t in a.Types)
                foreach (var s in t.Steps)
                    yield return new XElement("SdkMessageProcessingStep",
                        new XAttribute("Name", s.Name),
                        new XAttribute("SdkMessageProcessingStepId", Braced(s.StepId)),
                        new XElement("PluginTypeName", t.AssemblyQualifiedName),
                        new XElement("PrimaryEntity", s.PrimaryEntity ?? "none"),
                        new XElement("AsyncAutoDelete", s.AsyncAutoDelete ? "1" : "0"),
                        s.Configuration == null ? null : new XElement("Configuration", s.Configuration),
                        new XElement("Description", s.Description ?? s.Name),
                        s.FilteringAttributes.Count == 0 ? null : new XElement("FilteringAttributes", string.Join(",", s.FilteringAttributes)),
                        new XElement("InvocationSource", "0"),
                        new XElement("Mode", s.Mode.ToString()),
                        new XElement("Rank", s.Rank.ToString()),
                        new XElement("SdkMessageId", Braced(s.MessageId)),
                        new XElement("EventHandlerTypeCode", PluginTypeEventHandler.ToString()),
                        new XElement("Stage", s.Stage.ToString()),
                        new XElement("IsCustomizable", customizable),
                        new XElement("IsHidden", "0"),
                        new XElement("SupportedDeployment", "0"),
                        new XElement("IntroducedVersion", a.FileVersion),
                        new XElement("SdkMessageProcessingStepImages",
                            s.Images.Select(i => new XElement("SdkMessageProcessingStepImage",
                                new XAttribute("Name", i.Alias),
                                new XElement("SdkMessageProcessingStepImageId", Braced(i.ImageId)),
                                new XElement("Attributes", string.Join(",", i.Attributes)),
                                new XElement("EntityAlias", i.Alias),
                                new XElement("ImageType", i.ImageType.ToString()),
                                new XElement("MessagePropertyName", i.MessagePropertyName),
                                new XElement("IsCustomizable", customizable),
                                new XElement("IntroducedVersion", a.FileVersion)))));
        }

        /// <summary>Root components the generated parts add to solution.xml (assembly and steps; custom APIs are folder components).</summary>
        public static IEnumerable<XElement> RootComponents(AssemblyRegistration a)
        {
            yield return new XElement("RootComponent", new XAttribute("type", "91"), new XAttribute("id", Braced(a.AssemblyId)),
                new XAttribute("schemaName", a.FullName), new XAttribute("behavior", "0"));
            foreach (var s in a.Types.SelectMany(t => t.Steps))
                yield return new XElement("RootComponent", new XAttribute("type", "92"), new XAttribute("id", Braced(s.StepId)), new XAttribute("behavior", "0"));
        }

        /// <summary>customapis/&lt;name&gt;/customapi.xml and its parameter and property folders (the layout `pac solution pack` copies verbatim).</summary>
        public static IEnumerable<KeyValuePair<string, XElement>> CustomApis(AssemblyRegistration a, bool managed)
        {
            var customizable = managed ? "0" : "1";
            foreach (var t in a.Types.Where(t => t.CustomApi != null))
            {
                var api = t.CustomApi;
                var folder = $"customapis/{api.UniqueName}";
                yield return new KeyValuePair<string, XElement>($"{folder}/customapi.xml", new XElement("customapi",
                    new XAttribute("uniquename", api.UniqueName),
                    new XElement("allowedcustomprocessingsteptype", "0"),
                    new XElement("bindingtype", api.BindingType.ToString()),
                    new XElement("boundentitylogicalname", api.BoundEntity ?? string.Empty),
                    Labels("description", api.Description ?? api.DisplayName, api.ChineseDisplayName),
                    Labels("displayname", api.DisplayName, api.ChineseDisplayName),
                    new XElement("executeprivilegename", api.ExecutePrivilegeName ?? string.Empty),
                    new XElement("iscustomizable", customizable),
                    new XElement("isfunction", api.IsFunction ? "1" : "0"),
                    new XElement("isprivate", "0"),
                    new XElement("name", api.UniqueName),
                    new XElement("plugintypeid", new XElement("plugintypeid", Braced(t.PluginTypeId))),
                    new XElement("workflowsdkstepenabled", "0")));
                foreach (var p in api.RequestParameters)
                    yield return new KeyValuePair<string, XElement>($"{folder}/customapirequestparameters/{p.UniqueName}/customapirequestparameter.xml", new XElement("customapirequestparameter",
                        new XAttribute("uniquename", p.UniqueName),
                        Labels("description", p.Description ?? p.UniqueName, p.Description ?? p.UniqueName),
                        Labels("displayname", p.UniqueName, p.UniqueName),
                        new XElement("iscustomizable", customizable),
                        new XElement("isoptional", p.IsOptional ? "1" : "0"),
                        new XElement("logicalentityname", p.LogicalEntityName ?? string.Empty),
                        new XElement("name", api.UniqueName + "." + p.UniqueName),
                        new XElement("type", p.Type.ToString())));
                foreach (var p in api.ResponseProperties)
                    yield return new KeyValuePair<string, XElement>($"{folder}/customapiresponseproperties/{p.UniqueName}/customapiresponseproperty.xml", new XElement("customapiresponseproperty",
                        new XAttribute("uniquename", p.UniqueName),
                        Labels("description", p.Description ?? p.UniqueName, p.Description ?? p.UniqueName),
                        Labels("displayname", p.UniqueName, p.UniqueName),
                        new XElement("iscustomizable", customizable),
                        new XElement("logicalentityname", p.LogicalEntityName ?? string.Empty),
                        new XElement("name", api.UniqueName + "." + p.UniqueName),
                        new XElement("type", p.Type.ToString())));
            }
        }

        private static XElement Labels(string name, string english, string chinese) => new XElement(name,
            new XAttribute("default", english),
            new XElement("label", new XAttribute("description", english), new XAttribute("languagecode", "1033")),
            new XElement("label", new XAttribute("description", chinese ?? english), new XAttribute("languagecode", "2052")));
    }
}
