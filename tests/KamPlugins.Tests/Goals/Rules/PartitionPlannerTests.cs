using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Goals.Recalculation;
using KamPlugins.Platform;
using NUnit.Framework;

namespace KamPlugins.Tests.Goals.Rules
{
    /// <summary>Aggregate queries planned so none holds more records than the platform aggregates at once.</summary>
    public class PartitionPlannerTests
    {
        private static readonly DateTime From = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime Until = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private static IEnumerable<PartitionKey> Records(params int[] perDay) =>
            perDay.SelectMany((count, day) => Enumerable.Range(0, count).Select(i => new PartitionKey(From.AddDays(day), From.AddSeconds(day * 1000 + i))));

        [Test]
        public void Plan_NoRecord_Should_NeedNoQuery()
        {
            Assert.That(PartitionPlanner.Plan(From, Until, Records(), 10, Guid.Empty), Is.Empty);
        }

        [Test]
        public void Plan_UnderTheLimit_Should_BeOneQueryOverThePeriod()
        {
            var plan = PartitionPlanner.Plan(From, Until, Records(3, 4, 3), 10, Guid.Empty);
            Assert.That(plan.Select(p => (p.From, p.Until, p.ExpectedCount)), Is.EqualTo(new[] { (From, Until, 10) }));
        }

        [TestCase(new[] { 3, 4, 3, 5 }, 10, new[] { 10, 5 })]
        [TestCase(new[] { 6, 6, 6 }, 10, new[] { 6, 6, 6 })]
        [TestCase(new[] { 1, 1, 1, 1, 1, 1, 1 }, 3, new[] { 3, 3, 1 })]
        [TestCase(new[] { 12, 1 }, 5, new[] { 5, 5, 2, 1 })]
        [TestCase(new[] { 2, 12, 2 }, 5, new[] { 2, 5, 5, 2, 2 })]
        public void Plan_OverTheLimit_Should_SplitIntoPartitionsUnderIt(int[] perDay, int limit, int[] expected)
        {
            var plan = PartitionPlanner.Plan(From, Until, Records(perDay), limit, Guid.Empty);
            Assert.Multiple(() =>
            {
                Assert.That(plan.Select(p => p.ExpectedCount), Is.EqualTo(expected));
                Assert.That(plan.All(p => p.ExpectedCount <= limit), Is.True);
            });
        }

        [TestCase(new[] { 3, 4, 3, 5 }, 10)]
        [TestCase(new[] { 12, 1 }, 5)]
        [TestCase(new[] { 2, 12, 2 }, 5)]
        [TestCase(new[] { 0, 7, 0, 0, 9, 1 }, 4)]
        public void Plan_Partitions_Should_CoverEveryRecordExactlyOnce(int[] perDay, int limit)
        {
            var records = Records(perDay).ToList();
            var plan = PartitionPlanner.Plan(From, Until, records, limit, Guid.Empty);
            foreach (var record in records)
            {
                var holders = plan.Count(p => record.Date >= p.From && record.Date < p.Until
                    && (p.CreatedFrom == null || record.CreatedOn >= p.CreatedFrom) && (p.CreatedUntil == null || record.CreatedOn < p.CreatedUntil));
                Assert.That(holders, Is.EqualTo(1), $"record of {record.Date:d} created {record.CreatedOn:O}");
            }
            Assert.Multiple(() =>
            {
                Assert.That(plan.First().From, Is.EqualTo(From));
                Assert.That(plan.Last().Until, Is.EqualTo(Until));
            });
        }

        [Test]
        public void Plan_TooManyRecordsAtTheSameInstant_Should_ExplainWhyItCannotAddThemUp()
        {
            var same = Enumerable.Repeat(new PartitionKey(From, From), 6);
            var refusal = Assert.Throws<KamException>(() => PartitionPlanner.Plan(From, Until, same, 5, Guid.Empty));
            Assert.That(refusal.UserMessage.EnglishText, Does.Contain("5"));
        }
    }
}
