using System;
using System.Linq;
using System.Xml.Linq;
using KamPlugins.Goals.Recalculation;
using KamPlugins.Goals.RollupQueries;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Goals.Rules
{
    /// <summary>The FetchXML the engine sends: the contribution rule as conditions, a rollup query's own filters and joins carried over.</summary>
    public class FetchXmlQueriesTests
    {
        private static readonly DateTime From = new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime Until = new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly Guid Owner = new Guid("aaaaaaaa-0000-0000-0000-000000000001");

        private static readonly RollupQuery Query = RollupQuery.Parse(Guid.NewGuid(),
            "<fetch><entity name='opportunity'><attribute name='name'/><order attribute='name'/>"
            + "<filter><condition attribute='closeprobability' operator='gt' value='50'/></filter>"
            + "<link-entity name='account' from='accountid' to='customerid'><attribute name='name'/><filter><condition attribute='kam_iskeyaccount' operator='eq' value='1'/></filter></link-entity>"
            + "</entity></fetch>");

        private static ContributorSpec Spec(RollupQuery query = null, string amount = "actualvalue") =>
            new ContributorSpec("opportunity", amount, "actualclosedate", From, Until, 1, null, new EntityReference("systemuser", Owner), query);

        private static string Conditions(XElement fetch) =>
            string.Join(";", fetch.Descendants("condition").Select(c => $"{(string)c.Attribute("attribute")} {(string)c.Attribute("operator")} {(string)c.Attribute("value")}"));

        [Test]
        public void Aggregate_Should_SumTheAmountAndCountOverThePartition()
        {
            var partition = new AggregatePartition(From.AddDays(10), From.AddDays(20), From, null, 3);
            var fetch = XElement.Parse(FetchXmlQueries.Aggregate(Spec(), partition));
            Assert.Multiple(() =>
            {
                Assert.That((string)fetch.Attribute("aggregate"), Is.EqualTo("true"));
                Assert.That(fetch.Descendants("attribute").Select(a => $"{(string)a.Attribute("name")}:{(string)a.Attribute("aggregate")}"),
                    Is.EquivalentTo(new[] { "opportunityid:count", "actualvalue:sum" }));
                Assert.That(Conditions(fetch), Is.EqualTo(
                    "actualclosedate ge 2025-04-11T00:00:00.0000000Z;actualclosedate lt 2025-04-21T00:00:00.0000000Z;statecode eq 1;"
                    + "ownerid eq aaaaaaaa-0000-0000-0000-000000000001;actualvalue not-null ;createdon ge 2025-04-01T00:00:00.0000000Z"));
            });
        }

        [Test]
        public void Aggregate_OfACount_Should_CountWithoutAmountCondition()
        {
            var fetch = XElement.Parse(FetchXmlQueries.Aggregate(Spec(amount: null), new AggregatePartition(From, Until, null, null, 1)));
            Assert.Multiple(() =>
            {
                Assert.That(fetch.Descendants("attribute").Select(a => (string)a.Attribute("aggregate")), Is.EqualTo(new[] { "count" }));
                Assert.That(Conditions(fetch), Does.Not.Contain("not-null"));
            });
        }

        [Test]
        public void Aggregate_WithARollupQuery_Should_KeepItsFiltersAndJoinsWithoutItsColumnsAndOrders()
        {
            var fetch = XElement.Parse(FetchXmlQueries.Aggregate(Spec(Query), new AggregatePartition(From, Until, null, null, 1)));
            Assert.Multiple(() =>
            {
                Assert.That(Conditions(fetch), Does.Contain("closeprobability gt 50").And.Contain("kam_iskeyaccount eq 1").And.Contain("statecode eq 1"));
                Assert.That(fetch.Descendants("order"), Is.Empty);
                Assert.That(fetch.Descendants("attribute").All(a => a.Attribute("aggregate") != null), Is.True);
                Assert.That(fetch.Descendants("link-entity").Count(), Is.EqualTo(1));
            });
        }

        [Test]
        public void Contributors_Should_PageInKeyOrderAndBeDistinctAcrossJoins()
        {
            var fetch = XElement.Parse(FetchXmlQueries.Contributors(Spec(Query), 3, 5000, "<cookie page=\"2\"/>"));
            Assert.Multiple(() =>
            {
                Assert.That((string)fetch.Attribute("page"), Is.EqualTo("3"));
                Assert.That((string)fetch.Attribute("count"), Is.EqualTo("5000"));
                Assert.That((string)fetch.Attribute("paging-cookie"), Is.EqualTo("<cookie page=\"2\"/>"));
                Assert.That((string)fetch.Attribute("distinct"), Is.EqualTo("true"));
                Assert.That(fetch.Element("entity").Elements("attribute").Select(a => (string)a.Attribute("name")),
                    Is.EquivalentTo(new[] { "opportunityid", "actualvalue", "actualclosedate", "createdon" }));
                Assert.That((string)fetch.Element("entity").Element("order").Attribute("attribute"), Is.EqualTo("opportunityid"));
            });
        }

        [Test]
        public void RecordMatch_Should_BeTheRollupQueryNarrowedToTheRecord()
        {
            var id = Guid.NewGuid();
            var fetch = XElement.Parse(FetchXmlQueries.RecordMatch(Query, "opportunity", id));
            Assert.Multiple(() =>
            {
                Assert.That((string)fetch.Attribute("top"), Is.EqualTo("1"));
                Assert.That(Conditions(fetch), Does.Contain("closeprobability gt 50").And.Contain($"opportunityid eq {id:D}"));
            });
        }

        [Test]
        public void RecordMatch_OnAnActivityTable_Should_UseTheActivityKey()
        {
            var query = RollupQuery.Parse(Guid.NewGuid(), "<fetch><entity name='phonecall'><link-entity name='account' from='accountid' to='regardingobjectid'/></entity></fetch>");
            var fetch = XElement.Parse(FetchXmlQueries.RecordMatch(query, "phonecall", Guid.Empty));
            Assert.That(Conditions(fetch), Does.StartWith("activityid eq"));
        }
    }
}
