using System;
using KamPlugins.Model;
using KamPlugins.Operations;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Api
{
    /// <summary>The argument mapping the workflow activities and custom APIs share, tested without System.Activities.</summary>
    public class OperationInputsTests
    {
        private static readonly EntityReference Account = new EntityReference(AccountTable.LogicalName, Guid.NewGuid());
        private static readonly EntityReference Opportunity = new EntityReference(OpportunityTable.LogicalName, Guid.NewGuid());
        private static readonly EntityReference Contract = new EntityReference(ContractTable.LogicalName, Guid.NewGuid());

        [Test]
        public void OneGuardedRecord_WithOnlyAnAccount_Should_BeTheAccount()
        {
            Assert.That(OperationInputs.OneGuardedRecord(Account, null, null), Is.EqualTo(Account));
        }

        [Test]
        public void OneGuardedRecord_WithOnlyAnOpportunity_Should_BeTheOpportunity()
        {
            Assert.That(OperationInputs.OneGuardedRecord(null, Opportunity, null), Is.EqualTo(Opportunity));
        }

        [Test]
        public void OneGuardedRecord_WithOnlyAContract_Should_BeTheContract()
        {
            Assert.That(OperationInputs.OneGuardedRecord(null, null, Contract), Is.EqualTo(Contract));
        }

        [Test]
        public void OneGuardedRecord_WithNone_Should_RefuseInBothLanguages()
        {
            var refusal = Assert.Throws<KamException>(() => OperationInputs.OneGuardedRecord(null, new EntityReference(AccountTable.LogicalName, Guid.Empty), null));
            Assert.That(refusal.UserMessage.EnglishText, Does.Contain("Account, Opportunity or KAM contract"));
            Assert.That(refusal.UserMessage.ChineseText, Does.Contain("商机"));
        }

        [Test]
        public void OneGuardedRecord_WithTwo_Should_Refuse()
        {
            var refusal = Assert.Throws<KamException>(() => OperationInputs.OneGuardedRecord(Account, null, Contract));
            Assert.That(refusal.UserMessage.EnglishText, Does.Contain("only one"));
        }

        [Test]
        public void Required_MissingReference_Should_NameTheArgument()
        {
            var refusal = Assert.Throws<KamException>(() => OperationInputs.Required((EntityReference)null, "Record"));
            Assert.That(refusal.UserMessage.EnglishText, Does.Contain("'Record'"));
            Assert.That(refusal.UserMessage.ChineseText, Does.Contain("“Record”"));
        }

        [Test]
        public void Required_EmptyId_Should_Refuse()
        {
            Assert.Throws<KamException>(() => OperationInputs.Required(new EntityReference(AccountTable.LogicalName, Guid.Empty), "Record"));
        }

        [Test]
        public void ApprovalTypeOf_KnownValue_Should_BeTheType()
        {
            Assert.That(OperationInputs.ApprovalTypeOf(new OptionSetValue((int)ApprovalType.OpportunityWin), "RequestType"), Is.EqualTo(ApprovalType.OpportunityWin));
        }

        [Test]
        public void ApprovalTypeOf_UnknownValue_Should_RefuseNamingTheValue()
        {
            var refusal = Assert.Throws<KamException>(() => OperationInputs.ApprovalTypeOf(new OptionSetValue(42), "RequestType"));
            Assert.That(refusal.UserMessage.EnglishText, Does.StartWith("42 is not an approval request type"));
        }

        [Test]
        public void ApprovalTypeOf_Missing_Should_NameTheArgument()
        {
            var refusal = Assert.Throws<KamException>(() => OperationInputs.ApprovalTypeOf(null, "RequestType"));
            Assert.That(refusal.UserMessage.EnglishText, Does.Contain("'RequestType'"));
        }
    }
}
