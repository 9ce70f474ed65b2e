using System;
using KamPlugins.Goals.Definitions;

namespace KamPlugins.Operations
{
    /// <summary>
    /// Today's target as the goal form shows it: the target prorated over the goal period
    /// (computedtargetasoftoday). The percentage achieved is the goal engine's
    /// (<see cref="Goals.GoalValueRule.Percentage"/>).
    /// </summary>
    internal static class GoalProgressRules
    {
        /// <summary>
        /// Today's target: <paramref name="target"/> × (days of the period up to and including
        /// <paramref name="today"/>) ÷ (days in the period), the period's bounds inclusive and compared
        /// by calendar day (UTC) as the goal engine places records in a period (<see cref="GoalPeriod"/>). Before the period 0, after it the whole target; rounded to 2 decimals
        /// (whole numbers for an integer or count goal). Null when the goal has no target or no period.
        /// </summary>
        internal static decimal? TodaysTarget(decimal? target, DateTime? start, DateTime? end, DateTime today, bool wholeNumbers)
        {
            if (!target.HasValue || !start.HasValue || !end.HasValue || end.Value.Date < start.Value.Date) return null;
            var from = GoalPeriod.From(start.Value);
            var totalDays = (GoalPeriod.Until(end.Value) - from).Days;
            var elapsedDays = Math.Max(0, Math.Min(totalDays, (today.Date.AddDays(1) - from).Days));
            var value = target.Value * elapsedDays / totalDays;
            return Math.Round(value, wholeNumbers ? 0 : 2, MidpointRounding.AwayFromZero);
        }
    }
}
