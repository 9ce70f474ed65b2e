using System;
using System.Globalization;
using KamPlugins.Goals.Definitions;
using NUnit.Framework;

namespace KamPlugins.Tests.Goals.Rules
{
    /// <summary>The built-in rule: a record counts when its date is between the goal's start and end dates, both included.</summary>
    public class GoalPeriodTests
    {
        private static readonly DateTime Start = new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime End = new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc);

        [TestCase("2025-03-31T23:59:59", false)]
        [TestCase("2025-04-01T00:00:00", true)]
        [TestCase("2025-04-01T08:30:00", true)]
        [TestCase("2025-05-15T12:00:00", true)]
        [TestCase("2025-06-30T00:00:00", true)]
        [TestCase("2025-06-30T23:59:59", true)]
        [TestCase("2025-07-01T00:00:00", false)]
        public void Contains_DateAroundTheBounds_Should_IncludeBothEndDays(string date, bool expected)
        {
            Assert.That(GoalPeriod.Contains(Start, End, Parse(date)), Is.EqualTo(expected));
        }

        [Test]
        public void Contains_WithoutDateOrBound_Should_BeFalse()
        {
            Assert.Multiple(() =>
            {
                Assert.That(GoalPeriod.Contains(Start, End, null), Is.False);
                Assert.That(GoalPeriod.Contains(null, End, Start), Is.False);
                Assert.That(GoalPeriod.Contains(Start, null, Start), Is.False);
            });
        }

        [Test]
        public void Contains_BoundsWithTimeOfDay_Should_CompareWholeDays()
        {
            var start = Start.AddHours(15);
            var end = End.AddHours(3);
            Assert.Multiple(() =>
            {
                Assert.That(GoalPeriod.Contains(start, end, Start.AddHours(1)), Is.True);
                Assert.That(GoalPeriod.Contains(start, end, End.AddHours(20)), Is.True);
            });
        }

        [TestCase("2025-06-30T12:00:00", 30, false, false)]
        [TestCase("2025-07-01T00:00:00", 30, true, false)]
        [TestCase("2025-07-30T23:59:59", 30, true, false)]
        [TestCase("2025-07-31T00:00:00", 30, true, true)]
        [TestCase("2025-07-01T00:00:00", 0, true, true)]
        [TestCase("2025-07-01T00:00:00", -5, true, true)]
        public void HasExpired_DaysAfterTheEnd_Should_FollowTheExpirySetting(string now, int expiryDays, bool ended, bool expired)
        {
            Assert.Multiple(() =>
            {
                Assert.That(GoalPeriod.HasEnded(End, Parse(now)), Is.EqualTo(ended));
                Assert.That(GoalPeriod.HasExpired(End, Parse(now), expiryDays), Is.EqualTo(expired));
            });
        }

        private static DateTime Parse(string text) =>
            DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }
}
