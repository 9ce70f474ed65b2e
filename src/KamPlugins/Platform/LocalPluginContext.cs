using System;
using System.Diagnostics;
using System.Globalization;
using KamPlugins.Platform.Localization;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Platform
{
    /// <summary>
    /// Everything one execution of a step needs, built fresh per call (plugin instances are shared
    /// across threads, so per-call state lives here and nowhere else): the execution context, both
    /// user services, tracing stamped with elapsed milliseconds, typed access to the target, the
    /// images and the target coalesced with the pre-image, and the operation's clock.
    /// </summary>
    public sealed class LocalPluginContext
    {
        private readonly Stopwatch elapsed = Stopwatch.StartNew();
        private readonly IOrganizationServiceFactory serviceFactory;
        private IOrganizationService userService;
        private IOrganizationService initiatingUserService;
        private IOrganizationService systemService;
        private int? userLanguage;
        private bool userLanguageRead;

        /// <summary>Builds the context from the service provider the platform passes to <c>IPlugin.Execute</c>.</summary>
        /// <exception cref="InvalidPluginExecutionException">A required platform service is missing.</exception>
        public LocalPluginContext(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null)
                throw new InvalidPluginExecutionException(Texts.MissingServiceProvider.Bilingual);
            PluginExecutionContext = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))
                ?? throw new InvalidPluginExecutionException(Texts.MissingService.Format("IPluginExecutionContext").Bilingual);
            serviceFactory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))
                ?? throw new InvalidPluginExecutionException(Texts.MissingService.Format("IOrganizationServiceFactory").Bilingual);
            TracingService = (ITracingService)serviceProvider.GetService(typeof(ITracingService));
            Clock = new OperationClock(PluginExecutionContext);
        }

        /// <summary>The platform's execution context.</summary>
        public IPluginExecutionContext PluginExecutionContext { get; }

        /// <summary>The tracing service (may be null outside the platform).</summary>
        public ITracingService TracingService { get; }

        /// <summary>The operation's clock.</summary>
        public IClock Clock { get; }

        /// <summary>The message name (Create, Update, Assign, …).</summary>
        public string MessageName => PluginExecutionContext.MessageName;

        /// <summary>The primary table's logical name.</summary>
        public string PrimaryEntityName => PluginExecutionContext.PrimaryEntityName;

        /// <summary>The primary record's id (empty on PreValidation/PreOperation of Create).</summary>
        public Guid PrimaryEntityId => PluginExecutionContext.PrimaryEntityId;

        /// <summary>The stage this step runs in.</summary>
        public PipelineStage Stage => (PipelineStage)PluginExecutionContext.Stage;

        /// <summary>The user who started the pipeline: the one every authorisation decision is about.</summary>
        public Guid InitiatingUserId => PluginExecutionContext.InitiatingUserId;

        /// <summary>The user the step runs as (its "run as" setting); never used to authorise.</summary>
        public Guid UserId => PluginExecutionContext.UserId;

        /// <summary>Variables shared by the steps of one operation.</summary>
        public ParameterCollection SharedVariables => PluginExecutionContext.SharedVariables;

        /// <summary>Service acting as the step's user (<see cref="UserId"/>).</summary>
        public IOrganizationService UserService => userService ?? (userService = serviceFactory.CreateOrganizationService(PluginExecutionContext.UserId));

        /// <summary>Service acting as the initiating user (<see cref="InitiatingUserId"/>): reads that must respect what this user may see.</summary>
        public IOrganizationService InitiatingUserService =>
            initiatingUserService ?? (initiatingUserService = serviceFactory.CreateOrganizationService(PluginExecutionContext.InitiatingUserId));

        /// <summary>Service acting as SYSTEM: the product's own bookkeeping (approvals, guard events, goals).</summary>
        public IOrganizationService SystemService => systemService ?? (systemService = serviceFactory.CreateOrganizationService(null));

        /// <summary>The Target input parameter when it is an entity (Create, Update), else null.</summary>
        public Entity Target => PluginExecutionContext.InputParameters.TryGetValue(ParameterNames.Target, out var value) ? value as Entity : null;

        /// <summary>The Target input parameter when it is a reference (Delete, Assign, Merge, GrantAccess), else null.</summary>
        public EntityReference TargetReference =>
            PluginExecutionContext.InputParameters.TryGetValue(ParameterNames.Target, out var value) ? value as EntityReference : null;

        /// <summary>The Targets input parameter of a bulk message, else null.</summary>
        public EntityCollection Targets =>
            PluginExecutionContext.InputParameters.TryGetValue(ParameterNames.Targets, out var value) ? value as EntityCollection : null;

        /// <summary>The registered pre-image (alias <see cref="PluginStepAttribute.PreImageAlias"/>), else null.</summary>
        public Entity PreImage =>
            PluginExecutionContext.PreEntityImages != null && PluginExecutionContext.PreEntityImages.TryGetValue(PluginStepAttribute.PreImageAlias, out var image) ? image : null;

        /// <summary>The registered post-image (alias <see cref="PluginStepAttribute.PostImageAlias"/>), else null.</summary>
        public Entity PostImage =>
            PluginExecutionContext.PostEntityImages != null && PluginExecutionContext.PostEntityImages.TryGetValue(PluginStepAttribute.PostImageAlias, out var image) ? image : null;

        /// <summary>Reads an input parameter of a given type; default when absent or of another type.</summary>
        public T GetInput<T>(string key) =>
            PluginExecutionContext.InputParameters.TryGetValue(key, out var value) && value is T typed ? typed : default(T);

        /// <summary>
        /// The record as it will be after this operation, as far as the step can know: the pre-image's
        /// columns overlaid with the target's (a column the target sets to null is removed). A column
        /// in neither is unknown — never evidence that it is empty.
        /// </summary>
        public Entity TargetCoalescedWithPreImage()
        {
            var target = Target;
            var pre = PreImage;
            var name = target?.LogicalName ?? pre?.LogicalName ?? PrimaryEntityName;
            var id = target != null && target.Id != Guid.Empty ? target.Id : pre?.Id ?? PrimaryEntityId;
            var merged = new Entity(name, id);
            if (pre != null)
                foreach (var column in pre.Attributes) merged[column.Key] = column.Value;
            if (target != null)
                foreach (var column in target.Attributes)
                {
                    if (column.Value == null) merged.Attributes.Remove(column.Key);
                    else merged[column.Key] = column.Value;
                }
            return merged;
        }

        /// <summary>Writes a trace line stamped with the milliseconds elapsed since the step started.</summary>
        public void Trace(string format, params object[] arguments)
        {
            if (TracingService == null) return;
            var text = arguments == null || arguments.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, arguments);
            TracingService.Trace("[{0} ms] {1}", elapsed.ElapsedMilliseconds, text);
        }

        /// <summary>
        /// The initiating user's UI language (usersettings.uilanguageid), read once per call and only
        /// when a message has to be shown; null when it cannot be read.
        /// </summary>
        public int? InitiatingUserLanguage()
        {
            if (userLanguageRead) return userLanguage;
            userLanguageRead = true;
            userLanguage = UserFacingErrors.ReadUiLanguage(SystemService, InitiatingUserId);
            return userLanguage;
        }
    }
}
