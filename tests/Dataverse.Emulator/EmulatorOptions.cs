using System;

namespace Dataverse.Emulator
{
    /// <summary>Settings of a <see cref="DataverseEmulator"/>.</summary>
    public sealed class EmulatorOptions
    {
        /// <summary>The platform profile (default: <see cref="PlatformProfile.Baseline"/>).</summary>
        public PlatformProfile Profile { get; set; } = PlatformProfile.Baseline;

        /// <summary>The clock's start (default 2025-01-06 09:00 UTC, a Monday).</summary>
        public DateTime StartTime { get; set; } = new DateTime(2025, 1, 6, 9, 0, 0, DateTimeKind.Utc);

        /// <summary>The organization's id (WhoAmI, context OrganizationId).</summary>
        public Guid OrganizationId { get; set; } = new Guid("0a1b2c3d-0000-4000-8000-00000000e001");

        /// <summary>The organization's name.</summary>
        public string OrganizationName { get; set; } = "emulator";

        /// <summary>True (default): asynchronous steps run right after the client call that queued them; false: they wait for <see cref="Pipeline.AsyncJobQueue.RunPending"/>.</summary>
        public bool RunAsyncStepsImmediately { get; set; } = true;

        /// <summary>Attempts of an asynchronous step that asks for a retry or hits a transient SQL error (platform: 4).</summary>
        public int AsyncMaxAttempts { get; set; } = 4;

        /// <summary>The loop guard: an operation deeper than this fails (platform: 8).</summary>
        public int MaxDepth { get; set; } = 8;

        /// <summary>Aggregate queries over more rows fail (platform: 50,000).</summary>
        public int AggregateRecordLimit { get; set; } = 50000;

        /// <summary>ExecuteMultiple's maximum batch size (platform: 1,000).</summary>
        public int ExecuteMultipleMaxRequests { get; set; } = 1000;

        /// <summary>How many step ids BypassBusinessLogicExecutionStepIds may list (platform default: 3).</summary>
        public int MaxBypassStepIds { get; set; } = 3;

        /// <summary>How long a writer waits for another transaction's row lock before a SQL timeout.</summary>
        public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>True (default): lookups must point to existing rows (ObjectDoesNotExist otherwise).</summary>
        public bool CheckLookupTargetsExist { get; set; } = true;

        /// <summary>How many client calls <see cref="DataverseEmulator.Operations"/> keeps (oldest dropped first; benchmarks run many).</summary>
        public int OperationHistoryLimit { get; set; } = 10000;

        /// <summary>True (default): the built-in tables (account, opportunity, goal, ...) are defined.</summary>
        public bool IncludeBuiltInTables { get; set; } = true;
    }
}
