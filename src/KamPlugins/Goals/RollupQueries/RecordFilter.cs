using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Goals.Definitions;

namespace KamPlugins.Goals.RollupQueries
{
    /// <summary>A rollup query's filter tree (and/or groups of conditions on the source table's own columns). Immutable.</summary>
    internal abstract class RecordFilter
    {
        /// <summary>Evaluates the filter on a record, as the platform's query would (SQL null semantics).</summary>
        internal abstract FilterOutcome Evaluate(SourceRecord record);

        /// <summary>The columns the filter reads.</summary>
        internal abstract IEnumerable<string> Columns { get; }
    }

    /// <summary>An and/or group.</summary>
    internal sealed class FilterGroup : RecordFilter
    {
        internal FilterGroup(bool isOr, IEnumerable<RecordFilter> parts)
        {
            IsOr = isOr;
            Parts = (parts ?? Enumerable.Empty<RecordFilter>()).ToList().AsReadOnly();
        }

        internal bool IsOr { get; }
        internal IReadOnlyList<RecordFilter> Parts { get; }

        internal override IEnumerable<string> Columns => Parts.SelectMany(p => p.Columns);

        // Kleene logic: a decided part can settle the group even when another part is unknown
        // (false AND unknown is false), which keeps most records off the slow path.
        internal override FilterOutcome Evaluate(SourceRecord record)
        {
            var decisive = IsOr ? FilterOutcome.Match : FilterOutcome.NoMatch;
            var unknown = false;
            foreach (var part in Parts)
            {
                var outcome = part.Evaluate(record);
                if (outcome == decisive) return decisive;
                if (outcome == FilterOutcome.Unknown) unknown = true;
            }
            if (unknown) return FilterOutcome.Unknown;
            // An empty group constrains nothing, as in FetchXML.
            return IsOr && Parts.Count > 0 ? FilterOutcome.NoMatch : FilterOutcome.Match;
        }
    }

    /// <summary>One condition on a column of the source table.</summary>
    internal sealed class FilterCondition : RecordFilter
    {
        internal FilterCondition(string column, string conditionOperator, IEnumerable<string> values)
        {
            Column = column ?? throw new ArgumentNullException(nameof(column));
            Operator = conditionOperator ?? throw new ArgumentNullException(nameof(conditionOperator));
            Values = (values ?? Enumerable.Empty<string>()).ToList().AsReadOnly();
        }

        internal string Column { get; }

        /// <summary>The FetchXML operator (eq, ne, in, like, …).</summary>
        internal string Operator { get; }

        internal IReadOnlyList<string> Values { get; }

        internal override IEnumerable<string> Columns => new[] { Column };

        internal override FilterOutcome Evaluate(SourceRecord record) => ConditionEvaluator.Evaluate(this, record);
    }
}
