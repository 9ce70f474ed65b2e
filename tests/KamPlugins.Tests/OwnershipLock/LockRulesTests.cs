using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Approvals;
using KamPlugins.Guard;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using static KamPlugins.Tests.OwnershipLock.LockRecords;

namespace KamPlugins.Tests.OwnershipLock
{
    public class LockRulesTests
    {
        private static readonly Protection Locked = Protection.Because(OwnershipLockTexts.KeyAccount);

        private static LockAction Action(string name) => (LockAction)Enum.Parse(typeof(LockAction), name);

        private static AttemptedChange Change(LockAction action) =>
            new AttemptedChange(action, CommonColumns.OwnerId, User(RepId), action == LockAction.OwnerChange || action == LockAction.CreateForOther ? User(OtherRepId) : null);

        [TestCase("OwnerChange", false, false, ExpectedResult = false)]
        [TestCase("OwnerChange", true, false, ExpectedResult = true)]
        [TestCase("OwnerChange", false, true, ExpectedResult = true)]
        [TestCase("CustomerChange", false, true, ExpectedResult = false)]
        [TestCase("CustomerChange", true, false, ExpectedResult = true)]
        [TestCase("Delete", false, false, ExpectedResult = false)]
        [TestCase("Delete", true, false, ExpectedResult = true)]
        [TestCase("Deactivation", true, false, ExpectedResult = true)]
        [TestCase("Deactivation", false, false, ExpectedResult = false)]
        [TestCase("MergeAway", true, false, ExpectedResult = true)]
        [TestCase("MergeAway", false, false, ExpectedResult = false)]
        [TestCase("ShareWrite", true, false, ExpectedResult = true)]
        [TestCase("ShareWrite", false, false, ExpectedResult = false)]
        [TestCase("KeyAccountRelease", false, false, ExpectedResult = true)]
        [TestCase("KeyAccountFlag", false, false, ExpectedResult = true)]
        [TestCase("CreateForOther", false, true, ExpectedResult = true)]
        [TestCase("CreateForOther", false, false, ExpectedResult = false)]
        public bool IsGuarded_ActionAndProtection_ShouldFollowTheLockTable(string action, bool lockedBefore, bool lockedAfter) =>
            LockRules.IsGuarded(Change(Action(action)), lockedBefore ? Locked : Protection.None, lockedAfter ? Locked : Protection.None);

        [TestCase("OwnerChange", ExpectedResult = ApprovalType.OwnershipTransfer)]
        [TestCase("KeyAccountRelease", ExpectedResult = ApprovalType.KeyAccountRelease)]
        [TestCase("CustomerChange", ExpectedResult = null)]
        [TestCase("Delete", ExpectedResult = null)]
        [TestCase("Deactivation", ExpectedResult = null)]
        [TestCase("MergeAway", ExpectedResult = null)]
        [TestCase("ShareWrite", ExpectedResult = null)]
        [TestCase("KeyAccountFlag", ExpectedResult = null)]
        [TestCase("CreateForOther", ExpectedResult = null)]
        public ApprovalType? ApprovalTypeFor_Action_ShouldNameTheRequestThatCanAuthoriseIt(string action) => LockRules.ApprovalTypeFor(Action(action));

        [TestCase("KeyAccountFlag", ExpectedResult = true)]
        [TestCase("CreateForOther", ExpectedResult = true)]
        [TestCase("OwnerChange", ExpectedResult = false)]
        [TestCase("KeyAccountRelease", ExpectedResult = false)]
        [TestCase("Delete", ExpectedResult = false)]
        public bool OwnersManagerMay_Action_ShouldBeOnlyFlagAndCreate(string action) => LockRules.OwnersManagerMay(Action(action));

        [TestCase(AccountTable.LogicalName, "OwnerChange", ExpectedResult = "Assign")]
        [TestCase(AccountTable.LogicalName, "Delete", ExpectedResult = "Delete")]
        [TestCase(AccountTable.LogicalName, "MergeAway", ExpectedResult = "Merge")]
        [TestCase(AccountTable.LogicalName, "ShareWrite", ExpectedResult = null)]
        [TestCase(OpportunityTable.LogicalName, "OwnerChange", ExpectedResult = null)]
        [TestCase(ContractTable.LogicalName, "Delete", ExpectedResult = null)]
        public string CascadeOf_AccountChanges_ShouldNameTheCascade(string table, string action) => LockRules.CascadeOf(Change(Action(action)), table)?.ToString();

        // Each fact is given as a letter: C covered, A approval, M owner's manager, D administrator.
        [TestCase("OwnerChange", "CAMD", "Covered", "C")]
        [TestCase("OwnerChange", "AMD", "Authorised", "CA")]
        [TestCase("OwnerChange", "MD", "AdministratorOverride", "CAD")]
        [TestCase("OwnerChange", "M", "Refused", "CAD")]
        [TestCase("OwnerChange", "", "Refused", "CAD")]
        [TestCase("KeyAccountRelease", "AD", "Authorised", "CA")]
        [TestCase("KeyAccountFlag", "MD", "OwnersManager", "CM")]
        [TestCase("KeyAccountFlag", "AD", "AdministratorOverride", "CMD")]
        [TestCase("CreateForOther", "M", "OwnersManager", "CM")]
        [TestCase("Delete", "AMD", "AdministratorOverride", "CD")]
        [TestCase("Delete", "AM", "Refused", "CD")]
        [TestCase("ShareWrite", "", "Refused", "CD")]
        public void Decide_Facts_ShouldAskInOrderAndStopAtTheFirstThatAllows(string actionName, string facts, string expectedName, string asked)
        {
            var action = Action(actionName);
            var expected = (LockVerdict)Enum.Parse(typeof(LockVerdict), expectedName);
            var log = new List<char>();
            var request = new ApprovalRequestInfo(Guid.NewGuid(), ApprovalType.OwnershipTransfer, ApprovalStatus.Approved, RepId, null, null, null);
            var decision = LockRules.Decide(
                Change(action),
                () => { log.Add('C'); return facts.Contains('C'); },
                type => { log.Add('A'); return facts.Contains('A') ? request : null; },
                () => { log.Add('M'); return facts.Contains('M'); },
                () => { log.Add('D'); return facts.Contains('D'); });
            Assert.Multiple(() =>
            {
                Assert.That(decision.Verdict, Is.EqualTo(expected));
                Assert.That(new string(log.ToArray()), Is.EqualTo(asked));
                Assert.That(decision.Approval, expected == LockVerdict.Authorised ? Is.SameAs(request) : Is.Null);
                Assert.That(decision.IsAllowed, Is.EqualTo(expected != LockVerdict.Refused));
            });
        }

        [TestCase("Refused", ExpectedResult = true)]
        [TestCase("Authorised", ExpectedResult = true)]
        [TestCase("AdministratorOverride", ExpectedResult = true)]
        [TestCase("Covered", ExpectedResult = false)]
        [TestCase("OwnersManager", ExpectedResult = false)]
        [TestCase("NotGuarded", ExpectedResult = false)]
        public bool IsRecorded_Verdict_ShouldBeRefusalsAuthorisationsAndOverrides(string verdict) => new LockDecision((LockVerdict)Enum.Parse(typeof(LockVerdict), verdict)).IsRecorded;

        [Test]
        public void GrantSources_OwnerChangeOfAnOpportunity_ShouldBeItselfAndItsAccountsToTheSameOwner()
        {
            var before = Opportunity(5m, KeyAccountId, PlainAccountId);
            var change = ChangeRules.Between(before, before.With(CommonColumns.OwnerId, User(OtherRepId))).Single();
            var sources = LockRules.GrantSources(change, before).Select(s => s.Record.Id + "/" + s.Key).ToList();
            var key = "owner:" + OtherRepId.ToString("N");
            Assert.That(sources, Is.EquivalentTo(new[] { before.Reference.Id + "/" + key, KeyAccountId + "/" + key, PlainAccountId + "/" + key }));
        }

        [Test]
        public void GrantSources_CustomerChange_ShouldBeTheOldAccountMergedOrDeleted()
        {
            var before = Opportunity(5m, KeyAccountId);
            var change = ChangeRules.Between(before, before.With(OpportunityTable.CustomerId, Account(PlainAccountId))).Single();
            var sources = LockRules.GrantSources(change, before).Skip(1).Select(s => s.Record.Id + "/" + s.Key).ToList();
            Assert.That(sources, Is.EquivalentTo(new[] { KeyAccountId + "/merge", KeyAccountId + "/delete" }));
        }

        [Test]
        public void GrantSources_DeleteOfAContract_ShouldBeItsAccountDeleted()
        {
            var before = Contract(KeyAccountId);
            var sources = LockRules.GrantSources(ChangeRules.OnDelete(), before).Select(s => s.Record.Id + "/" + s.Key).ToList();
            Assert.That(sources, Is.EquivalentTo(new[] { before.Reference.Id + "/delete", KeyAccountId + "/delete" }));
        }

        [Test]
        public void GrantSources_Deactivation_ShouldIncludeItsOwnMergeAway()
        {
            var before = KeyAccount();
            var change = ChangeRules.Between(before, before.With(CommonColumns.StateCode, new OptionSetValue(1))).Single();
            Assert.That(LockRules.GrantSources(change, before).Select(s => s.Key), Is.EquivalentTo(new[] { "deactivate", "merge" }));
        }

        [Test]
        public void GrantSources_Release_ShouldBeOnlyItself()
        {
            var before = KeyAccount();
            var change = ChangeRules.Between(before, before.With(AccountTable.IsKeyAccount, false)).Single();
            Assert.That(LockRules.GrantSources(change, before).Select(s => s.Key), Is.EquivalentTo(new[] { "release" }));
        }

        [TestCase(true, false, false, ExpectedResult = "other")]
        [TestCase(false, false, false, ExpectedResult = null)]
        [TestCase(false, true, false, ExpectedResult = "other")]
        [TestCase(true, false, true, ExpectedResult = null)]
        public string StampAfter_OwnerChange_ShouldFollowTrackedRecordsOnly(bool lockedOrAuthorised, bool stampedBefore, bool stampAlreadyOther)
        {
            var before = KeyAccount();
            if (stampedBefore) before = before.With(CommonColumns.ApprovedOwnerId, User(RepId));
            var after = before.With(CommonColumns.OwnerId, User(OtherRepId));
            if (stampAlreadyOther) after = after.With(CommonColumns.ApprovedOwnerId, User(OtherRepId));
            var stamp = LockRules.StampAfter(before, after, lockedOrAuthorised);
            return stamp == null ? null : stamp.Id == OtherRepId ? "other" : "wrong";
        }

        [Test]
        public void StampAfter_CreatedLockedRecord_ShouldBeItsOwner()
        {
            Assert.That(LockRules.StampAfter(null, Contract(), true), Is.EqualTo(User(RepId)));
        }

        [Test]
        public void StampAfter_Deleted_ShouldBeNothing()
        {
            Assert.That(LockRules.StampAfter(KeyAccount(), null, true), Is.Null);
        }

        [Test]
        public void RefusalText_EveryAction_ShouldBeBilingualAndSayWhatToDo()
        {
            foreach (LockAction action in Enum.GetValues(typeof(LockAction)))
            {
                var text = OwnershipLockTexts.Compose(LockRules.RefusalText(action), "Contoso", OwnershipLockTexts.KeyAccount, "Wang", "KAM Administrators");
                Assert.Multiple(() =>
                {
                    Assert.That(text.EnglishText, Does.Contain("Contoso").And.Contain("防飞单").And.Contain("Nothing was"), action.ToString());
                    Assert.That(text.ChineseText, Does.Contain("Contoso").And.Contain("防飞单").And.Contain("未"), action.ToString());
                    Assert.That(text.EnglishText, Does.Not.Contain("{").And.Not.Contain("大客户经理"), action.ToString());
                });
            }
        }
    }
}
