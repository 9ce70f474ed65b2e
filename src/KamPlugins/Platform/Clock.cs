using System;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Platform
{
    /// <summary>
    /// Where the product reads the time. Plugins take it from the operation itself
    /// (<see cref="IExecutionContext.OperationCreatedOn"/>, UTC): every step of one operation sees the
    /// same instant, and a test host (the emulator) controls it — nothing reads the system clock.
    /// </summary>
    public interface IClock
    {
        /// <summary>The current instant, UTC.</summary>
        DateTime UtcNow { get; }
    }

    /// <summary>The operation's own time: <see cref="IExecutionContext.OperationCreatedOn"/>.</summary>
    public sealed class OperationClock : IClock
    {
        private readonly DateTime utcNow;

        /// <summary>Reads the instant from the execution context.</summary>
        public OperationClock(IExecutionContext context)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            var created = context.OperationCreatedOn;
            utcNow = created.Kind == DateTimeKind.Utc ? created : DateTime.SpecifyKind(created, DateTimeKind.Utc);
        }

        /// <inheritdoc />
        public DateTime UtcNow => utcNow;
    }

    /// <summary>A clock fixed at one instant (rules and tests).</summary>
    public sealed class FixedClock : IClock
    {
        /// <summary>Creates a clock that always reads <paramref name="utcNow"/>.</summary>
        public FixedClock(DateTime utcNow)
        {
            UtcNow = DateTime.SpecifyKind(utcNow, DateTimeKind.Utc);
        }

        /// <inheritdoc />
        public DateTime UtcNow { get; }
    }
}
