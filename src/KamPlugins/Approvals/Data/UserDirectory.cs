using System;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Approvals.Data
{
    /// <summary>Users as approvals need them: managers (routing), names (messages), active principals (transfers).</summary>
    internal sealed class UserDirectory
    {
        private const string ManagerAlias = "kammanager";

        private readonly IOrganizationService service;

        internal UserDirectory(IOrganizationService service)
        {
            this.service = service ?? throw new ArgumentNullException(nameof(service));
        }

        /// <summary>
        /// The manager (systemuser.parentsystemuserid) of <paramref name="userId"/>, with whether they are
        /// disabled, or null when there is none (1 RetrieveMultiple: the user joined to the manager).
        /// </summary>
        internal ApproverCandidate ManagerOf(Guid userId)
        {
            var query = new QueryExpression(SystemUserTable.LogicalName) { ColumnSet = new ColumnSet(SystemUserTable.ParentSystemUserId), TopCount = 1 };
            query.Criteria.AddCondition(SystemUserTable.Id, ConditionOperator.Equal, userId);
            var manager = query.AddLink(SystemUserTable.LogicalName, SystemUserTable.ParentSystemUserId, SystemUserTable.Id, JoinOperator.LeftOuter);
            manager.EntityAlias = ManagerAlias;
            manager.Columns = new ColumnSet(SystemUserTable.Id, SystemUserTable.IsDisabled, SystemUserTable.FullName);
            var rows = service.RetrieveMultiple(query).Entities;
            if (rows.Count == 0) return null;
            var managerId = rows[0].GetAttributeValue<EntityReference>(SystemUserTable.ParentSystemUserId);
            if (managerId == null || managerId.Id == Guid.Empty) return null;
            var disabled = rows[0].GetAttributeValue<AliasedValue>(ManagerAlias + "." + SystemUserTable.IsDisabled)?.Value as bool?;
            var name = rows[0].GetAttributeValue<AliasedValue>(ManagerAlias + "." + SystemUserTable.FullName)?.Value as string;
            // A manager row that cannot be read (deleted user) counts as unable to approve.
            var found = rows[0].Contains(ManagerAlias + "." + SystemUserTable.Id);
            return new ApproverCandidate(managerId.Id, disabled == true || !found, name);
        }

        /// <summary>The user's full name, or their id when it cannot be read (1 RetrieveMultiple).</summary>
        internal string NameOf(Guid userId)
        {
            if (userId == Guid.Empty) return "—";
            var query = new QueryExpression(SystemUserTable.LogicalName) { ColumnSet = new ColumnSet(SystemUserTable.FullName), TopCount = 1 };
            query.Criteria.AddCondition(SystemUserTable.Id, ConditionOperator.Equal, userId);
            var rows = service.RetrieveMultiple(query).Entities;
            var name = rows.Count == 0 ? null : rows[0].GetAttributeValue<string>(SystemUserTable.FullName);
            return string.IsNullOrWhiteSpace(name) ? userId.ToString("D") : name;
        }

        /// <summary>
        /// True when <paramref name="principal"/> is an enabled user or an existing team — someone a
        /// record can be transferred to (1 RetrieveMultiple).
        /// </summary>
        internal bool IsActivePrincipal(EntityReference principal)
        {
            if (principal == null || principal.Id == Guid.Empty) return false;
            if (principal.LogicalName == SystemUserTable.LogicalName)
            {
                var query = new QueryExpression(SystemUserTable.LogicalName) { ColumnSet = new ColumnSet(SystemUserTable.IsDisabled), TopCount = 1 };
                query.Criteria.AddCondition(SystemUserTable.Id, ConditionOperator.Equal, principal.Id);
                var rows = service.RetrieveMultiple(query).Entities;
                return rows.Count > 0 && rows[0].GetAttributeValue<bool?>(SystemUserTable.IsDisabled) != true;
            }
            if (principal.LogicalName == TeamTable.LogicalName)
            {
                var query = new QueryExpression(TeamTable.LogicalName) { ColumnSet = new ColumnSet(TeamTable.Id), TopCount = 1 };
                query.Criteria.AddCondition(TeamTable.Id, ConditionOperator.Equal, principal.Id);
                return service.RetrieveMultiple(query).Entities.Count > 0;
            }
            return false;
        }
    }
}
