using System;
using System.Collections.Generic;
using System.Linq;

namespace KamPlugins.Goals
{
    /// <summary>A participant of a goal column whose value changed: one of its records, or one of its child goals. Immutable.</summary>
    internal struct ParticipantChange
    {
        internal ParticipantChange(decimal? before, decimal? after)
        {
            Before = before;
            After = after;
        }

        /// <summary>What it added before (null: it did not participate).</summary>
        internal decimal? Before { get; }

        /// <summary>What it adds now (null: it no longer participates).</summary>
        internal decimal? After { get; }

        internal bool IsChange => Before != After;
        internal bool Left => Before.HasValue && !After.HasValue;
    }

    /// <summary>The new value of a goal column, or the two candidates when it depends on whether other participants remain.</summary>
    internal sealed class ColumnOutcome
    {
        private ColumnOutcome(decimal? value, bool needsCheck, decimal? ifOthersRemain)
        {
            Value = value;
            NeedsParticipantCheck = needsCheck;
            IfOthersRemain = ifOthersRemain;
        }

        /// <summary>The new value (when no check is needed).</summary>
        internal decimal? Value { get; }

        /// <summary>True when the value is <see cref="IfOthersRemain"/> if any participant other than the changed ones remains, else null.</summary>
        internal bool NeedsParticipantCheck { get; }

        /// <summary>The value when other participants remain.</summary>
        internal decimal? IfOthersRemain { get; }

        internal static ColumnOutcome Final(decimal? value) => new ColumnOutcome(value, false, null);

        internal static ColumnOutcome Check(decimal ifOthersRemain) => new ColumnOutcome(null, true, ifOthersRemain);

        /// <summary>The value once the check's answer is known.</summary>
        internal decimal? Resolve(bool othersRemain) => !NeedsParticipantCheck ? Value : othersRemain ? IfOthersRemain : null;
    }

    /// <summary>
    /// How a goal column moves when some of its participants change, without re-adding the ones that
    /// did not: the built-in rollup's value is the sum of its participants (its own records, unless
    /// roll-up-only-from-children, and its child goals' values), and null — not 0 — when nothing
    /// participates. So the column moves by the participants' deltas; and when the last participant
    /// known to the change leaves, whether the column becomes null depends on whether others remain.
    /// </summary>
    internal static class GoalValueRule
    {
        /// <summary>The column's new value given its stored value and the participants that changed.</summary>
        internal static ColumnOutcome Apply(decimal? stored, IEnumerable<ParticipantChange> changes)
        {
            var changed = (changes ?? Enumerable.Empty<ParticipantChange>()).Where(c => c.IsChange).ToList();
            if (changed.Count == 0) return ColumnOutcome.Final(stored);
            var delta = changed.Sum(c => (c.After ?? 0m) - (c.Before ?? 0m));
            var sum = (stored ?? 0m) + delta;
            // Someone participates now: the column has a value.
            if (changed.Any(c => c.After.HasValue)) return ColumnOutcome.Final(sum);
            // Nothing participated before either (or the stored value was already empty): still empty.
            if (!stored.HasValue) return ColumnOutcome.Final(null);
            return ColumnOutcome.Check(sum);
        }

        /// <summary>The sum of participating values; null when none participates (the built-in rollup's empty column).</summary>
        internal static decimal? NullableSum(IEnumerable<decimal?> values)
        {
            decimal? total = null;
            foreach (var value in values ?? Enumerable.Empty<decimal?>())
                if (value.HasValue) total = (total ?? 0m) + value.Value;
            return total;
        }

        /// <summary>
        /// Actual / target × 100, rounded to two decimals; null when there is no actual or no (or a
        /// zero) target, so an empty goal never shows a made-up 0 %.
        /// </summary>
        internal static decimal? Percentage(decimal? actual, decimal? target)
        {
            if (!actual.HasValue || !target.HasValue || target.Value == 0m) return null;
            return Math.Round(actual.Value * 100m / target.Value, 2, MidpointRounding.AwayFromZero);
        }
    }
}
