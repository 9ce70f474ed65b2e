using System;
using KamPlugins.Approvals;
using KamPlugins.Model;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    public class ApprovalExpiryTests
    {
        [TestCase(-60, true)]
        [TestCase(0, true)]
        [TestCase(1, false)]
        [TestCase(60 * 24 * 14, false)]
        public void IsExpired_MinutesUntilExpiry_ShouldBe(int minutes, bool expected) =>
            Assert.That(ApprovalExpiry.IsExpired(RequestBuilder.Now.AddMinutes(minutes), RequestBuilder.Now), Is.EqualTo(expected));

        [Test]
        public void IsExpired_NoExpiry_ShouldFailClosed() => Assert.That(ApprovalExpiry.IsExpired(null, RequestBuilder.Now), Is.True);

        [TestCase(1)]
        [TestCase(14)]
        [TestCase(3650)]
        public void ExpiresOn_Days_ShouldAddDaysToSubmission(int days) =>
            Assert.That(ApprovalExpiry.ExpiresOn(RequestBuilder.Now, days), Is.EqualTo(RequestBuilder.Now.AddDays(days)));

        // stored status, expired → effective status
        [TestCase(ApprovalStatus.Pending, false, ApprovalStatus.Pending)]
        [TestCase(ApprovalStatus.Pending, true, ApprovalStatus.Expired)]
        [TestCase(ApprovalStatus.Approved, false, ApprovalStatus.Approved)]
        [TestCase(ApprovalStatus.Approved, true, ApprovalStatus.Expired)]
        [TestCase(ApprovalStatus.Rejected, true, ApprovalStatus.Rejected)]
        [TestCase(ApprovalStatus.Recalled, true, ApprovalStatus.Recalled)]
        [TestCase(ApprovalStatus.Consumed, true, ApprovalStatus.Consumed)]
        [TestCase(ApprovalStatus.Expired, false, ApprovalStatus.Expired)]
        public void EffectiveStatus_StoredStatusAndClock_ShouldBe(ApprovalStatus stored, bool expired, ApprovalStatus expected)
        {
            var request = RequestBuilder.Make(status: stored, expiresOn: expired ? RequestBuilder.Now.AddSeconds(-1) : RequestBuilder.Now.AddSeconds(1));
            Assert.That(request.EffectiveStatus(RequestBuilder.Now), Is.EqualTo(expected));
        }

        [Test]
        public void EffectiveStatus_ApprovedWithoutExpiry_ShouldBeExpired() =>
            Assert.That(RequestBuilder.Make(status: ApprovalStatus.Approved, noExpiry: true).EffectiveStatus(RequestBuilder.Now), Is.EqualTo(ApprovalStatus.Expired));
    }
}
