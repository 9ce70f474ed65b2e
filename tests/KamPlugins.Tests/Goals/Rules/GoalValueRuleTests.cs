using System.Linq;
using KamPlugins.Goals;
using NUnit.Framework;

namespace KamPlugins.Tests.Goals.Rules
{
    /// <summary>How a goal column moves when participants change; null (no participant) is not zero.</summary>
    public class GoalValueRuleTests
    {
        private static ParticipantChange Change(decimal? before, decimal? after) => new ParticipantChange(before, after);

        [TestCase(null, null, 500, 500, TestName = "Apply_FirstParticipantJoins_Should_GiveItsAmount")]
        [TestCase(100, null, 500, 600, TestName = "Apply_ParticipantJoins_Should_Add")]
        [TestCase(600, 500, 200, 300, TestName = "Apply_ParticipantChangesAmount_Should_MoveByTheDifference")]
        [TestCase(null, null, 0, 0, TestName = "Apply_ZeroAmountJoinsAnEmptyColumn_Should_GiveZeroNotNull")]
        [TestCase(600, 500, 500, 600, TestName = "Apply_UnchangedParticipant_Should_KeepTheValue")]
        [TestCase(null, null, null, null, TestName = "Apply_NothingBeforeOrAfter_Should_StayEmpty")]
        public void Apply_Table(int? stored, int? before, int? after, int? expected)
        {
            var outcome = GoalValueRule.Apply(stored, new[] { Change(before, after) });
            Assert.Multiple(() =>
            {
                Assert.That(outcome.NeedsParticipantCheck, Is.False);
                Assert.That(outcome.Value, Is.EqualTo((decimal?)expected));
            });
        }

        [TestCase(true, 100)]
        [TestCase(false, null)]
        public void Apply_LastKnownParticipantLeaves_Should_DependOnWhetherOthersRemain(bool othersRemain, int? expected)
        {
            var outcome = GoalValueRule.Apply(600m, new[] { Change(500m, null) });
            Assert.Multiple(() =>
            {
                Assert.That(outcome.NeedsParticipantCheck, Is.True);
                Assert.That(outcome.Resolve(othersRemain), Is.EqualTo((decimal?)expected));
            });
        }

        [Test]
        public void Apply_ParticipantLeavesWhileAnotherJoins_Should_NotNeedACheck()
        {
            var outcome = GoalValueRule.Apply(600m, new[] { Change(500m, null), Change(null, 50m) });
            Assert.Multiple(() =>
            {
                Assert.That(outcome.NeedsParticipantCheck, Is.False);
                Assert.That(outcome.Value, Is.EqualTo(150m));
            });
        }

        [Test]
        public void Apply_LeavingAnAlreadyEmptyColumn_Should_StayEmpty()
        {
            var outcome = GoalValueRule.Apply(null, new[] { Change(500m, null) });
            Assert.That(outcome.Value, Is.Null);
        }

        [Test]
        public void Apply_ZeroAmountLeaves_Should_StillAskWhetherOthersRemain()
        {
            // A column of 0 may hold a zero participant: whether it empties is not in the number.
            var outcome = GoalValueRule.Apply(0m, new[] { Change(0m, null) });
            Assert.Multiple(() =>
            {
                Assert.That(outcome.NeedsParticipantCheck, Is.True);
                Assert.That(outcome.Resolve(true), Is.EqualTo(0m));
                Assert.That(outcome.Resolve(false), Is.Null);
            });
        }

        [Test]
        public void NullableSum_Should_BeNullOnlyWhenNothingParticipates()
        {
            Assert.Multiple(() =>
            {
                Assert.That(GoalValueRule.NullableSum(Enumerable.Empty<decimal?>()), Is.Null);
                Assert.That(GoalValueRule.NullableSum(new decimal?[] { null, null }), Is.Null);
                Assert.That(GoalValueRule.NullableSum(new decimal?[] { null, 0m }), Is.EqualTo(0m));
                Assert.That(GoalValueRule.NullableSum(new decimal?[] { 1.5m, null, 2m }), Is.EqualTo(3.5m));
            });
        }

        [TestCase(500, 1000, 50)]
        [TestCase(1, 3, 33.33)]
        [TestCase(2, 3, 66.67)]
        [TestCase(1500, 1000, 150)]
        [TestCase(0, 1000, 0)]
        [TestCase(null, 1000, null)]
        [TestCase(500, null, null)]
        [TestCase(500, 0, null)]
        public void Percentage_Should_BeActualOverTargetTimesHundred(double? actual, double? target, double? expected)
        {
            Assert.That(GoalValueRule.Percentage((decimal?)actual, (decimal?)target), Is.EqualTo((decimal?)expected));
        }
    }
}
