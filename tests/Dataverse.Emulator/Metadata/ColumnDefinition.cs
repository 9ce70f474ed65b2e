using System;
using System.Collections.Generic;
using System.Linq;

namespace Dataverse.Emulator.Metadata
{
    /// <summary>One column of a table: its type and the rules the platform enforces on its values.</summary>
    public sealed class ColumnDefinition
    {
        private readonly List<string> targets = new List<string>();
        private HashSet<int> optionValues;

        internal ColumnDefinition(string logicalName, ColumnType type)
        {
            LogicalName = logicalName;
            Type = type;
        }

        /// <summary>The column's logical name.</summary>
        public string LogicalName { get; }

        /// <summary>The column's type.</summary>
        public ColumnType Type { get; }

        /// <summary>Lookup, customer and owner columns: the tables a value may point to.</summary>
        public IReadOnlyList<string> Targets => targets;

        /// <summary>Choice columns: the valid values (null: any value is accepted).</summary>
        public IReadOnlyCollection<int> OptionValues => optionValues;

        /// <summary>Text columns: the maximum length (null: unlimited).</summary>
        public int? MaxLength { get; internal set; }

        /// <summary>System-required: the platform refuses a null value (InvalidArgument).</summary>
        public bool IsRequired { get; internal set; }

        /// <summary>The value a Create stores when the request does not set the column (null: none).</summary>
        public object DefaultValue { get; internal set; }

        /// <summary>False for columns the platform maintains (createdon, versionnumber, ...): values in requests are ignored.</summary>
        public bool IsWritable { get; internal set; } = true;

        /// <summary>True when the column is the table's primary key.</summary>
        public bool IsPrimaryId { get; internal set; }

        /// <summary>True for a lookup type (Lookup, Customer, Owner).</summary>
        public bool IsLookup => Type == ColumnType.Lookup || Type == ColumnType.Customer || Type == ColumnType.Owner;

        internal void AddTargets(IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                if (!targets.Contains(name, StringComparer.Ordinal))
                {
                    targets.Add(name);
                }
            }
        }

        internal void SetOptionValues(IEnumerable<int> values)
        {
            optionValues = values == null ? null : new HashSet<int>(values);
        }

        /// <inheritdoc />
        public override string ToString() => $"{LogicalName} ({Type})";
    }
}
