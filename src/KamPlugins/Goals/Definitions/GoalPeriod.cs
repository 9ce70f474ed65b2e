using System;

namespace KamPlugins.Goals.Definitions
{
    /// <summary>
    /// A goal's period, both ends inclusive: a record dated any time on the end day counts, as in the
    /// built-in rollup. Dates are compared as stored (UTC), by calendar day.
    /// </summary>
    internal static class GoalPeriod
    {
        /// <summary>The first instant of the period.</summary>
        internal static DateTime From(DateTime start) => start.Date;

        /// <summary>The first instant after the period (the day after the end day).</summary>
        internal static DateTime Until(DateTime end) => end.Date.AddDays(1);

        /// <summary>True when <paramref name="date"/> falls in the period.</summary>
        internal static bool Contains(DateTime? start, DateTime? end, DateTime? date) =>
            start.HasValue && end.HasValue && date.HasValue && date.Value >= From(start.Value) && date.Value < Until(end.Value);

        /// <summary>
        /// True when the goal's rollup has expired: <paramref name="expiryDays"/> whole days have passed
        /// since its end day. Such goals keep the values they had, like the built-in rollup leaves them.
        /// </summary>
        internal static bool HasExpired(DateTime? end, DateTime utcNow, int expiryDays) =>
            end.HasValue && utcNow >= Until(end.Value).AddDays(Math.Max(0, expiryDays));

        /// <summary>True when the period has ended (only then does the expiry setting matter).</summary>
        internal static bool HasEnded(DateTime? end, DateTime utcNow) => end.HasValue && utcNow >= Until(end.Value);
    }
}
