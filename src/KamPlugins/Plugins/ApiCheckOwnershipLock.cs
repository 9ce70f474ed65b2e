using KamPlugins.Operations;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// kam_CheckOwnershipLock: whether a record is protected by the ownership lock (防飞单) and why, in
    /// the caller's language — the ownership guard's own rule. A function; runs as the API's main operation.
    /// </summary>
    [CustomApi(ApiNames.CheckOwnershipLock, "Check ownership lock", "检查所有权锁定",
        Description = "Whether an account, opportunity or KAM contract is ownership-locked, and why.",
        IsFunction = true)]
    [CustomApiRequestParameter(ApiNames.Record, CustomApiParameterType.EntityReference,
        Description = "The account, opportunity or KAM contract.")]
    [CustomApiResponseProperty(ApiNames.IsLocked, CustomApiParameterType.Boolean,
        Description = "True when the record is protected: its owner, customer and existence change only with an approval.")]
    [CustomApiResponseProperty(ApiNames.Reason, CustomApiParameterType.String,
        Description = "Why it is (or is not) locked, in the caller's language.")]
    public sealed class ApiCheckOwnershipLock : PluginBase
    {
        /// <summary>Creates the plugin (configuration strings are not used).</summary>
        public ApiCheckOwnershipLock(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            var operation = AutomationContext.FromPlugin(context);
            var result = OwnershipLockOperation.Execute(operation, context.GetInput<EntityReference>(ApiNames.Record));
            var outputs = context.PluginExecutionContext.OutputParameters;
            outputs[ApiNames.IsLocked] = result.IsLocked;
            outputs[ApiNames.Reason] = result.Reason.For(operation.InitiatingUserLanguage());
        }
    }
}
