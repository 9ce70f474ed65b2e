using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Guard
{
    /// <summary>
    /// The ownership lock's reads and writes, as SYSTEM: exact queries with named columns, each a
    /// constant number of calls whatever the organisation's size. Reads go through RetrieveMultiple,
    /// never Retrieve: a missing row answers null instead of a fault (a failed call inside the
    /// transaction would poison it).
    /// </summary>
    internal sealed class OwnershipLockData
    {
        /// <summary>How many foreseen cascade children a message names per relationship.</summary>
        internal const int ForeseenPerRelationship = 3;

        private readonly IOrganizationService system;

        internal OwnershipLockData(IOrganizationService systemService)
        {
            system = systemService ?? throw new ArgumentNullException(nameof(systemService));
        }

        /// <summary>The record's lock columns, or null when it does not exist (1 RetrieveMultiple).</summary>
        internal LockedRecord Read(EntityReference record)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            var query = new QueryExpression(record.LogicalName)
            {
                ColumnSet = new ColumnSet(LockedTables.Columns(record.LogicalName).ToArray()),
                TopCount = 1,
            };
            query.Criteria.AddCondition(PrimaryKey(record.LogicalName), ConditionOperator.Equal, record.Id);
            var rows = system.RetrieveMultiple(query).Entities;
            return rows.Count == 0 ? null : LockedRecord.FromRow(record, rows[0]);
        }

        /// <summary>Which of <paramref name="accountIds"/> are key accounts (1 RetrieveMultiple; none for no ids).</summary>
        internal HashSet<Guid> KeyAccountsAmong(IEnumerable<Guid> accountIds)
        {
            var ids = accountIds.Distinct().ToArray();
            var keys = new HashSet<Guid>();
            if (ids.Length == 0) return keys;
            var query = new QueryExpression(AccountTable.LogicalName) { ColumnSet = new ColumnSet(AccountTable.Id) };
            query.Criteria.AddCondition(AccountTable.Id, ConditionOperator.In, ids.Cast<object>().ToArray());
            query.Criteria.AddCondition(IsKeyAccount());
            foreach (var row in system.RetrieveMultiple(query).Entities) keys.Add(row.Id);
            return keys;
        }

        /// <summary>
        /// The locked records the <paramref name="action"/> cascade of account <paramref name="accountId"/>
        /// would reach, a few per relationship (at most 3 RetrieveMultiple): opportunities at or above the
        /// lock threshold, contracts, key child accounts (<see cref="AccountCascades"/>). Opportunities
        /// locked only because another of their lookups is a key account, and grandchildren under child
        /// accounts, are left to the in-transaction check.
        /// </summary>
        internal IReadOnlyList<ForeseenChild> ForeseeCascade(Guid accountId, CascadeAction action, decimal opportunityLockThreshold)
        {
            var children = new List<ForeseenChild>();
            var opportunities = new QueryExpression(OpportunityTable.LogicalName)
            {
                ColumnSet = new ColumnSet(OpportunityTable.Name),
                TopCount = ForeseenPerRelationship,
            };
            opportunities.Criteria.AddCondition(OpportunityTable.EstimatedValue, ConditionOperator.GreaterEqual, opportunityLockThreshold);
            var under = opportunities.Criteria.AddFilter(LogicalOperator.Or);
            foreach (var column in AccountCascades.OpportunityColumns(action)) under.AddCondition(column, ConditionOperator.Equal, accountId);
            Collect(children, opportunities, OpportunityTable.Name);

            if (AccountCascades.ReachesContracts(action))
            {
                var contracts = new QueryExpression(ContractTable.LogicalName) { ColumnSet = new ColumnSet(ContractTable.Name), TopCount = ForeseenPerRelationship };
                contracts.Criteria.AddCondition(ContractTable.CustomerId, ConditionOperator.Equal, accountId);
                Collect(children, contracts, ContractTable.Name);
            }

            if (AccountCascades.ReachesChildAccounts(action))
            {
                var accounts = new QueryExpression(AccountTable.LogicalName) { ColumnSet = new ColumnSet(AccountTable.Name), TopCount = ForeseenPerRelationship };
                accounts.Criteria.AddCondition(AccountTable.ParentAccountId, ConditionOperator.Equal, accountId);
                accounts.Criteria.AddCondition(IsKeyAccount());
                Collect(children, accounts, AccountTable.Name);
            }
            return children;
        }

        /// <summary>Which of the guard event ids exist (1 RetrieveMultiple; none for no ids).</summary>
        internal HashSet<Guid> ExistingEvents(IEnumerable<Guid> eventIds)
        {
            var ids = eventIds.Distinct().ToArray();
            var found = new HashSet<Guid>();
            if (ids.Length == 0) return found;
            var query = new QueryExpression(GuardEventTable.LogicalName) { ColumnSet = new ColumnSet(GuardEventTable.Id) };
            query.Criteria.AddCondition(GuardEventTable.Id, ConditionOperator.In, ids.Cast<object>().ToArray());
            foreach (var row in system.RetrieveMultiple(query).Entities) found.Add(row.Id);
            return found;
        }

        /// <summary>True when <paramref name="userId"/> is the manager (parentsystemuserid) of the user <paramref name="owner"/> (1 RetrieveMultiple; a team has no manager).</summary>
        internal bool IsManagerOf(EntityReference owner, Guid userId)
        {
            if (owner == null || owner.LogicalName != SystemUserTable.LogicalName || userId == Guid.Empty) return false;
            var query = new QueryExpression(SystemUserTable.LogicalName) { ColumnSet = new ColumnSet(SystemUserTable.Id), TopCount = 1 };
            query.Criteria.AddCondition(SystemUserTable.Id, ConditionOperator.Equal, owner.Id);
            query.Criteria.AddCondition(SystemUserTable.ParentSystemUserId, ConditionOperator.Equal, userId);
            return system.RetrieveMultiple(query).Entities.Count > 0;
        }

        /// <summary>A display name for a user, team, account, contact, opportunity or contract (its Name when set, else 1 RetrieveMultiple).</summary>
        internal string DisplayName(EntityReference reference)
        {
            if (reference == null) return null;
            if (!string.IsNullOrWhiteSpace(reference.Name)) return reference.Name;
            var nameColumn = NameColumn(reference.LogicalName);
            if (nameColumn == null) return reference.Id.ToString("D");
            var query = new QueryExpression(reference.LogicalName) { ColumnSet = new ColumnSet(nameColumn), TopCount = 1 };
            query.Criteria.AddCondition(PrimaryKey(reference.LogicalName), ConditionOperator.Equal, reference.Id);
            var rows = system.RetrieveMultiple(query).Entities;
            var name = rows.Count > 0 ? rows[0].GetAttributeValue<string>(nameColumn) : null;
            return string.IsNullOrWhiteSpace(name) ? reference.Id.ToString("D") : name;
        }

        /// <summary>Writes the approved owner stamp on <paramref name="record"/> (1 Update).</summary>
        internal void Stamp(EntityReference record, EntityReference owner)
        {
            var row = new Entity(record.LogicalName, record.Id) { [CommonColumns.ApprovedOwnerId] = owner };
            system.Update(row);
        }

        // Not AddCondition(column, Equal, true): that binds to the column-comparison overload
        // (string, ConditionOperator, bool compareColumns, params object[]) and compares nothing.
        private static ConditionExpression IsKeyAccount() => new ConditionExpression(AccountTable.IsKeyAccount, ConditionOperator.Equal, new object[] { true });

        private void Collect(List<ForeseenChild> children, QueryExpression query, string nameColumn)
        {
            foreach (var row in system.RetrieveMultiple(query).Entities)
                children.Add(new ForeseenChild(query.EntityName, row.Id, row.GetAttributeValue<string>(nameColumn)));
        }

        private static string PrimaryKey(string table)
        {
            switch (table)
            {
                case AccountTable.LogicalName: return AccountTable.Id;
                case OpportunityTable.LogicalName: return OpportunityTable.Id;
                case ContractTable.LogicalName: return ContractTable.Id;
                case SystemUserTable.LogicalName: return SystemUserTable.Id;
                case TeamTable.LogicalName: return TeamTable.Id;
                case ContactTable.LogicalName: return ContactTable.Id;
                default: return table + "id";
            }
        }

        private static string NameColumn(string table)
        {
            switch (table)
            {
                case SystemUserTable.LogicalName: return SystemUserTable.FullName;
                case TeamTable.LogicalName: return TeamTable.Name;
                case ContactTable.LogicalName: return ContactTable.FullName;
                case AccountTable.LogicalName:
                case OpportunityTable.LogicalName:
                case ContractTable.LogicalName: return LockedTables.NameColumn(table);
                default: return null;
            }
        }
    }
}
