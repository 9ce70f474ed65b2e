using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dataverse.Emulator;
using Dataverse.Emulator.Principals;
using KamPlugins.Goals;
using KamPlugins.Model;
using KamPlugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Goals
{
    /// <summary>
    /// An organisation with the product installed and a sales team to set goals for: a director, a
    /// sales manager with two KAMs (Li, Wang), a KAM team (East: Zhao and Li) and a KAM administrator
    /// who acts (so the ownership lock lets every change through). Builders for metrics, rollup
    /// fields, rollup queries, goals and opportunities; readers for goal values and the ledger.
    /// </summary>
    internal sealed class GoalWorld
    {
        internal static readonly DateTime Q2Start = Day("2025-04-01");
        internal static readonly DateTime Q2End = Day("2025-06-30");
        internal static readonly DateTime Q3Start = Day("2025-07-01");
        internal static readonly DateTime Q3End = Day("2025-09-30");
        internal static readonly DateTime Today = Day("2025-05-15").AddHours(9);

        internal GoalWorld(PlatformProfile profile = null)
        {
            Kam = new KamOrganization(profile, o => o.StartTime = Today);
            Director = Kam.User("Director Chen");
            Manager = Kam.User("Manager Wang Wei", Director);
            Li = Kam.User("Li Na", Manager);
            Wang = Kam.User("Wang Fang", Manager);
            Zhao = Kam.User("Zhao Lei", Director);
            East = Org.Teams.Add("KAM East", null, Zhao, Li);
            Admin = Kam.KamAdministrator("Admin Zhou");
            Service = Kam.As(Admin);
        }

        internal KamOrganization Kam { get; }
        internal DataverseEmulator Org => Kam.Org;
        internal User Director { get; }
        internal User Manager { get; }
        internal User Li { get; }
        internal User Wang { get; }
        internal User Zhao { get; }
        internal Team East { get; }
        internal User Admin { get; }

        /// <summary>The acting client (a KAM administrator).</summary>
        internal IOrganizationService Service { get; }

        internal static DateTime Day(string text) =>
            DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc);

        internal static EntityReference Ref(User user) => new EntityReference(SystemUserTable.LogicalName, user.Id);

        internal static EntityReference Ref(Team team) => new EntityReference(TeamTable.LogicalName, team.Id);

        // ---- configuration ----

        internal Guid Metric(string name, bool isAmount, GoalAmountDataType type = GoalAmountDataType.Money) =>
            Service.Create(new Entity(MetricTable.LogicalName)
            {
                [MetricTable.Name] = name,
                [MetricTable.IsAmount] = isAmount,
                [MetricTable.AmountDataType] = new OptionSetValue((int)type),
            });

        internal Guid RollupField(Guid metric, string goalAttribute, string table, string amountColumn, string dateColumn, int? state = null, int? status = null)
        {
            var row = new Entity(RollupFieldTable.LogicalName)
            {
                [RollupFieldTable.MetricId] = new EntityReference(MetricTable.LogicalName, metric),
                [RollupFieldTable.GoalAttribute] = goalAttribute,
                [RollupFieldTable.SourceEntity] = table,
                [RollupFieldTable.DateAttribute] = dateColumn,
                [RollupFieldTable.EntityForDateAttribute] = table,
            };
            if (amountColumn != null) row[RollupFieldTable.SourceAttribute] = amountColumn;
            if (state.HasValue) row[RollupFieldTable.SourceState] = state.Value;
            if (status.HasValue) row[RollupFieldTable.SourceStatus] = status.Value;
            return Service.Create(row);
        }

        /// <summary>Won revenue (actual) and open pipeline (in progress), money.</summary>
        internal Guid RevenueMetric(GoalAmountDataType type = GoalAmountDataType.Money)
        {
            var metric = Metric("Revenue " + type, true, type);
            RollupField(metric, "actual" + Suffix(type), OpportunityTable.LogicalName, OpportunityTable.ActualValue, OpportunityTable.ActualCloseDate, OpportunityTable.State.Won);
            RollupField(metric, "inprogress" + Suffix(type), OpportunityTable.LogicalName, OpportunityTable.EstimatedValue, OpportunityTable.EstimatedCloseDate, OpportunityTable.State.Open);
            return metric;
        }

        /// <summary>Number of won deals (actual), a count.</summary>
        internal Guid WonDealsMetric()
        {
            var metric = Metric("Won deals", false, GoalAmountDataType.Integer);
            RollupField(metric, "actualinteger", OpportunityTable.LogicalName, null, OpportunityTable.ActualCloseDate, OpportunityTable.State.Won, OpportunityTable.Status.Won);
            return metric;
        }

        internal Guid RollupQuery(string table, string fetchXml) =>
            Service.Create(new Entity(GoalRollupQueryTable.LogicalName)
            {
                [GoalRollupQueryTable.Name] = "query " + Guid.NewGuid().ToString("N").Substring(0, 6),
                [GoalRollupQueryTable.FetchXml] = fetchXml,
            });

        internal Guid Goal(
            string title,
            Guid metric,
            EntityReference owner,
            DateTime? start = null,
            DateTime? end = null,
            Guid? parent = null,
            bool ownerOnly = true,
            bool rollupOnlyFromChildren = false,
            decimal? target = null,
            GoalAmountDataType type = GoalAmountDataType.Money,
            IDictionary<string, object> more = null)
        {
            var row = new Entity(GoalTable.LogicalName)
            {
                [GoalTable.Title] = title,
                [GoalTable.MetricId] = new EntityReference(MetricTable.LogicalName, metric),
                [GoalTable.GoalOwnerId] = owner,
                [GoalTable.GoalStartDate] = start ?? Q2Start,
                [GoalTable.GoalEndDate] = end ?? Q2End,
                [GoalTable.ConsiderOnlyGoalOwnersRecords] = ownerOnly,
                [GoalTable.RollupOnlyFromChildGoals] = rollupOnlyFromChildren,
            };
            if (parent.HasValue) row[GoalTable.ParentGoalId] = new EntityReference(GoalTable.LogicalName, parent.Value);
            if (target.HasValue) row[GoalTable.TargetPrefix + Suffix(type)] = Typed(target.Value, type);
            if (more != null)
                foreach (var pair in more) row[pair.Key] = pair.Value;
            return Service.Create(row);
        }

        // ---- source records ----

        internal Guid Opportunity(EntityReference owner, decimal? estimated, DateTime? estimatedClose, IDictionary<string, object> more = null)
        {
            var row = new Entity(OpportunityTable.LogicalName) { [OpportunityTable.Name] = "Deal " + Guid.NewGuid().ToString("N").Substring(0, 6), [CommonColumns.OwnerId] = owner };
            if (estimated.HasValue) row[OpportunityTable.EstimatedValue] = new Money(estimated.Value);
            if (estimatedClose.HasValue) row[OpportunityTable.EstimatedCloseDate] = estimatedClose.Value;
            if (more != null)
                foreach (var pair in more) row[pair.Key] = pair.Value;
            return Service.Create(row);
        }

        internal void Update(string table, Guid id, string column, object value) =>
            Service.Update(new Entity(table, id) { [column] = value });

        // ---- reading ----

        /// <summary>A goal column's value as a decimal (null when empty).</summary>
        internal decimal? Value(Guid goal, string column)
        {
            var row = Org.Get(GoalTable.LogicalName, goal);
            if (row == null || !row.Attributes.TryGetValue(column, out var value)) return null;
            switch (value)
            {
                case Money money: return money.Value;
                case decimal number: return number;
                case int number: return number;
                default: return null;
            }
        }

        internal Entity GoalRow(Guid goal) => Org.Get(GoalTable.LogicalName, goal);

        /// <summary>Every goal's rollup values and percentage, as text (for whole-organisation comparisons).</summary>
        internal IReadOnlyDictionary<Guid, string> GoalValues() =>
            Org.All(GoalTable.LogicalName).ToDictionary(g => g.Id, g => string.Join("; ", new[]
            {
                "actualmoney", "actualdecimal", "actualinteger", "inprogressmoney", "inprogressdecimal", "inprogressinteger",
                "customrollupfieldmoney", "customrollupfielddecimal", "customrollupfieldinteger", "percentage",
            }.Select(c => c + "=" + Text(g, c))));

        /// <summary>The whole ledger as sorted lines: goal, bucket, table, record, amount.</summary>
        internal IReadOnlyList<string> Ledger() =>
            Org.All(GoalContributionTable.LogicalName)
                .Select(r => string.Join(" ",
                    r.GetAttributeValue<EntityReference>(GoalContributionTable.GoalId)?.Id.ToString("N"),
                    r.GetAttributeValue<OptionSetValue>(GoalContributionTable.Bucket)?.Value.ToString(CultureInfo.InvariantCulture),
                    r.GetAttributeValue<string>(GoalContributionTable.SourceTable),
                    r.GetAttributeValue<string>(GoalContributionTable.SourceId),
                    r.GetAttributeValue<decimal?>(GoalContributionTable.Amount)?.ToString("0.####", CultureInfo.InvariantCulture)))
                .OrderBy(l => l, StringComparer.Ordinal)
                .ToList();

        /// <summary>The ledger rows of one goal column.</summary>
        internal IReadOnlyList<Entity> Contributions(Guid goal, ContributionBucket bucket) =>
            Org.All(GoalContributionTable.LogicalName)
                .Where(r => r.GetAttributeValue<EntityReference>(GoalContributionTable.GoalId)?.Id == goal
                    && r.GetAttributeValue<OptionSetValue>(GoalContributionTable.Bucket)?.Value == (int)bucket)
                .ToList();

        /// <summary>
        /// The invariant of the whole engine: every goal's values and the whole ledger are exactly what a
        /// full recalculation from scratch produces.
        /// </summary>
        internal void AssertEqualsFullRecalculation()
        {
            var values = Lines(GoalValues());
            var ledger = Ledger();
            RecalculateAll();
            var recalculatedValues = Lines(GoalValues());
            var recalculatedLedger = Ledger();
            Assert.Multiple(() =>
            {
                Assert.That(values.Except(recalculatedValues).Select(l => "kept:         " + l).Concat(recalculatedValues.Except(values).Select(l => "recalculated: " + l)),
                    Is.Empty, "goal values differ from a full recalculation");
                Assert.That(ledger.Except(recalculatedLedger).Select(l => "kept:         " + l).Concat(recalculatedLedger.Except(ledger).Select(l => "recalculated: " + l)),
                    Is.Empty, "the ledger differs from a full recalculation");
                Assert.That(ledger, Has.Count.EqualTo(recalculatedLedger.Count), "the ledger has duplicate rows");
            });
        }

        private static IReadOnlyList<string> Lines(IReadOnlyDictionary<Guid, string> values) =>
            values.OrderBy(p => p.Key).Select(p => p.Key.ToString("N") + ": " + p.Value).ToList();

        /// <summary>Recalculates every goal tree from scratch (as the custom API does).</summary>
        internal void RecalculateAll()
        {
            var roots = Org.All(GoalTable.LogicalName).Where(g => g.GetAttributeValue<EntityReference>(GoalTable.ParentGoalId) == null).Select(g => g.Id).ToList();
            foreach (var root in roots) GoalRecalculator.RecalculateTree(Org.AdminService, root, Org.Clock.UtcNow, null);
        }

        internal static string Suffix(GoalAmountDataType type) =>
            type == GoalAmountDataType.Money ? "money" : type == GoalAmountDataType.Decimal ? "decimal" : "integer";

        internal static object Typed(decimal value, GoalAmountDataType type) =>
            type == GoalAmountDataType.Money ? new Money(value) : type == GoalAmountDataType.Decimal ? (object)value : (int)value;

        private static string Text(Entity row, string column)
        {
            if (!row.Attributes.TryGetValue(column, out var value) || value == null) return "null";
            switch (value)
            {
                case Money money: return money.Value.ToString("0.####", CultureInfo.InvariantCulture);
                case decimal number: return number.ToString("0.####", CultureInfo.InvariantCulture);
                default: return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }
    }
}
