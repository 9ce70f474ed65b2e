using System;
using System.Activities;
using KamPlugins.Operations;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace KamPlugins.Workflows
{
    /// <summary>
    /// The base of the product's custom workflow activities: takes the workflow context, the service
    /// factory and tracing from the activity context, builds the <see cref="AutomationContext"/> the
    /// operations need (the initiating user, a service acting as that user, SYSTEM, the operation's
    /// clock), runs the activity's argument mapping, and turns failures into what the user sees the
    /// way the plugin base does — refusals in the initiating user's language, anything unexpected as a
    /// friendly message with the correlation id. Holds no state: the platform shares activity instances.
    /// </summary>
    public abstract class KamCodeActivity : CodeActivity
    {
        /// <summary>Entry point called by the workflow runtime.</summary>
        protected sealed override void Execute(CodeActivityContext executionContext)
        {
            if (executionContext == null) throw new ArgumentNullException(nameof(executionContext));
            var workflowContext = executionContext.GetExtension<IWorkflowContext>()
                ?? throw new InvalidPluginExecutionException(Texts.MissingService.Format(nameof(IWorkflowContext)).Bilingual);
            var factory = executionContext.GetExtension<IOrganizationServiceFactory>()
                ?? throw new InvalidPluginExecutionException(Texts.MissingService.Format(nameof(IOrganizationServiceFactory)).Bilingual);
            var tracing = executionContext.GetExtension<ITracingService>();
            var context = new AutomationContext(
                workflowContext.InitiatingUserId,
                factory.CreateOrganizationService(workflowContext.InitiatingUserId),
                factory.CreateOrganizationService(null),
                new OperationClock(workflowContext),
                tracing == null ? (Action<string>)null : text => tracing.Trace("{0}", text));
            context.Trace("{0}: workflow activity for {1} {2}, correlation {3}", GetType().Name, workflowContext.PrimaryEntityName, workflowContext.PrimaryEntityId, workflowContext.CorrelationId);
            try
            {
                ExecuteCore(executionContext, context);
                context.Trace("{0}: done", GetType().Name);
            }
            catch (KamException refusal)
            {
                context.Trace("{0}: refused: {1}", GetType().Name, refusal.UserMessage.EnglishText);
                throw UserFacingErrors.Refusal(refusal, LanguageOf(context));
            }
            catch (InvalidPluginExecutionException)
            {
                throw;
            }
            catch (Exception unexpected)
            {
                context.Trace("{0}: unexpected {1}", GetType().Name, unexpected);
                throw UserFacingErrors.Unexpected(workflowContext.CorrelationId, unexpected);
            }
        }

        /// <summary>The activity's argument mapping: read the inputs, call one operation, set the outputs.</summary>
        /// <param name="activityContext">The activity context (for the arguments).</param>
        /// <param name="context">What the operations need.</param>
        private protected abstract void ExecuteCore(CodeActivityContext activityContext, AutomationContext context);

        private static int? LanguageOf(AutomationContext context)
        {
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
