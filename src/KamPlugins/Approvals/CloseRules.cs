using System;
using KamPlugins.Configuration;
using KamPlugins.Model;

namespace KamPlugins.Approvals
{
    /// <summary>Why closing an opportunity needs an approval (or that it does not).</summary>
    internal enum CloseRequirement
    {
        /// <summary>No approval needed.</summary>
        None,
        /// <summary>Win at or above the win threshold (estimated, actual or close value).</summary>
        WinAboveThreshold,
        /// <summary>Lose of an opportunity whose customer (or parent account) is a key account.</summary>
        LossOfKeyAccount,
        /// <summary>Lose at or above the loss threshold.</summary>
        LossAboveThreshold,
    }

    /// <summary>
    /// When Win and Lose need approval. A Win needs an approved Opportunity win request when the
    /// opportunity's estimated or actual value, or the value it is closed at, reaches the win threshold;
    /// the request must have been approved for exactly the close amount. A Lose needs a verified loss
    /// (an approved Opportunity loss request) for key-account opportunities and from the loss threshold.
    /// </summary>
    internal static class CloseRules
    {
        /// <summary>The requirement for closing <paramref name="opportunity"/> as won (<paramref name="won"/>) or lost, at <paramref name="closeAmount"/>.</summary>
        internal static CloseRequirement Requirement(bool won, RecordFacts opportunity, decimal? closeAmount, KamSettings settings)
        {
            if (opportunity == null) throw new ArgumentNullException(nameof(opportunity));
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            if (won)
            {
                var highest = Max(opportunity.HighestValue, closeAmount);
                return highest.HasValue && highest.Value >= settings.WinApprovalThreshold ? CloseRequirement.WinAboveThreshold : CloseRequirement.None;
            }
            if (opportunity.IsKeyAccount) return CloseRequirement.LossOfKeyAccount;
            // A lost opportunity's close revenue is usually 0: the loss threshold looks at what was at stake.
            var value = opportunity.HighestValue;
            return value.HasValue && value.Value >= settings.LossVerificationThreshold ? CloseRequirement.LossAboveThreshold : CloseRequirement.None;
        }

        /// <summary>The request type a close needs.</summary>
        internal static ApprovalType RequestType(bool won) => won ? ApprovalType.OpportunityWin : ApprovalType.OpportunityLoss;

        /// <summary>
        /// The amount the close is about, compared with the approved snapshot: a Win is recorded at the
        /// close's actual revenue when given, else at the opportunity's amount; a Lose is about the
        /// opportunity's estimated value (its close revenue is not what was verified).
        /// </summary>
        internal static decimal? OperationAmount(bool won, RecordFacts opportunity, decimal? closeAmount)
        {
            if (opportunity == null) throw new ArgumentNullException(nameof(opportunity));
            return won ? closeAmount ?? opportunity.Amount : opportunity.EstimatedValue;
        }

        private static decimal? Max(decimal? a, decimal? b) => a.HasValue && b.HasValue ? Math.Max(a.Value, b.Value) : a ?? b;
    }
}
