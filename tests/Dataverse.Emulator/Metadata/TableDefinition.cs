using System;
using System.Collections.Generic;
using System.Linq;

namespace Dataverse.Emulator.Metadata
{
    /// <summary>One state (statecode value) of a table with its status reasons.</summary>
    public sealed class StateDefinition
    {
        internal StateDefinition(int value, string name, int defaultStatus, IEnumerable<int> statuses)
        {
            Value = value;
            Name = name;
            DefaultStatus = defaultStatus;
            Statuses = statuses.Distinct().ToList();
        }

        /// <summary>The statecode value.</summary>
        public int Value { get; }

        /// <summary>The state's label (Active, Inactive, Open, Won, ...).</summary>
        public string Name { get; }

        /// <summary>The status a record gets when it enters the state without a status (-1 in SetState).</summary>
        public int DefaultStatus { get; }

        /// <summary>The statuscode values valid with this state.</summary>
        public IReadOnlyList<int> Statuses { get; }
    }

    /// <summary>An alternate key: columns whose values identify one row.</summary>
    public sealed class AlternateKeyDefinition
    {
        internal AlternateKeyDefinition(string name, IReadOnlyList<string> columns)
        {
            Name = name;
            Columns = columns;
        }

        /// <summary>The key's logical name.</summary>
        public string Name { get; }

        /// <summary>The key columns.</summary>
        public IReadOnlyList<string> Columns { get; }
    }

    /// <summary>A table's metadata: columns, primary id and name, ownership, states and keys.</summary>
    public sealed class TableDefinition
    {
        private readonly Dictionary<string, ColumnDefinition> columns = new Dictionary<string, ColumnDefinition>(StringComparer.Ordinal);
        private readonly List<StateDefinition> states = new List<StateDefinition>();
        private readonly List<AlternateKeyDefinition> keys = new List<AlternateKeyDefinition>();

        internal TableDefinition(string logicalName, string primaryIdColumn)
        {
            LogicalName = logicalName;
            PrimaryIdColumn = primaryIdColumn;
        }

        /// <summary>The table's logical name.</summary>
        public string LogicalName { get; }

        /// <summary>The primary key column (e.g. accountid).</summary>
        public string PrimaryIdColumn { get; }

        /// <summary>The primary name column (e.g. name), or null.</summary>
        public string PrimaryNameColumn { get; internal set; }

        /// <summary>User/team owned or organization owned.</summary>
        public OwnershipType Ownership { get; internal set; } = OwnershipType.UserOwned;

        /// <summary>True when the table has statecode/statuscode.</summary>
        public bool HasState => states.Count > 0;

        /// <summary>Optimistic concurrency (RowVersion with IfRowVersionMatches) is enabled.</summary>
        public bool IsOptimisticConcurrencyEnabled { get; internal set; } = true;

        /// <summary>The columns, by logical name.</summary>
        public IReadOnlyDictionary<string, ColumnDefinition> Columns => columns;

        /// <summary>The states and their status reasons.</summary>
        public IReadOnlyList<StateDefinition> States => states;

        /// <summary>The alternate keys.</summary>
        public IReadOnlyList<AlternateKeyDefinition> AlternateKeys => keys;

        /// <summary>The column, or null when the table has no such column.</summary>
        public ColumnDefinition Column(string logicalName) =>
            logicalName != null && columns.TryGetValue(logicalName, out var column) ? column : null;

        /// <summary>The state definition of a statecode value, or null.</summary>
        public StateDefinition State(int value) => states.FirstOrDefault(s => s.Value == value);

        /// <summary>The state a status belongs to, or null.</summary>
        public StateDefinition StateOfStatus(int status) => states.FirstOrDefault(s => s.Statuses.Contains(status));

        internal ColumnDefinition AddColumn(string logicalName, ColumnType type)
        {
            if (string.IsNullOrWhiteSpace(logicalName)) throw new ArgumentException("A column needs a logical name.", nameof(logicalName));
            if (columns.TryGetValue(logicalName, out var existing))
            {
                if (existing.Type != type)
                {
                    throw new InvalidOperationException($"Column {LogicalName}.{logicalName} is already defined as {existing.Type}, not {type}.");
                }

                return existing;
            }

            var column = new ColumnDefinition(logicalName, type);
            columns.Add(logicalName, column);
            return column;
        }

        internal void RemoveColumn(string logicalName) => columns.Remove(logicalName);

        internal void ClearStates() => states.Clear();

        internal void AddState(StateDefinition state)
        {
            states.RemoveAll(s => s.Value == state.Value);
            states.Add(state);
            states.Sort((a, b) => a.Value.CompareTo(b.Value));
        }

        internal void AddKey(AlternateKeyDefinition key)
        {
            keys.RemoveAll(k => k.Name == key.Name);
            keys.Add(key);
        }

        /// <inheritdoc />
        public override string ToString() => LogicalName;
    }
}
