using System;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Approvals
{
    /// <summary>
    /// What the approval rules need to know about the record a request concerns (an account, an
    /// opportunity or a kam_contract), read from the record itself. Immutable.
    /// </summary>
    internal sealed class RecordFacts
    {
        internal RecordFacts(
            EntityReference record,
            string name,
            EntityReference owner,
            decimal? estimatedValue,
            decimal? actualValue,
            EntityReference customer,
            bool isKeyAccount,
            int? state,
            DateTime? endDate)
        {
            Record = record ?? throw new ArgumentNullException(nameof(record));
            Name = name;
            Owner = owner;
            EstimatedValue = estimatedValue;
            ActualValue = actualValue;
            Customer = customer;
            IsKeyAccount = isKeyAccount;
            State = state;
            EndDate = endDate;
        }

        internal EntityReference Record { get; }

        /// <summary>The record's name (for messages; the id when it has none).</summary>
        internal string Name { get; }

        internal string DisplayName => string.IsNullOrWhiteSpace(Name) ? Record.Id.ToString("D") : Name;

        internal EntityReference Owner { get; }

        /// <summary>Opportunity: estimatedvalue. Contract: kam_value. Account: null.</summary>
        internal decimal? EstimatedValue { get; }

        /// <summary>Opportunity: actualvalue. Otherwise null.</summary>
        internal decimal? ActualValue { get; }

        /// <summary>
        /// The amount a decision about the record is about: the actual value when there is one, else the
        /// estimated value (contract: its value).
        /// </summary>
        internal decimal? Amount => ActualValue ?? EstimatedValue;

        /// <summary>The highest of the record's values (thresholds apply to "estimated or actual value").</summary>
        internal decimal? HighestValue =>
            ActualValue.HasValue && EstimatedValue.HasValue ? Math.Max(ActualValue.Value, EstimatedValue.Value) : ActualValue ?? EstimatedValue;

        /// <summary>Opportunity: customerid, else parentaccountid. Contract: kam_customerid. Account: null.</summary>
        internal EntityReference Customer { get; }

        /// <summary>Account: its own flag. Opportunity: its customer or parent account is a key account.</summary>
        internal bool IsKeyAccount { get; }

        /// <summary>Opportunity and account: statecode. Contract: kam_contractstatus.</summary>
        internal int? State { get; }

        /// <summary>Contract: kam_enddate.</summary>
        internal DateTime? EndDate { get; }
    }
}
