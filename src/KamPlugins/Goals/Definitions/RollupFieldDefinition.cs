using System;
using KamPlugins.Model;

namespace KamPlugins.Goals.Definitions
{
    /// <summary>
    /// One rollupfield row: which bucket of a metric's goals it fills, from which table and column,
    /// placed in a period by which date column, filtered by which state and status. Immutable.
    /// </summary>
    internal sealed class RollupFieldDefinition
    {
        internal RollupFieldDefinition(
            Guid metricId,
            ContributionBucket bucket,
            string sourceEntity,
            string sourceAttribute,
            string dateAttribute,
            string entityForDateAttribute,
            int? sourceState,
            int? sourceStatus,
            bool isStateParentEntityAttribute)
        {
            MetricId = metricId;
            Bucket = bucket;
            SourceEntity = Normalise(sourceEntity);
            SourceAttribute = Normalise(sourceAttribute);
            DateAttribute = Normalise(dateAttribute);
            EntityForDateAttribute = Normalise(entityForDateAttribute);
            SourceState = sourceState;
            SourceStatus = sourceStatus;
            IsStateParentEntityAttribute = isStateParentEntityAttribute;
        }

        internal Guid MetricId { get; }
        internal ContributionBucket Bucket { get; }
        internal string SourceEntity { get; }

        /// <summary>The amount column (null for a count metric).</summary>
        internal string SourceAttribute { get; }

        internal string DateAttribute { get; }
        internal string EntityForDateAttribute { get; }
        internal int? SourceState { get; }
        internal int? SourceStatus { get; }
        internal bool IsStateParentEntityAttribute { get; }

        /// <summary>
        /// True when a record's own columns decide whether it participates. A date or state taken from
        /// the parent table (entityfordateattribute, isstateparententityattribute) is not: the engine
        /// leaves such metrics to the built-in rollup rather than count them wrongly.
        /// </summary>
        internal bool IsSupported(bool isAmount) =>
            SourceEntity != null
            && DateAttribute != null
            && (EntityForDateAttribute == null || EntityForDateAttribute == SourceEntity)
            && !IsStateParentEntityAttribute
            && (!isAmount || SourceAttribute != null);

        private static string Normalise(string name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim().ToLowerInvariant();
    }
}
