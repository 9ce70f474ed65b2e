using System;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Approvals.Data
{
    /// <summary>
    /// Reads the record a request concerns — an account, an opportunity (with whether its customer or
    /// parent account is a key account) or a kam_contract — as <see cref="RecordFacts"/>: one query.
    /// </summary>
    internal sealed class RecordReader
    {
        private const string CustomerAlias = "kamcustomer";
        private const string ParentAlias = "kamparent";

        private static readonly string[] AccountColumns = { AccountTable.Name, CommonColumns.OwnerId, AccountTable.IsKeyAccount, CommonColumns.StateCode };

        private static readonly string[] OpportunityColumns =
        {
            OpportunityTable.Name, CommonColumns.OwnerId, OpportunityTable.EstimatedValue, OpportunityTable.ActualValue,
            OpportunityTable.CustomerId, OpportunityTable.ParentAccountId, CommonColumns.StateCode,
        };

        private static readonly string[] ContractColumns =
        {
            ContractTable.Name, CommonColumns.OwnerId, ContractTable.Value, ContractTable.CustomerId, ContractTable.ContractStatus, ContractTable.EndDate,
        };

        private readonly IOrganizationService service;

        internal RecordReader(IOrganizationService service)
        {
            this.service = service ?? throw new ArgumentNullException(nameof(service));
        }

        /// <summary>The record's facts, or null when it does not exist or is not a table approvals concern (1 RetrieveMultiple).</summary>
        internal RecordFacts Read(EntityReference record)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            switch (record.LogicalName)
            {
                case AccountTable.LogicalName: return ReadAccount(record);
                case OpportunityTable.LogicalName: return ReadOpportunity(record);
                case ContractTable.LogicalName: return ReadContract(record);
                default: return null;
            }
        }

        private RecordFacts ReadAccount(EntityReference record)
        {
            var row = Single(record, AccountTable.Id, AccountColumns, null);
            if (row == null) return null;
            return new RecordFacts(
                record,
                row.GetAttributeValue<string>(AccountTable.Name),
                row.GetAttributeValue<EntityReference>(CommonColumns.OwnerId),
                null,
                null,
                null,
                row.GetAttributeValue<bool?>(AccountTable.IsKeyAccount) == true,
                row.GetAttributeValue<OptionSetValue>(CommonColumns.StateCode)?.Value,
                null);
        }

        private RecordFacts ReadOpportunity(EntityReference record)
        {
            var row = Single(record, OpportunityTable.Id, OpportunityColumns, query =>
            {
                // Whether the customer (when it is an account) or the parent account is a key account,
                // in the same round trip.
                var customer = query.AddLink(AccountTable.LogicalName, OpportunityTable.CustomerId, AccountTable.Id, JoinOperator.LeftOuter);
                customer.EntityAlias = CustomerAlias;
                customer.Columns = new ColumnSet(AccountTable.IsKeyAccount);
                var parent = query.AddLink(AccountTable.LogicalName, OpportunityTable.ParentAccountId, AccountTable.Id, JoinOperator.LeftOuter);
                parent.EntityAlias = ParentAlias;
                parent.Columns = new ColumnSet(AccountTable.IsKeyAccount);
            });
            if (row == null) return null;
            var isKey = AliasedFlag(row, CustomerAlias) || AliasedFlag(row, ParentAlias);
            return new RecordFacts(
                record,
                row.GetAttributeValue<string>(OpportunityTable.Name),
                row.GetAttributeValue<EntityReference>(CommonColumns.OwnerId),
                row.GetAttributeValue<Money>(OpportunityTable.EstimatedValue)?.Value,
                row.GetAttributeValue<Money>(OpportunityTable.ActualValue)?.Value,
                row.GetAttributeValue<EntityReference>(OpportunityTable.CustomerId) ?? row.GetAttributeValue<EntityReference>(OpportunityTable.ParentAccountId),
                isKey,
                row.GetAttributeValue<OptionSetValue>(CommonColumns.StateCode)?.Value,
                null);
        }

        private RecordFacts ReadContract(EntityReference record)
        {
            var row = Single(record, ContractTable.Id, ContractColumns, null);
            if (row == null) return null;
            return ContractFacts(record, row);
        }

        /// <summary>Maps a kam_contract row (or image) to facts: the value is its amount, the status its state.</summary>
        internal static RecordFacts ContractFacts(EntityReference record, Entity row) =>
            new RecordFacts(
                record,
                row.GetAttributeValue<string>(ContractTable.Name),
                row.GetAttributeValue<EntityReference>(CommonColumns.OwnerId),
                row.GetAttributeValue<Money>(ContractTable.Value)?.Value,
                null,
                row.GetAttributeValue<EntityReference>(ContractTable.CustomerId),
                false,
                row.GetAttributeValue<OptionSetValue>(ContractTable.ContractStatus)?.Value,
                row.GetAttributeValue<DateTime?>(ContractTable.EndDate));

        private Entity Single(EntityReference record, string idColumn, string[] columns, Action<QueryExpression> extend)
        {
            var query = new QueryExpression(record.LogicalName) { ColumnSet = new ColumnSet(columns), TopCount = 1 };
            query.Criteria.AddCondition(idColumn, ConditionOperator.Equal, record.Id);
            extend?.Invoke(query);
            var rows = service.RetrieveMultiple(query).Entities;
            return rows.Count == 0 ? null : rows[0];
        }

        private static bool AliasedFlag(Entity row, string alias) =>
            row.GetAttributeValue<AliasedValue>(alias + "." + AccountTable.IsKeyAccount)?.Value is bool flag && flag;
    }
}
