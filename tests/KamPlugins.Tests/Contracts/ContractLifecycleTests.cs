using System;
using KamPlugins.Contracts;
using KamPlugins.Model;
using NUnit.Framework;

namespace KamPlugins.Tests.Contracts
{
    public class ContractLifecycleTests
    {
        private const int Draft = (int)ContractStatus.Draft;
        private const int Active = (int)ContractStatus.Active;
        private const int Expired = (int)ContractStatus.Expired;
        private const int Terminated = (int)ContractStatus.Terminated;

        [TestCase(Draft, Draft, nameof(ContractTransition.None))]
        [TestCase(null, null, nameof(ContractTransition.None))]
        [TestCase(null, Draft, nameof(ContractTransition.None))]
        [TestCase(Draft, Active, nameof(ContractTransition.Activate))]
        [TestCase(null, Active, nameof(ContractTransition.Activate))]
        [TestCase(Active, Terminated, nameof(ContractTransition.Terminate))]
        [TestCase(Active, Expired, nameof(ContractTransition.Expire))]
        [TestCase(Active, Active, nameof(ContractTransition.None))]
        [TestCase(Draft, Terminated, nameof(ContractTransition.Invalid))]
        [TestCase(Draft, Expired, nameof(ContractTransition.Invalid))]
        [TestCase(Active, Draft, nameof(ContractTransition.Invalid))]
        [TestCase(Expired, Active, nameof(ContractTransition.Invalid))]
        [TestCase(Expired, Terminated, nameof(ContractTransition.Invalid))]
        [TestCase(Terminated, Active, nameof(ContractTransition.Invalid))]
        [TestCase(Terminated, Draft, nameof(ContractTransition.Invalid))]
        [TestCase(Active, 12345, nameof(ContractTransition.Invalid))]
        public void Classify_FromTo_ShouldBe(int? from, int? to, string expected) =>
            Assert.That(ContractLifecycle.Classify(from, to), Is.EqualTo(Enum.Parse<ContractTransition>(expected)));

        [TestCase(nameof(ContractTransition.Activate), ApprovalType.ContractActivation)]
        [TestCase(nameof(ContractTransition.Terminate), ApprovalType.ContractTermination)]
        [TestCase(nameof(ContractTransition.Expire), null)]
        [TestCase(nameof(ContractTransition.None), null)]
        [TestCase(nameof(ContractTransition.Invalid), null)]
        public void RequiredApproval_Transition_ShouldBe(string transition, ApprovalType? expected) =>
            Assert.That(ContractLifecycle.RequiredApproval(Enum.Parse<ContractTransition>(transition)), Is.EqualTo(expected));

        // end date (day), now → ended
        [TestCase("2025-03-10", "2025-03-10T23:59:59", false)]
        [TestCase("2025-03-10", "2025-03-11T00:00:00", true)]
        [TestCase("2025-03-10", "2025-01-01T00:00:00", false)]
        [TestCase("2025-03-10", "2026-01-01T00:00:00", true)]
        public void HasEnded_EndDateAndNow_ShouldBe(string endDate, string now, bool expected) =>
            Assert.That(ContractLifecycle.HasEnded(DateTime.Parse(endDate, System.Globalization.CultureInfo.InvariantCulture),
                DateTime.SpecifyKind(DateTime.Parse(now, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc)), Is.EqualTo(expected));

        [Test]
        public void HasEnded_NoEndDate_ShouldBeFalse() => Assert.That(ContractLifecycle.HasEnded(null, DateTime.UtcNow), Is.False);

        [TestCase(Draft, false)]
        [TestCase(null, false)]
        [TestCase(Active, true)]
        [TestCase(Expired, true)]
        [TestCase(Terminated, true)]
        public void IsInForceOrEnded_Status_ShouldBe(int? status, bool expected)
        {
            Assert.That(ContractLifecycle.IsInForceOrEnded(status), Is.EqualTo(expected));
            Assert.That(ContractLifecycle.CanBeRenewed(status), Is.EqualTo(expected));
        }
    }
}
