using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator;
using Dataverse.Emulator.Metadata;
using Dataverse.Emulator.Principals;
using KamPlugins.Model;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Tests.Infrastructure
{
    /// <summary>
    /// An emulated organisation running KamPlugins as it is deployed: the built-in tables, the product's
    /// tables and columns from the solution source (solution/src/Entities), every plugin step declared
    /// with [PluginStep] and every custom API, the KAM administrators team, and helpers to add people.
    /// <code>
    /// var kam = new KamOrganization(profile);
    /// var manager = kam.User("Wang Wei");
    /// var rep = kam.User("Li Na", manager, LocalizedText.SimplifiedChinese);
    /// kam.As(rep).Create(...);
    /// </code>
    /// </summary>
    public sealed class KamOrganization
    {
        private static readonly Lazy<SolutionSchema> LoadedSchema = new Lazy<SolutionSchema>(SolutionSchema.Load);

        /// <summary>Builds the organisation under <paramref name="profile"/> (baseline when null).</summary>
        /// <param name="profile">The platform profile.</param>
        /// <param name="configure">Changes the emulator options before it is built (clock, lock timeout, ...).</param>
        public KamOrganization(PlatformProfile profile = null, Action<EmulatorOptions> configure = null)
        {
            var options = new EmulatorOptions { Profile = profile ?? PlatformProfile.Baseline };
            configure?.Invoke(options);
            Org = new DataverseEmulator(options);
            ProductSchema.AddTo(Org.Metadata, Schema);
            Org.RegisterPluginsFrom(typeof(PluginBase).Assembly);
            Org.RegisterCustomApis();
            KamAdministrators = Org.Teams.Add(EnvironmentVariables.DefaultKamAdministratorsTeam);
        }

        /// <summary>The product's tables and columns as the solution declares them (loaded once).</summary>
        public static SolutionSchema Schema => LoadedSchema.Value;

        /// <summary>The emulator.</summary>
        public DataverseEmulator Org { get; }

        /// <summary>The team named by the default of kam_KamAdministratorsTeam (empty until members are added).</summary>
        public Team KamAdministrators { get; }

        /// <summary>The clock (the operations' OperationCreatedOn).</summary>
        public EmulatorClock Clock => Org.Clock;

        /// <summary>Adds a user with a manager and a UI language (1033 English, 2052 Simplified Chinese).</summary>
        public User User(string fullName, User manager = null, int uiLanguage = 1033) => Org.Users.Add(fullName, manager: manager, uiLanguage: uiLanguage);

        /// <summary>Adds a user who is a member of the KAM administrators team.</summary>
        public User KamAdministrator(string fullName, User manager = null, int uiLanguage = 1033)
        {
            var user = User(fullName, manager, uiLanguage);
            KamAdministrators.AddMembers(user);
            return user;
        }

        /// <summary>A client acting as <paramref name="user"/>.</summary>
        public IOrganizationService As(User user) => Org.ServiceFor(user);

        /// <summary>
        /// Sets an environment variable's current value (creating its definition with the product's
        /// default when it does not exist), as an administrator does in the solution.
        /// </summary>
        public void SetEnvironmentVariable(string schemaName, string value, string defaultValue = null)
        {
            var definition = Org.All(EnvironmentVariableDefinitionTable.LogicalName)
                .FirstOrDefault(d => string.Equals(d.GetAttributeValue<string>(EnvironmentVariableDefinitionTable.SchemaName), schemaName, StringComparison.OrdinalIgnoreCase));
            Guid definitionId;
            if (definition == null)
            {
                var row = new Entity(EnvironmentVariableDefinitionTable.LogicalName) { [EnvironmentVariableDefinitionTable.SchemaName] = schemaName };
                if (defaultValue != null) row[EnvironmentVariableDefinitionTable.DefaultValue] = defaultValue;
                definitionId = Org.Seed(row);
            }
            else
            {
                definitionId = definition.Id;
            }
            Org.AdminService.Create(new Entity(EnvironmentVariableValueTable.LogicalName)
            {
                [EnvironmentVariableValueTable.DefinitionId] = new EntityReference(EnvironmentVariableDefinitionTable.LogicalName, definitionId),
                [EnvironmentVariableValueTable.Value] = value,
                ["schemaname"] = schemaName,
            });
        }

        /// <summary>The guard events written so far (committed).</summary>
        public IReadOnlyList<Entity> GuardEvents => Org.All(GuardEventTable.LogicalName);
    }

    /// <summary>Adds the product's tables and columns (every kam_ column of the solution source) to an emulator's metadata.</summary>
    public static class ProductSchema
    {
        /// <summary>Adds <paramref name="schema"/>'s kam_ tables and kam_ columns of standard tables to <paramref name="metadata"/>.</summary>
        public static void AddTo(MetadataCatalog metadata, SolutionSchema schema)
        {
            if (metadata == null) throw new ArgumentNullException(nameof(metadata));
            if (schema == null) throw new ArgumentNullException(nameof(schema));
            foreach (var table in schema.Tables.Values)
            {
                var columns = table.Columns.Values.Where(c => c.LogicalName.StartsWith("kam_", StringComparison.Ordinal) && c.Type != SolutionColumnType.PrimaryKey).ToList();
                if (!table.IsProductTable && !metadata.Contains(table.LogicalName)) continue;
                metadata.Table(table.LogicalName, t =>
                {
                    if (table.IsProductTable && string.Equals(table.OwnershipType, "OrgOwned", StringComparison.OrdinalIgnoreCase)) t.OrganizationOwned();
                    foreach (var column in columns) AddColumn(t, table, column);
                });
            }
        }

        private static void AddColumn(TableBuilder t, SolutionTable table, SolutionColumn column)
        {
            var name = column.LogicalName;
            switch (column.Type)
            {
                case SolutionColumnType.String:
                    if (name == table.PrimaryNameAttribute) t.PrimaryName(name, column.MaxLength ?? 100);
                    else t.String(name, column.MaxLength);
                    break;
                case SolutionColumnType.Memo: t.Memo(name, column.MaxLength); break;
                case SolutionColumnType.Lookup:
                    if (column.Targets.Count > 0) t.Lookup(name, column.Targets.ToArray());
                    break;
                case SolutionColumnType.Customer: t.Customer(name); break;
                case SolutionColumnType.Owner: t.OwnerLookup(name); break;
                case SolutionColumnType.Money: t.Money(name); break;
                case SolutionColumnType.DateTime: t.DateTime(name); break;
                case SolutionColumnType.Integer: t.Integer(name); break;
                case SolutionColumnType.BigInt: t.BigInt(name); break;
                case SolutionColumnType.Decimal: t.Decimal(name); break;
                case SolutionColumnType.Double: t.Double(name); break;
                case SolutionColumnType.Boolean: t.Bool(name); break;
                case SolutionColumnType.Picklist: t.Choice(name, column.OptionValues.ToArray()); break;
                case SolutionColumnType.Uniqueidentifier: t.Guid(name); break;
            }
        }
    }
}
