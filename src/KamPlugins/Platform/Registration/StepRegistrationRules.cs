using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Platform.Registration
{
    /// <summary>
    /// The rules every declared step must satisfy before it can be packed or run — the solution
    /// checker's plugin rules and the platform's registration errors, checked at build/test time
    /// instead of at import.
    /// </summary>
    public static class StepRegistrationRules
    {
        // Messages whose images the platform supports, and on which side (platform-facts.md, "Images").
        private static readonly HashSet<string> PreImageMessages = new HashSet<string>(StringComparer.Ordinal)
        {
            MessageNames.Update, MessageNames.Delete, MessageNames.Assign, MessageNames.SetState,
            MessageNames.SetStateDynamicEntity, MessageNames.Merge,
        };

        private static readonly HashSet<string> PostImageMessages = new HashSet<string>(StringComparer.Ordinal)
        {
            MessageNames.Create, MessageNames.Update, MessageNames.Assign, MessageNames.SetState,
            MessageNames.SetStateDynamicEntity, MessageNames.Merge,
        };

        private static readonly HashSet<string> BulkMessages = new HashSet<string>(StringComparer.Ordinal)
        {
            MessageNames.CreateMultiple, MessageNames.UpdateMultiple, MessageNames.UpsertMultiple,
        };

        /// <summary>Every problem of one step declared on <paramref name="pluginType"/> (empty when it is valid).</summary>
        /// <param name="pluginType">The class the attribute decorates.</param>
        /// <param name="step">The declaration.</param>
        /// <param name="customMessages">Custom API messages the assembly declares (steps may register on them).</param>
        public static IReadOnlyList<string> Problems(Type pluginType, PluginStepAttribute step, ICollection<string> customMessages)
        {
            if (pluginType == null) throw new ArgumentNullException(nameof(pluginType));
            if (step == null) throw new ArgumentNullException(nameof(step));
            var problems = new List<string>();
            var where = $"{pluginType.FullName} [{step.Message} {step.PrimaryEntity} {step.Stage}]";
            void Problem(string what) => problems.Add($"{where}: {what}");

            var isCustom = customMessages != null && customMessages.Contains(step.Message);
            if (string.IsNullOrEmpty(step.Message)) Problem("no message");
            else if (!isCustom && !MessageNames.SystemMessageIds.ContainsKey(step.Message))
                Problem($"message '{step.Message}' has no known system sdkmessage id (a guessed id fails the import)");
            if (step.Message == MessageNames.Retrieve || step.Message == MessageNames.RetrieveMultiple)
                Problem("steps on Retrieve/RetrieveMultiple slow every read (solution checker rule)");
            if (step.Message != null && BulkMessages.Contains(step.Message))
                Problem("register on the single message only: bulk pipelines are merged, so the logic would run twice");
            if (!isCustom && string.IsNullOrEmpty(step.PrimaryEntity)) Problem("no primary table");
            if (!Enum.IsDefined(typeof(PipelineStage), step.Stage)) Problem($"stage {(int)step.Stage} is not 10, 20 or 40");
            if (step.Mode == ExecutionMode.Asynchronous && step.Stage != PipelineStage.PostOperation) Problem("asynchronous steps run in PostOperation only");
            if (step.Rank < 0) Problem("negative rank");

            if (step.Message == MessageNames.Update && (step.FilteringAttributes == null || step.FilteringAttributes.Length == 0))
                Problem("an Update step must list filtering attributes (solution checker rule)");
            if (step.FilteringAttributes != null && step.Message != MessageNames.Update && step.Message != MessageNames.Create)
                Problem("filtering attributes apply to Create and Update only");
            if (step.FilteringAttributes != null && step.FilteringAttributes.Any(string.IsNullOrWhiteSpace))
                Problem("empty filtering attribute");

            if (step.PreImage != null)
            {
                if (step.PreImage.Length == 0) Problem("an empty pre-image: list its columns");
                if (!PreImageMessages.Contains(step.Message ?? string.Empty)) Problem($"{step.Message} has no pre-image");
            }
            if (step.PostImage != null)
            {
                if (step.PostImage.Length == 0) Problem("an empty post-image: list its columns");
                if (!PostImageMessages.Contains(step.Message ?? string.Empty)) Problem($"{step.Message} has no post-image");
                if (step.Stage != PipelineStage.PostOperation) Problem("post-images exist only in PostOperation");
            }

            if (!typeof(IPlugin).IsAssignableFrom(pluginType)) Problem("the class does not implement IPlugin");
            if (pluginType.IsAbstract) Problem("the class is abstract");
            if (pluginType.GetConstructor(new[] { typeof(string), typeof(string) }) == null)
                Problem("the class needs a public (string unsecureConfiguration, string secureConfiguration) constructor");
            return problems;
        }

        /// <summary>Every problem of every step declared in <paramref name="assembly"/>, including duplicates.</summary>
        public static IReadOnlyList<string> Problems(Assembly assembly)
        {
            if (assembly == null) throw new ArgumentNullException(nameof(assembly));
            var types = assembly.GetTypes();
            var customMessages = new HashSet<string>(
                types.Select(t => t.GetCustomAttribute<CustomApiAttribute>()).Where(a => a != null).Select(a => a.UniqueName),
                StringComparer.Ordinal);
            var problems = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var type in types)
                foreach (var step in type.GetCustomAttributes<PluginStepAttribute>())
                {
                    problems.AddRange(Problems(type, step, customMessages));
                    if (!seen.Add(step.StepName(type))) problems.Add($"{step.StepName(type)}: declared twice");
                }
            return problems;
        }
    }
}
