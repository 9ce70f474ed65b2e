using System;
using KamPlugins.Approvals;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    public class ApprovalUsabilityTests
    {
        private static readonly ApprovalSnapshot Operation = new ApprovalSnapshot(1000000m, RequestBuilder.Customer, null, OpportunityTable.State.Won);

        [TestCase(ApprovalStatus.Approved, false, false, true)]
        [TestCase(ApprovalStatus.Approved, true, false, false)]
        [TestCase(ApprovalStatus.Approved, false, true, false)]
        [TestCase(ApprovalStatus.Pending, false, false, false)]
        [TestCase(ApprovalStatus.Rejected, false, false, false)]
        [TestCase(ApprovalStatus.Recalled, false, false, false)]
        [TestCase(ApprovalStatus.Expired, false, false, false)]
        [TestCase(ApprovalStatus.Consumed, false, false, false)]
        public void IsUsable_StatusExpiryConsumption_ShouldBe(ApprovalStatus status, bool expired, bool consumed, bool expected)
        {
            var request = RequestBuilder.Make(status: status, expiresOn: expired ? RequestBuilder.Now.AddDays(-1) : RequestBuilder.Now.AddDays(1),
                consumedOn: consumed ? RequestBuilder.Now.AddDays(-1) : (DateTime?)null);
            Assert.That(ApprovalUsability.IsUsable(request, ApprovalType.OpportunityWin, RequestBuilder.Opportunity, Operation, RequestBuilder.Now), Is.EqualTo(expected));
        }

        [Test]
        public void IsUsable_OtherType_ShouldBeFalse() =>
            Assert.That(ApprovalUsability.IsUsable(RequestBuilder.Make(status: ApprovalStatus.Approved), ApprovalType.OpportunityLoss, RequestBuilder.Opportunity, Operation, RequestBuilder.Now), Is.False);

        [Test]
        public void IsUsable_OtherRecord_ShouldBeFalse() =>
            Assert.That(ApprovalUsability.IsUsable(RequestBuilder.Make(status: ApprovalStatus.Approved), ApprovalType.OpportunityWin,
                new EntityReference(OpportunityTable.LogicalName, Guid.NewGuid()), Operation, RequestBuilder.Now), Is.False);

        [Test]
        public void IsUsable_ApprovedForLessThanTheWin_ShouldBeFalse() =>
            Assert.That(ApprovalUsability.IsUsable(RequestBuilder.Make(status: ApprovalStatus.Approved), ApprovalType.OpportunityWin, RequestBuilder.Opportunity,
                new ApprovalSnapshot(1200000m, RequestBuilder.Customer, null, OpportunityTable.State.Won), RequestBuilder.Now), Is.False);

        [Test]
        public void FirstUsable_SeveralRequests_ShouldSkipUnusableOnes()
        {
            var usable = RequestBuilder.Make(status: ApprovalStatus.Approved);
            var requests = new[] { RequestBuilder.Make(status: ApprovalStatus.Consumed), RequestBuilder.Make(status: ApprovalStatus.Pending), usable };
            Assert.That(ApprovalUsability.FirstUsable(requests, ApprovalType.OpportunityWin, RequestBuilder.Opportunity, Operation, RequestBuilder.Now), Is.SameAs(usable));
        }

        [Test]
        public void FirstUsable_None_ShouldBeNull() =>
            Assert.That(ApprovalUsability.FirstUsable(new[] { RequestBuilder.Make() }, ApprovalType.OpportunityWin, RequestBuilder.Opportunity, Operation, RequestBuilder.Now), Is.Null);

        [TestCase(ApprovalStatus.Pending, false, true)]
        [TestCase(ApprovalStatus.Pending, true, false)]
        [TestCase(ApprovalStatus.Approved, false, false)]
        public void IsPending_StatusAndExpiry_ShouldBe(ApprovalStatus status, bool expired, bool expected) =>
            Assert.That(ApprovalUsability.IsPending(RequestBuilder.Make(status: status, expiresOn: expired ? RequestBuilder.Now : RequestBuilder.Now.AddHours(1)), RequestBuilder.Now),
                Is.EqualTo(expected));
    }
}
