using System;
using System.Runtime.CompilerServices;
using System.Threading;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Tests.TestPlugins
{
    /// <summary>Writes its two configuration strings into the account's description.</summary>
    [PluginStep("Create", "account", PipelineStage.PreOperation, Configuration = "unsecure-config")]
    public sealed class ConfigEchoPlugin : IPlugin
    {
        private readonly string unsecure;
        private readonly string secure;

        public ConfigEchoPlugin(string unsecure, string secure)
        {
            this.unsecure = unsecure;
            this.secure = secure;
        }

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
            ((Entity)context.InputParameters["Target"])["description"] = $"{unsecure}|{secure}";
        }
    }

    /// <summary>Traces the identity of its own instance.</summary>
    [PluginStep("Update", "account", PipelineStage.PostOperation, FilteringAttributes = new[] { "name" })]
    public sealed class InstanceTracePlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService));
            tracing.Trace("instance {0}", RuntimeHelpers.GetHashCode(this));
        }
    }

    /// <summary>An Update step filtered on name, with images of name and telephone1.</summary>
    [PluginStep("Update", "account", PipelineStage.PostOperation, FilteringAttributes = new[] { "name" }, PreImage = new[] { "name", "telephone1" }, PostImage = new[] { "name", "telephone1" })]
    public sealed class FilteredImagePlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
        }
    }

    /// <summary>
    /// DELIBERATELY WRONG: keeps the record being processed in an instance field, as a plugin must never
    /// do (the platform shares one instance across threads). Waits on a barrier so two concurrent
    /// operations interleave deterministically.
    /// </summary>
    [PluginStep("Create", "contact", PipelineStage.PreOperation)]
    public sealed class StatefulPlugin : IPlugin
    {
        private string lastName;

        public static Barrier Rendezvous { get; set; }

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
            var target = (Entity)context.InputParameters["Target"];
            lastName = target.GetAttributeValue<string>("lastname");
            if (Rendezvous != null && !Rendezvous.SignalAndWait(TimeSpan.FromSeconds(10)))
            {
                throw new InvalidPluginExecutionException("the operations did not run concurrently");
            }

            target["jobtitle"] = lastName;
        }
    }

    /// <summary>The stateless version of <see cref="StatefulPlugin"/>.</summary>
    [PluginStep("Create", "contact", PipelineStage.PreOperation, Rank = 2)]
    public sealed class StatelessPlugin : IPlugin
    {
        public static Barrier Rendezvous { get; set; }

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
            var target = (Entity)context.InputParameters["Target"];
            var lastName = target.GetAttributeValue<string>("lastname");
            if (Rendezvous != null && !Rendezvous.SignalAndWait(TimeSpan.FromSeconds(10)))
            {
                throw new InvalidPluginExecutionException("the operations did not run concurrently");
            }

            target["description"] = lastName;
        }
    }
}
