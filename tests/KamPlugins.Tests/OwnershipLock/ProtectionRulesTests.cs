using System;
using KamPlugins.Guard;
using KamPlugins.Model;
using NUnit.Framework;
using static KamPlugins.Tests.OwnershipLock.LockRecords;

namespace KamPlugins.Tests.OwnershipLock
{
    public class ProtectionRulesTests
    {
        private const decimal Threshold = 1000000m;

        private static bool IsKey(Guid id) => id == KeyAccountId;

        [TestCase(true, ExpectedResult = true)]
        [TestCase(false, ExpectedResult = false)]
        public bool Of_Account_ShouldFollowTheKeyAccountFlag(bool isKey) =>
            ProtectionRules.Of(KeyAccount(isKey), Threshold, IsKey).IsProtected;

        [Test]
        public void Of_AccountWithoutFlagColumn_ShouldNotBeLocked()
        {
            Assert.That(ProtectionRules.Of(Of(AccountTable.LogicalName), Threshold, IsKey).IsProtected, Is.False);
        }

        [TestCase(null, false, false, ExpectedResult = false)]
        [TestCase(999999.99, false, false, ExpectedResult = false)]
        [TestCase(1000000, false, false, ExpectedResult = true)]
        [TestCase(5000000, false, false, ExpectedResult = true)]
        [TestCase(10, true, false, ExpectedResult = true)]
        [TestCase(10, false, true, ExpectedResult = true)]
        [TestCase(null, true, true, ExpectedResult = true)]
        public bool Of_Opportunity_ShouldBeLockedByKeyCustomerOrValue(double? value, bool keyCustomer, bool keyParent)
        {
            var opportunity = Opportunity(
                value.HasValue ? (decimal?)Convert.ToDecimal(value.Value) : null,
                keyCustomer ? KeyAccountId : PlainAccountId,
                keyParent ? KeyAccountId : (Guid?)null);
            return ProtectionRules.Of(opportunity, Threshold, IsKey).IsProtected;
        }

        [Test]
        public void Of_Contract_ShouldAlwaysBeLocked()
        {
            Assert.That(ProtectionRules.Of(Contract(), Threshold, IsKey).IsProtected, Is.True);
        }

        [Test]
        public void Of_NoRecord_ShouldNotBeLocked()
        {
            Assert.That(ProtectionRules.Of(null, Threshold, IsKey), Is.SameAs(Protection.None));
        }

        [Test]
        public void Of_OpportunityAtThreshold_ShouldSayWhyInBothLanguages()
        {
            var reason = ProtectionRules.Of(Opportunity(2000000m), Threshold, IsKey).Reason;
            Assert.Multiple(() =>
            {
                Assert.That(reason.EnglishText, Does.Contain("1,000,000"));
                Assert.That(reason.ChineseText, Does.Contain("1,000,000"));
            });
        }

        [TestCase(AccountTable.LogicalName, ExpectedResult = false)]
        [TestCase(OpportunityTable.LogicalName, ExpectedResult = true)]
        [TestCase(ContractTable.LogicalName, ExpectedResult = false)]
        public bool NeedsSettings_Table_ShouldBeOnlyForOpportunities(string table) => ProtectionRules.NeedsSettings(table);

        [Test]
        public void NeedsKeyAccountLookup_OpportunityWithoutAccounts_ShouldBeFalse()
        {
            Assert.Multiple(() =>
            {
                Assert.That(ProtectionRules.NeedsKeyAccountLookup(Opportunity(5m)), Is.False);
                Assert.That(ProtectionRules.NeedsKeyAccountLookup(Opportunity(5m, PlainAccountId)), Is.True);
                Assert.That(ProtectionRules.NeedsKeyAccountLookup(Contract(PlainAccountId)), Is.False);
            });
        }

        [Test]
        public void Or_TwoProtections_ShouldKeepTheFirstReason()
        {
            var first = Protection.Because(OwnershipLockTexts.KeyAccount);
            var second = Protection.Because(OwnershipLockTexts.Contract);
            Assert.Multiple(() =>
            {
                Assert.That(first.Or(second), Is.SameAs(first));
                Assert.That(Protection.None.Or(second), Is.SameAs(second));
                Assert.That(Protection.None.Or(Protection.None).IsProtected, Is.False);
            });
        }
    }
}
