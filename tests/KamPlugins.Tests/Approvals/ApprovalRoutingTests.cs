using System;
using KamPlugins.Approvals;
using KamPlugins.Configuration;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    public class ApprovalRoutingTests
    {
        private static readonly Guid Requester = RequestBuilder.Requester;
        private static readonly Guid Manager = new Guid("00000000-0000-0000-0000-000000000011");
        private static readonly Guid EarlierApprover = new Guid("00000000-0000-0000-0000-000000000012");

        public enum ManagerIs { None, Someone, TheRequester, AnEarlierApprover, TheBeneficiary }

        [TestCase(ManagerIs.Someone, false, nameof(AdministratorRouting.None))]
        [TestCase(ManagerIs.None, false, nameof(AdministratorRouting.ChainEnded))]
        [TestCase(ManagerIs.TheRequester, false, nameof(AdministratorRouting.LoopsToRequester))]
        [TestCase(ManagerIs.TheRequester, true, nameof(AdministratorRouting.LoopsToRequester))]
        [TestCase(ManagerIs.AnEarlierApprover, false, nameof(AdministratorRouting.LoopsToEarlierApprover))]
        [TestCase(ManagerIs.TheBeneficiary, false, nameof(AdministratorRouting.Beneficiary))]
        [TestCase(ManagerIs.Someone, true, nameof(AdministratorRouting.DisabledUser))]
        public void Next_Manager_ShouldRouteToPersonOrAdministrators(ManagerIs manager, bool disabled, string expectedRouting)
        {
            var expected = Enum.Parse<AdministratorRouting>(expectedRouting);
            Guid? id = manager switch
            {
                ManagerIs.Someone => Manager,
                ManagerIs.TheRequester => Requester,
                ManagerIs.AnEarlierApprover => EarlierApprover,
                ManagerIs.TheBeneficiary => RequestBuilder.Beneficiary,
                _ => null,
            };
            var candidate = id.HasValue ? new ApproverCandidate(id.Value, disabled, "M") : null;

            var assignment = ApprovalRouting.Next(candidate, Requester, RequestBuilder.Beneficiary, new[] { EarlierApprover });

            Assert.That(assignment.AdministratorReason, Is.EqualTo(expected));
            Assert.That(assignment.IsAdministrators, Is.EqualTo(expected != AdministratorRouting.None));
            if (expected == AdministratorRouting.None) Assert.That(assignment.User.UserId, Is.EqualTo(Manager));
        }

        [Test]
        public void Next_EmptyManagerId_ShouldBeTheEndOfTheChain()
        {
            var assignment = ApprovalRouting.Next(new ApproverCandidate(Guid.Empty, false, null), Requester, null, null);
            Assert.That(assignment.AdministratorReason, Is.EqualTo(AdministratorRouting.ChainEnded));
        }

        [TestCase(null, 1)]
        [TestCase("0", 1)]
        [TestCase("4999999.99", 1)]
        [TestCase("5000000", 2)]
        [TestCase("19999999.99", 2)]
        [TestCase("20000000", 3)]
        [TestCase("900000000", 3)]
        public void Required_Amount_ShouldGiveLevelsByDefaultThresholds(string amount, int expected)
        {
            decimal? value = amount == null ? null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(ApprovalLevels.Required(value, KamSettings.Defaults), Is.EqualTo(expected));
        }

        [TestCase(99, 1)]
        [TestCase(100, 2)]
        [TestCase(199, 2)]
        [TestCase(200, 3)]
        public void Required_ConfiguredThresholds_ShouldBeUsed(int amount, int expected)
        {
            var settings = new KamSettings(1, 1, 100, 200, 1, 14, "T", null);
            Assert.That(ApprovalLevels.Required(amount, settings), Is.EqualTo(expected));
        }
    }
}
