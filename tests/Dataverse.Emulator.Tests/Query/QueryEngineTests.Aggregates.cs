using System;
using System.Globalization;
using System.Linq;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Query
{
    public partial class QueryEngineTests
    {
        // Opportunities:            value  probability score  closed      state owner
        //   Contoso   Deal 1        100    10          1.5    2024-01-10  0     caller
        //   Contoso   Deal 2        260    20          2.5    2024-02-20  1     caller
        //   Fabrikam  Deal 3        300    30          -      2024-02-25  1     other
        //   Fabrikam  Deal 4        -      -           4.0    2024-05-05  0     other
        private void AddOpportunities()
        {
            AddOpportunity("Deal 1", contoso, 100m, 10, 1.5m, new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc), 0, caller);
            AddOpportunity("Deal 2", contoso, 260m, 20, 2.5m, new DateTime(2024, 2, 20, 0, 0, 0, DateTimeKind.Utc), 1, caller);
            AddOpportunity("Deal 3", fabrikam, 300m, 30, null, new DateTime(2024, 2, 25, 0, 0, 0, DateTimeKind.Utc), 1, otherUser);
            AddOpportunity("Deal 4", fabrikam, null, null, 4.0m, new DateTime(2024, 5, 5, 0, 0, 0, DateTimeKind.Utc), 0, otherUser);
        }

        private void AddOpportunity(string name, Entity account, decimal? value, int? probability, decimal? score, DateTime closed, int state, Entity owner)
        {
            var opportunity = new Entity("opportunity")
            {
                ["name"] = name,
                ["parentaccountid"] = account.ToEntityReference(),
                ["actualclosedate"] = closed,
                ["statecode"] = new OptionSetValue(state),
                ["ownerid"] = owner.ToEntityReference(),
            };
            if (value.HasValue)
            {
                opportunity["estimatedvalue"] = new Money(value.Value);
            }

            if (probability.HasValue)
            {
                opportunity["probability"] = probability.Value;
            }

            if (score.HasValue)
            {
                opportunity["score"] = score.Value;
            }

            source.Add(opportunity);
        }

        private EntityCollection Aggregate(string attributes, string rest = "") =>
            Fetch($"<fetch aggregate='true'><entity name='opportunity'>{attributes}{rest}</entity></fetch>");

        private static string Describe(object value) => value switch
        {
            null => "null",
            Money money => "Money:" + money.Value.ToString(CultureInfo.InvariantCulture),
            DateTime date => "DateTime:" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable formattable => value.GetType().Name + ":" + formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.GetType().Name + ":" + value,
        };

        [TestCase("count", "opportunityid", ExpectedResult = "Int32:4")]
        [TestCase("countcolumn", "estimatedvalue", ExpectedResult = "Int32:3")]
        [TestCase("sum", "estimatedvalue", ExpectedResult = "Money:660")]
        [TestCase("sum", "probability", ExpectedResult = "Int32:60")]
        [TestCase("sum", "score", ExpectedResult = "Decimal:8.0")]
        [TestCase("avg", "estimatedvalue", ExpectedResult = "Money:220")]
        [TestCase("avg", "probability", ExpectedResult = "Int32:20")]
        [TestCase("min", "estimatedvalue", ExpectedResult = "Money:100")]
        [TestCase("max", "estimatedvalue", ExpectedResult = "Money:300")]
        [TestCase("min", "actualclosedate", ExpectedResult = "DateTime:2024-01-10")]
        [TestCase("max", "actualclosedate", ExpectedResult = "DateTime:2024-05-05")]
        public string Execute_FetchAggregate_ShouldReturnTheValueInTheColumnsType(string aggregate, string attribute)
        {
            AddOpportunities();

            var record = Aggregate($"<attribute name='{attribute}' aggregate='{aggregate}' alias='result' />").Entities.Single();

            var aliased = (AliasedValue)record["result"];
            Assert.That(aliased.EntityLogicalName, Is.EqualTo("opportunity"));
            Assert.That(aliased.AttributeLogicalName, Is.EqualTo(attribute));
            return Describe(aliased.Value);
        }

        [Test]
        public void Execute_FetchAvgOfDecimal_ShouldReturnDecimal()
        {
            AddOpportunities();

            var value = Aliased<decimal>(Aggregate("<attribute name='score' aggregate='avg' alias='average' />").Entities.Single(), "average");

            Assert.That(value, Is.EqualTo(8.0m / 3).Within(0.0001m));
        }

        [Test]
        public void Execute_FetchDistinctCountColumn_ShouldCountDistinctValues()
        {
            AddOpportunities();

            var record = Aggregate("<attribute name='parentaccountid' aggregate='countcolumn' distinct='true' alias='accounts' />").Entities.Single();

            Assert.That(Aliased<int>(record, "accounts"), Is.EqualTo(2));
        }

        [Test]
        public void Execute_FetchGroupByLookup_ShouldReturnOneRowPerValueWithTheReference()
        {
            AddOpportunities();

            var result = Aggregate(
                "<attribute name='parentaccountid' groupby='true' alias='account' /><attribute name='estimatedvalue' aggregate='sum' alias='total' />",
                "<order alias='total' descending='true' />");

            Assert.That(result.Entities, Has.Count.EqualTo(2));
            Assert.That(Aliased<EntityReference>(result.Entities[0], "account").Id, Is.EqualTo(contoso.Id));
            Assert.That(Aliased<Money>(result.Entities[0], "total").Value, Is.EqualTo(360m));
            Assert.That(Aliased<EntityReference>(result.Entities[1], "account").Id, Is.EqualTo(fabrikam.Id));
            Assert.That(Aliased<Money>(result.Entities[1], "total").Value, Is.EqualTo(300m));
        }

        [Test]
        public void Execute_FetchGroupByChoice_ShouldReturnOptionSetValues()
        {
            AddOpportunities();

            var result = Aggregate(
                "<attribute name='statecode' groupby='true' alias='state' /><attribute name='opportunityid' aggregate='count' alias='deals' />");

            var counts = result.Entities.Select(e => Aliased<OptionSetValue>(e, "state").Value + "=" + Aliased<int>(e, "deals"));
            Assert.That(counts, Is.EqualTo(new[] { "0=2", "1=2" }));
        }

        [Test]
        public void Execute_FetchGroupByMonth_ShouldGroupByDatePart()
        {
            AddOpportunities();

            var result = Aggregate(
                "<attribute name='actualclosedate' groupby='true' dategrouping='month' alias='month' /><attribute name='estimatedvalue' aggregate='sum' alias='total' />");

            var totals = result.Entities.Select(e => Aliased<int>(e, "month") + "=" + Describe(((AliasedValue)e["total"]).Value));
            Assert.That(totals, Is.EqualTo(new[] { "1=Money:100", "2=Money:560", "5=null" }));
        }

        [TestCase("year", ExpectedResult = "2024=4")]
        [TestCase("quarter", ExpectedResult = "1=3,2=1")]
        [TestCase("week", ExpectedResult = "2=1,8=1,9=1,19=1")]
        [TestCase("day", ExpectedResult = "5=1,10=1,20=1,25=1")]
        public string Execute_FetchDateGrouping_ShouldUseTheSqlServerDatePart(string grouping)
        {
            AddOpportunities();

            var result = Aggregate(
                $"<attribute name='actualclosedate' groupby='true' dategrouping='{grouping}' alias='part' /><attribute name='opportunityid' aggregate='count' alias='deals' />");

            return string.Join(",", result.Entities.Select(e => Aliased<int>(e, "part") + "=" + Aliased<int>(e, "deals")));
        }

        [Test]
        public void Execute_FetchSumOverNoRows_ShouldReturnOneRowWithNullValue()
        {
            AddOpportunities();

            var result = Aggregate(
                "<attribute name='estimatedvalue' aggregate='sum' alias='total' /><attribute name='opportunityid' aggregate='count' alias='deals' />",
                "<filter><condition attribute='name' operator='eq' value='nothing' /></filter>");

            var record = result.Entities.Single();
            Assert.That(((AliasedValue)record["total"]).Value, Is.Null);
            Assert.That(Aliased<int>(record, "deals"), Is.EqualTo(0));
        }

        [Test]
        public void Execute_FetchGroupByOverNoRows_ShouldReturnNoRows()
        {
            AddOpportunities();

            var result = Aggregate(
                "<attribute name='ownerid' groupby='true' alias='owner' /><attribute name='estimatedvalue' aggregate='sum' alias='total' />",
                "<filter><condition attribute='name' operator='eq' value='nothing' /></filter>");

            Assert.That(result.Entities, Is.Empty);
        }

        [Test]
        public void Execute_FetchAggregateWithFilter_ShouldAggregateOnlyMatchingRows()
        {
            AddOpportunities();

            var record = Aggregate(
                "<attribute name='estimatedvalue' aggregate='sum' alias='total' />",
                "<filter><condition attribute='ownerid' operator='eq-userid' /></filter>").Entities.Single();

            Assert.That(Aliased<Money>(record, "total").Value, Is.EqualTo(360m));
        }

        [Test]
        public void Execute_FetchAggregateGroupedByLinkedColumn_ShouldGroupAcrossTheJoin()
        {
            AddOpportunities();

            var result = Aggregate(
                "<attribute name='estimatedvalue' aggregate='sum' alias='total' />",
                "<link-entity name='account' from='accountid' to='parentaccountid' alias='a'><attribute name='name' groupby='true' alias='accountname' /></link-entity>");

            var totals = result.Entities.Select(e => Aliased<string>(e, "accountname") + "=" + Aliased<Money>(e, "total").Value.ToString(CultureInfo.InvariantCulture));
            Assert.That(totals, Is.EqualTo(new[] { "Contoso=360", "Fabrikam=300" }));
            Assert.That(((AliasedValue)result.Entities[0]["accountname"]).EntityLogicalName, Is.EqualTo("account"));
        }

        [Test]
        public void Execute_FetchAggregateOverTheLimit_ShouldFailWithAggregateQueryRecordLimitExceeded()
        {
            AddOpportunities();
            context.AggregateRecordLimit = 3;

            var code = FaultCode(() => Aggregate("<attribute name='estimatedvalue' aggregate='sum' alias='total' />"));

            Assert.That(code, Is.EqualTo(-2147164125));
        }

        [Test]
        public void Execute_FetchAggregateAtTheLimit_ShouldSucceed()
        {
            AddOpportunities();
            context.AggregateRecordLimit = 4;

            var record = Aggregate("<attribute name='opportunityid' aggregate='count' alias='deals' />").Entities.Single();

            Assert.That(Aliased<int>(record, "deals"), Is.EqualTo(4));
        }

        [Test]
        public void Execute_FetchAggregateOverTheLimitAfterFiltering_ShouldCountOnlyMatchingRows()
        {
            AddOpportunities();
            context.AggregateRecordLimit = 2;

            var record = Aggregate(
                "<attribute name='opportunityid' aggregate='count' alias='deals' />",
                "<filter><condition attribute='ownerid' operator='eq-userid' /></filter>").Entities.Single();

            Assert.That(Aliased<int>(record, "deals"), Is.EqualTo(2));
        }

        [TestCase("<attribute name='estimatedvalue' aggregate='sum' />", TestName = "{m}(aggregate without alias)")]
        [TestCase("<attribute name='ownerid' groupby='true' /><attribute name='estimatedvalue' aggregate='sum' alias='t' />", TestName = "{m}(groupby without alias)")]
        [TestCase("<attribute name='name' /><attribute name='estimatedvalue' aggregate='sum' alias='t' />", TestName = "{m}(plain attribute)")]
        [TestCase("<attribute name='name' aggregate='sum' alias='t' />", TestName = "{m}(sum of text)")]
        [TestCase("<attribute name='estimatedvalue' aggregate='median' alias='t' />", TestName = "{m}(unknown aggregate)")]
        [TestCase("<attribute name='estimatedvalue' aggregate='sum' alias='t' /><order attribute='estimatedvalue' />", TestName = "{m}(order by attribute)")]
        public void Execute_InvalidAggregate_ShouldFailAsInvalidArgument(string body)
        {
            AddOpportunities();

            Assert.That(FaultCode(() => Aggregate(body)), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [Test]
        public void Execute_QueryExpressionAttributeExpressions_ShouldAggregateLikeFetchXml()
        {
            AddOpportunities();
            var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet() };
            query.ColumnSet.AttributeExpressions.Add(new XrmAttributeExpression("ownerid", XrmAggregateType.None, "owner") { HasGroupBy = true });
            query.ColumnSet.AttributeExpressions.Add(new XrmAttributeExpression("probability", XrmAggregateType.Sum, "total"));
            query.Orders.Add(new OrderExpression(null, OrderType.Descending, "total"));

            var result = Execute(query);

            Assert.That(result.Entities.Select(e => Aliased<int>(e, "total")), Is.EqualTo(new[] { 30, 30 }));
            Assert.That(result.Entities.Select(e => Aliased<EntityReference>(e, "owner").Id), Is.EquivalentTo(new[] { caller.Id, otherUser.Id }));
        }
    }
}
