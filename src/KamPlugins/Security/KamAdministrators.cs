using System;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Security
{
    /// <summary>
    /// Who is a KAM administrator: a member of the team named by the kam_KamAdministratorsTeam
    /// environment variable. Decided for the pipeline's initiating user, never for the step's user.
    /// </summary>
    public static class KamAdministrators
    {
        /// <summary>True when <paramref name="userId"/> is a member of the team (1 RetrieveMultiple).</summary>
        public static bool IsMember(IOrganizationService systemService, Guid userId, string teamName)
        {
            if (systemService == null) throw new ArgumentNullException(nameof(systemService));
            if (userId == Guid.Empty || string.IsNullOrWhiteSpace(teamName)) return false;
            var query = new QueryExpression(TeamMembershipTable.LogicalName)
            {
                ColumnSet = new ColumnSet(TeamMembershipTable.TeamId),
                TopCount = 1,
            };
            query.Criteria.AddCondition(TeamMembershipTable.SystemUserId, ConditionOperator.Equal, userId);
            var team = query.AddLink(TeamTable.LogicalName, TeamMembershipTable.TeamId, TeamTable.Id);
            team.LinkCriteria.AddCondition(TeamTable.Name, ConditionOperator.Equal, teamName);
            return systemService.RetrieveMultiple(query).Entities.Count > 0;
        }

        /// <summary>The id of the KAM administrators team, or null when no team has that name (1 RetrieveMultiple).</summary>
        public static Guid? FindTeam(IOrganizationService systemService, string teamName)
        {
            if (systemService == null) throw new ArgumentNullException(nameof(systemService));
            if (string.IsNullOrWhiteSpace(teamName)) return null;
            var query = new QueryExpression(TeamTable.LogicalName) { ColumnSet = new ColumnSet(TeamTable.Id), TopCount = 1 };
            query.Criteria.AddCondition(TeamTable.Name, ConditionOperator.Equal, teamName);
            var rows = systemService.RetrieveMultiple(query).Entities;
            return rows.Count > 0 ? rows[0].Id : (Guid?)null;
        }
    }
}
