using KamPlugins.Tests.Performance.Scenario;
using NUnit.Framework;

namespace KamPlugins.Tests.Performance
{
    /// <summary>
    /// The scenario runner's small version (tests/KamPlugins.Scenario runs the full quarter): three weeks
    /// of a four-KAM team through the real plugins, and its checks.
    /// </summary>
    public class QuarterScenarioTests
    {
        private static ScenarioResult result;

        [OneTimeSetUp]
        public void Replay()
        {
            result = new QuarterScenario(ScenarioSize.Small).Run();
            result.Print(TestContext.Out);
        }

        [Test]
        public void EveryGoal_Should_EqualAFullRecalculation()
        {
            Assert.That(result.GoalsChecked, Is.GreaterThan(0), "goals checked");
            Assert.That(result.GoalMismatches, Is.Empty);
        }

        [Test]
        public void EveryGoal_Should_EqualTheSumOfItsSourceRecords()
        {
            Assert.That(result.SourceMismatches, Is.Empty);
        }

        [Test]
        public void RefusedOperations_Should_WriteNothingButTheirRefusalEvent()
        {
            Assert.That(result.RefusedChecked, Is.GreaterThan(10), "refused operations checked");
            Assert.That(result.WritesByRefusedOperations, Is.Empty);
        }

        [Test]
        public void EveryOperation_Should_HaveItsExpectedOutcome()
        {
            Assert.That(result.Unexpected, Is.Empty);
        }

        [Test]
        public void TheQuarter_Should_ExerciseApprovalsTransfersImportsAndRefusals()
        {
            Assert.Multiple(() =>
            {
                Assert.That(result.CallsByOperation.Keys, Has.Some.StartsWith("approve request"), "approvals");
                Assert.That(result.CallsByOperation.Keys, Has.Some.StartsWith("transfer a deal (approved)").Or.Some.StartsWith("account transfer (approved"), "approved transfers");
                Assert.That(result.CallsByOperation.Keys, Has.Some.StartsWith("import: CreateMultiple"), "bulk imports");
                Assert.That(result.RecordedRefusals, Is.Not.Empty, "refusals recorded as guard events");
            });
        }
    }
}
