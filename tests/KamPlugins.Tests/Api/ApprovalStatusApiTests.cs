using System;
using KamPlugins.Model;
using KamPlugins.Operations;
using KamPlugins.Plugins;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Api
{
    /// <summary>kam_GetApprovalStatus through the emulator: the latest request of a type for a record, as the caller may see it.</summary>
    public class ApprovalStatusApiTests
    {
        private static readonly OptionSetValue Win = new OptionSetValue((int)ApprovalType.OpportunityWin);

        private AutomationWorld world;
        private EntityReference opportunity;

        [SetUp]
        public void SetUp()
        {
            world = new AutomationWorld();
            opportunity = world.Opportunity(1200000m);
        }

        [Test]
        public void GetApprovalStatus_WithoutRequest_Should_SayThereIsNone()
        {
            var result = world.Call(world.Rep, ApiNames.GetApprovalStatus, (ApiNames.Record, opportunity), (ApiNames.RequestType, Win));

            Assert.Multiple(() =>
            {
                Assert.That(result[ApiNames.HasRequest], Is.False);
                Assert.That(result.ContainsKey(ApiNames.Status), Is.False);
                Assert.That(result.ContainsKey(ApiNames.ApprovalRequest), Is.False);
            });
        }

        [Test]
        public void GetApprovalStatus_PendingRequest_Should_NameTheCurrentApprover()
        {
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);

            var result = world.Call(world.Rep, ApiNames.GetApprovalStatus, (ApiNames.Record, opportunity), (ApiNames.RequestType, Win));

            Assert.Multiple(() =>
            {
                Assert.That(result[ApiNames.HasRequest], Is.True);
                Assert.That(((EntityReference)result[ApiNames.ApprovalRequest]).Id, Is.EqualTo(id));
                Assert.That(((OptionSetValue)result[ApiNames.Status]).Value, Is.EqualTo((int)ApprovalStatus.Pending));
                Assert.That(((EntityReference)result[ApiNames.CurrentApprover]).Id, Is.EqualTo(world.Manager.Id));
                Assert.That(result.ContainsKey(ApiNames.DecidedOn), Is.False);
            });
        }

        [Test]
        public void GetApprovalStatus_ApprovedRequest_Should_GiveTheDecisionDateAndNoApprover()
        {
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);
            world.Org.Clock.Advance(TimeSpan.FromHours(3));
            world.Act(world.Manager, id, ApprovalAction.Approve);
            var decidedAt = world.Org.Clock.UtcNow;

            var result = world.Call(world.Rep, ApiNames.GetApprovalStatus, (ApiNames.Record, opportunity), (ApiNames.RequestType, Win));

            Assert.Multiple(() =>
            {
                Assert.That(((OptionSetValue)result[ApiNames.Status]).Value, Is.EqualTo((int)ApprovalStatus.Approved));
                Assert.That(result[ApiNames.DecidedOn], Is.EqualTo(decidedAt));
                Assert.That(result.ContainsKey(ApiNames.CurrentApprover), Is.False);
            });
        }

        [Test]
        public void GetApprovalStatus_PendingRequestPastItsExpiry_Should_ReadExpired()
        {
            world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);
            world.Org.Clock.Advance(TimeSpan.FromDays(EnvironmentVariables.DefaultApprovalExpiryDays + 1));

            var result = world.Call(world.Rep, ApiNames.GetApprovalStatus, (ApiNames.Record, opportunity), (ApiNames.RequestType, Win));

            Assert.That(((OptionSetValue)result[ApiNames.Status]).Value, Is.EqualTo((int)ApprovalStatus.Expired));
            Assert.That(result.ContainsKey(ApiNames.CurrentApprover), Is.False, "nobody decides an expired request");
        }

        [Test]
        public void GetApprovalStatus_AfterARecallAndANewRequest_Should_ReportTheNewest()
        {
            var first = world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);
            world.Act(world.Rep, first, ApprovalAction.Recall);
            world.Org.Clock.Advance(TimeSpan.FromMinutes(5));
            var second = world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);

            var result = world.Call(world.Rep, ApiNames.GetApprovalStatus, (ApiNames.Record, opportunity), (ApiNames.RequestType, Win));

            Assert.That(((EntityReference)result[ApiNames.ApprovalRequest]).Id, Is.EqualTo(second));
            Assert.That(((OptionSetValue)result[ApiNames.Status]).Value, Is.EqualTo((int)ApprovalStatus.Pending));
        }

        [Test]
        public void GetApprovalStatus_RequestOfAnotherType_Should_NotCount()
        {
            var account = world.Account("Beijing Steel", isKeyAccount: true);
            world.Submit(world.Rep, ApprovalType.KeyAccountRelease, account);

            var result = world.Call(world.Rep, ApiNames.GetApprovalStatus,
                (ApiNames.Record, account), (ApiNames.RequestType, new OptionSetValue((int)ApprovalType.OwnershipTransfer)));

            Assert.That(result[ApiNames.HasRequest], Is.False);
        }

        [Test]
        public void GetApprovalStatus_RecordTheCallerCannotSee_Should_AnswerExactlyAsForAMissingRecord()
        {
            world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);
            world.Hidden.Hide(opportunity, world.Outsider);
            var missing = new EntityReference(OpportunityTable.LogicalName, Guid.NewGuid());

            var hidden = world.Refused(world.Outsider, ApiNames.GetApprovalStatus, (ApiNames.Record, opportunity), (ApiNames.RequestType, Win));
            var absent = world.Refused(world.Outsider, ApiNames.GetApprovalStatus, (ApiNames.Record, missing), (ApiNames.RequestType, Win));

            Assert.Multiple(() =>
            {
                Assert.That(hidden.Message, Is.EqualTo(AutomationWorld.NotFoundText(opportunity)));
                Assert.That(absent.Message, Is.EqualTo(AutomationWorld.NotFoundText(missing)));
                Assert.That(hidden.Message.Replace(opportunity.Id.ToString(), "{id}"), Is.EqualTo(absent.Message.Replace(missing.Id.ToString(), "{id}")));
                Assert.That(hidden.ErrorCode, Is.EqualTo(absent.ErrorCode));
            });
        }

        [Test]
        public void GetApprovalStatus_RequestTheCallerCannotSee_Should_NotBeReported()
        {
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);
            world.Hidden.Hide(new EntityReference(ApprovalRequestTable.LogicalName, id), world.Outsider);

            var result = world.Call(world.Outsider, ApiNames.GetApprovalStatus, (ApiNames.Record, opportunity), (ApiNames.RequestType, Win));

            Assert.That(result[ApiNames.HasRequest], Is.False);
        }

        [Test]
        public void GetApprovalStatus_RecordOfAnotherTable_Should_Refuse()
        {
            var goal = new EntityReference(GoalTable.LogicalName, Guid.NewGuid());

            var fault = world.Refused(world.Rep, ApiNames.GetApprovalStatus, (ApiNames.Record, goal), (ApiNames.RequestType, Win));

            Assert.That(fault.Message, Is.EqualTo(OperationTexts.NotAnApprovalTable.Format("goal").EnglishText));
        }

        [Test]
        public void GetApprovalStatus_WithoutTheRequiredTypeParameter_Should_BeRefusedByThePlatform()
        {
            var fault = world.Refused(world.Rep, ApiNames.GetApprovalStatus, (ApiNames.Record, opportunity));

            Assert.That(fault.ErrorCode, Is.EqualTo(Dataverse.Emulator.Faults.ErrorCodes.InvalidArgument));
        }

        [Test]
        public void GetApprovalStatus_Call_Should_WriteNothing()
        {
            world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);
            var before = world.Org.All(ApprovalRequestTable.LogicalName)[0].GetAttributeValue<DateTime>(CommonColumns.ModifiedOn);
            world.Org.Clock.Advance(TimeSpan.FromDays(30));

            world.Call(world.Rep, ApiNames.GetApprovalStatus, (ApiNames.Record, opportunity), (ApiNames.RequestType, Win));

            Assert.That(world.Org.LastOperation.PluginCalls.ByMessage.Keys, Is.EquivalentTo(new[] { "RetrieveMultiple" }), "a function only reads");
            Assert.That(world.Org.All(ApprovalRequestTable.LogicalName)[0].GetAttributeValue<DateTime>(CommonColumns.ModifiedOn), Is.EqualTo(before));
        }
    }
}
