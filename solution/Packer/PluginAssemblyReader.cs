using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;

namespace KamPlugins.SolutionPacker
{
    /// <summary>
    /// Reads the net462 plugin assembly's registrations without loading it into the packer's runtime:
    /// MetadataLoadContext resolves it against the .NET Framework reference assemblies and the SDK it was
    /// compiled against (passed in by MSBuild). Every registration error that would fail the import is
    /// reported here, before any zip is written.
    /// </summary>
    internal static class PluginAssemblyReader
    {
        private const string RegistrationNamespace = "KamPlugins.Platform.Registration.";

        public static AssemblyRegistration Read(string assemblyPath, IEnumerable<string> references, List<string> errors)
        {
            var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            void Add(string p)
            {
                if (File.Exists(p) && !paths.ContainsKey(Path.GetFileName(p))) paths[Path.GetFileName(p)] = Path.GetFullPath(p);
            }
            Add(assemblyPath);
            foreach (var r in references)
            {
                if (Directory.Exists(r)) foreach (var f in Directory.GetFiles(r, "*.dll").OrderBy(f => f, StringComparer.Ordinal)) Add(f);
                else Add(r);
            }
            if (!paths.ContainsKey("mscorlib.dll")) errors.Add("no mscorlib.dll among the references: pass the net462 reference assemblies (--reference).");

            using var context = new MetadataLoadContext(new PathAssemblyResolver(paths.Values), "mscorlib");
            var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
            var name = assembly.GetName();
            var registration = new AssemblyRegistration
            {
                Name = name.Name,
                FullName = name.FullName,
                FileVersion = FileVersionOf(assembly, assemblyPath),
                AssemblyId = StableId.For("pluginassembly:" + name.Name),
            };

            Type[] types;
            try { types = assembly.GetTypes(); }
            catch (ReflectionTypeLoadException e)
            {
                foreach (var le in e.LoaderExceptions.Where(x => x != null).Select(x => x.Message).Distinct()) errors.Add("cannot read a type of " + name.Name + ": " + le);
                types = e.Types.Where(t => t != null).ToArray();
            }

            var stepNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var type in types.OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                if (!type.IsClass || type.IsAbstract || type.IsGenericTypeDefinition) continue;
                bool isPlugin, isActivity;
                try
                {
                    isPlugin = type.GetInterfaces().Any(i => i.FullName == "Microsoft.Xrm.Sdk.IPlugin");
                    isActivity = DerivesFrom(type, "System.Activities.CodeActivity");
                }
                catch (FileNotFoundException e)
                {
                    errors.Add($"cannot resolve the base types of {type.FullName}: {e.Message} (pass the SDK and System.Activities reference assemblies)");
                    continue;
                }
                var attributes = CustomAttributeData.GetCustomAttributes(type);
                var stepAttributes = attributes.Where(a => a.AttributeType.FullName == RegistrationNamespace + nameof(PluginStepAttribute)).ToList();
                var apiAttribute = attributes.FirstOrDefault(a => a.AttributeType.FullName == RegistrationNamespace + nameof(CustomApiAttribute));
                var activityAttribute = attributes.FirstOrDefault(a => a.AttributeType.FullName == RegistrationNamespace + nameof(WorkflowActivityAttribute));
                if (!isPlugin && !isActivity)
                {
                    if (stepAttributes.Count > 0 || apiAttribute != null) errors.Add($"{type.FullName} declares steps or a custom API but does not implement Microsoft.Xrm.Sdk.IPlugin.");
                    if (activityAttribute != null) errors.Add($"{type.FullName} declares a workflow activity but does not derive from System.Activities.CodeActivity.");
                    continue;
                }
                if (!type.IsPublic) { errors.Add($"{type.FullName} must be public: the platform instantiates it by name."); continue; }

                var pluginType = new PluginTypeRegistration
                {
                    FullName = type.FullName,
                    AssemblyQualifiedName = type.FullName + ", " + name.FullName,
                    PluginTypeId = StableId.For("plugintype:" + type.FullName),
                    IsWorkflowActivity = isActivity,
                    FriendlyName = type.FullName,
                };
                if (isActivity)
                {
                    if (activityAttribute == null) errors.Add($"workflow activity {type.FullName} has no [WorkflowActivity] (its name and group in the designer).");
                    else
                    {
                        pluginType.FriendlyName = (string)activityAttribute.ConstructorArguments[0].Value;
                        pluginType.WorkflowGroup = Named(activityAttribute, nameof(WorkflowActivityAttribute.Group)) as string ?? WorkflowActivityAttribute.KamGroup;
                        pluginType.Description = Named(activityAttribute, nameof(WorkflowActivityAttribute.Description)) as string;
                    }
                    if (stepAttributes.Count > 0) errors.Add($"workflow activity {type.FullName} cannot have plugin steps.");
                }

                foreach (var data in stepAttributes)
                {
                    var attribute = ToStepAttribute(data);
                    var step = ToStep(type, attribute, errors);
                    if (step == null) continue;
                    if (!stepNames.Add(step.Name)) errors.Add($"step '{step.Name}' is declared twice.");
                    pluginType.Steps.Add(step);
                }
                if (apiAttribute != null) pluginType.CustomApi = ToCustomApi(apiAttribute, attributes, errors);
                registration.Types.Add(pluginType);
            }
            return registration;
        }

        private static bool DerivesFrom(Type type, string fullName)
        {
            for (var t = type.BaseType; t != null; t = t.BaseType)
                if (t.FullName == fullName) return true;
            return false;
        }

        private static string FileVersionOf(Assembly assembly, string path)
        {
            var data = assembly.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == "System.Reflection.AssemblyFileVersionAttribute");
            if (data != null) return (string)data.ConstructorArguments[0].Value;
            var info = FileVersionInfo.GetVersionInfo(path);
            return string.IsNullOrEmpty(info.FileVersion) ? assembly.GetName().Version.ToString() : info.FileVersion;
        }

        private static object Named(CustomAttributeData data, string name)
        {
            foreach (var a in data.NamedArguments)
                if (a.MemberName == name) return Unwrap(a.TypedValue);
            return null;
        }

        private static object Unwrap(CustomAttributeTypedArgument value)
        {
            if (value.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items)
                return items.Select(i => (string)i.Value).ToArray();
            return value.Value;
        }

        /// <summary>Rebuilds the attribute from its metadata, so the step's name comes from the one StepName the emulator uses too.</summary>
        private static PluginStepAttribute ToStepAttribute(CustomAttributeData data)
        {
            var attribute = new PluginStepAttribute(
                (string)data.ConstructorArguments[0].Value,
                (string)data.ConstructorArguments[1].Value,
                (PipelineStage)(int)data.ConstructorArguments[2].Value);
            foreach (var a in data.NamedArguments)
            {
                var v = Unwrap(a.TypedValue);
                switch (a.MemberName)
                {
                    case nameof(PluginStepAttribute.Mode): attribute.Mode = (ExecutionMode)(int)v; break;
                    case nameof(PluginStepAttribute.Rank): attribute.Rank = (int)v; break;
                    case nameof(PluginStepAttribute.FilteringAttributes): attribute.FilteringAttributes = (string[])v; break;
                    case nameof(PluginStepAttribute.PreImage): attribute.PreImage = (string[])v; break;
                    case nameof(PluginStepAttribute.PostImage): attribute.PostImage = (string[])v; break;
                    case nameof(PluginStepAttribute.Configuration): attribute.Configuration = (string)v; break;
                    case nameof(PluginStepAttribute.Description): attribute.Description = (string)v; break;
                    case nameof(PluginStepAttribute.AsyncAutoDelete): attribute.AsyncAutoDelete = (bool)v; break;
                    default: throw new InvalidOperationException($"PluginStepAttribute.{a.MemberName} is not known to the packer: teach PluginAssemblyReader.ToStepAttribute about it.");
                }
            }
            return attribute;
        }

        private static StepRegistration ToStep(Type type, PluginStepAttribute attribute, List<string> errors)
        {
            var name = attribute.StepName(type);
            if (!MessageNames.SystemMessageIds.TryGetValue(attribute.Message ?? "", out var messageId))
            {
                errors.Add($"step '{name}': message '{attribute.Message}' has no system sdkmessage id in MessageNames.SystemMessageIds (a wrong id fails the import).");
                return null;
            }
            if (attribute.Message == MessageNames.Retrieve || attribute.Message == MessageNames.RetrieveMultiple)
                errors.Add($"step '{name}': steps on Retrieve/RetrieveMultiple are not allowed (solution checker rule; every read would pay for them).");
            var step = new StepRegistration
            {
                Name = name,
                StepId = StableId.For("step:" + name),
                Message = attribute.Message,
                MessageId = messageId,
                PrimaryEntity = attribute.PrimaryEntity,
                Stage = (int)attribute.Stage,
                Mode = (int)attribute.Mode,
                Rank = attribute.Rank,
                FilteringAttributes = (attribute.FilteringAttributes ?? Array.Empty<string>()).Select(a => a.Trim().ToLowerInvariant()).ToArray(),
                Configuration = attribute.Configuration,
                Description = attribute.Description,
                AsyncAutoDelete = attribute.Mode == ExecutionMode.Asynchronous && attribute.AsyncAutoDelete,
            };
            if (attribute.Message == MessageNames.Update && step.FilteringAttributes.Count == 0)
                errors.Add($"step '{name}': an Update step must list filtering attributes (solution checker rule).");
            if (attribute.Mode == ExecutionMode.Asynchronous && attribute.Stage != PipelineStage.PostOperation)
                errors.Add($"step '{name}': asynchronous steps run only in PostOperation.");
            if (attribute.PreImage != null) AddImage(step, PluginStepAttribute.PreImageAlias, 0, attribute.PreImage, attribute, errors);
            if (attribute.PostImage != null) AddImage(step, PluginStepAttribute.PostImageAlias, 1, attribute.PostImage, attribute, errors);
            return step;
        }

        private static void AddImage(StepRegistration step, string alias, int imageType, string[] columns, PluginStepAttribute attribute, List<string> errors)
        {
            var property = MessagePropertyName(attribute.Message);
            if (property == null) { errors.Add($"step '{step.Name}': {attribute.Message} supports no images."); return; }
            if (imageType == 1 && attribute.Stage != PipelineStage.PostOperation) errors.Add($"step '{step.Name}': a post-image exists only in PostOperation.");
            if (imageType == 0 && attribute.Message == MessageNames.Create) errors.Add($"step '{step.Name}': Create has no pre-image.");
            if (imageType == 1 && attribute.Message == MessageNames.Delete) errors.Add($"step '{step.Name}': Delete has no post-image.");
            if (columns.Length == 0) errors.Add($"step '{step.Name}': image '{alias}' lists no columns (an image of every column costs every read; name them).");
            step.Images.Add(new ImageRegistration
            {
                ImageId = StableId.For("image:" + step.Name + ":" + alias),
                Alias = alias,
                ImageType = imageType,
                MessagePropertyName = property,
                Attributes = columns.Select(c => c.Trim().ToLowerInvariant()).ToArray(),
            });
        }

        /// <summary>The request parameter an image is taken from (the plugin registration tool's table).</summary>
        internal static string MessagePropertyName(string message) => message switch
        {
            MessageNames.Create => "Id",
            MessageNames.Update or MessageNames.Delete or MessageNames.Assign or MessageNames.Merge
                or MessageNames.GrantAccess or MessageNames.ModifyAccess or MessageNames.RevokeAccess => "Target",
            MessageNames.SetState or MessageNames.SetStateDynamicEntity => "EntityMoniker",
            _ => null,
        };

        private static CustomApiRegistration ToCustomApi(CustomAttributeData data, IList<CustomAttributeData> all, List<string> errors)
        {
            var api = new CustomApiRegistration
            {
                UniqueName = (string)data.ConstructorArguments[0].Value,
                DisplayName = (string)data.ConstructorArguments[1].Value,
                ChineseDisplayName = (string)data.ConstructorArguments[2].Value,
                Description = Named(data, nameof(CustomApiAttribute.Description)) as string,
                BindingType = Named(data, nameof(CustomApiAttribute.Binding)) is int b ? b : 0,
                BoundEntity = Named(data, nameof(CustomApiAttribute.BoundEntity)) as string,
                IsFunction = Named(data, nameof(CustomApiAttribute.IsFunction)) is bool f && f,
                ExecutePrivilegeName = Named(data, nameof(CustomApiAttribute.ExecutePrivilegeName)) as string,
            };
            if (string.IsNullOrEmpty(api.UniqueName) || !api.UniqueName.StartsWith("kam_", StringComparison.Ordinal))
                errors.Add($"custom API '{api.UniqueName}' must carry the publisher prefix kam_.");
            if (api.BindingType != 0 && string.IsNullOrEmpty(api.BoundEntity))
                errors.Add($"custom API '{api.UniqueName}' is bound but names no BoundEntity.");
            foreach (var p in all.Where(a => a.AttributeType.FullName == RegistrationNamespace + nameof(CustomApiRequestParameterAttribute)))
                api.RequestParameters.Add(ToParameter(p, true));
            foreach (var p in all.Where(a => a.AttributeType.FullName == RegistrationNamespace + nameof(CustomApiResponsePropertyAttribute)))
                api.ResponseProperties.Add(ToParameter(p, false));
            api.RequestParameters.Sort((x, y) => string.CompareOrdinal(x.UniqueName, y.UniqueName));
            api.ResponseProperties.Sort((x, y) => string.CompareOrdinal(x.UniqueName, y.UniqueName));
            foreach (var dup in api.RequestParameters.GroupBy(p => p.UniqueName).Where(g => g.Count() > 1))
                errors.Add($"custom API '{api.UniqueName}': request parameter '{dup.Key}' is declared twice.");
            foreach (var dup in api.ResponseProperties.GroupBy(p => p.UniqueName).Where(g => g.Count() > 1))
                errors.Add($"custom API '{api.UniqueName}': response property '{dup.Key}' is declared twice.");
            return api;
        }

        private static CustomApiParameterRegistration ToParameter(CustomAttributeData data, bool request) => new CustomApiParameterRegistration
        {
            UniqueName = (string)data.ConstructorArguments[0].Value,
            Type = (int)data.ConstructorArguments[1].Value,
            IsOptional = request && Named(data, nameof(CustomApiRequestParameterAttribute.IsOptional)) is bool o && o,
            LogicalEntityName = Named(data, nameof(CustomApiRequestParameterAttribute.LogicalEntityName)) as string,
            Description = Named(data, nameof(CustomApiRequestParameterAttribute.Description)) as string,
        };
    }
}
