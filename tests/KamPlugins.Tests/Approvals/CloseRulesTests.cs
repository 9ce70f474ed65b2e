using System;
using KamPlugins.Approvals;
using KamPlugins.Configuration;
using KamPlugins.Model;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    public class CloseRulesTests
    {
        private static decimal? Amount(string text) => text == null ? null : decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        private static RecordFacts Opportunity(string estimated, string actual, bool keyAccount) =>
            new RecordFacts(RequestBuilder.Opportunity, "Deal", null, Amount(estimated), Amount(actual), RequestBuilder.Customer, keyAccount, OpportunityTable.State.Open, null);

        // won, estimated, actual, close revenue, key account → requirement (default thresholds: win 1,000,000; loss 500,000)
        [TestCase(true, "999999.99", null, null, false, nameof(CloseRequirement.None))]
        [TestCase(true, "1000000", null, null, false, nameof(CloseRequirement.WinAboveThreshold))]
        [TestCase(true, "200000", "1000000", null, false, nameof(CloseRequirement.WinAboveThreshold))]
        [TestCase(true, "200000", null, "1200000", false, nameof(CloseRequirement.WinAboveThreshold))]
        [TestCase(true, null, null, null, false, nameof(CloseRequirement.None))]
        [TestCase(true, "10", null, null, true, nameof(CloseRequirement.None))]
        [TestCase(false, "10", null, "0", true, nameof(CloseRequirement.LossOfKeyAccount))]
        [TestCase(false, null, null, null, true, nameof(CloseRequirement.LossOfKeyAccount))]
        [TestCase(false, "499999", null, null, false, nameof(CloseRequirement.None))]
        [TestCase(false, "500000", null, "0", false, nameof(CloseRequirement.LossAboveThreshold))]
        [TestCase(false, "100", "500000", null, false, nameof(CloseRequirement.LossAboveThreshold))]
        [TestCase(false, "100", null, "900000", false, nameof(CloseRequirement.None))]
        public void Requirement_Close_ShouldBe(bool won, string estimated, string actual, string close, bool keyAccount, string expected) =>
            Assert.That(CloseRules.Requirement(won, Opportunity(estimated, actual, keyAccount), Amount(close), KamSettings.Defaults),
                Is.EqualTo(Enum.Parse<CloseRequirement>(expected)));

        // won, estimated, actual, close revenue → amount compared with the approval
        [TestCase(true, "1000000", null, null, "1000000")]
        [TestCase(true, "1000000", "1100000", null, "1100000")]
        [TestCase(true, "1000000", null, "1200000", "1200000")]
        [TestCase(false, "700000", null, "0", "700000")]
        [TestCase(false, "700000", "650000", "0", "700000")]
        public void OperationAmount_Close_ShouldBe(bool won, string estimated, string actual, string close, string expected) =>
            Assert.That(CloseRules.OperationAmount(won, Opportunity(estimated, actual, false), Amount(close)), Is.EqualTo(Amount(expected)));

        [TestCase(true, ApprovalType.OpportunityWin)]
        [TestCase(false, ApprovalType.OpportunityLoss)]
        public void RequestType_Close_ShouldBe(bool won, ApprovalType expected) => Assert.That(CloseRules.RequestType(won), Is.EqualTo(expected));

        [Test]
        public void Requirement_ConfiguredThreshold_ShouldBeUsed()
        {
            var settings = new KamSettings(100, 50, 1000, 2000, 100, 14, "T", null);
            Assert.That(CloseRules.Requirement(true, Opportunity("100", null, false), null, settings), Is.EqualTo(CloseRequirement.WinAboveThreshold));
            Assert.That(CloseRules.Requirement(false, Opportunity("50", null, false), null, settings), Is.EqualTo(CloseRequirement.LossAboveThreshold));
        }
    }
}
