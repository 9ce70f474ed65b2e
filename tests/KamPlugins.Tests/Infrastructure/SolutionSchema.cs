using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace KamPlugins.Tests.Infrastructure
{
    /// <summary>The column types a solution's Entity.xml declares (attribute &lt;Type&gt;).</summary>
    public enum SolutionColumnType
    {
        /// <summary>primarykey.</summary>
        PrimaryKey,
        /// <summary>nvarchar (single line of text).</summary>
        String,
        /// <summary>ntext (multiple lines of text).</summary>
        Memo,
        /// <summary>lookup.</summary>
        Lookup,
        /// <summary>customer (account or contact).</summary>
        Customer,
        /// <summary>owner (systemuser or team).</summary>
        Owner,
        /// <summary>money.</summary>
        Money,
        /// <summary>datetime.</summary>
        DateTime,
        /// <summary>int.</summary>
        Integer,
        /// <summary>bigint / timestamp (versionnumber).</summary>
        BigInt,
        /// <summary>decimal.</summary>
        Decimal,
        /// <summary>float.</summary>
        Double,
        /// <summary>bit (two options).</summary>
        Boolean,
        /// <summary>picklist (choice).</summary>
        Picklist,
        /// <summary>state (statecode).</summary>
        State,
        /// <summary>status (statuscode).</summary>
        Status,
        /// <summary>uniqueidentifier.</summary>
        Uniqueidentifier,
        /// <summary>Anything else.</summary>
        Other,
    }

    /// <summary>One column as the shipped solution declares it.</summary>
    public sealed class SolutionColumn
    {
        internal SolutionColumn(string logicalName, SolutionColumnType type, IReadOnlyList<string> targets, IReadOnlyList<int> optionValues,
            IReadOnlyDictionary<int, int> statusToState, bool isRequired, int? maxLength, bool isDateOnly, string calculationOf)
        {
            LogicalName = logicalName;
            Type = type;
            Targets = targets;
            OptionValues = optionValues;
            StatusToState = statusToState;
            IsRequired = isRequired;
            MaxLength = maxLength;
            IsDateOnly = isDateOnly;
            CalculationOf = calculationOf;
        }

        /// <summary>Logical name.</summary>
        public string LogicalName { get; }

        /// <summary>Type.</summary>
        public SolutionColumnType Type { get; }

        /// <summary>Tables a lookup, customer or owner column may point to (empty for other types).</summary>
        public IReadOnlyList<string> Targets { get; }

        /// <summary>Valid values of a picklist, state, status or bit column (empty for other types).</summary>
        public IReadOnlyList<int> OptionValues { get; }

        /// <summary>For statuscode: the state each status belongs to.</summary>
        public IReadOnlyDictionary<int, int> StatusToState { get; }

        /// <summary>Business-required or system-required.</summary>
        public bool IsRequired { get; }

        /// <summary>Maximum length of a text column.</summary>
        public int? MaxLength { get; }

        /// <summary>A date-only datetime column (behaviour DateOnly).</summary>
        public bool IsDateOnly { get; }

        /// <summary>For a money column's base-currency twin: the column it is computed from.</summary>
        public string CalculationOf { get; }

        /// <inheritdoc />
        public override string ToString() => $"{LogicalName} ({Type}{(Targets.Count > 0 ? " → " + string.Join("|", Targets) : "")})";
    }

    /// <summary>One table of the shipped solution: a product table, or the columns the product adds to a Dynamics table.</summary>
    public sealed class SolutionTable
    {
        internal SolutionTable(string logicalName, bool isProductTable, string primaryIdAttribute, string primaryNameAttribute, string ownershipType,
            IReadOnlyDictionary<string, SolutionColumn> columns, IReadOnlyDictionary<int, string> labels)
        {
            LogicalName = logicalName;
            IsProductTable = isProductTable;
            PrimaryIdAttribute = primaryIdAttribute;
            PrimaryNameAttribute = primaryNameAttribute;
            OwnershipType = ownershipType;
            Columns = columns;
            Labels = labels;
        }

        /// <summary>Logical name.</summary>
        public string LogicalName { get; }

        /// <summary>True for the product's own tables (kam_…); false for a Dynamics table the solution only adds columns to.</summary>
        public bool IsProductTable { get; }

        /// <summary>Primary key column (null for a Dynamics table the solution only extends).</summary>
        public string PrimaryIdAttribute { get; }

        /// <summary>Primary name column (null for a Dynamics table the solution only extends).</summary>
        public string PrimaryNameAttribute { get; }

        /// <summary>UserOwned or OrgOwned (null for a Dynamics table the solution only extends).</summary>
        public string OwnershipType { get; }

        /// <summary>Columns by logical name (for an extended Dynamics table: only the added ones).</summary>
        public IReadOnlyDictionary<string, SolutionColumn> Columns { get; }

        /// <summary>Display name by language code (1033, 2052).</summary>
        public IReadOnlyDictionary<int, string> Labels { get; }

        /// <inheritdoc />
        public override string ToString() => LogicalName;
    }

    /// <summary>
    /// Reads the tables the product ships from the unpacked solution source (solution/src/Entities/*/Entity.xml and
    /// solution/src/Other/Relationships/*.xml): per table its primary id and name, and per column its type, lookup
    /// targets and valid option values. The emulator's metadata is fed from here, so tests run against exactly the
    /// tables the solution installs (one source of truth).
    /// </summary>
    public sealed class SolutionSchema
    {
        private static readonly Dictionary<string, string[]> SystemLookupTargets = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["ownerid"] = new[] { "systemuser", "team" },
            ["createdby"] = new[] { "systemuser" },
            ["modifiedby"] = new[] { "systemuser" },
            ["createdonbehalfby"] = new[] { "systemuser" },
            ["modifiedonbehalfby"] = new[] { "systemuser" },
            ["owninguser"] = new[] { "systemuser" },
            ["owningteam"] = new[] { "team" },
            ["owningbusinessunit"] = new[] { "businessunit" },
            ["organizationid"] = new[] { "organization" },
            ["transactioncurrencyid"] = new[] { "transactioncurrency" },
        };

        private SolutionSchema(IReadOnlyDictionary<string, SolutionTable> tables) => Tables = tables;

        /// <summary>Tables by logical name.</summary>
        public IReadOnlyDictionary<string, SolutionTable> Tables { get; }

        /// <summary>The product's own tables.</summary>
        public IEnumerable<SolutionTable> ProductTables => Tables.Values.Where(t => t.IsProductTable);

        /// <summary>The table (throws with the known names when it is not in the solution).</summary>
        public SolutionTable Table(string logicalName) =>
            Tables.TryGetValue(logicalName, out var t) ? t : throw new KeyNotFoundException($"The solution declares no table '{logicalName}' (it declares {string.Join(", ", Tables.Keys)}).");

        /// <summary>Loads solution/src of the repository the tests run in.</summary>
        public static SolutionSchema Load() => Load(Path.Combine(FindRepositoryRoot(), "solution", "src"));

        /// <summary>Loads an unpacked solution folder (the one holding Entities/ and Other/).</summary>
        public static SolutionSchema Load(string solutionSourceDirectory)
        {
            var entitiesDir = Path.Combine(solutionSourceDirectory, "Entities");
            if (!Directory.Exists(entitiesDir)) throw new DirectoryNotFoundException($"No Entities folder in {solutionSourceDirectory}.");
            var relationships = LoadRelationships(Path.Combine(solutionSourceDirectory, "Other", "Relationships"));
            var tables = new SortedDictionary<string, SolutionTable>(StringComparer.Ordinal);
            foreach (var file in Directory.GetFiles(entitiesDir, "Entity.xml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                var table = ReadTable(XElement.Load(file), relationships);
                tables[table.LogicalName] = table;
            }
            return new SolutionSchema(tables);
        }

        /// <summary>The repository root: the first folder above the test binaries that holds solution/src.</summary>
        public static string FindRepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, "solution", "src", "Entities"))) return dir.FullName;
            throw new DirectoryNotFoundException($"No solution/src/Entities above {AppContext.BaseDirectory}.");
        }

        private static Dictionary<(string, string), List<string>> LoadRelationships(string dir)
        {
            var map = new Dictionary<(string, string), List<string>>();
            if (!Directory.Exists(dir)) return map;
            foreach (var file in Directory.GetFiles(dir, "*.xml"))
                foreach (var r in XElement.Load(file).Elements("EntityRelationship"))
                {
                    var referencing = ((string)r.Element("ReferencingEntityName") ?? "").ToLowerInvariant();
                    var column = ((string)r.Element("ReferencingAttributeName") ?? "").ToLowerInvariant();
                    var referenced = ((string)r.Element("ReferencedEntityName") ?? "").ToLowerInvariant();
                    if (referencing.Length == 0 || column.Length == 0 || referenced.Length == 0) continue;
                    if (!map.TryGetValue((referencing, column), out var list)) map[(referencing, column)] = list = new List<string>();
                    if (!list.Contains(referenced)) list.Add(referenced);
                }
            return map;
        }

        private static SolutionTable ReadTable(XElement entity, Dictionary<(string, string), List<string>> relationships)
        {
            var info = entity.Element("EntityInfo")?.Element("entity") ?? throw new InvalidDataException("Entity.xml without EntityInfo/entity.");
            var logicalName = ((string)info.Attribute("Name")).ToLowerInvariant();
            var columns = new SortedDictionary<string, SolutionColumn>(StringComparer.Ordinal);
            string primaryId = null, primaryName = null;
            foreach (var a in info.Element("attributes")?.Elements("attribute") ?? Enumerable.Empty<XElement>())
            {
                var column = ReadColumn(logicalName, a, relationships);
                columns[column.LogicalName] = column;
                if (column.Type == SolutionColumnType.PrimaryKey) primaryId = column.LogicalName;
                if (((string)a.Element("DisplayMask") ?? "").Split('|').Contains("PrimaryName")) primaryName = column.LogicalName;
            }
            var labels = (info.Element("LocalizedNames")?.Elements("LocalizedName") ?? Enumerable.Empty<XElement>())
                .ToDictionary(l => (int)l.Attribute("languagecode"), l => (string)l.Attribute("description"));
            return new SolutionTable(logicalName, primaryId != null && logicalName.StartsWith("kam_", StringComparison.Ordinal), primaryId, primaryName,
                (string)info.Element("OwnershipTypeMask"), columns, labels);
        }

        private static SolutionColumn ReadColumn(string table, XElement a, Dictionary<(string, string), List<string>> relationships)
        {
            var name = ((string)a.Element("LogicalName") ?? (string)a.Attribute("PhysicalName")).ToLowerInvariant();
            var type = TypeOf((string)a.Element("Type"));
            IReadOnlyList<string> targets = Array.Empty<string>();
            if (type == SolutionColumnType.Lookup || type == SolutionColumnType.Owner || type == SolutionColumnType.Customer)
                targets = relationships.TryGetValue((table, name), out var list) ? list.ToArray()
                    : SystemLookupTargets.TryGetValue(name, out var system) ? system
                    : type == SolutionColumnType.Customer ? new[] { "account", "contact" } : Array.Empty<string>();
            var optionSet = a.Element("optionset");
            var values = new List<int>();
            var statusToState = new Dictionary<int, int>();
            if (optionSet != null)
            {
                values.AddRange(optionSet.Descendants("option").Select(o => (int)o.Attribute("value")));
                values.AddRange(optionSet.Descendants("state").Select(o => (int)o.Attribute("value")));
                foreach (var s in optionSet.Descendants("status"))
                {
                    values.Add((int)s.Attribute("value"));
                    statusToState[(int)s.Attribute("value")] = (int)s.Attribute("state");
                }
            }
            var required = (string)a.Element("RequiredLevel") is "required" or "systemrequired" or "applicationrequired";
            var maxLength = a.Element("MaxLength") is XElement m ? (int?)int.Parse(m.Value) : null;
            var dateOnly = type == SolutionColumnType.DateTime && ((string)a.Element("Behavior") == "2" || string.Equals((string)a.Element("Format"), "date", StringComparison.OrdinalIgnoreCase));
            return new SolutionColumn(name, type, targets, values, statusToState, required, maxLength, dateOnly, (string)a.Element("CalculationOf"));
        }

        private static SolutionColumnType TypeOf(string type) => (type ?? "").ToLowerInvariant() switch
        {
            "primarykey" => SolutionColumnType.PrimaryKey,
            "nvarchar" or "varchar" or "char" or "nchar" => SolutionColumnType.String,
            "ntext" or "text" => SolutionColumnType.Memo,
            "lookup" => SolutionColumnType.Lookup,
            "customer" => SolutionColumnType.Customer,
            "owner" => SolutionColumnType.Owner,
            "money" => SolutionColumnType.Money,
            "datetime" => SolutionColumnType.DateTime,
            "int" or "smallint" or "tinyint" => SolutionColumnType.Integer,
            "bigint" or "timestamp" => SolutionColumnType.BigInt,
            "decimal" or "numeric" => SolutionColumnType.Decimal,
            "float" or "real" => SolutionColumnType.Double,
            "bit" => SolutionColumnType.Boolean,
            "picklist" => SolutionColumnType.Picklist,
            "state" => SolutionColumnType.State,
            "status" => SolutionColumnType.Status,
            "uniqueidentifier" => SolutionColumnType.Uniqueidentifier,
            _ => SolutionColumnType.Other,
        };
    }
}
