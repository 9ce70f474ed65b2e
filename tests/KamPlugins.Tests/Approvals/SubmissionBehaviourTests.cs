using System;
using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using KamPlugins.Platform.Localization;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    public class SubmissionBehaviourTests
    {
        private static readonly object[] Profiles = PlatformProfile.All.Cast<object>().ToArray();

        [TestCaseSource(nameof(Profiles))]
        public void Submit_WinRequest_ShouldSnapshotTheRecordRouteToManagerAndRecordHistory(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(1500000m);

            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity, tamper: r =>
            {
                // Whatever a client puts in the engine's columns is overwritten.
                r[ApprovalRequestTable.RequesterId] = world.Director.ToEntityReference();
                r[ApprovalRequestTable.Status] = new OptionSetValue((int)ApprovalStatus.Approved);
                r[ApprovalRequestTable.SnapshotAmount] = new Money(1m);
                r[ApprovalRequestTable.CurrentApproverId] = world.Rep.ToEntityReference();
            });

            var request = world.Request(id);
            Assert.That(request.GetAttributeValue<EntityReference>(ApprovalRequestTable.RequesterId).Id, Is.EqualTo(world.Rep.Id));
            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Pending));
            Assert.That(request.GetAttributeValue<Money>(ApprovalRequestTable.SnapshotAmount).Value, Is.EqualTo(1500000m));
            Assert.That(request.GetAttributeValue<EntityReference>(ApprovalRequestTable.SnapshotCustomerId).Id, Is.EqualTo(world.Customer.Id));
            Assert.That(request.GetAttributeValue<int>(ApprovalRequestTable.ProposedState), Is.EqualTo(OpportunityTable.State.Won));
            Assert.That(request.GetAttributeValue<EntityReference>(ApprovalRequestTable.CurrentApproverId).Id, Is.EqualTo(world.Manager.Id));
            Assert.That(request.GetAttributeValue<int>(ApprovalRequestTable.CurrentLevel), Is.EqualTo(1));
            Assert.That(request.GetAttributeValue<int>(ApprovalRequestTable.RequiredLevels), Is.EqualTo(1));
            Assert.That(request.GetAttributeValue<DateTime>(ApprovalRequestTable.ExpiresOn), Is.EqualTo(world.Now.AddDays(EnvironmentVariables.DefaultApprovalExpiryDays)));
            var history = world.History(id);
            Assert.That(history, Has.Count.EqualTo(1));
            Assert.That(history[0].GetAttributeValue<OptionSetValue>(ApprovalDecisionTable.Action).Value, Is.EqualTo((int)ApprovalAction.Submit));
            Assert.That(history[0].GetAttributeValue<EntityReference>(ApprovalDecisionTable.DeciderId).Id, Is.EqualTo(world.Rep.Id));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Submit_RequesterWithoutManager_ShouldGoToKamAdministrators(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var loner = world.Kam.User("Sun Li");

            var id = world.Submit(loner, ApprovalType.OpportunityWin, world.Opportunity(1500000m, owner: loner));

            var request = world.Request(id);
            Assert.That(request.Contains(ApprovalRequestTable.CurrentApproverId), Is.False);
            Assert.That(request.GetAttributeValue<EntityReference>(ApprovalRequestTable.ApproverTeamId).Id, Is.EqualTo(world.Kam.KamAdministrators.Id));
            world.Act(world.Administrator, id, ApprovalAction.Approve);
            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Approved));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Submit_DisabledManager_ShouldGoToKamAdministrators(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            world.Manager.Disabled();

            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, world.Opportunity(1500000m));

            Assert.That(world.Request(id).GetAttributeValue<EntityReference>(ApprovalRequestTable.ApproverTeamId)?.Id, Is.EqualTo(world.Kam.KamAdministrators.Id));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Submit_TransferToOwnManager_ShouldNotLetTheBeneficiaryApprove(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);

            var id = world.Submit(world.Rep, ApprovalType.OwnershipTransfer, world.Opportunity(100m), world.Manager.ToEntityReference());

            Assert.That(world.Request(id).GetAttributeValue<EntityReference>(ApprovalRequestTable.ApproverTeamId)?.Id, Is.EqualTo(world.Kam.KamAdministrators.Id));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Submit_SecondPendingOfSameType_ShouldBeRefusedExplainingTheFirst(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(1500000m);
            world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);

            var fault = ApprovalWorld.Refused(() => world.Submit(world.Colleague, ApprovalType.OpportunityWin, opportunity));

            Assert.That(fault.Message, Does.Contain("already a pending Opportunity win request").And.Contain("Li Na").And.Contain("Wang Wei"));
            Assert.That(world.RequestCount, Is.EqualTo(1));
            Assert.That(world.Submit(world.Rep, ApprovalType.OpportunityLoss, opportunity), Is.Not.EqualTo(Guid.Empty), "another type may be pending at the same time");
        }

        [TestCaseSource(nameof(Profiles))]
        public void Submit_AfterThePendingOneExpired_ShouldMarkItExpiredAndAccept(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(1500000m);
            var first = world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);
            world.Org.Clock.Advance(TimeSpan.FromDays(EnvironmentVariables.DefaultApprovalExpiryDays + 1));

            var second = world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);

            Assert.That(world.Status(first), Is.EqualTo(ApprovalStatus.Expired));
            Assert.That(world.Status(second), Is.EqualTo(ApprovalStatus.Pending));
        }

        public enum BadInput { MissingType, UnknownType, NoRecord, TwoRecords, MissingRecord, WrongTableForType, MissingProposedOwner, ProposedOwnerOnWin, DisabledProposedOwner, ClosedOpportunity, ReleaseOfOrdinaryAccount, ActivationOfActiveContract }

        [TestCase(BadInput.MissingType, "has no request type", "缺少申请类型")]
        [TestCase(BadInput.UnknownType, "is not a request type", "不是有效的申请类型")]
        [TestCase(BadInput.NoRecord, "does not say which record", "未指明所涉及的记录")]
        [TestCase(BadInput.TwoRecords, "names several", "同时填写了多条")]
        [TestCase(BadInput.MissingRecord, "does not exist", "不存在")]
        [TestCase(BadInput.WrongTableForType, "cannot be made for this account", "不能为客户提交")]
        [TestCase(BadInput.MissingProposedOwner, "needs the proposed new owner", "必须填写拟定的新负责人")]
        [TestCase(BadInput.ProposedOwnerOnWin, "Only an ownership transfer request has a proposed owner", "只有所有权转移申请才有拟定负责人")]
        [TestCase(BadInput.DisabledProposedOwner, "does not exist or is disabled", "不存在或已停用")]
        [TestCase(BadInput.ClosedOpportunity, "only be made for an open opportunity", "只能为进行中的商机提交")]
        [TestCase(BadInput.ReleaseOfOrdinaryAccount, "is not a key account", "不是大客户")]
        [TestCase(BadInput.ActivationOfActiveContract, "needs a contract in status Draft", "要求合同状态为“草稿”")]
        public void Submit_BadInput_ShouldExplainInTheUsersLanguageAndWriteNothing(BadInput input, string english, string chinese)
        {
            foreach (var language in new[] { LocalizedText.English, LocalizedText.SimplifiedChinese })
            {
                var world = new ApprovalWorld(PlatformProfile.Baseline, language);
                var opportunity = world.Opportunity(1500000m);
                var before = world.Org.Count(ApprovalDecisionTable.LogicalName) + world.Kam.GuardEvents.Count;

                var fault = ApprovalWorld.Refused(() => Submit(world, input, opportunity));

                Assert.That(fault.Message, Does.Contain(language == LocalizedText.English ? english : chinese), input + " / " + language);
                Assert.That(fault.Message, Does.Contain(language == LocalizedText.English ? "Nothing was saved" : "未保存任何内容"));
                Assert.That(world.RequestCount, Is.Zero);
                Assert.That(world.Org.Count(ApprovalDecisionTable.LogicalName) + world.Kam.GuardEvents.Count, Is.EqualTo(before));
            }
        }

        private static void Submit(ApprovalWorld world, BadInput input, EntityReference opportunity)
        {
            switch (input)
            {
                case BadInput.MissingType:
                    world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity, tamper: r => r.Attributes.Remove(ApprovalRequestTable.RequestType));
                    break;
                case BadInput.UnknownType:
                    world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity, tamper: r => r[ApprovalRequestTable.RequestType] = new OptionSetValue(528300099));
                    break;
                case BadInput.NoRecord:
                    world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity, tamper: r => r.Attributes.Remove(ApprovalRequestTable.RegardingOpportunityId));
                    break;
                case BadInput.TwoRecords:
                    world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity, tamper: r => r[ApprovalRequestTable.RegardingAccountId] = world.Customer);
                    break;
                case BadInput.MissingRecord:
                    world.Submit(world.Rep, ApprovalType.OpportunityWin, new EntityReference(OpportunityTable.LogicalName, Guid.NewGuid()));
                    break;
                case BadInput.WrongTableForType:
                    world.Submit(world.Rep, ApprovalType.OpportunityWin, world.Customer);
                    break;
                case BadInput.MissingProposedOwner:
                    world.Submit(world.Rep, ApprovalType.OwnershipTransfer, opportunity);
                    break;
                case BadInput.ProposedOwnerOnWin:
                    world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity, world.Colleague.ToEntityReference());
                    break;
                case BadInput.DisabledProposedOwner:
                    world.Colleague.Disabled();
                    world.Submit(world.Rep, ApprovalType.OwnershipTransfer, opportunity, world.Colleague.ToEntityReference());
                    break;
                case BadInput.ClosedOpportunity:
                    var small = world.Opportunity(10m);
                    world.Win(world.Rep, small);
                    world.Submit(world.Rep, ApprovalType.OpportunityWin, small);
                    break;
                case BadInput.ReleaseOfOrdinaryAccount:
                    world.Submit(world.Rep, ApprovalType.KeyAccountRelease, world.Customer);
                    break;
                case BadInput.ActivationOfActiveContract:
                    world.Submit(world.Rep, ApprovalType.ContractActivation, world.Contract(ContractStatus.Active));
                    break;
            }
        }
    }
}
