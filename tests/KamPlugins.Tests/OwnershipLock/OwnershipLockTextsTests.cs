using KamPlugins.Approvals;
using KamPlugins.Guard;
using KamPlugins.Model;
using KamPlugins.Platform.Localization;
using NUnit.Framework;

namespace KamPlugins.Tests.OwnershipLock
{
    public class OwnershipLockTextsTests
    {
        [Test]
        public void OwnerChangeRefused_ShouldNameTheRequestTypeAsTheApprovalEngineDoes()
        {
            var type = ApprovalTexts.TypeName(ApprovalType.OwnershipTransfer);
            Assert.Multiple(() =>
            {
                Assert.That(OwnershipLockTexts.OwnerChangeRefused.EnglishText, Does.Contain(type.EnglishText));
                Assert.That(OwnershipLockTexts.OwnerChangeRefused.ChineseText, Does.Contain(type.ChineseText));
                Assert.That(OwnershipLockTexts.OwnerChangeRefused.EnglishText, Does.Contain("your manager approves"));
                Assert.That(OwnershipLockTexts.OwnerChangeRefused.ChineseText, Does.Contain("上级审批"));
            });
        }

        [Test]
        public void ReleaseRefused_ShouldNameTheRequestTypeAsTheApprovalEngineDoes()
        {
            var type = ApprovalTexts.TypeName(ApprovalType.KeyAccountRelease);
            Assert.Multiple(() =>
            {
                Assert.That(OwnershipLockTexts.ReleaseRefused.EnglishText, Does.Contain(type.EnglishText));
                Assert.That(OwnershipLockTexts.ReleaseRefused.ChineseText, Does.Contain(type.ChineseText));
                Assert.That(OwnershipLockTexts.DeactivationRefused.ChineseText, Does.Contain(type.ChineseText));
            });
        }

        [Test]
        public void Compose_LocalizedArgument_ShouldBeUsedInItsLanguage()
        {
            var text = OwnershipLockTexts.Compose(new LocalizedText("It is {0} ({1}).", "它是{0}（{1}）。"), OwnershipLockTexts.KeyAccount, 7);
            Assert.Multiple(() =>
            {
                Assert.That(text.EnglishText, Is.EqualTo("It is a key account (7)."));
                Assert.That(text.ChineseText, Is.EqualTo("它是大客户（7）。"));
            });
        }

        [Test]
        public void PendingLocked_ShouldSayWhoDecidesInBothLanguages()
        {
            var text = OwnershipLockTexts.Compose(OwnershipLockTexts.PendingLocked, "Contoso", null, OwnershipLockTexts.TheKamAdministrators, "KAM Administrators");
            Assert.Multiple(() =>
            {
                Assert.That(text.EnglishText, Does.Contain("the KAM administrators").And.Contain("Contoso"));
                Assert.That(text.ChineseText, Does.Contain("KAM 管理员").And.Contain("Contoso"));
            });
        }
    }
}
