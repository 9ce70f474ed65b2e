using System;

namespace Dataverse.Emulator
{
    /// <summary>
    /// The emulator's clock: createdon/modifiedon, OperationCreatedOn and the query engine's date
    /// operators read it. Starts at <see cref="EmulatorOptions.StartTime"/> and moves only when a test moves it.
    /// </summary>
    public sealed class EmulatorClock
    {
        private readonly object sync = new object();
        private DateTime utcNow;

        internal EmulatorClock(DateTime start)
        {
            utcNow = ToUtc(start);
        }

        /// <summary>The current instant, UTC.</summary>
        public DateTime UtcNow
        {
            get { lock (sync) return utcNow; }
        }

        /// <summary>Sets the current instant (Unspecified kind is taken as UTC).</summary>
        public void Set(DateTime instant)
        {
            lock (sync) utcNow = ToUtc(instant);
        }

        /// <summary>Moves the clock forward (or back, with a negative span).</summary>
        public void Advance(TimeSpan span)
        {
            lock (sync) utcNow = utcNow.Add(span);
        }

        private static DateTime ToUtc(DateTime d) => d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc);
    }
}
