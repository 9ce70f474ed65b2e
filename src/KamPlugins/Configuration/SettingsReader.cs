using System;
using System.Collections.Generic;
using KamPlugins.Model;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Configuration
{
    /// <summary>Reads the product's environment variables: one query, whatever their number.</summary>
    public static class SettingsReader
    {
        private static readonly string[] SchemaNames =
        {
            EnvironmentVariables.WinApprovalThreshold,
            EnvironmentVariables.LossVerificationThreshold,
            EnvironmentVariables.SecondLevelThreshold,
            EnvironmentVariables.ThirdLevelThreshold,
            EnvironmentVariables.OpportunityLockThreshold,
            EnvironmentVariables.ApprovalExpiryDays,
            EnvironmentVariables.KamAdministratorsTeam,
        };

        private const string ValueAlias = "v";

        /// <summary>Reads the settings (1 RetrieveMultiple as SYSTEM) and traces any fallback.</summary>
        public static KamSettings Read(LocalPluginContext context)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            var settings = Read(context.SystemService);
            foreach (var warning in settings.Warnings) context.Trace("settings: {0}", warning);
            return settings;
        }

        /// <summary>Reads the settings with the given service (1 RetrieveMultiple).</summary>
        public static KamSettings Read(IOrganizationService service)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            var query = new QueryExpression(EnvironmentVariableDefinitionTable.LogicalName)
            {
                ColumnSet = new ColumnSet(EnvironmentVariableDefinitionTable.SchemaName, EnvironmentVariableDefinitionTable.DefaultValue),
            };
            query.Criteria.AddCondition(EnvironmentVariableDefinitionTable.SchemaName, ConditionOperator.In, SchemaNames);
            var value = query.AddLink(
                EnvironmentVariableValueTable.LogicalName,
                EnvironmentVariableDefinitionTable.Id,
                EnvironmentVariableValueTable.DefinitionId,
                JoinOperator.LeftOuter);
            value.EntityAlias = ValueAlias;
            value.Columns = new ColumnSet(EnvironmentVariableValueTable.Value);

            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in service.RetrieveMultiple(query).Entities)
            {
                var schema = row.GetAttributeValue<string>(EnvironmentVariableDefinitionTable.SchemaName);
                if (schema == null) continue;
                var current = row.GetAttributeValue<AliasedValue>(ValueAlias + "." + EnvironmentVariableValueTable.Value)?.Value as string;
                values[schema] = !string.IsNullOrWhiteSpace(current) ? current : row.GetAttributeValue<string>(EnvironmentVariableDefinitionTable.DefaultValue);
            }
            return KamSettings.FromValues(values);
        }
    }
}
