using System;
using System.Linq;
using Dataverse.Emulator.Faults;
using KamPlugins.Model;
using KamPlugins.Operations;
using KamPlugins.Plugins;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Api
{
    /// <summary>kam_SubmitApproval through the emulator: the approval engine's rules apply as to a request made in the app.</summary>
    public class SubmitApprovalApiTests
    {
        private AutomationWorld world;

        [SetUp]
        public void SetUp() => world = new AutomationWorld();

        [Test]
        public void SubmitApproval_OwnershipTransferOfKeyAccount_Should_CreatePendingRequestRoutedToTheManager()
        {
            var account = world.Account("Beijing Steel", isKeyAccount: true);

            var result = world.Call(world.Rep, ApiNames.SubmitApproval,
                (ApiNames.Record, account),
                (ApiNames.RequestType, new OptionSetValue((int)ApprovalType.OwnershipTransfer)),
                (ApiNames.ProposedOwner, world.Colleague.ToEntityReference()),
                (ApiNames.Comment, "  Customer moved to the East region  "));

            var reference = (EntityReference)result[ApiNames.ApprovalRequest];
            var request = world.Org.Get(reference);
            Assert.Multiple(() =>
            {
                Assert.That(reference.LogicalName, Is.EqualTo(ApprovalRequestTable.LogicalName));
                Assert.That(request.GetAttributeValue<EntityReference>(ApprovalRequestTable.RegardingAccountId).Id, Is.EqualTo(account.Id));
                Assert.That(request.GetAttributeValue<OptionSetValue>(ApprovalRequestTable.Status).Value, Is.EqualTo((int)ApprovalStatus.Pending));
                Assert.That(request.GetAttributeValue<EntityReference>(ApprovalRequestTable.RequesterId).Id, Is.EqualTo(world.Rep.Id), "requester: the caller");
                Assert.That(request.GetAttributeValue<EntityReference>(ApprovalRequestTable.CurrentApproverId).Id, Is.EqualTo(world.Manager.Id), "routed to the caller's manager");
                Assert.That(request.GetAttributeValue<EntityReference>(ApprovalRequestTable.ProposedOwnerId).Id, Is.EqualTo(world.Colleague.Id));
                Assert.That(request.GetAttributeValue<string>(ApprovalRequestTable.Justification), Is.EqualTo("Customer moved to the East region"));
            });
        }

        [Test]
        public void SubmitApproval_WinOfOpportunity_Should_SnapshotTheRecordAndNeedNoProposedOwner()
        {
            var opportunity = world.Opportunity(1200000m);

            var result = world.Call(world.Rep, ApiNames.SubmitApproval,
                (ApiNames.Record, opportunity),
                (ApiNames.RequestType, new OptionSetValue((int)ApprovalType.OpportunityWin)));

            var request = world.Org.Get((EntityReference)result[ApiNames.ApprovalRequest]);
            Assert.That(request.GetAttributeValue<Money>(ApprovalRequestTable.SnapshotAmount).Value, Is.EqualTo(1200000m));
        }

        [Test]
        public void SubmitApproval_Impersonated_Should_TakeTheRequesterFromTheInitiatingUser()
        {
            world.Org.Roles.Add("Integration", Dataverse.Emulator.Principals.Privileges.ActOnBehalfOfAnotherUser, ApiNames.CreateApprovalRequestPrivilege);
            var integration = world.Kam.User("Integration User").WithRoles("Integration");
            var opportunity = world.Opportunity(1200000m);

            var response = world.Org.ServiceFor(integration.Id, world.Rep.Id).Execute(new OrganizationRequest(ApiNames.SubmitApproval)
            {
                [ApiNames.Record] = opportunity,
                [ApiNames.RequestType] = new OptionSetValue((int)ApprovalType.OpportunityWin),
            });

            var request = world.Org.Get((EntityReference)response.Results[ApiNames.ApprovalRequest]);
            Assert.That(request.GetAttributeValue<EntityReference>(ApprovalRequestTable.RequesterId).Id, Is.EqualTo(world.Rep.Id));
        }

        [Test]
        public void SubmitApproval_SecondPendingRequestOfTheSameType_Should_FailWithTheEnginesMessageAndWriteNothing()
        {
            var opportunity = world.Opportunity(1200000m);
            world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);

            var fault = world.Refused(world.Colleague, ApiNames.SubmitApproval,
                (ApiNames.Record, opportunity),
                (ApiNames.RequestType, new OptionSetValue((int)ApprovalType.OpportunityWin)));

            Assert.Multiple(() =>
            {
                Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.IsvAborted));
                Assert.That(fault.Message, Does.Contain("pending").IgnoreCase, "the approval engine's own explanation reaches the caller");
                Assert.That(fault.Message, Does.Not.Contain("unexpected"));
                Assert.That(world.RequestsFor(opportunity), Is.EqualTo(1));
            });
        }

        [Test]
        public void SubmitApproval_TypeThatDoesNotFitTheRecord_Should_FailWithTheEnginesMessage()
        {
            var opportunity = world.Opportunity(1200000m);

            var fault = world.Refused(world.Rep, ApiNames.SubmitApproval,
                (ApiNames.Record, opportunity),
                (ApiNames.RequestType, new OptionSetValue((int)ApprovalType.ContractActivation)));

            Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.IsvAborted));
            Assert.That(world.RequestCount, Is.Zero);
        }

        [Test]
        public void SubmitApproval_TransferWithoutProposedOwner_Should_FailAndWriteNothing()
        {
            var account = world.Account("Beijing Steel", isKeyAccount: true);

            var fault = world.Refused(world.Rep, ApiNames.SubmitApproval,
                (ApiNames.Record, account),
                (ApiNames.RequestType, new OptionSetValue((int)ApprovalType.OwnershipTransfer)));

            Assert.That(fault.Message, Does.Contain("owner").IgnoreCase);
            Assert.That(world.RequestCount, Is.Zero);
        }

        [Test]
        public void SubmitApproval_RecordOfAnotherTable_Should_RefuseInTheCallersLanguageAndWriteNothing()
        {
            var contact = new EntityReference(ContactTable.LogicalName, world.Org.Seed(new Entity(ContactTable.LogicalName) { ["lastname"] = "Chen" }));

            var english = world.Refused(world.Rep, ApiNames.SubmitApproval, (ApiNames.Record, contact), (ApiNames.RequestType, new OptionSetValue((int)ApprovalType.OwnershipTransfer)));
            var chinese = world.Refused(world.ChineseRep, ApiNames.SubmitApproval, (ApiNames.Record, contact), (ApiNames.RequestType, new OptionSetValue((int)ApprovalType.OwnershipTransfer)));

            Assert.Multiple(() =>
            {
                Assert.That(english.ErrorCode, Is.EqualTo(ErrorCodes.IsvAborted));
                Assert.That(english.Message, Is.EqualTo(OperationTexts.NotAnApprovalTable.Format("contact").EnglishText));
                Assert.That(chinese.Message, Is.EqualTo(OperationTexts.NotAnApprovalTable.Format("contact").ChineseText));
                Assert.That(world.RequestCount, Is.Zero);
            });
        }

        [Test]
        public void SubmitApproval_RecordThatDoesNotExist_Should_RefuseAsNotFound()
        {
            var missing = new EntityReference(OpportunityTable.LogicalName, Guid.NewGuid());

            var fault = world.Refused(world.Rep, ApiNames.SubmitApproval, (ApiNames.Record, missing), (ApiNames.RequestType, new OptionSetValue((int)ApprovalType.OpportunityWin)));

            Assert.That(fault.Message, Is.EqualTo(AutomationWorld.NotFoundText(missing)));
            Assert.That(world.RequestCount, Is.Zero);
        }

        [Test]
        public void SubmitApproval_RecordTheCallerCannotSee_Should_AnswerExactlyAsForAMissingRecord()
        {
            var opportunity = world.Opportunity(1200000m);
            world.Hidden.Hide(opportunity, world.Outsider);

            var fault = world.Refused(world.Outsider, ApiNames.SubmitApproval, (ApiNames.Record, opportunity), (ApiNames.RequestType, new OptionSetValue((int)ApprovalType.OpportunityWin)));

            Assert.That(fault.Message, Is.EqualTo(AutomationWorld.NotFoundText(opportunity)), "nothing tells a hidden record from a missing one");
            Assert.That(world.RequestCount, Is.Zero);
        }

        [Test]
        public void SubmitApproval_UnknownRequestType_Should_RefuseNamingTheValue()
        {
            var opportunity = world.Opportunity(1200000m);

            var fault = world.Refused(world.ChineseRep, ApiNames.SubmitApproval, (ApiNames.Record, opportunity), (ApiNames.RequestType, new OptionSetValue(7)));

            Assert.That(fault.Message, Is.EqualTo(OperationTexts.UnknownApprovalType.Format(7).ChineseText));
            Assert.That(world.RequestCount, Is.Zero);
        }

        [Test]
        public void SubmitApproval_WithoutTheRequiredRecordParameter_Should_BeRefusedByThePlatform()
        {
            var fault = world.Refused(world.Rep, ApiNames.SubmitApproval, (ApiNames.RequestType, new OptionSetValue((int)ApprovalType.OpportunityWin)));

            Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.InvalidArgument));
            Assert.That(fault.Message, Does.Contain(ApiNames.Record));
            Assert.That(world.RequestCount, Is.Zero);
        }

        [Test]
        public void SubmitApproval_CallerWithoutTheCreatePrivilege_Should_BeRefusedBeforeAnythingRuns()
        {
            var stranger = world.Kam.User("No Role");
            var opportunity = world.Opportunity(1200000m);

            var fault = world.Refused(stranger, ApiNames.SubmitApproval, (ApiNames.Record, opportunity), (ApiNames.RequestType, new OptionSetValue((int)ApprovalType.OpportunityWin)));

            Assert.That(fault.ErrorCode, Is.EqualTo(ErrorCodes.PrivilegeDenied));
            Assert.That(world.Org.LastOperation.StepRuns<ApiSubmitApproval>(), Is.Zero);
            Assert.That(world.RequestCount, Is.Zero);
        }
    }
}
