using KamPlugins.Contracts;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// The kam_contract lifecycle: contracts are created as Draft (a renewal is a new Draft with
    /// kam_renewalofid set); Draft → Active and Active → Terminated need an approved request, consumed in
    /// the same transaction; Active → Expired only after the end date; a contract that has been in force
    /// is read-only except its renewal link; a pending activation/termination locks value and dates.
    /// </summary>
    [PluginStep(MessageNames.Create, ContractTable.LogicalName, PipelineStage.PreValidation,
        Description = "Contract created: as Draft only; renewal link checked (guard event outside the transaction).")]
    [PluginStep(MessageNames.Update, ContractTable.LogicalName, PipelineStage.PreValidation,
        FilteringAttributes = new[]
        {
            ContractTable.Name, ContractTable.CustomerId, ContractTable.OpportunityId, ContractTable.Value, ContractTable.StartDate, ContractTable.EndDate,
            ContractTable.RenewalOfId, ContractTable.ContractStatus, ContractTable.ActivatedOn, ContractTable.TerminatedOn, CommonColumns.StateCode, CommonColumns.StatusCode,
        },
        PreImage = new[]
        {
            ContractTable.Name, ContractTable.CustomerId, ContractTable.OpportunityId, ContractTable.Value, ContractTable.StartDate, ContractTable.EndDate,
            ContractTable.RenewalOfId, ContractTable.ContractStatus, ContractTable.ActivatedOn, ContractTable.TerminatedOn, CommonColumns.StateCode, CommonColumns.StatusCode,
        },
        Description = "Contract changed: lifecycle checks (guard event outside the transaction).")]
    [PluginStep(MessageNames.Update, ContractTable.LogicalName, PipelineStage.PreOperation,
        FilteringAttributes = new[]
        {
            ContractTable.Name, ContractTable.CustomerId, ContractTable.OpportunityId, ContractTable.Value, ContractTable.StartDate, ContractTable.EndDate,
            ContractTable.RenewalOfId, ContractTable.ContractStatus, ContractTable.ActivatedOn, ContractTable.TerminatedOn, CommonColumns.StateCode, CommonColumns.StatusCode,
        },
        PreImage = new[]
        {
            ContractTable.Name, ContractTable.CustomerId, ContractTable.OpportunityId, ContractTable.Value, ContractTable.StartDate, ContractTable.EndDate,
            ContractTable.RenewalOfId, ContractTable.ContractStatus, ContractTable.ActivatedOn, ContractTable.TerminatedOn, CommonColumns.StateCode, CommonColumns.StatusCode,
        },
        Description = "Contract activation/termination: consume the approval inside the transaction.")]
    public sealed class ContractLifecyclePlugin : PluginBase
    {
        /// <summary>Creates the plugin (configuration strings are not used).</summary>
        public ContractLifecyclePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            if (context.MessageName == MessageNames.Create) ContractChanges.PrepareCreate(context, context.Target);
            else if (context.Stage == PipelineStage.PreValidation) ContractChanges.Check(context);
            else ContractChanges.Enforce(context);
        }
    }
}
