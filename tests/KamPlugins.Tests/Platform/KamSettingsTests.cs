using System.Collections.Generic;
using KamPlugins.Configuration;
using KamPlugins.Model;
using NUnit.Framework;

namespace KamPlugins.Tests.Platform
{
    public class KamSettingsTests
    {
        [Test]
        public void FromValues_NothingSet_ShouldBeTheDefaults()
        {
            var settings = KamSettings.FromValues(new Dictionary<string, string>());
            Assert.Multiple(() =>
            {
                Assert.That(settings.WinApprovalThreshold, Is.EqualTo(EnvironmentVariables.DefaultWinApprovalThreshold));
                Assert.That(settings.LossVerificationThreshold, Is.EqualTo(EnvironmentVariables.DefaultLossVerificationThreshold));
                Assert.That(settings.SecondLevelThreshold, Is.EqualTo(EnvironmentVariables.DefaultSecondLevelThreshold));
                Assert.That(settings.ThirdLevelThreshold, Is.EqualTo(EnvironmentVariables.DefaultThirdLevelThreshold));
                Assert.That(settings.OpportunityLockThreshold, Is.EqualTo(EnvironmentVariables.DefaultOpportunityLockThreshold));
                Assert.That(settings.ApprovalExpiryDays, Is.EqualTo(EnvironmentVariables.DefaultApprovalExpiryDays));
                Assert.That(settings.KamAdministratorsTeam, Is.EqualTo(EnvironmentVariables.DefaultKamAdministratorsTeam));
                Assert.That(settings.Warnings, Is.Empty);
            });
        }

        [TestCase("250000", 250000)]
        [TestCase(" 250000.50 ", 250000.50)]
        [TestCase("0", 0)]
        [TestCase("1,000,000", 1000000)]
        public void FromValues_ValidWinThreshold_ShouldBeUsed(string raw, decimal expected)
        {
            var settings = KamSettings.FromValues(new Dictionary<string, string> { [EnvironmentVariables.WinApprovalThreshold] = raw });
            Assert.That(settings.WinApprovalThreshold, Is.EqualTo(expected));
            Assert.That(settings.Warnings, Is.Empty);
        }

        [TestCase("abc")]
        [TestCase("-5")]
        [TestCase("1e400")]
        [TestCase("一百万")]
        public void FromValues_GarbageThreshold_ShouldFallBackWithAWarning(string raw)
        {
            var settings = KamSettings.FromValues(new Dictionary<string, string> { [EnvironmentVariables.WinApprovalThreshold] = raw });
            Assert.That(settings.WinApprovalThreshold, Is.EqualTo(EnvironmentVariables.DefaultWinApprovalThreshold));
            Assert.That(settings.Warnings, Has.Count.EqualTo(1).And.Some.Contains(EnvironmentVariables.WinApprovalThreshold));
        }

        [TestCase("0")]
        [TestCase("-1")]
        [TestCase("3651")]
        [TestCase("7.5")]
        [TestCase("seven")]
        public void FromValues_BadExpiryDays_ShouldFallBackWithAWarning(string raw)
        {
            var settings = KamSettings.FromValues(new Dictionary<string, string> { [EnvironmentVariables.ApprovalExpiryDays] = raw });
            Assert.That(settings.ApprovalExpiryDays, Is.EqualTo(EnvironmentVariables.DefaultApprovalExpiryDays));
            Assert.That(settings.Warnings, Has.Count.EqualTo(1));
        }

        [Test]
        public void FromValues_ThirdLevelBelowSecond_ShouldUseDefaultsForBoth()
        {
            var settings = KamSettings.FromValues(new Dictionary<string, string>
            {
                [EnvironmentVariables.SecondLevelThreshold] = "9000000",
                [EnvironmentVariables.ThirdLevelThreshold] = "100",
            });
            Assert.That(settings.SecondLevelThreshold, Is.EqualTo(EnvironmentVariables.DefaultSecondLevelThreshold));
            Assert.That(settings.ThirdLevelThreshold, Is.EqualTo(EnvironmentVariables.DefaultThirdLevelThreshold));
            Assert.That(settings.Warnings, Has.Count.EqualTo(1));
        }

        [TestCase("   ", EnvironmentVariables.DefaultKamAdministratorsTeam)]
        [TestCase(" KAM 管理员 ", "KAM 管理员")]
        public void FromValues_AdministratorsTeam_ShouldBeTrimmedOrDefault(string raw, string expected)
        {
            var settings = KamSettings.FromValues(new Dictionary<string, string> { [EnvironmentVariables.KamAdministratorsTeam] = raw });
            Assert.That(settings.KamAdministratorsTeam, Is.EqualTo(expected));
        }
    }
}
