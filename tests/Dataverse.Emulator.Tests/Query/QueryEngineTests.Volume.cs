using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Query
{
    public partial class QueryEngineTests
    {
        // Correctness at volume only: timings belong in benchmarks, not in tests (the machine is shared).
        [Test]
        public void Execute_EqualOnLookupOver100000Rows_ShouldReturnTheOwnersRows()
        {
            var owners = Enumerable.Range(0, 1000).Select(_ => new EntityReference("systemuser", Guid.NewGuid())).ToArray();
            for (var i = 0; i < 100_000; i++)
            {
                source.Add(new Entity("account") { ["name"] = "Account " + i, ["ownerid"] = owners[i % owners.Length], ["numberofemployees"] = i });
            }

            var query = Accounts(new ConditionExpression("ownerid", ConditionOperator.Equal, owners[7].Id));
            query.AddOrder("numberofemployees", OrderType.Descending);
            EntityCollection result = null;

            result = Execute(query);

            Assert.That(result.Entities, Has.Count.EqualTo(100));
            Assert.That(NameOf(result.Entities[0]), Is.EqualTo("Account 99007"));
        }

        [Test]
        public void Execute_PagingThrough20000Rows_ShouldReturnEachRowOnce()
        {
            for (var i = 0; i < 20_000; i++)
            {
                source.Add(new Entity("account") { ["name"] = "Account " + i });
            }

            var query = Accounts(new ConditionExpression("name", ConditionOperator.BeginsWith, "Account "));
            query.PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 };
            var seen = new System.Collections.Generic.HashSet<Guid>();

            while (true)
            {
                var page = Execute(query);
                foreach (var record in page.Entities)
                {
                    seen.Add(record.Id);
                }

                if (!page.MoreRecords)
                {
                    break;
                }

                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }

            Assert.That(seen, Has.Count.EqualTo(20_000));
        }

        [Test]
        public void Execute_JoinOver20000Rows_ShouldReturnTheMatchingRows()
        {
            for (var i = 0; i < 20_000; i++)
            {
                var account = source.Add(new Entity("account") { ["name"] = "Account " + i });
                source.Add(new Entity("contact") { ["fullname"] = "Contact " + i, ["parentcustomerid"] = account.ToEntityReference() });
            }

            var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
            query.AddLink("account", "parentcustomerid", "accountid").LinkCriteria.AddCondition("name", ConditionOperator.Like, "Account 1999%");
            EntityCollection result = null;

            result = Execute(query);

            Assert.That(result.Entities, Has.Count.EqualTo(11));
        }

        [Test]
        public void Execute_AggregateOver50001Rows_ShouldFailWithTheDefaultLimit()
        {
            AddManyOpportunities(50_001);

            var code = FaultCode(() => Aggregate("<attribute name='estimatedvalue' aggregate='sum' alias='total' />"));

            Assert.That(code, Is.EqualTo(-2147164125));
        }

        [Test]
        public void Execute_AggregateOver50000Rows_ShouldSucceedWithTheDefaultLimit()
        {
            AddManyOpportunities(50_000);

            var record = Aggregate("<attribute name='estimatedvalue' aggregate='sum' alias='total' />").Entities.Single();

            Assert.That(Aliased<Money>(record, "total").Value, Is.EqualTo(50_000m));
        }

        private void AddManyOpportunities(int count)
        {
            var account = contoso.ToEntityReference();
            for (var i = 0; i < count; i++)
            {
                source.Add(new Entity("opportunity") { ["parentaccountid"] = account, ["estimatedvalue"] = new Money(1m) });
            }
        }
    }
}
