using System;
using KamPlugins.Operations;
using NUnit.Framework;

namespace KamPlugins.Tests.Api
{
    /// <summary>Today's target: the arithmetic behind kam_GetGoalProgress and its activity (the percentage is the goal engine's).</summary>
    public class GoalProgressRulesTests
    {
        private static readonly DateTime Start = new DateTime(2025, 1, 1);
        private static readonly DateTime End = new DateTime(2025, 1, 10);

        [TestCase("2024-12-31", 0)]
        [TestCase("2025-01-01", 100)]
        [TestCase("2025-01-05", 500)]
        [TestCase("2025-01-05 23:59:59", 500)]
        [TestCase("2025-01-10", 1000)]
        [TestCase("2025-02-01", 1000)]
        public void TodaysTarget_AcrossThePeriod_Should_ProrateByInclusiveDays(string today, int expected)
        {
            var value = GoalProgressRules.TodaysTarget(1000m, Start, End, DateTime.Parse(today, System.Globalization.CultureInfo.InvariantCulture), wholeNumbers: false);
            Assert.That(value, Is.EqualTo((decimal)expected));
        }

        [Test]
        public void TodaysTarget_OfAFractionalShare_Should_RoundToCents()
        {
            // 1 day of 3: 100 / 3.
            var value = GoalProgressRules.TodaysTarget(100m, Start, Start.AddDays(2), Start, wholeNumbers: false);
            Assert.That(value, Is.EqualTo(33.33m));
        }

        [Test]
        public void TodaysTarget_OfACountGoal_Should_RoundToWholeNumbers()
        {
            // 2 days of 3: 10 × 2 / 3 = 6.67 → 7.
            var value = GoalProgressRules.TodaysTarget(10m, Start, Start.AddDays(2), Start.AddDays(1), wholeNumbers: true);
            Assert.That(value, Is.EqualTo(7m));
        }

        [Test]
        public void TodaysTarget_OfAOneDayPeriod_Should_BeTheTargetOnThatDay()
        {
            Assert.That(GoalProgressRules.TodaysTarget(250m, Start, Start, Start.AddHours(10), wholeNumbers: false), Is.EqualTo(250m));
        }

        [Test]
        public void TodaysTarget_WithoutTargetOrPeriod_Should_BeNull()
        {
            Assert.Multiple(() =>
            {
                Assert.That(GoalProgressRules.TodaysTarget(null, Start, End, Start, false), Is.Null);
                Assert.That(GoalProgressRules.TodaysTarget(100m, null, End, Start, false), Is.Null);
                Assert.That(GoalProgressRules.TodaysTarget(100m, Start, null, Start, false), Is.Null);
                Assert.That(GoalProgressRules.TodaysTarget(100m, End, Start, Start, false), Is.Null, "end before start");
            });
        }
    }
}
