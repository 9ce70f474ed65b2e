using System;
using KamPlugins.Guard;
using KamPlugins.Model;
using KamPlugins.Operations;
using KamPlugins.Plugins;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Api
{
    /// <summary>kam_CheckOwnershipLock through the emulator: the ownership guard's protection rule, and the pending-request lock.</summary>
    public class OwnershipLockApiTests
    {
        private AutomationWorld world;

        [SetUp]
        public void SetUp() => world = new AutomationWorld();

        [Test]
        public void CheckOwnershipLock_KeyAccount_Should_BeLockedAsAKeyAccount()
        {
            var account = world.Account("Beijing Steel", isKeyAccount: true);

            var result = world.Call(world.Rep, ApiNames.CheckOwnershipLock, (ApiNames.Record, account));

            Assert.That(result[ApiNames.IsLocked], Is.True);
            Assert.That(result[ApiNames.Reason], Is.EqualTo(OperationTexts.Locked.Format(OwnershipLockTexts.KeyAccount.EnglishText).EnglishText));
        }

        [Test]
        public void CheckOwnershipLock_ForAChineseUser_Should_ExplainInChinese()
        {
            var account = world.Account("Beijing Steel", isKeyAccount: true);

            var result = world.Call(world.ChineseRep, ApiNames.CheckOwnershipLock, (ApiNames.Record, account));

            Assert.That(result[ApiNames.Reason], Is.EqualTo(OperationTexts.Locked.Format(OwnershipLockTexts.KeyAccount.ChineseText).ChineseText));
        }

        [Test]
        public void CheckOwnershipLock_OrdinaryAccount_Should_NotBeLocked()
        {
            var result = world.Call(world.Rep, ApiNames.CheckOwnershipLock, (ApiNames.Record, world.Customer));

            Assert.That(result[ApiNames.IsLocked], Is.False);
            Assert.That(result[ApiNames.Reason], Is.EqualTo(OperationTexts.NotLocked.EnglishText));
        }

        [Test]
        public void CheckOwnershipLock_OpportunityOfAKeyAccount_Should_BeLocked()
        {
            var opportunity = world.Opportunity(10000m, world.Account("Beijing Steel", isKeyAccount: true));

            var result = world.Call(world.Rep, ApiNames.CheckOwnershipLock, (ApiNames.Record, opportunity));

            Assert.That(result[ApiNames.IsLocked], Is.True);
            Assert.That((string)result[ApiNames.Reason], Does.Contain(OwnershipLockTexts.OpportunityOfKeyAccount.EnglishText));
        }

        [TestCase(999999, false)]
        [TestCase(1000000, true)]
        public void CheckOwnershipLock_OpportunityAroundTheLockThreshold_Should_FollowTheThreshold(decimal estimated, bool locked)
        {
            var opportunity = world.Opportunity(estimated);

            var result = world.Call(world.Rep, ApiNames.CheckOwnershipLock, (ApiNames.Record, opportunity));

            Assert.That(result[ApiNames.IsLocked], Is.EqualTo(locked));
        }

        [Test]
        public void CheckOwnershipLock_OpportunityWithAConfiguredThreshold_Should_UseTheEnvironmentVariable()
        {
            world.Kam.SetEnvironmentVariable(EnvironmentVariables.OpportunityLockThreshold, "50000");
            var opportunity = world.Opportunity(60000m);

            var result = world.Call(world.Rep, ApiNames.CheckOwnershipLock, (ApiNames.Record, opportunity));

            Assert.That(result[ApiNames.IsLocked], Is.True);
            Assert.That((string)result[ApiNames.Reason], Does.Contain("50,000"));
        }

        [Test]
        public void CheckOwnershipLock_KamContract_Should_BeLocked()
        {
            var result = world.Call(world.Rep, ApiNames.CheckOwnershipLock, (ApiNames.Record, world.Contract()));

            Assert.That(result[ApiNames.IsLocked], Is.True);
            Assert.That((string)result[ApiNames.Reason], Does.Contain(OwnershipLockTexts.Contract.EnglishText));
        }

        [Test]
        public void CheckOwnershipLock_SmallOpportunityWithAPendingRequest_Should_BeLockedUntilTheDecision()
        {
            var opportunity = world.Opportunity(10000m);
            world.Submit(world.Rep, ApprovalType.OpportunityLoss, opportunity);

            var result = world.Call(world.Rep, ApiNames.CheckOwnershipLock, (ApiNames.Record, opportunity));

            Assert.That(result[ApiNames.IsLocked], Is.True);
            Assert.That((string)result[ApiNames.Reason], Does.Contain("request is pending").And.Contain(world.Manager.FullName));
        }

        [Test]
        public void CheckOwnershipLock_RecordTheCallerCannotSee_Should_AnswerExactlyAsForAMissingRecord()
        {
            var account = world.Account("Beijing Steel", isKeyAccount: true);
            world.Hidden.Hide(account, world.Outsider);
            var missing = new EntityReference(AccountTable.LogicalName, Guid.NewGuid());

            var hidden = world.Refused(world.Outsider, ApiNames.CheckOwnershipLock, (ApiNames.Record, account));
            var absent = world.Refused(world.Outsider, ApiNames.CheckOwnershipLock, (ApiNames.Record, missing));

            Assert.Multiple(() =>
            {
                Assert.That(hidden.Message, Is.EqualTo(AutomationWorld.NotFoundText(account)));
                Assert.That(absent.Message, Is.EqualTo(AutomationWorld.NotFoundText(missing)));
                Assert.That(hidden.ErrorCode, Is.EqualTo(absent.ErrorCode));
            });
        }

        [Test]
        public void CheckOwnershipLock_RecordOfAnotherTable_Should_Refuse()
        {
            var contact = new EntityReference(ContactTable.LogicalName, world.Org.Seed(new Entity(ContactTable.LogicalName) { ["lastname"] = "Chen" }));

            var fault = world.Refused(world.ChineseRep, ApiNames.CheckOwnershipLock, (ApiNames.Record, contact));

            Assert.That(fault.Message, Is.EqualTo(OperationTexts.NotALockTable.Format("contact").ChineseText));
        }

        [Test]
        public void CheckOwnershipLock_Call_Should_WriteNothing()
        {
            var opportunity = world.Opportunity(10000m, world.Account("Beijing Steel", isKeyAccount: true));
            world.Submit(world.Rep, ApprovalType.OpportunityLoss, opportunity);
            var events = world.Kam.GuardEvents.Count;

            world.Call(world.Rep, ApiNames.CheckOwnershipLock, (ApiNames.Record, opportunity));

            Assert.That(world.Org.LastOperation.PluginCalls.ByMessage.Keys, Is.EquivalentTo(new[] { "RetrieveMultiple" }));
            Assert.That(world.Kam.GuardEvents, Has.Count.EqualTo(events));
        }
    }
}
