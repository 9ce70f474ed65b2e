using System;
using Dataverse.Emulator.Faults;
using KamPlugins.Model;
using KamPlugins.Operations;
using KamPlugins.Plugins;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Api
{
    /// <summary>
    /// kam_GetGoalProgress and kam_RecalculateGoals through the emulator. The clock starts on
    /// 6 January 2025; the goals cover January (31 days), so today's target is 6/31 of the target.
    /// </summary>
    public class GoalApiTests
    {
        private AutomationWorld world;
        private EntityReference metric;

        [SetUp]
        public void SetUp()
        {
            world = new AutomationWorld();
            metric = world.RevenueMetric();
        }

        // ---- kam_GetGoalProgress -------------------------------------------------------------------------

        [Test]
        public void GetGoalProgress_GoalWithValues_Should_ReportValuesPercentageAndTodaysTarget()
        {
            var goal = world.Goal(metric, world.Rep, target: 31000m, actual: 7750m, inProgress: 12000m);

            var result = world.Call(world.Rep, ApiNames.GetGoalProgress, (ApiNames.Goal, goal));

            Assert.Multiple(() =>
            {
                Assert.That(result[ApiNames.Actual], Is.EqualTo(7750m));
                Assert.That(result[ApiNames.InProgress], Is.EqualTo(12000m));
                Assert.That(result[ApiNames.TargetValue], Is.EqualTo(31000m));
                Assert.That(result[ApiNames.Percentage], Is.EqualTo(25m));
                Assert.That(result[ApiNames.TodaysTarget], Is.EqualTo(6000m), "6 of 31 days");
            });
        }

        [Test]
        public void GetGoalProgress_LaterInThePeriod_Should_ProrateToTheOperationsDay()
        {
            var goal = world.Goal(metric, world.Rep, target: 31000m);
            world.Org.Clock.Set(new DateTime(2025, 1, 20, 23, 0, 0, DateTimeKind.Utc));

            var result = world.Call(world.Rep, ApiNames.GetGoalProgress, (ApiNames.Goal, goal));

            Assert.That(result[ApiNames.TodaysTarget], Is.EqualTo(20000m));
        }

        [Test]
        public void GetGoalProgress_GoalWhereNothingCountsYet_Should_ReportZeros()
        {
            var goal = world.Goal(metric, world.Rep, target: 31000m);

            var result = world.Call(world.Rep, ApiNames.GetGoalProgress, (ApiNames.Goal, goal));

            Assert.Multiple(() =>
            {
                Assert.That(result[ApiNames.Actual], Is.EqualTo(0m));
                Assert.That(result[ApiNames.InProgress], Is.EqualTo(0m));
                Assert.That(result[ApiNames.Percentage], Is.EqualTo(0m));
            });
        }

        [Test]
        public void GetGoalProgress_ClosedGoal_Should_ReportItsFinalValues()
        {
            var goal = world.Goal(metric, world.Rep, target: 31000m, actual: 31000m, closed: true);

            var result = world.Call(world.Rep, ApiNames.GetGoalProgress, (ApiNames.Goal, goal));

            Assert.That(result[ApiNames.Percentage], Is.EqualTo(100m));
        }

        [Test]
        public void GetGoalProgress_GoalThatDoesNotExist_Should_RefuseInTheCallersLanguage()
        {
            var missing = new EntityReference(GoalTable.LogicalName, Guid.NewGuid());

            var fault = world.Refused(world.ChineseRep, ApiNames.GetGoalProgress, (ApiNames.Goal, missing));

            Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.IsvAborted));
            Assert.That(fault.Message, Is.EqualTo(OperationTexts.RecordNotFound.Format("goal", missing.Id).ChineseText));
        }

        [Test]
        public void GetGoalProgress_GoalTheCallerCannotSee_Should_AnswerExactlyAsForAMissingGoal()
        {
            var goal = world.Goal(metric, world.Rep, target: 31000m, actual: 7750m);
            world.Hidden.Hide(goal, world.Outsider);

            var fault = world.Refused(world.Outsider, ApiNames.GetGoalProgress, (ApiNames.Goal, goal));

            Assert.That(fault.Message, Is.EqualTo(AutomationWorld.NotFoundText(goal)));
            Assert.That(fault.Message, Does.Not.Contain("7750").And.Not.Contain("January"));
        }

        [Test]
        public void GetGoalProgress_RecordOfAnotherTable_Should_Refuse()
        {
            var fault = world.Refused(world.Rep, ApiNames.GetGoalProgress, (ApiNames.Goal, world.Customer));

            Assert.That(fault.Message, Is.EqualTo(OperationTexts.NotAGoal.Format("account").EnglishText));
        }

        [Test]
        public void GetGoalProgress_WithoutTheGoalParameter_Should_BeRefusedByThePlatform()
        {
            var fault = world.Refused(world.Rep, ApiNames.GetGoalProgress);

            Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        // ---- kam_RecalculateGoals ------------------------------------------------------------------------

        [Test]
        public void RecalculateGoals_StaleTree_Should_RebuildEveryGoalFromTheSourceData()
        {
            var parent = world.Goal(metric, world.Manager, target: 100000m, title: "Team January");
            var child = world.Goal(metric, world.Rep, target: 31000m, actual: 1m, parent: parent);
            world.WonOpportunity(5000m, new DateTime(2025, 1, 3, 10, 0, 0, DateTimeKind.Utc), world.Rep);
            world.WonOpportunity(2000m, new DateTime(2025, 1, 4, 10, 0, 0, DateTimeKind.Utc), world.Rep);
            world.WonOpportunity(9000m, new DateTime(2024, 12, 31, 10, 0, 0, DateTimeKind.Utc), world.Rep);

            var result = world.Call(world.Manager, ApiNames.RecalculateGoals, (ApiNames.Goal, child));

            Assert.Multiple(() =>
            {
                Assert.That(result[ApiNames.GoalsRecalculated], Is.EqualTo(2), "the whole tree, from a child goal");
                Assert.That(world.Money(child, "actualmoney"), Is.EqualTo(7000m));
                Assert.That(world.Money(parent, "actualmoney"), Is.EqualTo(7000m), "the parent adds its child");
            });
        }

        [Test]
        public void RecalculateGoals_ThenGetGoalProgress_Should_ReportTheRecalculatedValues()
        {
            var goal = world.Goal(metric, world.Rep, target: 31000m);
            world.WonOpportunity(3100m, new DateTime(2025, 1, 2, 10, 0, 0, DateTimeKind.Utc), world.Rep);

            world.Call(world.Manager, ApiNames.RecalculateGoals, (ApiNames.Goal, goal));
            var progress = world.Call(world.Rep, ApiNames.GetGoalProgress, (ApiNames.Goal, goal));

            Assert.That(progress[ApiNames.Actual], Is.EqualTo(3100m));
            Assert.That(progress[ApiNames.Percentage], Is.EqualTo(10m));
        }

        [Test]
        public void RecalculateGoals_ClosedGoal_Should_RefuseAndWriteNothing()
        {
            var goal = world.Goal(metric, world.Rep, target: 31000m, actual: 1m, closed: true, title: "December revenue");
            world.WonOpportunity(5000m, new DateTime(2025, 1, 3, 10, 0, 0, DateTimeKind.Utc), world.Rep);

            var fault = world.Refused(world.Manager, ApiNames.RecalculateGoals, (ApiNames.Goal, goal));

            Assert.That(fault.Message, Is.EqualTo(OperationTexts.GoalInactive.Format("December revenue").EnglishText));
            Assert.That(world.Money(goal, "actualmoney"), Is.EqualTo(1m));
        }

        [Test]
        public void RecalculateGoals_GoalThatDoesNotExist_Should_RefuseAsNotFound()
        {
            var missing = new EntityReference(GoalTable.LogicalName, Guid.NewGuid());

            var fault = world.Refused(world.Manager, ApiNames.RecalculateGoals, (ApiNames.Goal, missing));

            Assert.That(fault.Message, Is.EqualTo(AutomationWorld.NotFoundText(missing)));
        }

        [Test]
        public void RecalculateGoals_GoalTheCallerCannotSee_Should_RefuseAsNotFoundAndWriteNothing()
        {
            var goal = world.Goal(metric, world.Rep, target: 31000m, actual: 1m);
            world.WonOpportunity(5000m, new DateTime(2025, 1, 3, 10, 0, 0, DateTimeKind.Utc), world.Rep);
            world.Hidden.Hide(goal, world.Outsider);

            var fault = world.Refused(world.Outsider, ApiNames.RecalculateGoals, (ApiNames.Goal, goal));

            Assert.That(fault.Message, Is.EqualTo(AutomationWorld.NotFoundText(goal)));
            Assert.That(world.Money(goal, "actualmoney"), Is.EqualTo(1m));
        }

        [Test]
        public void RecalculateGoals_RecordOfAnotherTable_Should_Refuse()
        {
            var fault = world.Refused(world.Manager, ApiNames.RecalculateGoals, (ApiNames.Goal, world.Opportunity(10m)));

            Assert.That(fault.Message, Is.EqualTo(OperationTexts.NotAGoal.Format("opportunity").EnglishText));
        }

        [Test]
        public void RecalculateGoals_CallerWithoutTheGoalWritePrivilege_Should_BeRefusedBeforeAnythingRuns()
        {
            var goal = world.Goal(metric, world.Rep, target: 31000m, actual: 1m);
            world.WonOpportunity(5000m, new DateTime(2025, 1, 3, 10, 0, 0, DateTimeKind.Utc), world.Rep);

            var fault = world.Refused(world.Rep, ApiNames.RecalculateGoals, (ApiNames.Goal, goal));

            Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.PrivilegeDenied));
            Assert.That(world.Org.LastOperation.StepRuns<ApiRecalculateGoals>(), Is.Zero);
            Assert.That(world.Money(goal, "actualmoney"), Is.EqualTo(1m));
        }
    }
}
