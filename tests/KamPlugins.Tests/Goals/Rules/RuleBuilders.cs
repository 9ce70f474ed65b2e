using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Goals.Definitions;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Tests.Goals.Rules
{
    /// <summary>Small immutable values for the goal rules' tests.</summary>
    internal static class RuleBuilders
    {
        internal static readonly DateTime Q2Start = new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        internal static readonly DateTime Q2End = new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Utc);
        internal static readonly Guid Li = new Guid("00000000-0000-0000-0000-00000000001a");
        internal static readonly Guid Wang = new Guid("00000000-0000-0000-0000-00000000002b");
        internal static readonly Guid Team = new Guid("00000000-0000-0000-0000-00000000003c");
        internal static readonly Guid MetricId = new Guid("00000000-0000-0000-0000-0000000000aa");

        /// <summary>Won revenue (actual: actualvalue by actualclosedate, Won) and open pipeline (in progress: estimatedvalue by estimatedclosedate, Open).</summary>
        internal static MetricDefinition Revenue(GoalAmountDataType type = GoalAmountDataType.Money) => new MetricDefinition(MetricId, true, type, new[]
        {
            new RollupFieldDefinition(MetricId, ContributionBucket.Actual, "opportunity", "actualvalue", "actualclosedate", "opportunity", 1, null, false),
            new RollupFieldDefinition(MetricId, ContributionBucket.InProgress, "opportunity", "estimatedvalue", "estimatedclosedate", "opportunity", 0, null, false),
        });

        /// <summary>Number of won deals.</summary>
        internal static MetricDefinition WonCount() => new MetricDefinition(MetricId, false, GoalAmountDataType.Money, new[]
        {
            new RollupFieldDefinition(MetricId, ContributionBucket.Actual, "opportunity", null, "actualclosedate", "opportunity", 1, 3, false),
        });

        internal static GoalRow Goal(
            Guid? owner = null,
            string ownerTable = "systemuser",
            bool ownerOnly = true,
            bool rollupOnlyFromChildren = false,
            int state = 0,
            IDictionary<string, Guid> queries = null,
            IDictionary<string, decimal?> values = null) =>
            new GoalRow(
                Guid.NewGuid(),
                new EntityReference(ownerTable, owner ?? Li),
                null,
                MetricId,
                Q2Start,
                Q2End,
                rollupOnlyFromChildren,
                ownerOnly,
                true,
                state,
                values == null ? null : new Dictionary<string, decimal?>(values),
                queries == null ? null : new Dictionary<string, Guid>(queries));

        /// <summary>An opportunity with every column the revenue and count metrics read.</summary>
        internal static SourceRecord Opportunity(
            Guid? owner = null,
            string ownerTable = "systemuser",
            int state = 0,
            int status = 1,
            decimal? estimated = 1000m,
            DateTime? estimatedClose = null,
            decimal? actual = null,
            DateTime? actualClose = null,
            IDictionary<string, object> more = null)
        {
            var values = new Dictionary<string, object>
            {
                ["ownerid"] = owner == Guid.Empty ? null : new EntityReference(ownerTable, owner ?? Li),
                ["statecode"] = new OptionSetValue(state),
                ["statuscode"] = new OptionSetValue(status),
                ["estimatedvalue"] = estimated.HasValue ? new Money(estimated.Value) : null,
                ["estimatedclosedate"] = estimatedClose ?? Q2Start.AddDays(10),
                ["actualvalue"] = actual.HasValue ? new Money(actual.Value) : null,
                ["actualclosedate"] = actualClose,
            };
            if (more != null)
                foreach (var pair in more) values[pair.Key] = pair.Value;
            return new SourceRecord("opportunity", Guid.NewGuid(), values.Keys.ToList(), values);
        }
    }
}
