using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Pipeline
{
    /// <summary>
    /// The registered steps. Registration checks what the platform's registration refuses: images on
    /// messages or stages where they cannot exist, asynchronous steps outside PostOperation, steps on
    /// Upsert/UpsertMultiple (not plugin events), duplicate step ids.
    /// </summary>
    public sealed class StepRegistry
    {
        /// <summary>The messages whose steps may have images, with the default message property of the image.</summary>
        public static readonly IReadOnlyDictionary<string, string> ImageProperties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Create"] = "Target",
            ["Update"] = "Target",
            ["Delete"] = "Target",
            ["Assign"] = "Target",
            ["SetState"] = "EntityMoniker",
            ["SetStateDynamicEntity"] = "EntityMoniker",
            ["Merge"] = "Target",
            ["GrantAccess"] = "Target",
            ["ModifyAccess"] = "Target",
            ["RevokeAccess"] = "Target",
        };

        private static readonly HashSet<string> NotEvents = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Upsert", "UpsertMultiple", "ExecuteMultiple", "ExecuteTransaction",
        };

        private readonly object sync = new object();
        private readonly List<StepRegistration> steps = new List<StepRegistration>();
        private long sequence;

        internal StepRegistry()
        {
        }

        /// <summary>All registered steps, in registration order.</summary>
        public IReadOnlyList<StepRegistration> All
        {
            get { lock (sync) return steps.ToList(); }
        }

        /// <summary>The steps of a plugin type.</summary>
        public IReadOnlyList<StepRegistration> Of<TPlugin>() where TPlugin : IPlugin => Of(typeof(TPlugin));

        /// <summary>The steps of a plugin type.</summary>
        public IReadOnlyList<StepRegistration> Of(Type pluginType)
        {
            lock (sync) return steps.Where(s => s.PluginType == pluginType).ToList();
        }

        /// <summary>The one step of <typeparamref name="TPlugin"/> on <paramref name="message"/> (and stage, when given).</summary>
        public StepRegistration Find<TPlugin>(string message, PipelineStage? stage = null) where TPlugin : IPlugin
        {
            var found = Of(typeof(TPlugin)).Where(s => string.Equals(s.Message, message, StringComparison.OrdinalIgnoreCase) && (stage == null || s.Stage == stage)).ToList();
            if (found.Count != 1) throw new InvalidOperationException($"{typeof(TPlugin).Name} has {found.Count} steps on {message}{(stage == null ? string.Empty : " " + stage)}.");
            return found[0];
        }

        /// <summary>Registers every step declared with <see cref="PluginStepAttribute"/> on a plugin type.</summary>
        /// <param name="pluginType">An <see cref="IPlugin"/> class with one or more <see cref="PluginStepAttribute"/>.</param>
        /// <param name="configure">Sets deployment-specific parts of each step (secure configuration, run-as user).</param>
        public IReadOnlyList<StepRegistration> Register(Type pluginType, Action<StepRegistration> configure = null)
        {
            if (pluginType == null) throw new ArgumentNullException(nameof(pluginType));
            if (!typeof(IPlugin).IsAssignableFrom(pluginType) || pluginType.IsAbstract)
            {
                throw new StepRegistrationException($"{pluginType.FullName} is not a concrete IPlugin.");
            }

            var attributes = pluginType.GetCustomAttributes<PluginStepAttribute>(false).ToList();
            if (attributes.Count == 0) throw new StepRegistrationException($"{pluginType.FullName} declares no [PluginStep].");
            return attributes.Select(a => Register(pluginType, a, configure)).ToList();
        }

        /// <summary>Registers one step described by an attribute (also for test plugins declared in code).</summary>
        public StepRegistration Register(Type pluginType, PluginStepAttribute step, Action<StepRegistration> configure = null)
        {
            if (step == null) throw new ArgumentNullException(nameof(step));
            var name = step.StepName(pluginType);
            var registration = new StepRegistration(StepIds.For(name), name, pluginType, step.Message, step.PrimaryEntity, step.Stage,
                s => StepRegistration.Construct(s.PluginType, s.UnsecureConfiguration, s.SecureConfiguration))
            {
                Mode = step.Mode,
                Rank = step.Rank,
                FilteringAttributes = step.FilteringAttributes?.ToList(),
                UnsecureConfiguration = step.Configuration,
            };
            if (step.PreImage != null) registration.Images.Add(new ImageRegistration(PluginStepAttribute.PreImageAlias, ImageType.PreImage, step.PreImage));
            if (step.PostImage != null) registration.Images.Add(new ImageRegistration(PluginStepAttribute.PostImageAlias, ImageType.PostImage, step.PostImage));
            configure?.Invoke(registration);
            return Add(registration);
        }

        /// <summary>Registers a step whose plugin is a delegate (quick test plugins).</summary>
        public StepRegistration Register(PluginStepAttribute step, Action<IServiceProvider> execute, Action<StepRegistration> configure = null)
        {
            if (execute == null) throw new ArgumentNullException(nameof(execute));
            var name = $"{step.StepName(typeof(DelegatePlugin))} #{Interlocked.Increment(ref sequence)}";
            var registration = new StepRegistration(StepIds.For(name), name, typeof(DelegatePlugin), step.Message, step.PrimaryEntity, step.Stage, s => new DelegatePlugin(execute))
            {
                Mode = step.Mode,
                Rank = step.Rank,
                FilteringAttributes = step.FilteringAttributes?.ToList(),
                UnsecureConfiguration = step.Configuration,
            };
            if (step.PreImage != null) registration.Images.Add(new ImageRegistration(PluginStepAttribute.PreImageAlias, ImageType.PreImage, step.PreImage));
            if (step.PostImage != null) registration.Images.Add(new ImageRegistration(PluginStepAttribute.PostImageAlias, ImageType.PostImage, step.PostImage));
            configure?.Invoke(registration);
            return Add(registration);
        }

        /// <summary>Removes a step.</summary>
        public void Remove(StepRegistration step)
        {
            lock (sync) steps.Remove(step);
        }

        internal IReadOnlyList<StepRegistration> Match(string message, string entity, int stage, ExecutionMode mode)
        {
            lock (sync)
            {
                return steps
                    .Where(s => s.Enabled && (int)s.Stage == stage && s.Mode == mode
                        && string.Equals(s.Message, message, StringComparison.OrdinalIgnoreCase)
                        && (s.PrimaryEntity == null || string.Equals(s.PrimaryEntity, entity, StringComparison.Ordinal)))
                    .OrderBy(s => s.Rank).ThenBy(s => s.Sequence)
                    .ToList();
            }
        }

        private StepRegistration Add(StepRegistration s)
        {
            Validate(s);
            lock (sync)
            {
                if (steps.Any(x => x.Id == s.Id))
                {
                    throw new StepRegistrationException($"Duplicate step registration: {s.Name}.");
                }

                s.Sequence = Interlocked.Increment(ref sequence);
                steps.Add(s);
            }

            return s;
        }

        private static void Validate(StepRegistration s)
        {
            if (string.IsNullOrWhiteSpace(s.Message)) throw new StepRegistrationException($"{s.Name}: no message.");
            if (NotEvents.Contains(s.Message)) throw new StepRegistrationException($"{s.Name}: {s.Message} is not a plugin event (it raises the steps of the messages it runs).");
            if (!Enum.IsDefined(typeof(PipelineStage), s.Stage)) throw new StepRegistrationException($"{s.Name}: stage {(int)s.Stage} is not 10, 20 or 40.");
            if (s.Mode == ExecutionMode.Asynchronous && s.Stage != PipelineStage.PostOperation)
            {
                throw new StepRegistrationException($"{s.Name}: asynchronous steps run in PostOperation only.");
            }

            if (s.Images.Count == 0) return;
            if (!ImageProperties.ContainsKey(s.Message)) throw new StepRegistrationException($"{s.Name}: {s.Message} does not support entity images.");
            foreach (var image in s.Images)
            {
                if (image.IsPost && s.Stage != PipelineStage.PostOperation) throw new StepRegistrationException($"{s.Name}: post-image '{image.Alias}' outside PostOperation.");
                if (image.IsPre && string.Equals(s.Message, "Create", StringComparison.OrdinalIgnoreCase)) throw new StepRegistrationException($"{s.Name}: Create has no pre-image.");
                if (image.IsPost && string.Equals(s.Message, "Delete", StringComparison.OrdinalIgnoreCase)) throw new StepRegistrationException($"{s.Name}: Delete has no post-image.");
            }

            if (s.Images.GroupBy(i => i.Alias).Any(g => g.Count() > 1)) throw new StepRegistrationException($"{s.Name}: two images with the same alias.");
        }
    }

    /// <summary>Step ids: name-based, as the solution's component ids (<c>StableId.For("step:" + name)</c>).</summary>
    public static class StepIds
    {
        /// <summary>The id of the step with this unique name.</summary>
        public static Guid For(string stepName) => StableId.For("step:" + stepName);
    }

    /// <summary>A plugin whose logic is a delegate (test plugins written inline).</summary>
    public sealed class DelegatePlugin : IPlugin
    {
        private readonly Action<IServiceProvider> execute;

        /// <summary>Wraps <paramref name="execute"/>.</summary>
        public DelegatePlugin(Action<IServiceProvider> execute)
        {
            this.execute = execute ?? throw new ArgumentNullException(nameof(execute));
        }

        /// <inheritdoc />
        public void Execute(IServiceProvider serviceProvider) => execute(serviceProvider);
    }
}
