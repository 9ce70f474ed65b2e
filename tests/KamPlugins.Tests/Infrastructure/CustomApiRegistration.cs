using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Dataverse.Emulator;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Messages;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Tests.Infrastructure
{
    /// <summary>
    /// Registers the product's custom APIs in the emulator from the same declarations the solution
    /// packer reads: a plugin class carrying [CustomApi] with its request parameter and response
    /// property attributes is the API's main operation (customapi.plugintypeid) — it has no step of its
    /// own. The API's ExecutePrivilegeName is enforced before anything runs, as the platform does.
    /// </summary>
    internal static class CustomApiRegistration
    {
        private static readonly MethodInfo InputMethod = typeof(CustomApiDefinition).GetMethod(nameof(CustomApiDefinition.Input));
        private static readonly MethodInfo OutputMethod = typeof(CustomApiDefinition).GetMethod(nameof(CustomApiDefinition.Output));
        private static readonly MethodInfo ImplementedByMethod = typeof(CustomApiDefinition).GetMethods()
            .Single(m => m.Name == nameof(CustomApiDefinition.ImplementedBy) && m.IsGenericMethodDefinition);

        /// <summary>The plugin classes of the product that implement a custom API.</summary>
        internal static IReadOnlyList<Type> CustomApiPlugins(Assembly assembly = null) =>
            (assembly ?? typeof(PluginBase).Assembly).GetTypes()
                .Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<CustomApiAttribute>() != null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();

        /// <summary>Registers every custom API the product declares.</summary>
        internal static DataverseEmulator RegisterCustomApis(this DataverseEmulator org, Assembly assembly = null)
        {
            foreach (var plugin in CustomApiPlugins(assembly)) org.RegisterCustomApi(plugin);
            return org;
        }

        /// <summary>Registers the custom API <paramref name="pluginType"/> declares and implements.</summary>
        internal static CustomApiDefinition RegisterCustomApi(this DataverseEmulator org, Type pluginType)
        {
            if (org == null) throw new ArgumentNullException(nameof(org));
            if (pluginType == null) throw new ArgumentNullException(nameof(pluginType));
            var api = pluginType.GetCustomAttribute<CustomApiAttribute>()
                ?? throw new ArgumentException($"{pluginType.FullName} declares no [CustomApi].", nameof(pluginType));
            var definition = org.CustomApis.Register(api.UniqueName, d =>
            {
                if (api.Binding != CustomApiBinding.Global) d.BoundTo(api.BoundEntity);
                foreach (var parameter in pluginType.GetCustomAttributes<CustomApiRequestParameterAttribute>())
                    InputMethod.MakeGenericMethod(SdkTypeOf(parameter.Type)).Invoke(d, new object[] { parameter.UniqueName, parameter.IsOptional });
                foreach (var property in pluginType.GetCustomAttributes<CustomApiResponsePropertyAttribute>())
                    OutputMethod.MakeGenericMethod(SdkTypeOf(property.Type)).Invoke(d, new object[] { property.UniqueName });
                ImplementedByMethod.MakeGenericMethod(pluginType).Invoke(d, new object[] { null, null });
            });
            if (!string.IsNullOrEmpty(api.ExecutePrivilegeName)) RequirePrivilege(org, api.UniqueName, api.ExecutePrivilegeName);
            return definition;
        }

        /// <summary>The type the platform passes for a custom API parameter type.</summary>
        internal static Type SdkTypeOf(CustomApiParameterType type)
        {
            switch (type)
            {
                case CustomApiParameterType.Boolean: return typeof(bool);
                case CustomApiParameterType.DateTime: return typeof(DateTime);
                case CustomApiParameterType.Decimal: return typeof(decimal);
                case CustomApiParameterType.Entity: return typeof(Entity);
                case CustomApiParameterType.EntityCollection: return typeof(EntityCollection);
                case CustomApiParameterType.EntityReference: return typeof(EntityReference);
                case CustomApiParameterType.Float: return typeof(double);
                case CustomApiParameterType.Integer: return typeof(int);
                case CustomApiParameterType.Money: return typeof(Money);
                case CustomApiParameterType.Picklist: return typeof(OptionSetValue);
                case CustomApiParameterType.String: return typeof(string);
                case CustomApiParameterType.StringArray: return typeof(string[]);
                case CustomApiParameterType.Guid: return typeof(Guid);
                default: throw new ArgumentOutOfRangeException(nameof(type), type, null);
            }
        }

        // customapi.executeprivilegename: the platform refuses a caller without the privilege before the
        // API's pipeline runs (the emulator's custom API definition does not carry the privilege, so a
        // first PreValidation step plays that check).
        private static void RequirePrivilege(DataverseEmulator org, string message, string privilege)
        {
            org.RegisterStep(
                new PluginStepAttribute(message, null, PipelineStage.PreValidation) { Rank = 0 },
                services =>
                {
                    var context = (IPluginExecutionContext)services.GetService(typeof(IPluginExecutionContext));
                    if (context.InitiatingUserId == Dataverse.Emulator.Principals.UserCollection.SystemUserId) return;
                    var user = org.Users.Find(context.InitiatingUserId);
                    if (user != null && user.Roles.Any(r => r.Grants(privilege))) return;
                    throw DataverseFault.Create(ErrorCodes.PrivilegeDenied,
                        $"Principal user (Id={context.InitiatingUserId}, type=8) is missing {privilege} privilege.",
                        d => d["MissingPrivilege"] = privilege);
                });
        }
    }
}
