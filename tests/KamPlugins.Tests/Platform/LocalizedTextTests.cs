using KamPlugins.Platform.Localization;
using NUnit.Framework;

namespace KamPlugins.Tests.Platform
{
    public class LocalizedTextTests
    {
        private static readonly LocalizedText Text = new LocalizedText("Refused {0}", "已拒绝 {0}");

        [TestCase(1033, "Refused x")]
        [TestCase(2052, "已拒绝 x")]
        [TestCase(1028, "已拒绝 x")]
        [TestCase(3076, "已拒绝 x")]
        [TestCase(4100, "已拒绝 x")]
        [TestCase(5124, "已拒绝 x")]
        [TestCase(1031, "Refused x")]
        public void For_UserLanguage_ShouldPickThatLanguage(int language, string expected)
        {
            Assert.That(Text.Format("x").For(language), Is.EqualTo(expected));
        }

        [Test]
        public void For_UnknownLanguage_ShouldShowBothChineseFirst()
        {
            var shown = Text.Format("x").For(null);
            Assert.That(shown, Does.StartWith("已拒绝 x"));
            Assert.That(shown, Does.EndWith("Refused x"));
        }

        [Test]
        public void Format_Numbers_ShouldUseInvariantCulture()
        {
            var text = new LocalizedText("{0:N2}", "{0:N2}").Format(1234567.891m);
            Assert.That(text.EnglishText, Is.EqualTo("1,234,567.89"));
        }

        [TestCase(null, "中文")]
        [TestCase("English", null)]
        [TestCase("", "中文")]
        public void Constructor_MissingLanguage_ShouldThrow(string english, string chinese)
        {
            Assert.That(() => new LocalizedText(english, chinese), Throws.ArgumentException);
        }
    }
}
