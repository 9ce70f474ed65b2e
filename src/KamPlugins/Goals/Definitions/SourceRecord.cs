using System;
using System.Collections.Generic;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Goals.Definitions
{
    /// <summary>
    /// A source record (opportunity, kam_contract, any table a metric names) as the goal engine sees
    /// it: the columns that were read, a read column without a value being null. Immutable.
    /// </summary>
    internal sealed class SourceRecord
    {
        private readonly Dictionary<string, object> columns;
        private readonly HashSet<string> read;

        /// <summary>Creates a snapshot from the columns read (<paramref name="readColumns"/>) and their values.</summary>
        internal SourceRecord(string logicalName, Guid id, IEnumerable<string> readColumns, IEnumerable<KeyValuePair<string, object>> values)
        {
            LogicalName = logicalName ?? throw new ArgumentNullException(nameof(logicalName));
            Id = id;
            read = new HashSet<string>(readColumns ?? Array.Empty<string>(), StringComparer.Ordinal);
            columns = new Dictionary<string, object>(StringComparer.Ordinal);
            if (values != null)
                foreach (var pair in values)
                    if (pair.Value != null) columns[pair.Key] = pair.Value;
        }

        internal string LogicalName { get; }
        internal Guid Id { get; }

        /// <summary>The owner (user or team), when read and set.</summary>
        internal EntityReference Owner => Get(CommonColumns.OwnerId) as EntityReference;

        /// <summary>statecode, when read and set.</summary>
        internal int? State => AsInt(Get(CommonColumns.StateCode));

        /// <summary>statuscode, when read and set.</summary>
        internal int? Status => AsInt(Get(CommonColumns.StatusCode));

        /// <summary>True when the column was read (its value, possibly null, is known).</summary>
        internal bool HasRead(string column) => read.Contains(column);

        /// <summary>The column's value (null when empty or not read).</summary>
        internal object Get(string column) => column != null && columns.TryGetValue(column, out var value) ? value : null;

        /// <summary>The columns that were read.</summary>
        internal IEnumerable<string> ReadColumns => read;

        private static int? AsInt(object value)
        {
            switch (value)
            {
                case OptionSetValue option: return option.Value;
                case int number: return number;
                default: return null;
            }
        }
    }
}
