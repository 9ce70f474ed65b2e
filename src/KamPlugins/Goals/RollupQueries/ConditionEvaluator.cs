using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KamPlugins.Goals.Definitions;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Goals.RollupQueries
{
    /// <summary>
    /// Evaluates one FetchXML condition on a record the way the platform's SQL does: an empty column
    /// matches only null; every comparison with an empty column fails (ne and not-in included);
    /// text compares under the case- and accent-insensitive collation, which this reproduces exactly
    /// for plain ASCII text only. Whatever it cannot reproduce exactly — date values (time zones),
    /// other text, character classes, order comparisons on lookups — is Unknown, never a guess.
    /// </summary>
    internal static class ConditionEvaluator
    {
        /// <summary>The operators evaluated in memory.</summary>
        internal static readonly IReadOnlyCollection<string> SupportedOperators = new HashSet<string>(StringComparer.Ordinal)
        {
            "eq", "ne", "neq", "gt", "ge", "lt", "le", "null", "not-null", "in", "not-in",
            "like", "not-like", "begins-with", "not-begin-with", "ends-with", "not-end-with", "between", "not-between",
        };

        internal static FilterOutcome Evaluate(FilterCondition condition, SourceRecord record)
        {
            if (!SupportedOperators.Contains(condition.Operator) || !record.HasRead(condition.Column)) return FilterOutcome.Unknown;
            var value = record.Get(condition.Column);
            switch (condition.Operator)
            {
                case "null": return Outcome(value == null);
                case "not-null": return Outcome(value != null);
            }
            if (value == null) return FilterOutcome.NoMatch;

            switch (value)
            {
                case EntityReference reference: return CompareIdentity(condition, reference.Id);
                case Guid id: return CompareIdentity(condition, id);
                case OptionSetValue option: return CompareNumber(condition, option.Value);
                case Money money: return CompareNumber(condition, money.Value);
                case decimal number: return CompareNumber(condition, number);
                case int number: return CompareNumber(condition, number);
                case long number: return CompareNumber(condition, number);
                case double number: return number >= (double)decimal.MinValue && number <= (double)decimal.MaxValue ? CompareNumber(condition, (decimal)number) : FilterOutcome.Unknown;
                case bool flag: return CompareFlag(condition, flag);
                case string text: return CompareText(condition, text);
                default: return FilterOutcome.Unknown;
            }
        }

        private static FilterOutcome Outcome(bool match) => match ? FilterOutcome.Match : FilterOutcome.NoMatch;

        private static FilterOutcome CompareIdentity(FilterCondition condition, Guid actual)
        {
            var values = new List<Guid>();
            foreach (var raw in condition.Values)
            {
                if (!Guid.TryParse(raw?.Trim(), out var parsed)) return FilterOutcome.Unknown;
                values.Add(parsed);
            }
            return Membership(condition, values.Contains(actual), values.Count);
        }

        private static FilterOutcome CompareNumber(FilterCondition condition, decimal actual)
        {
            var values = new List<decimal>();
            foreach (var raw in condition.Values)
            {
                if (!decimal.TryParse(raw?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) return FilterOutcome.Unknown;
                values.Add(parsed);
            }
            switch (condition.Operator)
            {
                case "gt": return values.Count == 1 ? Outcome(actual > values[0]) : FilterOutcome.Unknown;
                case "ge": return values.Count == 1 ? Outcome(actual >= values[0]) : FilterOutcome.Unknown;
                case "lt": return values.Count == 1 ? Outcome(actual < values[0]) : FilterOutcome.Unknown;
                case "le": return values.Count == 1 ? Outcome(actual <= values[0]) : FilterOutcome.Unknown;
                case "between": return values.Count == 2 ? Outcome(actual >= values[0] && actual <= values[1]) : FilterOutcome.Unknown;
                case "not-between": return values.Count == 2 ? Outcome(actual < values[0] || actual > values[1]) : FilterOutcome.Unknown;
                default: return Membership(condition, values.Contains(actual), values.Count);
            }
        }

        private static FilterOutcome CompareFlag(FilterCondition condition, bool actual)
        {
            var values = new List<bool>();
            foreach (var raw in condition.Values)
            {
                switch (raw?.Trim().ToLowerInvariant())
                {
                    case "1": case "true": values.Add(true); break;
                    case "0": case "false": values.Add(false); break;
                    default: return FilterOutcome.Unknown;
                }
            }
            return Membership(condition, values.Contains(actual), values.Count);
        }

        private static FilterOutcome CompareText(FilterCondition condition, string actual)
        {
            var values = condition.Values.Select(v => v ?? string.Empty).ToList();
            if (!IsPlainText(actual) || !values.All(IsPlainText)) return FilterOutcome.Unknown;
            switch (condition.Operator)
            {
                case "eq": case "ne": case "neq": case "in": case "not-in":
                    return Membership(condition, values.Any(v => string.Equals(v, actual, StringComparison.OrdinalIgnoreCase)), values.Count);
                case "like": case "not-like":
                    if (values.Count != 1) return FilterOutcome.Unknown;
                    var like = LikePattern.Matches(values[0], actual);
                    if (like == null) return FilterOutcome.Unknown;
                    return Outcome(condition.Operator == "like" ? like.Value : !like.Value);
                case "begins-with": case "not-begin-with": case "ends-with": case "not-end-with":
                    if (values.Count != 1 || LikePattern.HasWildcard(values[0])) return FilterOutcome.Unknown;
                    var match = condition.Operator.IndexOf("begin", StringComparison.Ordinal) >= 0
                        ? actual.StartsWith(values[0], StringComparison.OrdinalIgnoreCase)
                        : actual.EndsWith(values[0], StringComparison.OrdinalIgnoreCase);
                    return Outcome(condition.Operator.StartsWith("not-", StringComparison.Ordinal) ? !match : match);
                default:
                    return FilterOutcome.Unknown;
            }
        }

        // Printable ASCII without trailing blanks: where ordinal case-insensitive comparison is exactly
        // what the accent-insensitive, blank-padding SQL collation does.
        private static bool IsPlainText(string text) =>
            text.All(c => c >= ' ' && c <= '~') && (text.Length == 0 || text[text.Length - 1] != ' ');

        // eq/in match when the value is among the values; ne/not-in when it is not.
        private static FilterOutcome Membership(FilterCondition condition, bool contained, int valueCount)
        {
            switch (condition.Operator)
            {
                case "eq": return valueCount == 1 ? Outcome(contained) : FilterOutcome.Unknown;
                case "ne": case "neq": return valueCount == 1 ? Outcome(!contained) : FilterOutcome.Unknown;
                case "in": return valueCount > 0 ? Outcome(contained) : FilterOutcome.Unknown;
                case "not-in": return valueCount > 0 ? Outcome(!contained) : FilterOutcome.Unknown;
                default: return FilterOutcome.Unknown;
            }
        }
    }

    /// <summary>SQL LIKE with % and _ (case-insensitive); character classes are not evaluated (null).</summary>
    internal static class LikePattern
    {
        internal static bool HasWildcard(string pattern) => pattern.IndexOfAny(new[] { '%', '_', '[' }) >= 0;

        /// <summary>True/false when the pattern is decided, null when it uses what this does not parse ([…]).</summary>
        internal static bool? Matches(string pattern, string text)
        {
            if (pattern.IndexOf('[') >= 0) return null;
            return Match(pattern.ToUpperInvariant(), 0, text.ToUpperInvariant(), 0);
        }

        private static bool Match(string pattern, int p, string text, int t)
        {
            while (p < pattern.Length)
            {
                var c = pattern[p];
                if (c == '%')
                {
                    while (p < pattern.Length && pattern[p] == '%') p++;
                    if (p == pattern.Length) return true;
                    for (var k = t; k <= text.Length; k++)
                        if (Match(pattern, p, text, k)) return true;
                    return false;
                }
                if (t >= text.Length) return false;
                if (c != '_' && c != text[t]) return false;
                p++;
                t++;
            }
            return t == text.Length;
        }
    }
}
