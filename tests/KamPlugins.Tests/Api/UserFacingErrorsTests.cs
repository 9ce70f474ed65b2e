using System;
using KamPlugins.Platform;
using KamPlugins.Platform.Localization;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Api
{
    /// <summary>The conversion the workflow activities share with the plugin base: what the user sees when an operation refuses or fails.</summary>
    public class UserFacingErrorsTests
    {
        private static readonly KamException Refusal = new KamException("The goal is closed.", "目标已关闭。");

        [Test]
        public void Refusal_ForAChineseUser_Should_BeTheChineseTextWithStatusFailed()
        {
            var exception = UserFacingErrors.Refusal(Refusal, LocalizedText.SimplifiedChinese);

            Assert.That(exception.Message, Is.EqualTo("目标已关闭。"));
            Assert.That(exception.Status, Is.EqualTo(OperationStatus.Failed));
        }

        [Test]
        public void Refusal_ForAnEnglishUser_Should_BeTheEnglishText()
        {
            Assert.That(UserFacingErrors.Refusal(Refusal, LocalizedText.English).Message, Is.EqualTo("The goal is closed."));
        }

        [Test]
        public void Refusal_ForAnUnknownLanguage_Should_GiveBothLanguages()
        {
            var message = UserFacingErrors.Refusal(Refusal, null).Message;

            Assert.That(message, Does.Contain("目标已关闭。").And.Contain("The goal is closed."));
        }

        [Test]
        public void Unexpected_Failure_Should_GiveTheCorrelationIdInBothLanguagesAndKeepTheCause()
        {
            var correlation = Guid.NewGuid();
            var cause = new InvalidOperationException("boom");

            var exception = UserFacingErrors.Unexpected(correlation, cause);

            Assert.Multiple(() =>
            {
                Assert.That(exception.Message, Does.Contain(correlation.ToString()));
                Assert.That(exception.Message, Does.Contain("关联 ID").And.Contain("correlation id"));
                Assert.That(exception.Message, Does.Not.Contain("boom"), "no internals for the user");
                Assert.That(exception.InnerException, Is.SameAs(cause));
            });
        }
    }
}
