using System;
using KamPlugins.Guard;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Tests.OwnershipLock
{
    /// <summary>Small builders for the rule tests: records in the shape the lock reads them.</summary>
    internal static class LockRecords
    {
        internal static readonly Guid RepId = new Guid("10000000-0000-0000-0000-000000000001");
        internal static readonly Guid OtherRepId = new Guid("10000000-0000-0000-0000-000000000002");
        internal static readonly Guid KeyAccountId = new Guid("20000000-0000-0000-0000-000000000001");
        internal static readonly Guid PlainAccountId = new Guid("20000000-0000-0000-0000-000000000002");

        internal static EntityReference User(Guid id) => new EntityReference(SystemUserTable.LogicalName, id);

        internal static EntityReference Account(Guid id) => new EntityReference(AccountTable.LogicalName, id);

        internal static LockedRecord Of(string table, Action<Entity> columns = null)
        {
            var row = new Entity(table, new Guid("30000000-0000-0000-0000-000000000001"));
            row[CommonColumns.OwnerId] = User(RepId);
            columns?.Invoke(row);
            return LockedRecord.FromRow(row.ToEntityReference(), row);
        }

        internal static LockedRecord KeyAccount(bool isKey = true, int state = 0) => Of(AccountTable.LogicalName, r =>
        {
            r[AccountTable.Name] = "Contoso";
            r[AccountTable.IsKeyAccount] = isKey;
            r[CommonColumns.StateCode] = new OptionSetValue(state);
        });

        internal static LockedRecord Opportunity(decimal? value = null, Guid? customer = null, Guid? parent = null) => Of(OpportunityTable.LogicalName, r =>
        {
            if (value.HasValue) r[OpportunityTable.EstimatedValue] = new Money(value.Value);
            if (customer.HasValue) r[OpportunityTable.CustomerId] = Account(customer.Value);
            if (parent.HasValue) r[OpportunityTable.ParentAccountId] = Account(parent.Value);
        });

        internal static LockedRecord Contract(Guid? customer = null) => Of(ContractTable.LogicalName, r =>
        {
            if (customer.HasValue) r[ContractTable.CustomerId] = Account(customer.Value);
        });
    }
}
