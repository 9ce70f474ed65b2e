using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Approvals
{
    /// <summary>
    /// Which columns an Update really changes: a column present in the target with the value the
    /// pre-image holds is not a change (filtering attributes fire on presence alone). A column absent
    /// from the pre-image is taken as empty — the steps that use this register every column they
    /// compare, and an image leaves out exactly the null ones.
    /// </summary>
    internal static class ChangedColumns
    {
        /// <summary>The columns among <paramref name="columns"/> that <paramref name="target"/> changes relative to <paramref name="preImage"/>.</summary>
        internal static IReadOnlyList<string> Changed(Entity target, Entity preImage, IEnumerable<string> columns)
        {
            var changed = new List<string>();
            if (target == null) return changed;
            foreach (var column in columns)
            {
                if (!target.Attributes.TryGetValue(column, out var proposed)) continue;
                object current = null;
                if (preImage != null) preImage.Attributes.TryGetValue(column, out current);
                if (!SameValue(current, proposed)) changed.Add(column);
            }
            return changed;
        }

        /// <summary>True when two column values are the same value (Dataverse value types compared by content).</summary>
        internal static bool SameValue(object a, object b)
        {
            if (a == null || b == null) return IsEmpty(a) && IsEmpty(b);
            switch (a)
            {
                case EntityReference reference when b is EntityReference other:
                    return reference.Id == other.Id && string.Equals(reference.LogicalName, other.LogicalName, StringComparison.Ordinal);
                case OptionSetValue option when b is OptionSetValue other:
                    return option.Value == other.Value;
                case Money money when b is Money other:
                    return money.Value == other.Value;
                case DateTime date when b is DateTime other:
                    return date.ToUniversalTime() == other.ToUniversalTime() || date.Ticks == other.Ticks;
                case string text when b is string other:
                    return string.Equals(text, other, StringComparison.Ordinal);
                default:
                    return Equals(a, b);
            }
        }

        /// <summary>Null and an empty string are both "no value" (Dataverse stores an empty string as null).</summary>
        private static bool IsEmpty(object value) => value == null || (value is string text && text.Length == 0);
    }
}
