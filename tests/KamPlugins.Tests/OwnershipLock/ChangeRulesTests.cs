using System.Linq;
using KamPlugins.Guard;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using static KamPlugins.Tests.OwnershipLock.LockRecords;

namespace KamPlugins.Tests.OwnershipLock
{
    public class ChangeRulesTests
    {
        [Test]
        public void Between_SameRecord_ShouldAttemptNothing()
        {
            var account = KeyAccount();
            Assert.That(ChangeRules.Between(account, account), Is.Empty);
        }

        [Test]
        public void Between_NewOwner_ShouldBeAnOwnerChangeToThatOwner()
        {
            var before = KeyAccount();
            var change = ChangeRules.Between(before, before.With(CommonColumns.OwnerId, User(OtherRepId))).Single();
            Assert.Multiple(() =>
            {
                Assert.That(change.Action, Is.EqualTo(LockAction.OwnerChange));
                Assert.That(change.Counterpart, Is.EqualTo(User(OtherRepId)));
                Assert.That(change.Kind, Is.EqualTo(GuardEventKind.OwnerChange));
                Assert.That(change.Key, Is.EqualTo("owner:" + OtherRepId.ToString("N")));
            });
        }

        [TestCase(true, false, "KeyAccountRelease")]
        [TestCase(false, true, "KeyAccountFlag")]
        public void Between_FlagFlipped_ShouldBeReleaseOrFlag(bool from, bool to, string expected)
        {
            var before = KeyAccount(from);
            Assert.That(ChangeRules.Between(before, before.With(AccountTable.IsKeyAccount, to)).Single().Action.ToString(), Is.EqualTo(expected));
        }

        [Test]
        public void Between_FlagClearedToNull_ShouldBeRelease()
        {
            var before = KeyAccount();
            Assert.That(ChangeRules.Between(before, before.With(AccountTable.IsKeyAccount, null)).Single().Action, Is.EqualTo(LockAction.KeyAccountRelease));
        }

        [TestCase(0, 1, true)]
        [TestCase(1, 0, false)]
        [TestCase(1, 1, false)]
        public void Between_StateChange_ShouldBeDeactivationOnlyTowardsInactive(int from, int to, bool expected)
        {
            var before = KeyAccount(state: from);
            var changes = ChangeRules.Between(before, before.With(CommonColumns.StateCode, new OptionSetValue(to)));
            Assert.That(changes.Any(c => c.Action == LockAction.Deactivation), Is.EqualTo(expected));
        }

        [Test]
        public void Between_OpportunityMovedToAnotherCustomer_ShouldBeACustomerChange()
        {
            var before = Opportunity(5m, KeyAccountId);
            var change = ChangeRules.Between(before, before.With(OpportunityTable.CustomerId, Account(PlainAccountId))).Single();
            Assert.Multiple(() =>
            {
                Assert.That(change.Action, Is.EqualTo(LockAction.CustomerChange));
                Assert.That(change.Column, Is.EqualTo(OpportunityTable.CustomerId));
                Assert.That(change.OldValue, Is.EqualTo(Account(KeyAccountId)));
            });
        }

        [Test]
        public void Between_CustomerCleared_ShouldBeACustomerChange()
        {
            var before = Contract(KeyAccountId);
            Assert.That(ChangeRules.Between(before, before.With(ContractTable.CustomerId, null)).Single().Action, Is.EqualTo(LockAction.CustomerChange));
        }

        [Test]
        public void Between_CustomerSetWhereThereWasNone_ShouldNotBeAMove()
        {
            var before = Opportunity(5m);
            Assert.That(ChangeRules.Between(before, before.With(OpportunityTable.ParentAccountId, Account(KeyAccountId))), Is.Empty);
        }

        [Test]
        public void OnCreate_OwnedByTheInitiatingUser_ShouldAttemptNothing()
        {
            Assert.That(ChangeRules.OnCreate(Contract(), RepId), Is.Empty);
        }

        [Test]
        public void OnCreate_OwnedBySomeoneElse_ShouldBeACreateForThatOwner()
        {
            var change = ChangeRules.OnCreate(Contract(), OtherRepId).Single();
            Assert.That(change.Action, Is.EqualTo(LockAction.CreateForOther));
            Assert.That(change.Counterpart, Is.EqualTo(User(RepId)));
        }

        [Test]
        public void OnCreate_OwnedByATeamWithTheSameId_ShouldBeACreateForOther()
        {
            var created = Contract().With(CommonColumns.OwnerId, new EntityReference(TeamTable.LogicalName, RepId));
            Assert.That(ChangeRules.OnCreate(created, RepId).Single().Action, Is.EqualTo(LockAction.CreateForOther));
        }

        [Test]
        public void OnCreate_FlaggedAccount_ShouldSetTheFlag()
        {
            Assert.That(ChangeRules.OnCreate(KeyAccount(), RepId).Single().Action, Is.EqualTo(LockAction.KeyAccountFlag));
        }

        [TestCase(SharedAccess.ReadAccess, false, ExpectedResult = false)]
        [TestCase(SharedAccess.ReadAccess | SharedAccess.AppendToAccess, false, ExpectedResult = false)]
        [TestCase(SharedAccess.WriteAccess, false, ExpectedResult = true)]
        [TestCase(SharedAccess.AssignAccess, false, ExpectedResult = true)]
        [TestCase(SharedAccess.ShareAccess, false, ExpectedResult = true)]
        [TestCase(SharedAccess.ReadAccess | SharedAccess.WriteAccess, false, ExpectedResult = true)]
        [TestCase(SharedAccess.WriteAccess, true, ExpectedResult = false)]
        public bool OnShare_Mask_ShouldBeGuardedWhenItGivesControlToSomeoneElse(long mask, bool toTheOwner)
        {
            var record = KeyAccount();
            return ChangeRules.OnShare(record, toTheOwner ? User(RepId) : User(OtherRepId), mask) != null;
        }

        [Test]
        public void OnUnreadableShare_OnALockedRecord_Should_BeGuarded()
        {
            var change = ChangeRules.OnUnreadableShare();
            Assert.Multiple(() =>
            {
                Assert.That(change.Action, Is.EqualTo(LockAction.ShareWrite));
                Assert.That(LockRules.IsGuarded(change, Protection.Because(OwnershipLockTexts.Contract), Protection.None), Is.True);
                Assert.That(LockRules.IsGuarded(change, Protection.None, Protection.None), Is.False);
            });
        }

        private static Entity Image(string table, params (string column, object value)[] columns)
        {
            var image = new Entity(table);
            foreach (var (column, value) in columns) image[column] = value;
            return image;
        }

        [Test]
        public void UpdateMatters_NoWatchedColumn_ShouldBeFalse()
        {
            var target = Image(AccountTable.LogicalName, (AccountTable.Name, "New name"));
            Assert.That(ChangeRules.UpdateMatters(AccountTable.LogicalName, target, Image(AccountTable.LogicalName)), Is.False);
        }

        [Test]
        public void UpdateMatters_OwnerSentWithItsCurrentValue_ShouldBeFalse()
        {
            var pre = Image(AccountTable.LogicalName, (CommonColumns.OwnerId, User(RepId)));
            var target = Image(AccountTable.LogicalName, (CommonColumns.OwnerId, User(RepId)));
            Assert.That(ChangeRules.UpdateMatters(AccountTable.LogicalName, target, pre), Is.False);
        }

        [Test]
        public void UpdateMatters_OwnerChanged_ShouldBeTrue()
        {
            var pre = Image(AccountTable.LogicalName, (CommonColumns.OwnerId, User(RepId)));
            var target = Image(AccountTable.LogicalName, (CommonColumns.OwnerId, User(OtherRepId)));
            Assert.That(ChangeRules.UpdateMatters(AccountTable.LogicalName, target, pre), Is.True);
        }

        [Test]
        public void UpdateMatters_FlagNotInPreImage_ShouldBeTrue()
        {
            var target = Image(AccountTable.LogicalName, (AccountTable.IsKeyAccount, false));
            Assert.That(ChangeRules.UpdateMatters(AccountTable.LogicalName, target, Image(AccountTable.LogicalName)), Is.True);
        }

        [TestCase(true, ExpectedResult = false)]
        [TestCase(false, ExpectedResult = true)]
        public bool UpdateMatters_ValueOnly_ShouldMatterOnlyWhenTheStampDoesNotNameTheOwner(bool stamped)
        {
            var pre = Image(OpportunityTable.LogicalName, (CommonColumns.OwnerId, User(RepId)), (OpportunityTable.EstimatedValue, new Money(10m)));
            if (stamped) pre[CommonColumns.ApprovedOwnerId] = User(RepId);
            var target = Image(OpportunityTable.LogicalName, (OpportunityTable.EstimatedValue, new Money(2000000m)));
            return ChangeRules.UpdateMatters(OpportunityTable.LogicalName, target, pre);
        }

        [Test]
        public void UpdateMatters_UnwatchedTable_ShouldBeFalse()
        {
            var target = Image("contact", (CommonColumns.OwnerId, User(OtherRepId)));
            Assert.That(ChangeRules.UpdateMatters("contact", target, Image("contact")), Is.False);
        }
    }
}
