using System;
using System.Collections.Generic;
using System.Globalization;
using KamPlugins.Model;

namespace KamPlugins.Configuration
{
    /// <summary>
    /// The organisation's thresholds and approval settings (environment variables), immutable.
    /// A missing or invalid value falls back to its default and is reported in <see cref="Warnings"/>
    /// (traced by the caller) — settings never make an operation fail.
    /// </summary>
    public sealed class KamSettings
    {
        /// <summary>The defaults of <see cref="EnvironmentVariables"/>.</summary>
        public static readonly KamSettings Defaults = new KamSettings(
            EnvironmentVariables.DefaultWinApprovalThreshold,
            EnvironmentVariables.DefaultLossVerificationThreshold,
            EnvironmentVariables.DefaultSecondLevelThreshold,
            EnvironmentVariables.DefaultThirdLevelThreshold,
            EnvironmentVariables.DefaultOpportunityLockThreshold,
            EnvironmentVariables.DefaultApprovalExpiryDays,
            EnvironmentVariables.DefaultKamAdministratorsTeam,
            Array.Empty<string>());

        /// <summary>Creates settings.</summary>
        public KamSettings(
            decimal winApprovalThreshold,
            decimal lossVerificationThreshold,
            decimal secondLevelThreshold,
            decimal thirdLevelThreshold,
            decimal opportunityLockThreshold,
            int approvalExpiryDays,
            string kamAdministratorsTeam,
            IReadOnlyList<string> warnings)
        {
            WinApprovalThreshold = winApprovalThreshold;
            LossVerificationThreshold = lossVerificationThreshold;
            SecondLevelThreshold = secondLevelThreshold;
            ThirdLevelThreshold = thirdLevelThreshold;
            OpportunityLockThreshold = opportunityLockThreshold;
            ApprovalExpiryDays = approvalExpiryDays;
            KamAdministratorsTeam = kamAdministratorsTeam;
            Warnings = warnings ?? Array.Empty<string>();
        }

        /// <summary>Value from which a Win needs approval.</summary>
        public decimal WinApprovalThreshold { get; }

        /// <summary>Value from which a Lose needs a verified loss.</summary>
        public decimal LossVerificationThreshold { get; }

        /// <summary>Amount from which two approval levels are needed.</summary>
        public decimal SecondLevelThreshold { get; }

        /// <summary>Amount from which three approval levels are needed.</summary>
        public decimal ThirdLevelThreshold { get; }

        /// <summary>Estimated value from which an opportunity is ownership-locked.</summary>
        public decimal OpportunityLockThreshold { get; }

        /// <summary>Days a request stays valid.</summary>
        public int ApprovalExpiryDays { get; }

        /// <summary>Name of the KAM administrators team.</summary>
        public string KamAdministratorsTeam { get; }

        /// <summary>Values that were missing or invalid and fell back to defaults.</summary>
        public IReadOnlyList<string> Warnings { get; }

        /// <summary>
        /// Builds settings from raw values by schema name (current value, else default value, as the
        /// platform resolves them). Invalid numbers, negative thresholds, a non-positive expiry or a
        /// second threshold below the first fall back to defaults with a warning.
        /// </summary>
        public static KamSettings FromValues(IReadOnlyDictionary<string, string> values)
        {
            var warnings = new List<string>();
            string Raw(string name) => values != null && values.TryGetValue(name, out var v) ? v : null;

            decimal Amount(string name, decimal fallback)
            {
                var raw = Raw(name);
                if (string.IsNullOrWhiteSpace(raw)) return fallback;
                if (decimal.TryParse(raw.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0) return parsed;
                warnings.Add($"{name}='{raw}' is not a non-negative number; using {fallback.ToString(CultureInfo.InvariantCulture)}");
                return fallback;
            }

            var win = Amount(EnvironmentVariables.WinApprovalThreshold, EnvironmentVariables.DefaultWinApprovalThreshold);
            var loss = Amount(EnvironmentVariables.LossVerificationThreshold, EnvironmentVariables.DefaultLossVerificationThreshold);
            var second = Amount(EnvironmentVariables.SecondLevelThreshold, EnvironmentVariables.DefaultSecondLevelThreshold);
            var third = Amount(EnvironmentVariables.ThirdLevelThreshold, EnvironmentVariables.DefaultThirdLevelThreshold);
            if (third < second)
            {
                warnings.Add($"{EnvironmentVariables.ThirdLevelThreshold} is below {EnvironmentVariables.SecondLevelThreshold}; using defaults for both");
                second = EnvironmentVariables.DefaultSecondLevelThreshold;
                third = EnvironmentVariables.DefaultThirdLevelThreshold;
            }
            var lockThreshold = Amount(EnvironmentVariables.OpportunityLockThreshold, EnvironmentVariables.DefaultOpportunityLockThreshold);

            var expiry = EnvironmentVariables.DefaultApprovalExpiryDays;
            var rawExpiry = Raw(EnvironmentVariables.ApprovalExpiryDays);
            if (!string.IsNullOrWhiteSpace(rawExpiry))
            {
                if (int.TryParse(rawExpiry.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && days > 0 && days <= 3650) expiry = days;
                else warnings.Add($"{EnvironmentVariables.ApprovalExpiryDays}='{rawExpiry}' is not a number of days between 1 and 3650; using {expiry}");
            }

            var team = Raw(EnvironmentVariables.KamAdministratorsTeam);
            if (string.IsNullOrWhiteSpace(team)) team = EnvironmentVariables.DefaultKamAdministratorsTeam;

            return new KamSettings(win, loss, second, third, lockThreshold, expiry, team.Trim(), warnings);
        }
    }
}
