using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Goals.Definitions;
using KamPlugins.Goals.RollupQueries;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Goals.Data
{
    /// <summary>Reads the goal configuration: metrics with their rollup fields, rollup queries, the rollup expiry setting.</summary>
    internal static class GoalConfigurationReader
    {
        private const string MetricAlias = "metric";

        /// <summary>Days a goal keeps rolling up after its end date when the organisation does not say (the built-in default).</summary>
        internal const int DefaultRollupExpiryDays = 30;

        /// <summary>
        /// Every metric with a rollup field on <paramref name="sourceTable"/>, with all its rollup fields
        /// (1 RetrieveMultiple): a metric is supported or not as a whole, whichever table changed.
        /// </summary>
        internal static IReadOnlyList<MetricDefinition> MetricsForSource(IOrganizationService service, string sourceTable)
        {
            var query = FieldQuery();
            query.Distinct = true;
            // rollupfield → metric → rollupfield on this table: the metric's other fields come along.
            var metric = query.LinkEntities[0];
            var sameMetric = metric.AddLink(RollupFieldTable.LogicalName, MetricTable.Id, RollupFieldTable.MetricId);
            sameMetric.LinkCriteria.AddCondition(RollupFieldTable.SourceEntity, ConditionOperator.Equal, sourceTable);
            return ToMetrics(service.RetrieveMultiple(query).Entities);
        }

        /// <summary>Metrics by id, with all their rollup fields (1 RetrieveMultiple; none for an empty list).</summary>
        internal static IReadOnlyList<MetricDefinition> MetricsByIds(IOrganizationService service, IEnumerable<Guid> metricIds)
        {
            var list = metricIds.Distinct().ToList();
            if (list.Count == 0) return Array.Empty<MetricDefinition>();
            var query = FieldQuery();
            query.Criteria.AddCondition(RollupFieldTable.MetricId, ConditionOperator.In, list.Cast<object>().ToArray());
            return ToMetrics(service.RetrieveMultiple(query).Entities);
        }

        /// <summary>Rollup queries by id, parsed (1 RetrieveMultiple; none for an empty list).</summary>
        internal static IReadOnlyDictionary<Guid, RollupQuery> RollupQueries(IOrganizationService service, IEnumerable<Guid> ids)
        {
            var list = ids.Distinct().ToList();
            var result = new Dictionary<Guid, RollupQuery>();
            if (list.Count == 0) return result;
            var query = new QueryExpression(GoalRollupQueryTable.LogicalName) { ColumnSet = new ColumnSet(GoalRollupQueryTable.FetchXml) };
            query.Criteria.AddCondition(GoalRollupQueryTable.Id, ConditionOperator.In, list.Cast<object>().ToArray());
            foreach (var row in service.RetrieveMultiple(query).Entities)
                result[row.Id] = RollupQuery.Parse(row.Id, row.GetAttributeValue<string>(GoalRollupQueryTable.FetchXml));
            return result;
        }

        /// <summary>organization.goalrollupexpirytime (1 RetrieveMultiple), or the default when unset.</summary>
        internal static int RollupExpiryDays(IOrganizationService service)
        {
            var query = new QueryExpression(OrganizationTable.LogicalName) { ColumnSet = new ColumnSet(OrganizationTable.GoalRollupExpiryTime), TopCount = 1 };
            var rows = service.RetrieveMultiple(query).Entities;
            var days = rows.Count > 0 ? rows[0].GetAttributeValue<int?>(OrganizationTable.GoalRollupExpiryTime) : null;
            return days.HasValue && days.Value >= 0 ? days.Value : DefaultRollupExpiryDays;
        }

        private static QueryExpression FieldQuery()
        {
            var query = new QueryExpression(RollupFieldTable.LogicalName)
            {
                // The key is named: distinct rows of a join are told apart by it.
                ColumnSet = new ColumnSet(
                    RollupFieldTable.Id, RollupFieldTable.MetricId, RollupFieldTable.GoalAttribute, RollupFieldTable.SourceEntity,
                    RollupFieldTable.SourceAttribute, RollupFieldTable.DateAttribute, RollupFieldTable.EntityForDateAttribute,
                    RollupFieldTable.SourceState, RollupFieldTable.SourceStatus, RollupFieldTable.IsStateParentEntityAttribute),
            };
            var metric = query.AddLink(MetricTable.LogicalName, RollupFieldTable.MetricId, MetricTable.Id);
            metric.EntityAlias = MetricAlias;
            metric.Columns = new ColumnSet(MetricTable.IsAmount, MetricTable.AmountDataType);
            return query;
        }

        private static IReadOnlyList<MetricDefinition> ToMetrics(IEnumerable<Entity> rows)
        {
            var metrics = new List<MetricDefinition>();
            foreach (var group in rows.GroupBy(r => r.GetAttributeValue<EntityReference>(RollupFieldTable.MetricId)?.Id ?? Guid.Empty))
            {
                if (group.Key == Guid.Empty) continue;
                var first = group.First();
                var isAmount = Aliased<bool?>(first, MetricTable.IsAmount) ?? false;
                var dataType = (GoalAmountDataType)(Aliased<OptionSetValue>(first, MetricTable.AmountDataType)?.Value ?? (int)GoalAmountDataType.Money);
                var fields = new List<RollupFieldDefinition>();
                // A row the engine does not understand (an unknown goal column) makes the metric unsupported, not ignored.
                var understood = true;
                foreach (var row in group.GroupBy(r => r.Id).Select(g => g.First()))
                {
                    var bucket = GoalColumns.BucketOf(row.GetAttributeValue<string>(RollupFieldTable.GoalAttribute));
                    if (!bucket.HasValue)
                    {
                        understood = false;
                        continue;
                    }
                    fields.Add(new RollupFieldDefinition(
                        group.Key,
                        bucket.Value,
                        row.GetAttributeValue<string>(RollupFieldTable.SourceEntity),
                        row.GetAttributeValue<string>(RollupFieldTable.SourceAttribute),
                        row.GetAttributeValue<string>(RollupFieldTable.DateAttribute),
                        row.GetAttributeValue<string>(RollupFieldTable.EntityForDateAttribute),
                        row.GetAttributeValue<int?>(RollupFieldTable.SourceState),
                        row.GetAttributeValue<int?>(RollupFieldTable.SourceStatus),
                        row.GetAttributeValue<bool?>(RollupFieldTable.IsStateParentEntityAttribute) ?? false));
                }
                metrics.Add(new MetricDefinition(group.Key, isAmount, dataType, understood ? fields : new List<RollupFieldDefinition>()));
            }
            return metrics;
        }

        private static T Aliased<T>(Entity row, string column) =>
            row.Attributes.TryGetValue(MetricAlias + "." + column, out var value) && value is AliasedValue aliased && aliased.Value is T typed ? typed : default(T);
    }
}
