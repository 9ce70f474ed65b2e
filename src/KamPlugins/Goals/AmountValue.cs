using System;
using KamPlugins.Model;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Goals
{
    /// <summary>Turns column values into amounts.</summary>
    internal static class AmountValue
    {
        /// <summary>A numeric column value as a decimal (null when empty).</summary>
        /// <exception cref="KamException">The column does not hold a number.</exception>
        internal static decimal? Of(object value, string table, string column)
        {
            switch (value)
            {
                case null: return null;
                case Money money: return money.Value;
                case decimal number: return number;
                case int number: return number;
                case long number: return number;
                case double number: return (decimal)number;
                case float number: return (decimal)number;
                case AliasedValue aliased: return Of(aliased.Value, table, column);
                default: throw new KamException(GoalTexts.AmountNotNumeric.Format(table, column));
            }
        }

        /// <summary>The decimal places a contribution keeps: the ledger's accuracy, and the most any currency has.</summary>
        internal const int Decimals = 4;

        /// <summary>
        /// An amount as a contribution holds it: whole-number metrics count each record's amount rounded
        /// to a whole number (Dynamics offers only whole-number source columns for them), money and
        /// decimal metrics to <see cref="Decimals"/> places — what the ledger stores, so that the amount
        /// a later change takes back is exactly the amount that was added. Both the real-time path and
        /// the recalculation round the same way, per record.
        /// </summary>
        internal static decimal ForColumn(decimal amount, GoalAmountDataType type) =>
            Math.Round(amount, type == GoalAmountDataType.Integer ? 0 : Decimals, MidpointRounding.AwayFromZero);
    }
}
