using System;
using System.Collections.Generic;
using System.Linq;

namespace Dataverse.Emulator.Metadata
{
    /// <summary>
    /// Defines or extends a table fluently:
    /// <c>org.Metadata.Table("kam_contract", t =&gt; t.PrimaryName("kam_name").Money("kam_value").Lookup("kam_customerid", "account"))</c>.
    /// Every method returns the builder. Defining a column that exists with the same type is a no-op
    /// (so product tests can extend built-in tables with their own columns).
    /// </summary>
    public sealed class TableBuilder
    {
        private readonly MetadataCatalog catalog;

        internal TableBuilder(MetadataCatalog catalog, TableDefinition table)
        {
            this.catalog = catalog;
            Definition = table;
        }

        /// <summary>The table being defined.</summary>
        public TableDefinition Definition { get; }

        /// <summary>Adds the primary name column (single line of text) and marks it primary.</summary>
        public TableBuilder PrimaryName(string column, int maxLength = 100)
        {
            String(column, maxLength);
            Definition.PrimaryNameColumn = column;
            return this;
        }

        /// <summary>Adds a single-line text column.</summary>
        public TableBuilder String(string column, int? maxLength = null)
        {
            var c = Definition.AddColumn(column, ColumnType.String);
            c.MaxLength = maxLength ?? c.MaxLength;
            return this;
        }

        /// <summary>Adds a multi-line text column.</summary>
        public TableBuilder Memo(string column, int? maxLength = null)
        {
            var c = Definition.AddColumn(column, ColumnType.Memo);
            c.MaxLength = maxLength ?? c.MaxLength;
            return this;
        }

        /// <summary>Adds a whole number column.</summary>
        public TableBuilder Integer(string column) => Add(column, ColumnType.Integer);

        /// <summary>Adds a big integer column.</summary>
        public TableBuilder BigInt(string column) => Add(column, ColumnType.BigInt);

        /// <summary>Adds a decimal column.</summary>
        public TableBuilder Decimal(string column) => Add(column, ColumnType.Decimal);

        /// <summary>Adds a floating point column.</summary>
        public TableBuilder Double(string column) => Add(column, ColumnType.Double);

        /// <summary>Adds a currency column.</summary>
        public TableBuilder Money(string column) => Add(column, ColumnType.Money);

        /// <summary>Adds a yes/no column; Create stores <paramref name="defaultValue"/> when the request leaves it out.</summary>
        public TableBuilder Bool(string column, bool defaultValue = false)
        {
            Definition.AddColumn(column, ColumnType.Boolean).DefaultValue = defaultValue;
            return this;
        }

        /// <summary>Adds a date and time column (stored as UTC).</summary>
        public TableBuilder DateTime(string column) => Add(column, ColumnType.DateTime);

        /// <summary>Adds a unique identifier column.</summary>
        public TableBuilder Guid(string column) => Add(column, ColumnType.UniqueIdentifier);

        /// <summary>Adds a lookup to one or more tables, each with a 1:N relationship of default cascades (NoCascade assign, RemoveLink delete).</summary>
        public TableBuilder Lookup(string column, params string[] targets)
        {
            if (targets == null || targets.Length == 0) throw new ArgumentException("A lookup needs at least one target table.", nameof(targets));
            Definition.AddColumn(column, ColumnType.Lookup).AddTargets(targets);
            foreach (var target in targets)
            {
                catalog.EnsureRelationship(target, Definition.LogicalName, column);
            }

            return this;
        }

        /// <summary>Adds a lookup to one table and configures the relationship's cascades.</summary>
        public TableBuilder Lookup(string column, string target, Action<RelationshipDefinition> relationship)
        {
            Lookup(column, target);
            relationship?.Invoke(catalog.EnsureRelationship(target, Definition.LogicalName, column));
            return this;
        }

        /// <summary>Adds a customer column (account or contact), with cascades applied to both relationships.</summary>
        public TableBuilder Customer(string column, Action<RelationshipDefinition> relationship = null)
        {
            Definition.AddColumn(column, ColumnType.Customer).AddTargets(new[] { "account", "contact" });
            foreach (var target in new[] { "account", "contact" })
            {
                var r = catalog.EnsureRelationship(target, Definition.LogicalName, column);
                relationship?.Invoke(r);
            }

            return this;
        }

        /// <summary>Adds an owner-type lookup (systemuser or team), e.g. goal.goalownerid.</summary>
        public TableBuilder OwnerLookup(string column)
        {
            Definition.AddColumn(column, ColumnType.Owner).AddTargets(new[] { "systemuser", "team" });
            return this;
        }

        /// <summary>Adds a choice column; <paramref name="validValues"/> empty: any value is accepted.</summary>
        public TableBuilder Choice(string column, params int[] validValues)
        {
            var c = Definition.AddColumn(column, ColumnType.Choice);
            if (validValues != null && validValues.Length > 0) c.SetOptionValues(validValues);
            return this;
        }

        /// <summary>Adds a choice column whose valid values are the members of <typeparamref name="TEnum"/>.</summary>
        public TableBuilder Choice<TEnum>(string column) where TEnum : struct, Enum =>
            Choice(column, Enum.GetValues(typeof(TEnum)).Cast<object>().Select(Convert.ToInt32).ToArray());

        /// <summary>Adds a multi-select choice column.</summary>
        public TableBuilder MultiChoice(string column, params int[] validValues)
        {
            var c = Definition.AddColumn(column, ColumnType.MultiChoice);
            if (validValues != null && validValues.Length > 0) c.SetOptionValues(validValues);
            return this;
        }

        /// <summary>Marks a column system-required (a null value fails with InvalidArgument).</summary>
        public TableBuilder Required(string column)
        {
            RequireColumn(column).IsRequired = true;
            return this;
        }

        /// <summary>Sets the value Create stores when the request leaves the column out.</summary>
        public TableBuilder Default(string column, object value)
        {
            RequireColumn(column).DefaultValue = value;
            return this;
        }

        /// <summary>Sets a text column's maximum length.</summary>
        public TableBuilder MaxLength(string column, int maxLength)
        {
            RequireColumn(column).MaxLength = maxLength;
            return this;
        }

        /// <summary>Makes the table organization owned (removes the owner columns).</summary>
        public TableBuilder OrganizationOwned()
        {
            Definition.Ownership = OwnershipType.OrganizationOwned;
            foreach (var c in new[] { "ownerid", "owninguser", "owningteam", "owningbusinessunit" })
            {
                Definition.RemoveColumn(c);
            }

            return this;
        }

        /// <summary>
        /// Replaces the table's states: <c>States((0, "Active", 1, new[] { 1 }), (1, "Inactive", 2, new[] { 2 }))</c>.
        /// </summary>
        public TableBuilder States(params (int State, string Name, int DefaultStatus, int[] Statuses)[] states)
        {
            Definition.ClearStates();
            foreach (var s in states)
            {
                State(s.State, s.Name, s.DefaultStatus, s.Statuses);
            }

            return this;
        }

        /// <summary>Adds (or replaces) one state with its default status and valid statuses.</summary>
        public TableBuilder State(int state, string name, int defaultStatus, params int[] statuses)
        {
            var all = (statuses ?? Array.Empty<int>()).Concat(new[] { defaultStatus }).Distinct();
            Definition.AddState(new StateDefinition(state, name, defaultStatus, all));
            Definition.AddColumn("statecode", ColumnType.State).IsWritable = true;
            Definition.AddColumn("statuscode", ColumnType.Status).IsWritable = true;
            return this;
        }

        /// <summary>Removes statecode/statuscode (intersect and configuration tables).</summary>
        public TableBuilder NoState()
        {
            Definition.ClearStates();
            Definition.RemoveColumn("statecode");
            Definition.RemoveColumn("statuscode");
            return this;
        }

        /// <summary>Adds an alternate key over <paramref name="columns"/>.</summary>
        public TableBuilder AlternateKey(string name, params string[] columns)
        {
            if (columns == null || columns.Length == 0) throw new ArgumentException("A key needs columns.", nameof(columns));
            foreach (var c in columns) RequireColumn(c);
            Definition.AddKey(new AlternateKeyDefinition(name, columns.ToList()));
            return this;
        }

        /// <summary>Enables or disables optimistic concurrency (IfRowVersionMatches).</summary>
        public TableBuilder OptimisticConcurrency(bool enabled)
        {
            Definition.IsOptimisticConcurrencyEnabled = enabled;
            return this;
        }

        /// <summary>Configures the cascades of the relationship from <paramref name="referencedTable"/> through this table's <paramref name="column"/>.</summary>
        public TableBuilder Cascade(string column, string referencedTable, CascadeType? assign = null, CascadeType? delete = null, CascadeType? merge = null)
        {
            var r = catalog.FindRelationship(referencedTable, Definition.LogicalName, column)
                ?? throw new InvalidOperationException($"{Definition.LogicalName}.{column} is not a lookup to {referencedTable}.");
            if (assign.HasValue) r.Assign = assign.Value;
            if (delete.HasValue) r.Delete = delete.Value;
            if (merge.HasValue) r.Merge = merge.Value;
            return this;
        }

        private TableBuilder Add(string column, ColumnType type)
        {
            Definition.AddColumn(column, type);
            return this;
        }

        private ColumnDefinition RequireColumn(string column) =>
            Definition.Column(column) ?? throw new InvalidOperationException($"Table {Definition.LogicalName} has no column {column}; define it first.");
    }
}
