using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using KamPlugins.Approvals;
using KamPlugins.Contracts;
using KamPlugins.Model;
using KamPlugins.Platform.Localization;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    public class BilingualTextsTests
    {
        private static IEnumerable<TestCaseData> Texts() =>
            new[] { typeof(ApprovalTexts), typeof(ContractTexts) }
                .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                    .Where(field => field.FieldType == typeof(LocalizedText))
                    .Select(field => new TestCaseData((LocalizedText)field.GetValue(null)).SetArgDisplayNames(type.Name + "." + field.Name)));

        private static IEnumerable<int> Placeholders(string text) =>
            Regex.Matches(text, @"\{(\d+)\}").Cast<Match>().Select(m => int.Parse(m.Groups[1].Value)).Distinct().OrderBy(i => i);

        [TestCaseSource(nameof(Texts))]
        public void Text_BothLanguages_ShouldUseTheSamePlaceholders(LocalizedText text) =>
            Assert.That(Placeholders(text.ChineseText), Is.EqualTo(Placeholders(text.EnglishText)));

        [TestCaseSource(nameof(Texts))]
        public void Text_Chinese_ShouldBeChinese(LocalizedText text) =>
            Assert.That(Regex.IsMatch(text.ChineseText, @"[\u4e00-\u9fff]"), Is.True, text.ChineseText);

        [TestCaseSource(nameof(Texts))]
        public void Text_English_ShouldHaveNoChinese(LocalizedText text) =>
            Assert.That(Regex.IsMatch(text.EnglishText, @"[\u4e00-\u9fff]"), Is.False, text.EnglishText);

        [Test]
        public void TypeName_EveryType_ShouldBeDistinctInBothLanguages()
        {
            var names = ApprovalTypes.All.Select(ApprovalTexts.TypeName).ToList();
            Assert.That(names.Select(n => n.EnglishText), Is.Unique);
            Assert.That(names.Select(n => n.ChineseText), Is.Unique);
        }

        [Test]
        public void Format_LocalizedArgument_ShouldBeInsertedPerLanguage()
        {
            var text = ApprovalTexts.Format(new LocalizedText("a {0} {1}", "甲{0}{1}"), new LocalizedText("x", "乙"), 5);
            Assert.That(text.EnglishText, Is.EqualTo("a x 5"));
            Assert.That(text.ChineseText, Is.EqualTo("甲乙5"));
        }

        [TestCase("1000000", "1,000,000")]
        [TestCase("1200000.5", "1,200,000.5")]
        [TestCase(null, "—")]
        public void Amount_Value_ShouldBeFormattedInvariantly(string amount, string expected) =>
            Assert.That(ApprovalTexts.Amount(amount == null ? null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected));

        [Test]
        public void StatusName_EveryStatus_ShouldBeDistinct() =>
            Assert.That(System.Enum.GetValues(typeof(ApprovalStatus)).Cast<ApprovalStatus>().Select(s => ApprovalTexts.StatusName(s).EnglishText), Is.Unique);
    }
}
