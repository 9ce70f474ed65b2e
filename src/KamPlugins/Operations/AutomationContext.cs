using System;
using System.Globalization;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Operations
{
    /// <summary>
    /// What an automation operation needs from its host, whether a custom API's plugin or a custom
    /// workflow activity: who started the pipeline, a service acting as that user (so Dataverse's own
    /// security decides what they may see and do), a SYSTEM service for the product's bookkeeping, the
    /// operation's clock and tracing. Built fresh per call; never shared.
    /// </summary>
    internal sealed class AutomationContext
    {
        private readonly Action<string> trace;
        private readonly Func<int?> readLanguage;

        /// <summary>Creates the context.</summary>
        /// <param name="initiatingUserId">The user who started the pipeline (every authorisation is about them).</param>
        /// <param name="initiatingUserService">A service acting as that user.</param>
        /// <param name="systemService">A service acting as SYSTEM.</param>
        /// <param name="clock">The operation's clock (OperationCreatedOn).</param>
        /// <param name="trace">Writes one trace line (may be null).</param>
        /// <param name="readLanguage">Reads the initiating user's UI language (null: read it from usersettings).</param>
        internal AutomationContext(
            Guid initiatingUserId,
            IOrganizationService initiatingUserService,
            IOrganizationService systemService,
            IClock clock,
            Action<string> trace,
            Func<int?> readLanguage = null)
        {
            InitiatingUserId = initiatingUserId;
            InitiatingUserService = initiatingUserService ?? throw new ArgumentNullException(nameof(initiatingUserService));
            SystemService = systemService ?? throw new ArgumentNullException(nameof(systemService));
            Clock = clock ?? throw new ArgumentNullException(nameof(clock));
            this.trace = trace;
            this.readLanguage = readLanguage ?? (() => UserFacingErrors.ReadUiLanguage(systemService, initiatingUserId));
        }

        /// <summary>The user who started the pipeline.</summary>
        internal Guid InitiatingUserId { get; }

        /// <summary>Service acting as the initiating user: reads that must not reveal what they cannot see, and writes whose rules must apply to them.</summary>
        internal IOrganizationService InitiatingUserService { get; }

        /// <summary>Service acting as SYSTEM: the product's own bookkeeping (goal values).</summary>
        internal IOrganizationService SystemService { get; }

        /// <summary>The operation's clock.</summary>
        internal IClock Clock { get; }

        /// <summary>The context a custom API's plugin builds from its <see cref="LocalPluginContext"/>.</summary>
        internal static AutomationContext FromPlugin(LocalPluginContext context)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            return new AutomationContext(
                context.InitiatingUserId,
                context.InitiatingUserService,
                context.SystemService,
                context.Clock,
                text => context.Trace("{0}", text),
                context.InitiatingUserLanguage);
        }

        /// <summary>The initiating user's UI language (null when unknown): read only when a message must be shown.</summary>
        internal int? InitiatingUserLanguage() => readLanguage();

        /// <summary>Writes a trace line.</summary>
        internal void Trace(string format, params object[] arguments)
        {
            if (trace == null) return;
            trace(arguments == null || arguments.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, arguments));
        }
    }
}
