using System.Activities;
using KamPlugins.Model;
using KamPlugins.Operations;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace KamPlugins.Workflows
{
    /// <summary>
    /// The base of the activities that act on one guarded record: a workflow lookup argument names one
    /// table, so the record comes in through three optional inputs — account, opportunity, KAM
    /// contract — of which exactly one must be filled in.
    /// </summary>
    public abstract class GuardedRecordActivity : KamCodeActivity
    {
        /// <summary>The account (fill in exactly one of Account, Opportunity, KAM contract).</summary>
        [Input("Account")]
        [ReferenceTarget(AccountTable.LogicalName)]
        public InArgument<EntityReference> Account { get; set; }

        /// <summary>The opportunity.</summary>
        [Input("Opportunity")]
        [ReferenceTarget(OpportunityTable.LogicalName)]
        public InArgument<EntityReference> Opportunity { get; set; }

        /// <summary>The KAM contract.</summary>
        [Input("KAM contract")]
        [ReferenceTarget(ContractTable.LogicalName)]
        public InArgument<EntityReference> Contract { get; set; }

        /// <summary>The one record filled in (a bilingual refusal when none or several are).</summary>
        private protected EntityReference GuardedRecord(CodeActivityContext activityContext) =>
            OperationInputs.OneGuardedRecord(Account.Get(activityContext), Opportunity.Get(activityContext), Contract.Get(activityContext));
    }
}
