using System;
using System.Linq;
using KamPlugins.Guard;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using static KamPlugins.Tests.OwnershipLock.LockRecords;

namespace KamPlugins.Tests.OwnershipLock
{
    public class LockedRecordTests
    {
        private static readonly EntityReference Reference = new EntityReference(OpportunityTable.LogicalName, new Guid("70000000-0000-0000-0000-000000000001"));

        [Test]
        public void Knows_ImageWithoutAColumn_Should_NotKnowIt()
        {
            var image = new Entity(OpportunityTable.LogicalName) { [CommonColumns.OwnerId] = User(RepId) };
            var record = LockedRecord.FromRow(Reference, image);
            Assert.Multiple(() =>
            {
                Assert.That(record.Knows(new[] { CommonColumns.OwnerId }), Is.True);
                Assert.That(record.Knows(new[] { OpportunityTable.EstimatedValue }), Is.False, "left out of an image: null or unreadable");
                Assert.That(record.IsComplete, Is.False);
            });
        }

        [Test]
        public void Knows_RetrievedRow_Should_KnowEveryColumn()
        {
            var record = LockedRecord.FromRow(Reference, new Entity(OpportunityTable.LogicalName), complete: true);
            Assert.That(record.Knows(LockedTables.Columns(OpportunityTable.LogicalName)), Is.True);
        }

        [Test]
        public void Overlay_TargetSettingAColumnToNull_Should_KnowItIsEmpty()
        {
            var record = LockedRecord.FromRow(Reference, new Entity(OpportunityTable.LogicalName)).Overlay(new Entity(OpportunityTable.LogicalName) { [OpportunityTable.ParentAccountId] = null });
            Assert.Multiple(() =>
            {
                Assert.That(record.Knows(new[] { OpportunityTable.ParentAccountId }), Is.True);
                Assert.That(record[OpportunityTable.ParentAccountId], Is.Null);
            });
        }

        [Test]
        public void Overlay_Target_Should_ReplaceOnlyLockColumns()
        {
            var before = Opportunity(5m, KeyAccountId);
            var after = before.Overlay(new Entity(OpportunityTable.LogicalName) { [OpportunityTable.CustomerId] = Account(PlainAccountId), ["description"] = "x" });
            Assert.Multiple(() =>
            {
                Assert.That(after[OpportunityTable.CustomerId], Is.EqualTo(Account(PlainAccountId)));
                Assert.That(after["description"], Is.Null);
                Assert.That(before[OpportunityTable.CustomerId], Is.EqualTo(Account(KeyAccountId)), "immutable");
            });
        }

        [Test]
        public void ParentAccounts_Opportunity_Should_BeItsAccountsOnceEach()
        {
            var opportunity = Opportunity(5m, KeyAccountId, KeyAccountId);
            var contactCustomer = Of(OpportunityTable.LogicalName, r => r[OpportunityTable.CustomerId] = new EntityReference(ContactTable.LogicalName, KeyAccountId));
            Assert.Multiple(() =>
            {
                Assert.That(opportunity.ParentAccounts.Select(p => p.Id), Is.EqualTo(new[] { KeyAccountId }));
                Assert.That(contactCustomer.ParentAccounts, Is.Empty, "a contact is not an account");
                Assert.That(Contract(PlainAccountId).ParentAccounts.Single().Id, Is.EqualTo(PlainAccountId));
                Assert.That(KeyAccount().With(AccountTable.ParentAccountId, Account(PlainAccountId)).ParentAccounts.Single().Id, Is.EqualTo(PlainAccountId));
            });
        }

        [Test]
        public void DisplayName_WithoutName_Should_BeTheId()
        {
            var record = LockedRecord.FromRow(Reference, new Entity(OpportunityTable.LogicalName));
            Assert.That(record.DisplayName, Is.EqualTo(Reference.Id.ToString("D")));
        }

        [TestCase(AccountTable.LogicalName, AccountTable.IsKeyAccount)]
        [TestCase(OpportunityTable.LogicalName, OpportunityTable.EstimatedValue)]
        [TestCase(ContractTable.LogicalName, CommonColumns.ApprovedOwnerId)]
        public void DecisionColumns_Table_Should_IncludeWhatMakesItLockedAndTheStamp(string table, string column)
        {
            Assert.Multiple(() =>
            {
                Assert.That(LockedTables.DecisionColumns(table), Does.Contain(column));
                Assert.That(LockedTables.DecisionColumns(table), Does.Contain(CommonColumns.ApprovedOwnerId));
                Assert.That(LockedTables.Columns(table), Is.SupersetOf(LockedTables.DecisionColumns(table)));
                Assert.That(LockedTables.Columns(table), Is.SupersetOf(LockedTables.Watched(table)));
            });
        }
    }
}
