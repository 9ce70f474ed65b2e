using System;
using KamPlugins.Model;
using KamPlugins.Operations;
using KamPlugins.Platform;
using KamPlugins.Platform.Localization;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Api
{
    /// <summary>
    /// The operations the workflow activities call, driven the way each activity drives them (its
    /// inputs mapped with <see cref="OperationInputs.OneGuardedRecord"/> and passed on, its outputs read
    /// from the result) over an <see cref="AutomationContext"/> like the one the activity base builds —
    /// System.Activities itself exists only on .NET Framework.
    /// </summary>
    public class OperationsTests
    {
        private AutomationWorld world;

        [SetUp]
        public void SetUp() => world = new AutomationWorld();

        [Test]
        public void SubmitApprovalRequestActivityMapping_OpportunityInput_Should_SubmitAsTheInitiatingUser()
        {
            var opportunity = world.Opportunity(1200000m);

            var request = SubmitApprovalOperation.Execute(
                world.ContextFor(world.Rep),
                OperationInputs.OneGuardedRecord(null, opportunity, null),
                new OptionSetValue((int)ApprovalType.OpportunityWin),
                null,
                "Signed today");

            var row = world.Org.Get(request);
            Assert.Multiple(() =>
            {
                Assert.That(row.GetAttributeValue<EntityReference>(ApprovalRequestTable.RegardingOpportunityId).Id, Is.EqualTo(opportunity.Id));
                Assert.That(row.GetAttributeValue<EntityReference>(ApprovalRequestTable.RequesterId).Id, Is.EqualTo(world.Rep.Id));
                Assert.That(row.GetAttributeValue<string>(ApprovalRequestTable.Justification), Is.EqualTo("Signed today"));
            });
        }

        [Test]
        public void SubmitApprovalRequestActivityMapping_EngineRefusal_Should_SurfaceAsThePluginsRefusal()
        {
            var opportunity = world.Opportunity(1200000m);
            world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);

            var refusal = Assert.Throws<InvalidPluginExecutionException>(() => SubmitApprovalOperation.Execute(
                world.ContextFor(world.Colleague), opportunity, new OptionSetValue((int)ApprovalType.OpportunityWin), null, null));

            Assert.That(refusal.Message, Does.Contain("pending").IgnoreCase);
            Assert.That(world.RequestsFor(opportunity), Is.EqualTo(1));
        }

        [Test]
        public void GetLatestApprovalStatusActivityMapping_ContractInput_Should_ReadThePendingRequest()
        {
            var contract = world.Contract(ContractStatus.Draft);
            var id = world.Submit(world.Rep, ApprovalType.ContractActivation, contract);

            var result = ApprovalStatusOperation.Execute(
                world.ContextFor(world.Rep),
                OperationInputs.OneGuardedRecord(null, null, contract),
                new OptionSetValue((int)ApprovalType.ContractActivation));

            Assert.Multiple(() =>
            {
                Assert.That(result.HasRequest, Is.True);
                Assert.That(result.Request.Id, Is.EqualTo(id));
                Assert.That(result.Status, Is.EqualTo(ApprovalStatus.Pending));
                Assert.That(result.CurrentApprover.Id, Is.EqualTo(world.Manager.Id));
                Assert.That(result.DecidedOn, Is.Null);
            });
        }

        [Test]
        public void GetLatestApprovalStatusActivityMapping_RequestWaitingForTheAdministrators_Should_NameTheTeam()
        {
            var opportunity = world.Opportunity(1200000m);
            var id = world.Submit(world.Manager, ApprovalType.OpportunityWin, opportunity);

            var result = ApprovalStatusOperation.Execute(world.ContextFor(world.Manager), opportunity, new OptionSetValue((int)ApprovalType.OpportunityWin));

            Assert.That(result.Request.Id, Is.EqualTo(id));
            Assert.That(result.CurrentApprover, Is.Null, "a manager without a manager: the request goes to the KAM administrators");
            Assert.That(result.ApproverTeam.Id, Is.EqualTo(world.Kam.KamAdministrators.Id));
        }

        [Test]
        public void CheckOwnershipLockActivityMapping_AccountInput_Should_GiveTheReasonInBothLanguages()
        {
            var account = world.Account("Beijing Steel", isKeyAccount: true);

            var result = OwnershipLockOperation.Execute(world.ContextFor(world.Rep), OperationInputs.OneGuardedRecord(account, null, null));

            Assert.That(result.IsLocked, Is.True);
            Assert.That(result.Reason.For(LocalizedText.SimplifiedChinese), Does.Contain("大客户"));
            Assert.That(result.Reason.For(LocalizedText.English), Does.Contain("a key account"));
        }

        [Test]
        public void GetGoalProgressActivityMapping_Goal_Should_ReadTheGoalsValues()
        {
            var goal = world.Goal(world.RevenueMetric(), world.Rep, target: 31000m, actual: 15500m, inProgress: 100m);

            var progress = GoalProgressOperation.Execute(world.ContextFor(world.Rep), goal);

            Assert.Multiple(() =>
            {
                Assert.That(progress.Actual, Is.EqualTo(15500m));
                Assert.That(progress.InProgress, Is.EqualTo(100m));
                Assert.That(progress.Target, Is.EqualTo(31000m));
                Assert.That(progress.Percentage, Is.EqualTo(50m));
                Assert.That(progress.TodaysTarget, Is.EqualTo(6000m));
            });
        }

        [Test]
        public void GetGoalProgressActivityMapping_CountMetric_Should_UseTheWholeNumberColumns()
        {
            var metric = world.Org.Seed(new Entity(MetricTable.LogicalName)
            {
                [MetricTable.Name] = "Deals won",
                [MetricTable.IsAmount] = false,
            });
            world.Org.Seed(new Entity(RollupFieldTable.LogicalName)
            {
                [RollupFieldTable.MetricId] = new EntityReference(MetricTable.LogicalName, metric),
                [RollupFieldTable.GoalAttribute] = "actualinteger",
                [RollupFieldTable.SourceEntity] = OpportunityTable.LogicalName,
                [RollupFieldTable.DateAttribute] = OpportunityTable.ActualCloseDate,
                [RollupFieldTable.SourceState] = OpportunityTable.State.Won,
            });
            var goal = new EntityReference(GoalTable.LogicalName, world.Org.Seed(new Entity(GoalTable.LogicalName)
            {
                [GoalTable.Title] = "Deals in January",
                [GoalTable.MetricId] = new EntityReference(MetricTable.LogicalName, metric),
                [GoalTable.GoalOwnerId] = world.Rep.ToEntityReference(),
                [GoalTable.GoalStartDate] = AutomationWorld.PeriodStart,
                [GoalTable.GoalEndDate] = AutomationWorld.PeriodEnd,
                ["targetinteger"] = 10,
                ["actualinteger"] = 3,
                ["targetmoney"] = new Money(999m),
            }));

            var progress = GoalProgressOperation.Execute(world.ContextFor(world.Rep), goal);

            Assert.Multiple(() =>
            {
                Assert.That(progress.Target, Is.EqualTo(10m));
                Assert.That(progress.Actual, Is.EqualTo(3m));
                Assert.That(progress.Percentage, Is.EqualTo(30m));
                Assert.That(progress.TodaysTarget, Is.EqualTo(2m), "10 × 6/31 = 1.94, a whole number");
            });
        }

        [Test]
        public void RecalculateGoalTreeActivityMapping_Goal_Should_ReturnHowManyGoalsWereRebuilt()
        {
            var goal = world.Goal(world.RevenueMetric(), world.Rep, target: 31000m);
            world.WonOpportunity(4000m, new DateTime(2025, 1, 2, 10, 0, 0, DateTimeKind.Utc), world.Rep);

            var count = GoalRecalculationOperation.Execute(world.ContextFor(world.Manager), goal);

            Assert.That(count, Is.EqualTo(1));
            Assert.That(world.Money(goal, "actualmoney"), Is.EqualTo(4000m));
        }

        [Test]
        public void GoalActivities_WithoutAGoal_Should_NameTheMissingInput()
        {
            var progress = Assert.Throws<KamException>(() => GoalProgressOperation.Execute(world.ContextFor(world.Rep), null));
            var recalculation = Assert.Throws<KamException>(() => GoalRecalculationOperation.Execute(world.ContextFor(world.Manager), null));

            Assert.That(progress.UserMessage.EnglishText, Is.EqualTo(OperationTexts.MissingArgument.Format(GoalProgressOperation.GoalArgument).EnglishText));
            Assert.That(recalculation.UserMessage.EnglishText, Is.EqualTo(OperationTexts.MissingArgument.Format(GoalRecalculationOperation.GoalArgument).EnglishText));
        }

        [Test]
        public void RecordActivities_WithoutARecord_Should_BeRefusedBeforeAnyCall()
        {
            var refusal = Assert.Throws<KamException>(() => OperationInputs.OneGuardedRecord(null, null, null));

            Assert.That(refusal.UserMessage, Is.SameAs(OperationTexts.NoRecordInput));
        }

        [Test]
        public void Operations_OnARecordTheUserCannotSee_Should_RefuseWithTheSameWordsAsForAMissingRecord()
        {
            var contract = world.Contract();
            world.Hidden.Hide(contract, world.Outsider);
            var context = world.ContextFor(world.Outsider);
            var expected = AutomationWorld.NotFoundText(contract);

            Assert.Multiple(() =>
            {
                Assert.That(Assert.Throws<KamException>(() => OwnershipLockOperation.Execute(context, contract)).UserMessage.EnglishText, Is.EqualTo(expected));
                Assert.That(Assert.Throws<KamException>(() => ApprovalStatusOperation.Execute(context, contract, new OptionSetValue((int)ApprovalType.ContractActivation))).UserMessage.EnglishText, Is.EqualTo(expected));
                Assert.That(Assert.Throws<KamException>(() => SubmitApprovalOperation.Execute(context, contract, new OptionSetValue((int)ApprovalType.ContractActivation), null, null)).UserMessage.EnglishText, Is.EqualTo(expected));
            });
            Assert.That(world.RequestCount, Is.Zero);
        }

        [Test]
        public void AutomationContext_InitiatingUserLanguage_Should_ReadTheUsersSettings()
        {
            Assert.That(world.ContextFor(world.ChineseRep).InitiatingUserLanguage(), Is.EqualTo(LocalizedText.SimplifiedChinese));
            Assert.That(world.ContextFor(world.Rep).InitiatingUserLanguage(), Is.EqualTo(LocalizedText.English));
        }
    }
}
