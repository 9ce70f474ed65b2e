using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Platform;

namespace KamPlugins.Goals.Recalculation
{
    /// <summary>
    /// A slice of a goal's records one aggregate query adds up: a date range and, when one date holds
    /// more records than the platform aggregates at once, a creation-time range. Immutable.
    /// </summary>
    internal sealed class AggregatePartition
    {
        internal AggregatePartition(DateTime from, DateTime until, DateTime? createdFrom, DateTime? createdUntil, int expectedCount)
        {
            From = from;
            Until = until;
            CreatedFrom = createdFrom;
            CreatedUntil = createdUntil;
            ExpectedCount = expectedCount;
        }

        /// <summary>Dates from (inclusive).</summary>
        internal DateTime From { get; }

        /// <summary>Dates until (exclusive).</summary>
        internal DateTime Until { get; }

        /// <summary>Created on from (inclusive; null: unbounded).</summary>
        internal DateTime? CreatedFrom { get; }

        /// <summary>Created on until (exclusive; null: unbounded).</summary>
        internal DateTime? CreatedUntil { get; }

        /// <summary>How many records the partition held when it was planned.</summary>
        internal int ExpectedCount { get; }
    }

    /// <summary>A participating record's place for partitioning: its date and its creation time.</summary>
    internal struct PartitionKey
    {
        internal PartitionKey(DateTime date, DateTime createdOn)
        {
            Date = date;
            CreatedOn = createdOn;
        }

        internal DateTime Date { get; }
        internal DateTime CreatedOn { get; }
    }

    /// <summary>
    /// Splits a goal's records into aggregate queries that each stay under the platform's aggregate
    /// limit (50,000 records). The split is planned from the records the recalculation reads anyway
    /// (to rebuild the ledger), so no query ever fails: inside a transaction a failed query cannot be
    /// caught and retried (platform-facts.md), which rules out "try, and split on failure".
    /// </summary>
    internal static class PartitionPlanner
    {
        /// <summary>The platform's aggregate limit.</summary>
        internal const int PlatformAggregateLimit = 50000;

        /// <summary>Plans the partitions of the period [<paramref name="periodFrom"/>, <paramref name="periodUntil"/>).</summary>
        /// <exception cref="KamException">More than <paramref name="limit"/> records share one date and creation time.</exception>
        internal static IReadOnlyList<AggregatePartition> Plan(DateTime periodFrom, DateTime periodUntil, IEnumerable<PartitionKey> records, int limit, Guid goalId)
        {
            if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit));
            var byDate = (records ?? Enumerable.Empty<PartitionKey>())
                .GroupBy(r => r.Date)
                .OrderBy(g => g.Key)
                .Select(g => new { Date = g.Key, Created = g.Select(r => r.CreatedOn).OrderBy(c => c).ToList() })
                .ToList();
            var partitions = new List<AggregatePartition>();
            if (byDate.Count == 0) return partitions;
            if (byDate.Sum(d => d.Created.Count) <= limit)
            {
                partitions.Add(new AggregatePartition(periodFrom, periodUntil, null, null, byDate.Sum(d => d.Created.Count)));
                return partitions;
            }

            // Greedy over dates: a range grows until the next date would overflow it. Range bounds are
            // record dates, and the first and last ranges reach the period's ends, so together the
            // ranges cover the whole period whatever the records' exact dates.
            var start = periodFrom;
            var count = 0;
            for (var i = 0; i < byDate.Count; i++)
            {
                var group = byDate[i];
                var next = i + 1 < byDate.Count ? byDate[i + 1].Date : periodUntil;
                if (group.Created.Count > limit)
                {
                    if (count > 0) partitions.Add(new AggregatePartition(start, group.Date, null, null, count));
                    var from = count > 0 ? group.Date : start;
                    partitions.AddRange(SplitByCreation(from, next, group.Created, limit, goalId));
                    start = next;
                    count = 0;
                    continue;
                }
                if (count + group.Created.Count > limit)
                {
                    partitions.Add(new AggregatePartition(start, group.Date, null, null, count));
                    start = group.Date;
                    count = 0;
                }
                count += group.Created.Count;
            }
            if (count > 0 || start < periodUntil) partitions.Add(new AggregatePartition(start, periodUntil, null, null, count));
            return partitions;
        }

        private static IEnumerable<AggregatePartition> SplitByCreation(DateTime from, DateTime until, IReadOnlyList<DateTime> created, int limit, Guid goalId)
        {
            var groups = created.GroupBy(c => c).OrderBy(g => g.Key).Select(g => new { At = g.Key, Count = g.Count() }).ToList();
            DateTime? start = null;
            var count = 0;
            foreach (var group in groups)
            {
                if (group.Count > limit) throw new KamException(GoalTexts.PartitionTooLarge.Format(goalId, limit));
                if (count + group.Count > limit)
                {
                    yield return new AggregatePartition(from, until, start, group.At, count);
                    start = group.At;
                    count = 0;
                }
                count += group.Count;
            }
            yield return new AggregatePartition(from, until, start, null, count);
        }
    }
}
