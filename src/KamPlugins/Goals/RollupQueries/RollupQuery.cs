using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using KamPlugins.Goals.Definitions;
using KamPlugins.Platform;

namespace KamPlugins.Goals.RollupQueries
{
    /// <summary>
    /// A goalrollupquery: its FetchXML and, when the engine can evaluate it on a record (conditions on
    /// the source table's own columns with operators it reproduces exactly), the filter tree. A query
    /// with joins or other operators is still applied — by asking the platform. Immutable.
    /// </summary>
    internal sealed class RollupQuery
    {
        private RollupQuery(Guid id, string fetchXml, string entityName, RecordFilter filter, bool inMemory)
        {
            Id = id;
            FetchXml = fetchXml;
            EntityName = entityName;
            Filter = filter;
            InMemory = inMemory;
            Columns = filter == null ? (IReadOnlyCollection<string>)Array.Empty<string>() : filter.Columns.Distinct(StringComparer.Ordinal).ToList();
        }

        internal Guid Id { get; }
        internal string FetchXml { get; }

        /// <summary>The table the query reads (its root entity).</summary>
        internal string EntityName { get; }

        /// <summary>The conditions on the root table (null when there are none).</summary>
        internal RecordFilter Filter { get; }

        /// <summary>True when the conditions can be evaluated on a record without a query.</summary>
        internal bool InMemory { get; }

        /// <summary>The root-table columns the conditions read.</summary>
        internal IReadOnlyCollection<string> Columns { get; }

        /// <summary>Whether the record meets the query, or Unknown when only the platform can tell.</summary>
        internal FilterOutcome Evaluate(SourceRecord record)
        {
            if (!InMemory) return FilterOutcome.Unknown;
            return Filter == null ? FilterOutcome.Match : Filter.Evaluate(record);
        }

        /// <summary>Parses a rollup query's FetchXML.</summary>
        /// <exception cref="KamException">The FetchXML is not a query on one table.</exception>
        internal static RollupQuery Parse(Guid id, string fetchXml)
        {
            XElement entity;
            try
            {
                var fetch = XElement.Parse(fetchXml ?? string.Empty);
                entity = fetch.Name.LocalName == "fetch" ? fetch.Elements("entity").SingleOrDefault() : null;
            }
            catch (XmlException)
            {
                entity = null;
            }
            catch (InvalidOperationException)
            {
                entity = null;
            }
            var entityName = (string)entity?.Attribute("name");
            if (string.IsNullOrWhiteSpace(entityName)) throw new KamException(GoalTexts.InvalidRollupQuery.Format(id));

            var inMemory = !entity.Descendants("link-entity").Any();
            var groups = new List<RecordFilter>();
            foreach (var filter in entity.Elements("filter"))
            {
                var group = ParseGroup(filter, ref inMemory);
                if (group != null) groups.Add(group);
            }
            RecordFilter root = groups.Count == 0 ? null : groups.Count == 1 ? groups[0] : new FilterGroup(false, groups);
            return new RollupQuery(id, fetchXml, entityName.Trim().ToLowerInvariant(), root, inMemory);
        }

        private static RecordFilter ParseGroup(XElement filter, ref bool inMemory)
        {
            var isOr = string.Equals((string)filter.Attribute("type"), "or", StringComparison.OrdinalIgnoreCase);
            var parts = new List<RecordFilter>();
            foreach (var child in filter.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "condition":
                        parts.Add(ParseCondition(child, ref inMemory));
                        break;
                    case "filter":
                        var group = ParseGroup(child, ref inMemory);
                        if (group != null) parts.Add(group);
                        break;
                    default:
                        inMemory = false;
                        break;
                }
            }
            return parts.Count == 0 ? null : new FilterGroup(isOr, parts);
        }

        private static RecordFilter ParseCondition(XElement condition, ref bool inMemory)
        {
            var column = ((string)condition.Attribute("attribute"))?.Trim().ToLowerInvariant();
            var op = ((string)condition.Attribute("operator"))?.Trim().ToLowerInvariant();
            // A condition on a linked table or comparing two columns is the platform's to evaluate.
            if (string.IsNullOrEmpty(column) || string.IsNullOrEmpty(op)
                || condition.Attribute("entityname") != null || condition.Attribute("valueof") != null
                || !ConditionEvaluator.SupportedOperators.Contains(op))
                inMemory = false;
            var values = new List<string>();
            var single = condition.Attribute("value");
            if (single != null) values.Add(single.Value);
            values.AddRange(condition.Elements("value").Select(v => v.Value));
            return new FilterCondition(column ?? string.Empty, op ?? string.Empty, values);
        }
    }
}
