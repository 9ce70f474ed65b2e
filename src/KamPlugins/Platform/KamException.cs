using System;
using KamPlugins.Platform.Localization;

namespace KamPlugins.Platform
{
    /// <summary>
    /// The product's one domain exception: a rule refused something, with a message for the user in
    /// both languages. The plugin base turns it into an <c>InvalidPluginExecutionException</c> in the
    /// initiating user's language — the only exception whose message Dataverse shows.
    /// </summary>
    [Serializable]
    public sealed class KamException : Exception
    {
        /// <summary>Creates the exception with the user's message.</summary>
        public KamException(LocalizedText userMessage)
            : base(userMessage?.EnglishText)
        {
            UserMessage = userMessage ?? throw new ArgumentNullException(nameof(userMessage));
        }

        /// <summary>Creates the exception with the user's message in both languages.</summary>
        public KamException(string english, string chinese)
            : this(new LocalizedText(english, chinese))
        {
        }

        /// <summary>The message the user sees, in both languages.</summary>
        public LocalizedText UserMessage { get; }
    }
}
