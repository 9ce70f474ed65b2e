using System;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Platform
{
    /// <summary>
    /// The one plugin base: builds the per-call <see cref="LocalPluginContext"/>, runs the plugin's
    /// logic, and turns every failure into an <see cref="InvalidPluginExecutionException"/> — rule
    /// refusals in the initiating user's language, anything unexpected as a friendly message with the
    /// correlation id (the details go to the trace log). Holds no mutable state: the platform shares
    /// one instance across threads.
    /// </summary>
    public abstract class PluginBase : IPlugin
    {
        /// <summary>Keeps the step's configuration strings (the only state a plugin may hold).</summary>
        protected PluginBase(string unsecureConfiguration, string secureConfiguration)
        {
            UnsecureConfiguration = unsecureConfiguration;
            SecureConfiguration = secureConfiguration;
        }

        /// <summary>The step's unsecure configuration.</summary>
        protected string UnsecureConfiguration { get; }

        /// <summary>The step's secure configuration.</summary>
        protected string SecureConfiguration { get; }

        /// <summary>Entry point called by the platform.</summary>
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = new LocalPluginContext(serviceProvider);
            var execution = context.PluginExecutionContext;
            context.Trace("{0}: {1} of {2} {3}, stage {4}, mode {5}, correlation {6}",
                GetType().Name, execution.MessageName, execution.PrimaryEntityName, execution.PrimaryEntityId,
                execution.Stage, execution.Mode, execution.CorrelationId);
            try
            {
                ExecuteCore(context);
                context.Trace("{0}: done", GetType().Name);
            }
            catch (KamException refusal)
            {
                context.Trace("{0}: refused: {1}", GetType().Name, refusal.UserMessage.EnglishText);
                throw UserFacingErrors.Refusal(refusal, ReadLanguageSafely(context));
            }
            catch (InvalidPluginExecutionException)
            {
                throw;
            }
            catch (Exception unexpected)
            {
                // No further service call here: after a failed call inside a transaction the platform
                // refuses them all ("There is no active transaction"). Both languages, then.
                context.Trace("{0}: unexpected {1}", GetType().Name, unexpected);
                throw UserFacingErrors.Unexpected(execution.CorrelationId, unexpected);
            }
        }

        /// <summary>The plugin's logic: read the context, call a use case, write or refuse.</summary>
        protected abstract void ExecuteCore(LocalPluginContext context);

        private static int? ReadLanguageSafely(LocalPluginContext context)
        {
            // A rule refusal is thrown before any failed service call, so one more read is safe.
            // If even that fails the user gets both languages.
            try
            {
                return context.InitiatingUserLanguage();
            }
            catch (Exception failure) when (!(failure is OutOfMemoryException))
            {
                context.Trace("language lookup failed: {0}", failure.Message);
                return null;
            }
        }
    }
}
