using System;
using System.Collections.Generic;
using KamPlugins.Goals.Recalculation;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Goals.Data
{
    /// <summary>A record that counts towards a goal column, as the recalculation reads it. Immutable.</summary>
    internal struct Contributor
    {
        internal Contributor(Guid id, object amount, DateTime date, DateTime createdOn)
        {
            Id = id;
            Amount = amount;
            Date = date;
            CreatedOn = createdOn;
        }

        internal Guid Id { get; }

        /// <summary>The amount column's value (null for a count).</summary>
        internal object Amount { get; }

        internal DateTime Date { get; }
        internal DateTime CreatedOn { get; }
    }

    /// <summary>Reads the records that count towards a goal column, and adds them up with aggregate queries.</summary>
    internal static class ContributorReader
    {
        private const int PageSize = 5000;

        /// <summary>Every record that counts (1 RetrieveMultiple per 5,000 records).</summary>
        internal static IReadOnlyList<Contributor> Read(IOrganizationService service, ContributorSpec spec)
        {
            var result = new List<Contributor>();
            string cookie = null;
            for (var page = 1; ; page++)
            {
                var rows = service.RetrieveMultiple(new FetchExpression(FetchXmlQueries.Contributors(spec, page, PageSize, cookie)));
                foreach (var row in rows.Entities)
                {
                    var date = row.GetAttributeValue<DateTime?>(spec.DateColumn);
                    if (!date.HasValue) continue;
                    result.Add(new Contributor(
                        row.Id,
                        spec.AmountColumn == null ? null : row.Attributes.TryGetValue(spec.AmountColumn, out var amount) ? amount : null,
                        date.Value,
                        row.GetAttributeValue<DateTime?>(Model.CommonColumns.CreatedOn) ?? DateTime.MinValue));
                }
                if (!rows.MoreRecords) return result;
                cookie = rows.PagingCookie;
            }
        }

        /// <summary>The sum (amount) or count over one partition (1 aggregate RetrieveMultiple, under the aggregate limit by construction).</summary>
        internal static decimal? AggregateTotal(IOrganizationService service, ContributorSpec spec, AggregatePartition partition)
        {
            var rows = service.RetrieveMultiple(new FetchExpression(FetchXmlQueries.Aggregate(spec, partition))).Entities;
            if (rows.Count == 0) return null;
            var count = Convert.ToInt32(AliasedValueOf(rows[0], FetchXmlQueries.CountAlias) ?? 0, System.Globalization.CultureInfo.InvariantCulture);
            if (count == 0) return null;
            return spec.AmountColumn == null ? count : AmountValue.Of(AliasedValueOf(rows[0], FetchXmlQueries.TotalAlias), spec.Table, spec.AmountColumn);
        }

        private static object AliasedValueOf(Entity row, string alias) =>
            row.Attributes.TryGetValue(alias, out var value) ? (value as AliasedValue)?.Value ?? value : null;
    }
}
