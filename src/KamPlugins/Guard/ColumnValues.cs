using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Guard
{
    /// <summary>
    /// Value equality and display for the column values the lock compares. Dataverse's value types
    /// do not all compare by value (Money, OptionSetValue), and a lookup is the same whatever its Name.
    /// </summary>
    internal static class ColumnValues
    {
        /// <summary>True when both values mean the same (null equals only null).</summary>
        internal static bool AreEqual(object left, object right)
        {
            if (left == null || right == null) return left == null && right == null;
            if (left is EntityReference a && right is EntityReference b)
                return a.Id == b.Id && string.Equals(a.LogicalName, b.LogicalName, StringComparison.OrdinalIgnoreCase);
            if (left is Money m && right is Money n) return m.Value == n.Value;
            if (left is OptionSetValue o && right is OptionSetValue p) return o.Value == p.Value;
            return left.Equals(right);
        }

        /// <summary>A value as an audit line shows it (a lookup by name when known, else by table and id).</summary>
        internal static string Describe(object value)
        {
            switch (value)
            {
                case null: return "(empty)";
                case EntityReference reference:
                    return string.IsNullOrEmpty(reference.Name) ? reference.LogicalName + ":" + reference.Id.ToString("D") : reference.Name + " (" + reference.Id.ToString("D") + ")";
                case Money money: return money.Value.ToString(CultureInfo.InvariantCulture);
                case OptionSetValue option: return option.Value.ToString(CultureInfo.InvariantCulture);
                case bool flag: return flag ? "true" : "false";
                case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString();
            }
        }
    }

    /// <summary>What an Update request does to one column, judged from the request and the pre-image alone.</summary>
    internal enum ColumnChange
    {
        /// <summary>The request does not carry the column.</summary>
        NotInRequest,

        /// <summary>The request carries the value the pre-image holds: not a change.</summary>
        Unchanged,

        /// <summary>The request carries another value than the pre-image.</summary>
        Changed,

        /// <summary>
        /// The pre-image does not hold the column (null, or not readable by the step's user): the change
        /// cannot be judged without reading the record.
        /// </summary>
        Unknown,
    }

    /// <summary>Judges Update requests against pre-images (filtering attributes fire on presence, not change).</summary>
    internal static class ColumnChanges
    {
        /// <summary>What <paramref name="target"/> does to <paramref name="column"/> compared with <paramref name="preImage"/>.</summary>
        internal static ColumnChange Of(string column, Entity target, Entity preImage)
        {
            if (target == null || !target.Attributes.ContainsKey(column)) return ColumnChange.NotInRequest;
            if (preImage == null || !preImage.Attributes.TryGetValue(column, out var before) || before == null) return ColumnChange.Unknown;
            return ColumnValues.AreEqual(before, target[column]) ? ColumnChange.Unchanged : ColumnChange.Changed;
        }
    }
}
