using System;
using KamPlugins.Approvals;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    public class ApprovalSnapshotsTests
    {
        private static readonly EntityReference CustomerA = new EntityReference(AccountTable.LogicalName, new Guid("00000000-0000-0000-0000-00000000aaaa"));
        private static readonly EntityReference CustomerB = new EntityReference(AccountTable.LogicalName, new Guid("00000000-0000-0000-0000-00000000bbbb"));
        private static readonly EntityReference OwnerA = new EntityReference(SystemUserTable.LogicalName, new Guid("00000000-0000-0000-0000-00000000cccc"));
        private static readonly EntityReference OwnerB = new EntityReference(SystemUserTable.LogicalName, new Guid("00000000-0000-0000-0000-00000000dddd"));
        private static readonly EntityReference TeamA = new EntityReference(TeamTable.LogicalName, OwnerA.Id);

        private static EntityReference Customer(string name) => name == "A" ? CustomerA : name == "B" ? CustomerB : null;
        private static EntityReference Owner(string name) => name == "A" ? OwnerA : name == "B" ? OwnerB : name == "TeamA" ? TeamA : null;
        private static decimal? Amount(string text) => text == null ? null : decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        // type, approved (amount, customer, state), operation (amount, customer, state) → mismatch
        [TestCase(ApprovalType.OpportunityWin, "1000000", "A", 1, "1000000", "A", 1, nameof(SnapshotMismatch.None))]
        [TestCase(ApprovalType.OpportunityWin, "1000000", "A", 1, "1000000.00", "A", 1, nameof(SnapshotMismatch.None))]
        [TestCase(ApprovalType.OpportunityWin, "1000000", "A", 1, "1200000", "A", 1, nameof(SnapshotMismatch.Amount))]
        [TestCase(ApprovalType.OpportunityWin, "1000000", "A", 1, "999999.99", "A", 1, nameof(SnapshotMismatch.Amount))]
        [TestCase(ApprovalType.OpportunityWin, null, "A", 1, "1200000", "A", 1, nameof(SnapshotMismatch.Amount))]
        [TestCase(ApprovalType.OpportunityWin, "1000000", "A", 1, null, "A", 1, nameof(SnapshotMismatch.Amount))]
        [TestCase(ApprovalType.OpportunityWin, null, "A", 1, null, "A", 1, nameof(SnapshotMismatch.None))]
        [TestCase(ApprovalType.OpportunityWin, "1000000", "A", 1, "1000000", "B", 1, nameof(SnapshotMismatch.Customer))]
        [TestCase(ApprovalType.OpportunityWin, "1000000", "A", 1, "1000000", null, 1, nameof(SnapshotMismatch.Customer))]
        [TestCase(ApprovalType.OpportunityWin, "1000000", "A", 1, "1000000", "A", 2, nameof(SnapshotMismatch.ProposedState))]
        [TestCase(ApprovalType.OpportunityLoss, "600000", "A", 2, "600000", "A", 2, nameof(SnapshotMismatch.None))]
        [TestCase(ApprovalType.OpportunityLoss, "600000", "A", 2, "700000", "A", 2, nameof(SnapshotMismatch.Amount))]
        [TestCase(ApprovalType.ContractActivation, "50000", "A", 528300001, "50000", "A", 528300001, nameof(SnapshotMismatch.None))]
        [TestCase(ApprovalType.ContractActivation, "50000", "A", 528300001, "60000", "A", 528300001, nameof(SnapshotMismatch.Amount))]
        [TestCase(ApprovalType.ContractTermination, "50000", "A", 528300003, "50000", "B", 528300003, nameof(SnapshotMismatch.Customer))]
        [TestCase(ApprovalType.KeyAccountRelease, null, null, null, "5", "B", 3, nameof(SnapshotMismatch.None))]
        public void Compare_AmountCustomerState_ShouldBe(ApprovalType type, string approvedAmount, string approvedCustomer, int? approvedState,
            string operationAmount, string operationCustomer, int? operationState, string expected)
        {
            var approved = new ApprovalSnapshot(Amount(approvedAmount), Customer(approvedCustomer), null, approvedState);
            var operation = new ApprovalSnapshot(Amount(operationAmount), Customer(operationCustomer), null, operationState);
            Assert.That(ApprovalSnapshots.Compare(type, approved, operation), Is.EqualTo(Enum.Parse<SnapshotMismatch>(expected)));
        }

        // approved owner/customer, operation owner/customer → mismatch (transfers)
        [TestCase("A", "A", "A", "A", nameof(SnapshotMismatch.None))]
        [TestCase("A", "A", "B", "A", nameof(SnapshotMismatch.ProposedOwner))]
        [TestCase("A", "A", null, "A", nameof(SnapshotMismatch.ProposedOwner))]
        [TestCase(null, "A", "A", "A", nameof(SnapshotMismatch.ProposedOwner))]
        [TestCase("A", "A", "TeamA", "A", nameof(SnapshotMismatch.ProposedOwner))]
        [TestCase("A", "A", "A", "B", nameof(SnapshotMismatch.Customer))]
        [TestCase("A", "A", "A", null, nameof(SnapshotMismatch.None))]
        [TestCase("A", null, "A", "B", nameof(SnapshotMismatch.None))]
        public void Compare_Transfer_ShouldMatchOwnerExactlyAndKnownCustomer(string approvedOwner, string approvedCustomer, string operationOwner, string operationCustomer, string expected)
        {
            var approved = new ApprovalSnapshot(1m, Customer(approvedCustomer), Owner(approvedOwner), null);
            var operation = new ApprovalSnapshot(2m, Customer(operationCustomer), Owner(operationOwner), null);
            Assert.That(ApprovalSnapshots.Compare(ApprovalType.OwnershipTransfer, approved, operation), Is.EqualTo(Enum.Parse<SnapshotMismatch>(expected)));
        }

        private static RecordFacts Opportunity(decimal? estimated, decimal? actual) =>
            new RecordFacts(RequestBuilder.Opportunity, "Deal", OwnerA, estimated, actual, CustomerA, false, OpportunityTable.State.Open, null);

        // type, estimated, actual, explicit amount → snapshot amount, state
        [TestCase(ApprovalType.OpportunityWin, "1000000", null, null, "1000000", 1)]
        [TestCase(ApprovalType.OpportunityWin, "1000000", "1100000", null, "1100000", 1)]
        [TestCase(ApprovalType.OpportunityWin, "1000000", null, "1200000", "1200000", 1)]
        [TestCase(ApprovalType.OpportunityLoss, "700000", null, null, "700000", 2)]
        [TestCase(ApprovalType.OpportunityLoss, "700000", "0", null, "700000", 2)]
        [TestCase(ApprovalType.OpportunityWin, null, null, null, null, 1)]
        public void For_Opportunity_ShouldTakeAmountCustomerAndState(ApprovalType type, string estimated, string actual, string amount, string expectedAmount, int expectedState)
        {
            var snapshot = ApprovalSnapshots.For(type, Opportunity(Amount(estimated), Amount(actual)), null, Amount(amount));
            Assert.That(snapshot.Amount, Is.EqualTo(Amount(expectedAmount)));
            Assert.That(snapshot.Customer, Is.EqualTo(CustomerA));
            Assert.That(snapshot.ProposedState, Is.EqualTo(expectedState));
            Assert.That(snapshot.ProposedOwner, Is.Null);
        }

        [Test]
        public void For_Transfer_ShouldCarryProposedOwnerAndNoState()
        {
            var snapshot = ApprovalSnapshots.For(ApprovalType.OwnershipTransfer, Opportunity(5m, null), OwnerB);
            Assert.That(snapshot.ProposedOwner, Is.EqualTo(OwnerB));
            Assert.That(snapshot.Customer, Is.EqualTo(CustomerA));
            Assert.That(snapshot.ProposedState, Is.Null);
        }

        [Test]
        public void For_Release_ShouldBeEmpty()
        {
            var snapshot = ApprovalSnapshots.For(ApprovalType.KeyAccountRelease, Opportunity(5m, null), OwnerB);
            Assert.That(new object[] { snapshot.Amount, snapshot.Customer, snapshot.ProposedOwner, snapshot.ProposedState }, Is.All.Null);
        }

        [Test]
        public void For_SameRecordTwice_ShouldCover()
        {
            foreach (var type in ApprovalTypes.All)
            {
                var facts = Opportunity(1000000m, null);
                Assert.That(ApprovalSnapshots.Covers(type, ApprovalSnapshots.For(type, facts, OwnerB), ApprovalSnapshots.For(type, facts, OwnerB)), Is.True, type.ToString());
            }
        }
    }
}
