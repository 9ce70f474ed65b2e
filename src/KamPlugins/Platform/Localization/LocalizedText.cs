using System;
using System.Globalization;

namespace KamPlugins.Platform.Localization
{
    /// <summary>
    /// A text in the two languages the product speaks: English (1033) and Simplified Chinese (2052).
    /// Immutable.
    /// </summary>
    public sealed class LocalizedText
    {
        /// <summary>LCID of English (United States).</summary>
        public const int English = 1033;

        /// <summary>LCID of Chinese (Simplified, PRC).</summary>
        public const int SimplifiedChinese = 2052;

        /// <summary>Creates a text from its English and Chinese forms.</summary>
        public LocalizedText(string english, string chinese)
        {
            if (string.IsNullOrEmpty(english)) throw new ArgumentException("English text is required.", nameof(english));
            if (string.IsNullOrEmpty(chinese)) throw new ArgumentException("Chinese text is required.", nameof(chinese));
            EnglishText = english;
            ChineseText = chinese;
        }

        /// <summary>The English text.</summary>
        public string EnglishText { get; }

        /// <summary>The Simplified Chinese text.</summary>
        public string ChineseText { get; }

        /// <summary>Formats both forms with the same arguments (invariant culture for numbers and dates).</summary>
        public LocalizedText Format(params object[] arguments) =>
            new LocalizedText(
                string.Format(CultureInfo.InvariantCulture, EnglishText, arguments),
                string.Format(CultureInfo.InvariantCulture, ChineseText, arguments));

        /// <summary>
        /// The text for a user interface language: Chinese for any Chinese LCID (2052, 4100, 1028, 3076,
        /// 5124), English for any other known language, and both (Chinese first) when the language is
        /// unknown (null), so that nobody gets a message they cannot read.
        /// </summary>
        public string For(int? languageCode)
        {
            if (languageCode == null) return ChineseText + Environment.NewLine + EnglishText;
            return IsChinese(languageCode.Value) ? ChineseText : EnglishText;
        }

        /// <summary>Both forms, English first (for audit records read by either).</summary>
        public string Bilingual => EnglishText + Environment.NewLine + ChineseText;

        /// <summary>True for the LCIDs of the Chinese languages Dataverse offers.</summary>
        public static bool IsChinese(int languageCode) =>
            languageCode == SimplifiedChinese || languageCode == 4100 || languageCode == 1028 || languageCode == 3076 || languageCode == 5124;

        /// <inheritdoc />
        public override string ToString() => Bilingual;
    }
}
