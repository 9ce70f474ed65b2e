using System.Activities;
using KamPlugins.Model;
using KamPlugins.Operations;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace KamPlugins.Workflows
{
    /// <summary>
    /// Check ownership lock: whether the account, opportunity or KAM contract given (fill in exactly
    /// one) is protected by the ownership lock, and why, in the language of the user who started the
    /// workflow. Same operation as kam_CheckOwnershipLock.
    /// </summary>
    [WorkflowActivity("Check ownership lock", Group = WorkflowActivityAttribute.KamGroup,
        Description = "Whether a record is ownership-locked (防飞单), and why.")]
    public sealed class CheckOwnershipLockActivity : GuardedRecordActivity
    {
        /// <summary>True when the record is protected.</summary>
        [Output("Is locked")]
        public OutArgument<bool> IsLocked { get; set; }

        /// <summary>Why, in the user's language.</summary>
        [Output("Reason")]
        public OutArgument<string> Reason { get; set; }

        private protected override void ExecuteCore(CodeActivityContext activityContext, AutomationContext context)
        {
            var result = OwnershipLockOperation.Execute(
                context,
                GuardedRecord(activityContext));
            IsLocked.Set(activityContext, result.IsLocked);
            Reason.Set(activityContext, result.Reason.For(context.InitiatingUserLanguage()));
        }
    }
}
