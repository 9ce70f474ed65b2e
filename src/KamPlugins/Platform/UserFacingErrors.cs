using System;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Platform
{
    /// <summary>
    /// The conversion every adapter applies at its edge (the plugin base's rules, shared with the
    /// custom workflow activities, which have no <see cref="LocalPluginContext"/>): a rule refusal
    /// becomes an <see cref="InvalidPluginExecutionException"/> in the initiating user's language,
    /// anything unexpected a friendly bilingual message with the correlation id.
    /// </summary>
    internal static class UserFacingErrors
    {
        /// <summary>The exception the user sees for a refusal, in <paramref name="languageCode"/> (null: both languages).</summary>
        internal static InvalidPluginExecutionException Refusal(KamException refusal, int? languageCode)
        {
            if (refusal == null) throw new ArgumentNullException(nameof(refusal));
            return new InvalidPluginExecutionException(OperationStatus.Failed, refusal.UserMessage.For(languageCode));
        }

        /// <summary>The exception the user sees for a failure the product did not expect (both languages, no further service call).</summary>
        internal static InvalidPluginExecutionException Unexpected(Guid correlationId, Exception unexpected) =>
            new InvalidPluginExecutionException(Texts.Unexpected.Format(correlationId).For(null), unexpected);

        /// <summary>
        /// The user's UI language (usersettings.uilanguageid), or null when it cannot be read: one
        /// RetrieveMultiple as SYSTEM — the same query <see cref="LocalPluginContext.InitiatingUserLanguage"/> makes.
        /// </summary>
        internal static int? ReadUiLanguage(IOrganizationService systemService, Guid userId)
        {
            if (systemService == null) throw new ArgumentNullException(nameof(systemService));
            var query = new QueryExpression(UserSettingsTable.LogicalName)
            {
                ColumnSet = new ColumnSet(UserSettingsTable.UiLanguageId),
                TopCount = 1,
            };
            query.Criteria.AddCondition(UserSettingsTable.SystemUserId, ConditionOperator.Equal, userId);
            var settings = systemService.RetrieveMultiple(query).Entities;
            return settings.Count > 0 && settings[0].TryGetAttributeValue<int>(UserSettingsTable.UiLanguageId, out var language)
                ? language
                : (int?)null;
        }
    }
}
