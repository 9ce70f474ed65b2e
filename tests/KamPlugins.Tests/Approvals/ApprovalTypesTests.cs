using KamPlugins.Approvals;
using KamPlugins.Model;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    public class ApprovalTypesTests
    {
        [TestCase(ApprovalType.OwnershipTransfer, AccountTable.LogicalName, true)]
        [TestCase(ApprovalType.OwnershipTransfer, OpportunityTable.LogicalName, true)]
        [TestCase(ApprovalType.OwnershipTransfer, ContractTable.LogicalName, true)]
        [TestCase(ApprovalType.KeyAccountRelease, AccountTable.LogicalName, true)]
        [TestCase(ApprovalType.KeyAccountRelease, OpportunityTable.LogicalName, false)]
        [TestCase(ApprovalType.KeyAccountRelease, ContractTable.LogicalName, false)]
        [TestCase(ApprovalType.OpportunityWin, OpportunityTable.LogicalName, true)]
        [TestCase(ApprovalType.OpportunityWin, AccountTable.LogicalName, false)]
        [TestCase(ApprovalType.OpportunityWin, ContractTable.LogicalName, false)]
        [TestCase(ApprovalType.OpportunityLoss, OpportunityTable.LogicalName, true)]
        [TestCase(ApprovalType.OpportunityLoss, AccountTable.LogicalName, false)]
        [TestCase(ApprovalType.ContractActivation, ContractTable.LogicalName, true)]
        [TestCase(ApprovalType.ContractActivation, OpportunityTable.LogicalName, false)]
        [TestCase(ApprovalType.ContractTermination, ContractTable.LogicalName, true)]
        [TestCase(ApprovalType.ContractTermination, AccountTable.LogicalName, false)]
        [TestCase(ApprovalType.OwnershipTransfer, "contact", false)]
        public void Fits_TypeAndTable_ShouldBe(ApprovalType type, string table, bool expected) =>
            Assert.That(ApprovalTypes.Fits(type, table), Is.EqualTo(expected));

        [TestCase(ApprovalType.OwnershipTransfer, null)]
        [TestCase(ApprovalType.KeyAccountRelease, null)]
        [TestCase(ApprovalType.OpportunityWin, OpportunityTable.State.Won)]
        [TestCase(ApprovalType.OpportunityLoss, OpportunityTable.State.Lost)]
        [TestCase(ApprovalType.ContractActivation, (int)ContractStatus.Active)]
        [TestCase(ApprovalType.ContractTermination, (int)ContractStatus.Terminated)]
        public void ProposedState_Type_ShouldBe(ApprovalType type, int? expected) => Assert.That(ApprovalTypes.ProposedState(type), Is.EqualTo(expected));

        [TestCase(AccountTable.LogicalName, ApprovalRequestTable.RegardingAccountId)]
        [TestCase(OpportunityTable.LogicalName, ApprovalRequestTable.RegardingOpportunityId)]
        [TestCase(ContractTable.LogicalName, ApprovalRequestTable.RegardingContractId)]
        [TestCase("contact", null)]
        public void RegardingColumn_Table_ShouldBe(string table, string expected) => Assert.That(ApprovalTypes.RegardingColumn(table), Is.EqualTo(expected));

        [TestCase(ApprovalType.OwnershipTransfer, GuardEventKind.OwnerChange)]
        [TestCase(ApprovalType.KeyAccountRelease, GuardEventKind.KeyAccountRelease)]
        [TestCase(ApprovalType.OpportunityWin, GuardEventKind.OpportunityWin)]
        [TestCase(ApprovalType.OpportunityLoss, GuardEventKind.OpportunityLoss)]
        [TestCase(ApprovalType.ContractActivation, GuardEventKind.ContractLifecycle)]
        [TestCase(ApprovalType.ContractTermination, GuardEventKind.ContractLifecycle)]
        public void GuardKind_Type_ShouldBe(ApprovalType type, GuardEventKind expected) => Assert.That(ApprovalTypes.GuardKind(type), Is.EqualTo(expected));

        [TestCase(528300000, true)]
        [TestCase(528300005, true)]
        [TestCase(528300006, false)]
        [TestCase(0, false)]
        public void IsDefined_Value_ShouldBe(int value, bool expected) => Assert.That(ApprovalTypes.IsDefined(value), Is.EqualTo(expected));

        [Test]
        public void All_ShouldListEveryTypeOnce() =>
            Assert.That(ApprovalTypes.All, Is.EquivalentTo(System.Enum.GetValues(typeof(ApprovalType))).And.Unique);
    }
}
