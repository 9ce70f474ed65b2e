using System;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using KamPlugins.Goals.Definitions;
using KamPlugins.Goals.RollupQueries;
using KamPlugins.Model;

namespace KamPlugins.Goals.Recalculation
{
    /// <summary>
    /// The FetchXML the goal engine sends: a rollup query narrowed to one record, the records that
    /// count towards a goal column (paged), and their sum or count over one partition. A rollup
    /// query's own filters and joins are carried over as they are; only its columns and orders are
    /// dropped.
    /// </summary>
    internal static class FetchXmlQueries
    {
        internal const string TotalAlias = "total";
        internal const string CountAlias = "records";

        /// <summary>The rollup query, narrowed to one record: one row when the record meets it.</summary>
        internal static string RecordMatch(RollupQuery query, string table, Guid id)
        {
            var key = SourceTables.PrimaryKey(table);
            var entity = Entity(table, query);
            entity.AddFirst(new XElement("attribute", new XAttribute("name", key)));
            entity.Add(new XElement("filter", new XAttribute("type", "and"), Condition(key, "eq", Text(id))));
            return new XElement("fetch", new XAttribute("top", "1"), entity).ToString(SaveOptions.DisableFormatting);
        }

        /// <summary>One page of the records that count, with their id, amount, date and creation time.</summary>
        internal static string Contributors(ContributorSpec spec, int page, int pageSize, string pagingCookie)
        {
            var key = SourceTables.PrimaryKey(spec.Table);
            var entity = Entity(spec.Table, spec.RollupQuery);
            var columns = new[] { key, spec.AmountColumn, spec.DateColumn, CommonColumns.CreatedOn }
                .Where(c => c != null).Distinct(StringComparer.Ordinal).Select(c => new XElement("attribute", new XAttribute("name", c)));
            entity.AddFirst(columns);
            entity.Add(Conditions(spec, null));
            entity.Add(new XElement("order", new XAttribute("attribute", key)));
            var fetch = new XElement("fetch",
                new XAttribute("count", pageSize.ToString(CultureInfo.InvariantCulture)),
                new XAttribute("page", page.ToString(CultureInfo.InvariantCulture)),
                entity);
            // A rollup query's joins can repeat a record; the ledger holds each record once.
            if (entity.Elements("link-entity").Any()) fetch.Add(new XAttribute("distinct", "true"));
            if (!string.IsNullOrEmpty(pagingCookie)) fetch.Add(new XAttribute("paging-cookie", pagingCookie));
            return fetch.ToString(SaveOptions.DisableFormatting);
        }

        /// <summary>The sum (amount) or count of the records that count, within one partition.</summary>
        internal static string Aggregate(ContributorSpec spec, AggregatePartition partition)
        {
            var key = SourceTables.PrimaryKey(spec.Table);
            var entity = Entity(spec.Table, spec.RollupQuery);
            if (spec.AmountColumn != null)
                entity.AddFirst(new XElement("attribute", new XAttribute("name", spec.AmountColumn), new XAttribute("aggregate", "sum"), new XAttribute("alias", TotalAlias)));
            entity.AddFirst(new XElement("attribute", new XAttribute("name", key), new XAttribute("aggregate", "count"), new XAttribute("alias", CountAlias)));
            entity.Add(Conditions(spec, partition));
            return new XElement("fetch", new XAttribute("aggregate", "true"), entity).ToString(SaveOptions.DisableFormatting);
        }

        /// <summary>A date as FetchXML takes it (UTC, full precision).</summary>
        internal static string Text(DateTime value) =>
            DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

        private static string Text(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

        private static XElement Entity(string table, RollupQuery query)
        {
            var entity = new XElement("entity", new XAttribute("name", table));
            if (query == null || query.EntityName != table) return entity;
            var source = XElement.Parse(query.FetchXml).Element("entity");
            foreach (var child in source.Elements().Where(e => e.Name.LocalName == "filter" || e.Name.LocalName == "link-entity"))
            {
                var copy = new XElement(child);
                // Joined columns would break an aggregate and are not needed anywhere else.
                copy.DescendantsAndSelf().Where(e => e.Name.LocalName == "attribute" || e.Name.LocalName == "all-attributes" || e.Name.LocalName == "order")
                    .ToList().ForEach(e => e.Remove());
                entity.Add(copy);
            }
            return entity;
        }

        private static XElement Conditions(ContributorSpec spec, AggregatePartition partition)
        {
            var filter = new XElement("filter", new XAttribute("type", "and"),
                Condition(spec.DateColumn, "ge", Text(partition?.From ?? spec.From)),
                Condition(spec.DateColumn, "lt", Text(partition?.Until ?? spec.Until)));
            if (spec.State.HasValue) filter.Add(Condition(CommonColumns.StateCode, "eq", spec.State.Value.ToString(CultureInfo.InvariantCulture)));
            if (spec.Status.HasValue) filter.Add(Condition(CommonColumns.StatusCode, "eq", spec.Status.Value.ToString(CultureInfo.InvariantCulture)));
            if (spec.Owner != null) filter.Add(Condition(CommonColumns.OwnerId, "eq", Text(spec.Owner.Id)));
            if (spec.AmountColumn != null) filter.Add(new XElement("condition", new XAttribute("attribute", spec.AmountColumn), new XAttribute("operator", "not-null")));
            if (partition?.CreatedFrom != null) filter.Add(Condition(CommonColumns.CreatedOn, "ge", Text(partition.CreatedFrom.Value)));
            if (partition?.CreatedUntil != null) filter.Add(Condition(CommonColumns.CreatedOn, "lt", Text(partition.CreatedUntil.Value)));
            return filter;
        }

        private static XElement Condition(string column, string op, string value) =>
            new XElement("condition", new XAttribute("attribute", column), new XAttribute("operator", op), new XAttribute("value", value));
    }
}
