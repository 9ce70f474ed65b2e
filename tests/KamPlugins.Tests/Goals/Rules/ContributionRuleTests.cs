using System;
using System.Collections.Generic;
using KamPlugins.Goals;
using KamPlugins.Goals.Definitions;
using KamPlugins.Goals.RollupQueries;
using KamPlugins.Model;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using static KamPlugins.Tests.Goals.Rules.RuleBuilders;

namespace KamPlugins.Tests.Goals.Rules
{
    /// <summary>Which records count towards which goal column, and for how much: the built-in rollup's rules one by one.</summary>
    public class ContributionRuleTests
    {
        [TestCase(0, 1, ContributionBucket.InProgress, 1000)]
        [TestCase(0, 2, ContributionBucket.InProgress, 1000)]
        [TestCase(1, 3, ContributionBucket.InProgress, null)]
        [TestCase(2, 4, ContributionBucket.InProgress, null)]
        [TestCase(1, 3, ContributionBucket.Actual, 900)]
        [TestCase(0, 1, ContributionBucket.Actual, null)]
        [TestCase(2, 5, ContributionBucket.Actual, null)]
        public void Evaluate_StateFilter_Should_CountOnlyMatchingStates(int state, int status, ContributionBucket bucket, int? expected)
        {
            var record = Opportunity(state: state, status: status, actual: 900m, actualClose: Q2Start.AddDays(20));
            var result = ContributionRule.Evaluate(Goal(), Revenue(), bucket, record, null);
            Assert.That(result.AsAmount, Is.EqualTo((decimal?)expected));
        }

        [TestCase(3, 1)]
        [TestCase(4, null)]
        public void Evaluate_StatusFilter_Should_CountOnlyMatchingStatus(int status, int? expected)
        {
            var record = Opportunity(state: 1, status: status, actual: 900m, actualClose: Q2Start);
            Assert.That(ContributionRule.Evaluate(Goal(), WonCount(), ContributionBucket.Actual, record, null).AsAmount, Is.EqualTo((decimal?)expected));
        }

        [TestCase("2025-03-31T23:59:59", null)]
        [TestCase("2025-04-01T00:00:00", 1000)]
        [TestCase("2025-06-30T23:59:59", 1000)]
        [TestCase("2025-07-01T00:00:00", null)]
        public void Evaluate_DateAtThePeriodBounds_Should_IncludeBothEndDays(string close, int? expected)
        {
            var record = Opportunity(estimatedClose: DateTime.Parse(close, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));
            Assert.That(ContributionRule.Evaluate(Goal(), Revenue(), ContributionBucket.InProgress, record, null).AsAmount, Is.EqualTo((decimal?)expected));
        }

        [Test]
        public void Evaluate_WithoutDate_Should_NotCount()
        {
            var record = Opportunity(state: 1, status: 3, actual: 900m, actualClose: null);
            Assert.That(ContributionRule.Evaluate(Goal(), Revenue(), ContributionBucket.Actual, record, null).Participates, Is.False);
        }

        [TestCase(true, false)]
        [TestCase(false, true)]
        public void Evaluate_RecordOfAnotherOwner_Should_CountOnlyForAllRecordsGoals(bool ownerOnly, bool expected)
        {
            var record = Opportunity(owner: Wang);
            Assert.That(ContributionRule.Evaluate(Goal(owner: Li, ownerOnly: ownerOnly), Revenue(), ContributionBucket.InProgress, record, null).Participates, Is.EqualTo(expected));
        }

        [Test]
        public void Evaluate_RecordOwnedByTheGoalsTeam_Should_Count()
        {
            var record = Opportunity(owner: Team, ownerTable: "team");
            Assert.That(ContributionRule.Evaluate(Goal(owner: Team, ownerTable: "team"), Revenue(), ContributionBucket.InProgress, record, null).AsAmount, Is.EqualTo(1000m));
        }

        [Test]
        public void Evaluate_RecordOfATeamMember_Should_NotCountForTheTeamsOwnerOnlyGoal()
        {
            var record = Opportunity(owner: Li);
            Assert.That(ContributionRule.Evaluate(Goal(owner: Team, ownerTable: "team"), Revenue(), ContributionBucket.InProgress, record, null).Participates, Is.False);
        }

        [Test]
        public void Evaluate_GoalRollingUpOnlyFromChildren_Should_CountNoRecord()
        {
            Assert.That(ContributionRule.Evaluate(Goal(rollupOnlyFromChildren: true), Revenue(), ContributionBucket.InProgress, Opportunity(), null).Participates, Is.False);
        }

        [Test]
        public void Evaluate_AmountMetricWithEmptyAmount_Should_NotCount()
        {
            Assert.That(ContributionRule.Evaluate(Goal(), Revenue(), ContributionBucket.InProgress, Opportunity(estimated: null), null).Participates, Is.False);
        }

        [Test]
        public void Evaluate_ZeroAmount_Should_CountAsZero()
        {
            var result = ContributionRule.Evaluate(Goal(), Revenue(), ContributionBucket.InProgress, Opportunity(estimated: 0m), null);
            Assert.That(result.AsAmount, Is.EqualTo(0m));
        }

        [Test]
        public void Evaluate_CountMetric_Should_CountOneWhateverTheAmount()
        {
            var record = Opportunity(state: 1, status: 3, actual: null, actualClose: Q2Start);
            Assert.That(ContributionRule.Evaluate(Goal(), WonCount(), ContributionBucket.Actual, record, null).AsAmount, Is.EqualTo(1m));
        }

        [TestCase(GoalAmountDataType.Money, 1234.5678, 1234.5678)]
        [TestCase(GoalAmountDataType.Decimal, 1234.5678, 1234.5678)]
        [TestCase(GoalAmountDataType.Decimal, 1234.56785, 1234.5679)]
        [TestCase(GoalAmountDataType.Integer, 1234.5678, 1235)]
        [TestCase(GoalAmountDataType.Integer, 1234.4, 1234)]
        public void Evaluate_AmountDataType_Should_KeepTheLedgersPrecision(GoalAmountDataType type, decimal amount, decimal expected)
        {
            var result = ContributionRule.Evaluate(Goal(), Revenue(type), ContributionBucket.InProgress, Opportunity(estimated: amount), null);
            Assert.That(result.AsAmount, Is.EqualTo(expected));
        }

        [Test]
        public void Evaluate_IntegerSourceColumn_Should_CountItsValue()
        {
            var metric = new MetricDefinition(MetricId, true, GoalAmountDataType.Integer, new[]
            {
                new RollupFieldDefinition(MetricId, ContributionBucket.Custom, "opportunity", "closeprobability", "estimatedclosedate", null, null, null, false),
            });
            var record = Opportunity(more: new Dictionary<string, object> { ["closeprobability"] = 70 });
            Assert.That(ContributionRule.Evaluate(Goal(), metric, ContributionBucket.Custom, record, null).AsAmount, Is.EqualTo(70m));
        }

        [Test]
        public void Evaluate_NonNumericAmountColumn_Should_ExplainTheMisconfiguredMetric()
        {
            var metric = new MetricDefinition(MetricId, true, GoalAmountDataType.Money, new[]
            {
                new RollupFieldDefinition(MetricId, ContributionBucket.Custom, "opportunity", "name", "estimatedclosedate", null, null, null, false),
            });
            var record = Opportunity(more: new Dictionary<string, object> { ["name"] = "Deal" });
            var refusal = Assert.Throws<KamException>(() => ContributionRule.Evaluate(Goal(), metric, ContributionBucket.Custom, record, null));
            Assert.That(refusal.UserMessage.EnglishText, Does.Contain("opportunity.name"));
        }

        [Test]
        public void Evaluate_RecordOfAnotherTable_Should_NotCount()
        {
            var contract = new SourceRecord("kam_contract", Guid.NewGuid(), new[] { "ownerid", "statecode", "statuscode" }, null);
            Assert.That(ContributionRule.Evaluate(Goal(), Revenue(), ContributionBucket.InProgress, contract, null).Participates, Is.False);
        }

        [Test]
        public void Evaluate_ColumnTheEngineDidNotRead_Should_FailLoudlyRatherThanTakeItAsEmpty()
        {
            var record = new SourceRecord("opportunity", Guid.NewGuid(), new[] { "ownerid", "statecode", "statuscode" }, null);
            Assert.Throws<InvalidOperationException>(() => ContributionRule.Evaluate(Goal(), Revenue(), ContributionBucket.InProgress, record, null));
        }

        [Test]
        public void Evaluate_TwoFieldsOfOneBucketOnTheTable_Should_AddBoth()
        {
            var metric = new MetricDefinition(MetricId, true, GoalAmountDataType.Money, new[]
            {
                new RollupFieldDefinition(MetricId, ContributionBucket.Custom, "opportunity", "estimatedvalue", "estimatedclosedate", null, null, null, false),
                new RollupFieldDefinition(MetricId, ContributionBucket.Custom, "opportunity", "actualvalue", "estimatedclosedate", null, null, null, false),
            });
            var record = Opportunity(estimated: 100m, actual: 30m);
            Assert.That(ContributionRule.Evaluate(Goal(), metric, ContributionBucket.Custom, record, null).AsAmount, Is.EqualTo(130m));
        }

        [Test]
        public void Evaluate_UnsupportedMetric_Should_CountNothing()
        {
            var metric = new MetricDefinition(MetricId, true, GoalAmountDataType.Money, new[]
            {
                new RollupFieldDefinition(MetricId, ContributionBucket.Actual, "opportunity", "actualvalue", "createdon", "account", 1, null, false),
            });
            Assert.Multiple(() =>
            {
                Assert.That(metric.IsSupported, Is.False);
                Assert.That(ContributionRule.Evaluate(Goal(), metric, ContributionBucket.Actual, Opportunity(state: 1, status: 3, actual: 5m, actualClose: Q2Start), null).Participates, Is.False);
            });
        }

        [TestCase("<fetch><entity name='opportunity'><filter><condition attribute='estimatedvalue' operator='gt' value='500'/></filter></entity></fetch>", true, false)]
        [TestCase("<fetch><entity name='opportunity'><filter><condition attribute='estimatedvalue' operator='gt' value='5000'/></filter></entity></fetch>", false, false)]
        [TestCase("<fetch><entity name='opportunity'><link-entity name='account' from='accountid' to='customerid'/></entity></fetch>", true, true)]
        [TestCase("<fetch><entity name='kam_contract'><filter><condition attribute='kam_value' operator='gt' value='5000'/></filter></entity></fetch>", true, false)]
        public void Evaluate_RollupQuery_Should_FilterOrDeferToThePlatform(string fetchXml, bool participates, bool needsQuery)
        {
            var query = RollupQuery.Parse(Guid.NewGuid(), fetchXml);
            var result = ContributionRule.Evaluate(Goal(), Revenue(), ContributionBucket.InProgress, Opportunity(), query);
            Assert.Multiple(() =>
            {
                Assert.That(result.Participates, Is.EqualTo(participates));
                Assert.That(result.NeedsQuery, Is.EqualTo(needsQuery));
            });
        }

        [Test]
        public void ColumnsRead_Should_NameOwnerStateStatusDatesAndAmountsOfTheTable()
        {
            Assert.That(ContributionRule.ColumnsRead(Revenue(), "opportunity"),
                Is.EquivalentTo(new[] { "ownerid", "statecode", "statuscode", "actualclosedate", "actualvalue", "estimatedclosedate", "estimatedvalue" }));
        }
    }
}
