using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator.Pipeline;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Messages
{
    /// <summary>A request parameter or response property of a custom API.</summary>
    public sealed class CustomApiParameter
    {
        internal CustomApiParameter(string name, Type type, bool isOptional)
        {
            Name = name;
            Type = type;
            IsOptional = isOptional;
        }

        /// <summary>The unique name (the key in Parameters / Results).</summary>
        public string Name { get; }

        /// <summary>The SDK type (string, int, bool, decimal, Guid, DateTime, EntityReference, Entity, EntityCollection, Money, OptionSetValue, ...).</summary>
        public Type Type { get; }

        /// <summary>Optional request parameter.</summary>
        public bool IsOptional { get; }
    }

    /// <summary>What a delegate-implemented custom API receives.</summary>
    public sealed class CustomApiInvocation
    {
        internal CustomApiInvocation(IPluginExecutionContext context, IOrganizationService service)
        {
            Context = context;
            Service = service;
        }

        /// <summary>The core operation's context (stage 30).</summary>
        public IPluginExecutionContext Context { get; }

        /// <summary>A service acting as the calling user (calls count as plugin calls).</summary>
        public IOrganizationService Service { get; }

        /// <summary>The request parameters.</summary>
        public ParameterCollection Input => Context.InputParameters;

        /// <summary>The response properties to fill.</summary>
        public ParameterCollection Output => Context.OutputParameters;

        /// <summary>Bound APIs: the record (the "Target" parameter).</summary>
        public EntityReference Target => Input.TryGetValue("Target", out var t) ? t as EntityReference : null;
    }

    /// <summary>
    /// A custom API (customapi, customapirequestparameter, customapiresponseproperty): its message name,
    /// binding, parameters and its implementation (a plugin run as the core operation, stage 30, or a
    /// delegate). Steps registered on its name run in PreValidation, PreOperation and PostOperation.
    /// </summary>
    public sealed class CustomApiDefinition
    {
        private readonly List<CustomApiParameter> requestParameters = new List<CustomApiParameter>();
        private readonly List<CustomApiParameter> responseProperties = new List<CustomApiParameter>();

        /// <summary>Creates a definition.</summary>
        public CustomApiDefinition(string uniqueName)
        {
            if (string.IsNullOrWhiteSpace(uniqueName)) throw new ArgumentException("A custom API needs a unique name.", nameof(uniqueName));
            UniqueName = uniqueName;
        }

        /// <summary>The message name.</summary>
        public string UniqueName { get; }

        /// <summary>The table an entity-bound API is bound to (null: unbound).</summary>
        public string BoundEntity { get; private set; }

        /// <summary>The request parameters.</summary>
        public IReadOnlyList<CustomApiParameter> RequestParameters => requestParameters;

        /// <summary>The response properties.</summary>
        public IReadOnlyList<CustomApiParameter> ResponseProperties => responseProperties;

        /// <summary>The plugin implementing the core operation, if any.</summary>
        public Type PluginType { get; private set; }

        /// <summary>The delegate implementing the core operation, if any.</summary>
        public Action<CustomApiInvocation> Handler { get; private set; }

        /// <summary>customapi.executeprivilegename: callers without it are refused (PrivilegeDenied) before any step runs (null: none).</summary>
        public string ExecutePrivilegeName { get; private set; }

        internal StepRegistration CoreStep { get; private set; }

        /// <summary>Sets the privilege a caller needs to execute the API (checked before PreValidation, as the platform does).</summary>
        public CustomApiDefinition RequiresPrivilege(string privilegeName)
        {
            ExecutePrivilegeName = privilegeName;
            return this;
        }

        /// <summary>Binds the API to a table (the request carries "Target", an EntityReference).</summary>
        public CustomApiDefinition BoundTo(string table)
        {
            BoundEntity = table;
            return this;
        }

        /// <summary>Declares a request parameter.</summary>
        public CustomApiDefinition Input<T>(string name, bool optional = false)
        {
            requestParameters.Add(new CustomApiParameter(name, typeof(T), optional));
            return this;
        }

        /// <summary>Declares a response property.</summary>
        public CustomApiDefinition Output<T>(string name)
        {
            responseProperties.Add(new CustomApiParameter(name, typeof(T), true));
            return this;
        }

        /// <summary>Implements the API with a plugin (constructed once with the configuration strings).</summary>
        public CustomApiDefinition ImplementedBy<TPlugin>(string unsecureConfiguration = null, string secureConfiguration = null) where TPlugin : IPlugin
        {
            PluginType = typeof(TPlugin);
            Handler = null;
            var name = $"{typeof(TPlugin).FullName}: {UniqueName} (MainOperation)";
            CoreStep = new StepRegistration(StepIds.For(name), name, typeof(TPlugin), UniqueName, BoundEntity, (PipelineStage)30,
                s => StepRegistration.Construct(s.PluginType, s.UnsecureConfiguration, s.SecureConfiguration))
            {
                UnsecureConfiguration = unsecureConfiguration,
                SecureConfiguration = secureConfiguration,
            };
            return this;
        }

        /// <summary>Implements the API with a delegate.</summary>
        public CustomApiDefinition ImplementedBy(Action<CustomApiInvocation> handler)
        {
            Handler = handler ?? throw new ArgumentNullException(nameof(handler));
            PluginType = null;
            CoreStep = null;
            return this;
        }
    }

    /// <summary>The registered custom APIs.</summary>
    public sealed class CustomApiRegistry
    {
        private readonly object sync = new object();
        private readonly List<CustomApiDefinition> apis = new List<CustomApiDefinition>();

        internal CustomApiRegistry()
        {
        }

        /// <summary>All custom APIs.</summary>
        public IReadOnlyList<CustomApiDefinition> All
        {
            get { lock (sync) return apis.ToList(); }
        }

        /// <summary>Registers a custom API: <c>org.CustomApis.Register("kam_Decide", api =&gt; api.BoundTo("kam_approvalrequest").Input&lt;int&gt;("Action").Output&lt;bool&gt;("Done").ImplementedBy&lt;DecidePlugin&gt;())</c>.</summary>
        public CustomApiDefinition Register(string uniqueName, Action<CustomApiDefinition> configure)
        {
            var api = new CustomApiDefinition(uniqueName);
            configure?.Invoke(api);
            return Register(api);
        }

        /// <summary>Registers a custom API definition.</summary>
        public CustomApiDefinition Register(CustomApiDefinition api)
        {
            if (api == null) throw new ArgumentNullException(nameof(api));
            lock (sync)
            {
                if (apis.Any(a => string.Equals(a.UniqueName, api.UniqueName, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new StepRegistrationException($"Custom API {api.UniqueName} is already registered.");
                }

                apis.Add(api);
            }

            return api;
        }

        /// <summary>The custom API with this name, or null.</summary>
        public CustomApiDefinition Find(string uniqueName)
        {
            lock (sync) return apis.FirstOrDefault(a => string.Equals(a.UniqueName, uniqueName, StringComparison.OrdinalIgnoreCase));
        }
    }
}
