using System;
using KamPlugins.Goals.RollupQueries;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Goals.Recalculation
{
    /// <summary>
    /// Which records of one table count towards one goal column through one rollup field: the
    /// conditions of the contribution rule, as a query. Immutable.
    /// </summary>
    internal sealed class ContributorSpec
    {
        internal ContributorSpec(
            string table,
            string amountColumn,
            string dateColumn,
            DateTime from,
            DateTime until,
            int? state,
            int? status,
            EntityReference owner,
            RollupQuery rollupQuery)
        {
            Table = table;
            AmountColumn = amountColumn;
            DateColumn = dateColumn;
            From = from;
            Until = until;
            State = state;
            Status = status;
            Owner = owner;
            RollupQuery = rollupQuery;
        }

        internal string Table { get; }

        /// <summary>The amount column (null: a count).</summary>
        internal string AmountColumn { get; }

        internal string DateColumn { get; }

        /// <summary>First instant of the goal's period.</summary>
        internal DateTime From { get; }

        /// <summary>First instant after the goal's period.</summary>
        internal DateTime Until { get; }

        internal int? State { get; }
        internal int? Status { get; }

        /// <summary>The goal owner for owner-only goals; null when all records count.</summary>
        internal EntityReference Owner { get; }

        /// <summary>The goal's rollup query for the column, when it reads this table.</summary>
        internal RollupQuery RollupQuery { get; }
    }
}
