using System;
using System.Collections.Generic;
using KamPlugins.Model;

namespace KamPlugins.Approvals
{
    /// <summary>What each request type is about: the tables it can concern and the state it asks for.</summary>
    internal static class ApprovalTypes
    {
        private static readonly string[] TransferTables = { AccountTable.LogicalName, OpportunityTable.LogicalName, ContractTable.LogicalName };
        private static readonly string[] AccountOnly = { AccountTable.LogicalName };
        private static readonly string[] OpportunityOnly = { OpportunityTable.LogicalName };
        private static readonly string[] ContractOnly = { ContractTable.LogicalName };

        /// <summary>Every type, in the order users see them.</summary>
        internal static readonly IReadOnlyList<ApprovalType> All = new[]
        {
            ApprovalType.OwnershipTransfer,
            ApprovalType.KeyAccountRelease,
            ApprovalType.OpportunityWin,
            ApprovalType.OpportunityLoss,
            ApprovalType.ContractActivation,
            ApprovalType.ContractTermination,
        };

        /// <summary>True when <paramref name="value"/> is a defined request type.</summary>
        internal static bool IsDefined(int value) => Enum.IsDefined(typeof(ApprovalType), value);

        /// <summary>The tables a request of <paramref name="type"/> can concern.</summary>
        internal static IReadOnlyList<string> TablesFor(ApprovalType type)
        {
            switch (type)
            {
                case ApprovalType.OwnershipTransfer: return TransferTables;
                case ApprovalType.KeyAccountRelease: return AccountOnly;
                case ApprovalType.OpportunityWin:
                case ApprovalType.OpportunityLoss: return OpportunityOnly;
                case ApprovalType.ContractActivation:
                case ApprovalType.ContractTermination: return ContractOnly;
                default: return Array.Empty<string>();
            }
        }

        /// <summary>True when a request of <paramref name="type"/> can concern a record of <paramref name="table"/>.</summary>
        internal static bool Fits(ApprovalType type, string table) => ((IList<string>)TablesFor(type)).Contains(table);

        /// <summary>
        /// The state the request asks for, recorded in the snapshot: the opportunity statecode (Won,
        /// Lost) or the contract status (Active, Terminated); null for transfers and releases.
        /// </summary>
        internal static int? ProposedState(ApprovalType type)
        {
            switch (type)
            {
                case ApprovalType.OpportunityWin: return OpportunityTable.State.Won;
                case ApprovalType.OpportunityLoss: return OpportunityTable.State.Lost;
                case ApprovalType.ContractActivation: return (int)ContractStatus.Active;
                case ApprovalType.ContractTermination: return (int)ContractStatus.Terminated;
                default: return null;
            }
        }

        /// <summary>True for the types whose snapshot amount is part of what was approved.</summary>
        internal static bool ApprovesAmount(ApprovalType type) =>
            type == ApprovalType.OpportunityWin || type == ApprovalType.OpportunityLoss ||
            type == ApprovalType.ContractActivation || type == ApprovalType.ContractTermination;

        /// <summary>The guard event kind of an operation refused for lack of a request of <paramref name="type"/>.</summary>
        internal static GuardEventKind GuardKind(ApprovalType type)
        {
            switch (type)
            {
                case ApprovalType.OwnershipTransfer: return GuardEventKind.OwnerChange;
                case ApprovalType.KeyAccountRelease: return GuardEventKind.KeyAccountRelease;
                case ApprovalType.OpportunityWin: return GuardEventKind.OpportunityWin;
                case ApprovalType.OpportunityLoss: return GuardEventKind.OpportunityLoss;
                default: return GuardEventKind.ContractLifecycle;
            }
        }

        /// <summary>The column on kam_approvalrequest that points at a record of <paramref name="table"/>, or null.</summary>
        internal static string RegardingColumn(string table)
        {
            switch (table)
            {
                case AccountTable.LogicalName: return ApprovalRequestTable.RegardingAccountId;
                case OpportunityTable.LogicalName: return ApprovalRequestTable.RegardingOpportunityId;
                case ContractTable.LogicalName: return ApprovalRequestTable.RegardingContractId;
                default: return null;
            }
        }

        /// <summary>The three regarding columns, each with the table it points at.</summary>
        internal static readonly IReadOnlyList<KeyValuePair<string, string>> RegardingColumns = new[]
        {
            new KeyValuePair<string, string>(ApprovalRequestTable.RegardingAccountId, AccountTable.LogicalName),
            new KeyValuePair<string, string>(ApprovalRequestTable.RegardingOpportunityId, OpportunityTable.LogicalName),
            new KeyValuePair<string, string>(ApprovalRequestTable.RegardingContractId, ContractTable.LogicalName),
        };
    }
}
