using System;
using System.Collections.Generic;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Guard
{
    /// <summary>
    /// A guarded record's lock columns (<see cref="LockedTables.Columns"/>) as known before or after an
    /// operation. Immutable; a column not held is null (the builder decides whether that is known).
    /// </summary>
    internal sealed class LockedRecord
    {
        private readonly Dictionary<string, object> values;

        // Known columns: a retrieved row knows every lock column (absent = null); an image or a target
        // knows only what it holds (an image leaves out null and unreadable columns alike).
        private readonly HashSet<string> known;

        private LockedRecord(EntityReference reference, Dictionary<string, object> values, HashSet<string> known, bool isComplete)
        {
            Reference = reference;
            this.values = values;
            this.known = known;
            IsComplete = isComplete;
        }

        /// <summary>The record.</summary>
        internal EntityReference Reference { get; }

        /// <summary>The table's logical name.</summary>
        internal string Table => Reference.LogicalName;

        /// <summary>
        /// The lock columns of <paramref name="row"/>; null values are not held. With
        /// <paramref name="complete"/> (a row retrieved with every lock column, or a Create target, which is
        /// the whole record) a column not held is known to be empty; otherwise (an image) it is unknown.
        /// </summary>
        internal static LockedRecord FromRow(EntityReference reference, Entity row, bool complete = false)
        {
            if (reference == null) throw new ArgumentNullException(nameof(reference));
            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            var known = new HashSet<string>(StringComparer.Ordinal);
            if (row != null)
                foreach (var column in LockedTables.Columns(reference.LogicalName))
                    if (row.Attributes.TryGetValue(column, out var value))
                    {
                        known.Add(column);
                        if (value != null) values[column] = value;
                    }
            return new LockedRecord(reference, values, known, complete);
        }

        /// <summary>True when every lock column is known (the record was read, or is being created).</summary>
        internal bool IsComplete { get; }

        /// <summary>True when each of <paramref name="columns"/> is known (held, or known to be empty).</summary>
        internal bool Knows(IEnumerable<string> columns)
        {
            if (IsComplete) return true;
            foreach (var column in columns)
                if (!known.Contains(column)) return false;
            return true;
        }

        /// <summary>The record after <paramref name="target"/> is applied: its lock columns replace these (null clears).</summary>
        internal LockedRecord Overlay(Entity target)
        {
            var copy = new Dictionary<string, object>(values, StringComparer.Ordinal);
            var knownCopy = new HashSet<string>(known, StringComparer.Ordinal);
            if (target != null)
                foreach (var column in LockedTables.Columns(Table))
                    if (target.Attributes.TryGetValue(column, out var value))
                    {
                        knownCopy.Add(column);
                        if (value == null) copy.Remove(column);
                        else copy[column] = value;
                    }
            return new LockedRecord(Reference, copy, knownCopy, IsComplete);
        }

        /// <summary>A copy with one column set (null clears it).</summary>
        internal LockedRecord With(string column, object value)
        {
            var copy = new Dictionary<string, object>(values, StringComparer.Ordinal);
            var knownCopy = new HashSet<string>(known, StringComparer.Ordinal) { column };
            if (value == null) copy.Remove(column);
            else copy[column] = value;
            return new LockedRecord(Reference, copy, knownCopy, IsComplete);
        }

        /// <summary>A column's value, or null.</summary>
        internal object this[string column] => values.TryGetValue(column, out var value) ? value : null;

        /// <summary>The record's name, when known.</summary>
        internal string Name => this[LockedTables.NameColumn(Table)] as string;

        /// <summary>The record's name for messages: its name, else its id.</summary>
        internal string DisplayName => string.IsNullOrWhiteSpace(Name) ? Reference.Id.ToString("D") : Name;

        /// <summary>The owner (systemuser or team).</summary>
        internal EntityReference Owner => this[CommonColumns.OwnerId] as EntityReference;

        /// <summary>The owner the guard last approved (kam_approvedownerid).</summary>
        internal EntityReference ApprovedOwner => this[CommonColumns.ApprovedOwnerId] as EntityReference;

        /// <summary>Account: the key-account flag is set.</summary>
        internal bool IsKeyAccount => this[AccountTable.IsKeyAccount] is bool flag && flag;

        /// <summary>statecode, when known.</summary>
        internal int? StateCode => (this[CommonColumns.StateCode] as OptionSetValue)?.Value;

        /// <summary>Opportunity: estimated value, when set.</summary>
        internal decimal? EstimatedValue => (this[OpportunityTable.EstimatedValue] as Money)?.Value;

        /// <summary>
        /// The accounts the record hangs under — the parents whose cascade can move it: opportunity
        /// customerid and parentaccountid, contract kam_customerid, account parentaccountid (accounts only;
        /// a contact customer is not an account).
        /// </summary>
        internal IReadOnlyList<EntityReference> ParentAccounts
        {
            get
            {
                var parents = new List<EntityReference>();
                var columns = Table == AccountTable.LogicalName ? new[] { AccountTable.ParentAccountId } : (IEnumerable<string>)LockedTables.CustomerColumns(Table);
                foreach (var column in columns)
                    if (this[column] is EntityReference parent && parent.LogicalName == AccountTable.LogicalName && !parents.Exists(p => p.Id == parent.Id))
                        parents.Add(parent);
                return parents;
            }
        }
    }
}
