using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Store
{
    /// <summary>
    /// The store's equality index (lookups, owner, other Guid columns, the primary id) only narrows the rows a query
    /// tests: every query answered through it returns exactly what reading the whole table returns, in the same order,
    /// committed or inside a transaction that changed, added or deleted rows. The "scan" form of each query puts its
    /// conditions under an or-filter, which the index never serves.
    /// </summary>
    public class IndexTests
    {
        private const string Item = "kam_item";
        private DataverseEmulator org;
        private EmulatedOrganizationService client;
        private Guid a;
        private Guid b;
        private List<Guid> items;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
            org.Metadata.Table(Item, t => t
                .PrimaryName("kam_name")
                .Lookup("kam_accountid", "account")
                .String("kam_sourceid", 100)
                .Integer("kam_rank"));
            client = org.AdminService;
            a = client.Create(new Entity("account") { ["name"] = "A" });
            b = client.Create(new Entity("account") { ["name"] = "B" });
            items = new List<Guid>();
            for (var i = 0; i < 8; i++)
            {
                items.Add(client.Create(new Entity(Item)
                {
                    ["kam_name"] = "item " + i,
                    ["kam_accountid"] = new EntityReference("account", i < 5 ? a : b),
                    ["kam_sourceid"] = Guid.NewGuid().ToString(),
                    ["kam_rank"] = i,
                }));
            }
        }

        [Test]
        public void Equal_OnLookup_Should_ReturnWhatTheScanReturns_InCreationOrder()
        {
            var indexed = Ids(client, ByAccount(a));

            Assert.That(indexed, Is.EqualTo(items.Take(5)));
            Assert.That(indexed, Is.EqualTo(Ids(client, Scan(ByAccount(a)))));
        }

        [Test]
        public void LookupChangedFromAToB_Should_NoLongerBeFoundByA()
        {
            client.Update(new Entity(Item, items[1]) { ["kam_accountid"] = new EntityReference("account", b) });
            client.Update(new Entity(Item, items[6]) { ["kam_accountid"] = null });

            var byA = Ids(client, ByAccount(a));
            var byB = Ids(client, ByAccount(b));

            Assert.Multiple(() =>
            {
                Assert.That(byA, Is.EqualTo(new[] { items[0], items[2], items[3], items[4] }));
                Assert.That(byB, Is.EqualTo(new[] { items[1], items[5], items[7] }));
                Assert.That(byA, Is.EqualTo(Ids(client, Scan(ByAccount(a)))));
                Assert.That(byB, Is.EqualTo(Ids(client, Scan(ByAccount(b)))));
            });
        }

        [Test]
        public void DeletedRow_Should_NotBeFound()
        {
            client.Delete(Item, items[2]);

            Assert.That(Ids(client, ByAccount(a)), Is.EqualTo(new[] { items[0], items[1], items[3], items[4] }));
            Assert.That(Ids(client, ByAccount(a)), Is.EqualTo(Ids(client, Scan(ByAccount(a)))));
        }

        [Test]
        public void In_PrimaryId_Owner_AndTextHoldingGuids_Should_ReturnWhatTheScanReturns()
        {
            var admin = org.Users.Administrator.Id;
            var source = org.Get(Item, items[3]).GetAttributeValue<string>("kam_sourceid");
            var queries = new[]
            {
                Query(new ConditionExpression("kam_accountid", ConditionOperator.In, a, b)),
                Query(new ConditionExpression("kam_accountid", ConditionOperator.In, new EntityReference("account", b))),
                Query(new ConditionExpression("kam_itemid", ConditionOperator.Equal, items[4])),
                Query(new ConditionExpression("kam_itemid", ConditionOperator.In, items[6], items[0], items[6])),
                Query(new ConditionExpression("kam_accountid", ConditionOperator.In, b, b)),
                Query(new ConditionExpression("ownerid", ConditionOperator.Equal, admin)),
                Query(new ConditionExpression("kam_sourceid", ConditionOperator.Equal, source.ToUpperInvariant())),
                Query(new ConditionExpression("kam_accountid", ConditionOperator.Equal, a.ToString()), new ConditionExpression("kam_rank", ConditionOperator.GreaterThan, 2)),
                Query(new ConditionExpression("kam_accountid", ConditionOperator.Equal, Guid.NewGuid())),
            };
            var expected = new[]
            {
                items,
                items.Skip(5).ToList(),
                new List<Guid> { items[4] },
                new List<Guid> { items[0], items[6] },
                items.Skip(5).ToList(),
                items,
                new List<Guid> { items[3] },
                new List<Guid> { items[3], items[4] },
                new List<Guid>(),
            };

            for (var i = 0; i < queries.Length; i++)
            {
                Assert.That(Ids(client, queries[i]), Is.EqualTo(expected[i]), "query " + i);
                Assert.That(Ids(client, Scan(queries[i])), Is.EqualTo(expected[i]), "scan of query " + i);
            }
        }

        [Test]
        public void FetchXml_WithGuidText_Should_UseTheSameRows()
        {
            var fetch = $"<fetch><entity name='{Item}'><attribute name='kam_name' /><filter><condition attribute='kam_accountid' operator='eq' value='{b}' /></filter></entity></fetch>";

            Assert.That(client.RetrieveMultiple(new FetchExpression(fetch)).Entities.Select(e => e.Id), Is.EqualTo(items.Skip(5)));
        }

        [Test]
        public void TextColumnWithOtherValues_Should_StillBeAnsweredExactly()
        {
            client.Update(new Entity(Item, items[0]) { ["kam_sourceid"] = "not a guid" });
            var source = org.Get(Item, items[5]).GetAttributeValue<string>("kam_sourceid");

            var query = Query(new ConditionExpression("kam_sourceid", ConditionOperator.Equal, source));

            Assert.That(Ids(client, query), Is.EqualTo(new[] { items[5] }));
            Assert.That(Ids(client, Query(new ConditionExpression("kam_sourceid", ConditionOperator.Equal, "NOT A GUID"))), Is.EqualTo(new[] { items[0] }));
        }

        [Test]
        public void InsideATransaction_Should_SeeItsOwnWrites_AndNotTheRowsItChangedOrDeleted()
        {
            var results = new Dictionary<string, (List<Guid> Indexed, List<Guid> Scanned)>();
            Guid created = Guid.Empty;
            org.RegisterStep(Plugin.Step("Update", "account", PipelineStage.PostOperation), sp =>
            {
                var service = sp.UserService();
                created = service.Create(new Entity(Item) { ["kam_name"] = "new", ["kam_accountid"] = new EntityReference("account", a) });
                service.Update(new Entity(Item, items[1]) { ["kam_accountid"] = new EntityReference("account", b) });
                service.Update(new Entity(Item, items[6]) { ["kam_accountid"] = new EntityReference("account", a) });
                service.Delete(Item, items[3]);
                foreach (var (name, query) in new[]
                {
                    ("a", ByAccount(a)),
                    ("b", ByAccount(b)),
                    ("in", Query(new ConditionExpression("kam_accountid", ConditionOperator.In, a, b))),
                    ("deleted", Query(new ConditionExpression("kam_itemid", ConditionOperator.Equal, items[3]))),
                    ("created", Query(new ConditionExpression("kam_itemid", ConditionOperator.Equal, created))),
                })
                {
                    results[name] = (Ids(service, query), Ids(service, Scan(query)));
                }
            });

            client.Update(new Entity("account", a) { ["name"] = "A2" });

            Assert.Multiple(() =>
            {
                Assert.That(results["a"].Indexed, Is.EqualTo(new[] { items[0], items[2], items[4], items[6], created }));
                Assert.That(results["b"].Indexed, Is.EqualTo(new[] { items[1], items[5], items[7] }));
                Assert.That(results["in"].Indexed, Is.EqualTo(items.Where(i => i != items[3]).Append(created)));
                Assert.That(results["deleted"].Indexed, Is.Empty);
                Assert.That(results["created"].Indexed, Is.EqualTo(new[] { created }));
                foreach (var r in results)
                {
                    Assert.That(r.Value.Indexed, Is.EqualTo(r.Value.Scanned), r.Key);
                }

                // Committed: the same answers outside the transaction.
                Assert.That(Ids(client, ByAccount(a)), Is.EqualTo(results["a"].Indexed));
                Assert.That(Ids(client, ByAccount(b)), Is.EqualTo(results["b"].Indexed));
            });
        }

        [Test]
        public void RolledBackWrites_Should_LeaveTheIndexAsItWas()
        {
            org.RegisterStep(Plugin.Step("Update", "account", PipelineStage.PostOperation), sp =>
            {
                var service = sp.UserService();
                service.Update(new Entity(Item, items[0]) { ["kam_accountid"] = new EntityReference("account", b) });
                service.Delete(Item, items[1]);
                service.Create(new Entity(Item) { ["kam_name"] = "new", ["kam_accountid"] = new EntityReference("account", a) });
                throw new InvalidPluginExecutionException("no");
            });

            Plugin.Fault(() => client.Update(new Entity("account", a) { ["name"] = "A2" }));

            Assert.That(Ids(client, ByAccount(a)), Is.EqualTo(items.Take(5)));
            Assert.That(Ids(client, ByAccount(b)), Is.EqualTo(items.Skip(5)));
        }

        [Test]
        public void Links_Should_FindTheLinkedRowsThroughTheIndex_AsTheScanDoes()
        {
            client.Update(new Entity(Item, items[2]) { ["kam_accountid"] = new EntityReference("account", b) });
            var c = client.Create(new Entity("account") { ["name"] = "C" });
            client.Update(new Entity(Item, items[4]) { ["kam_accountid"] = new EntityReference("account", c) });

            // Accounts with their items (link on the lookup), items with their account (link on the primary id).
            var accounts = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            accounts.Criteria.AddCondition("accountid", ConditionOperator.In, a, b);
            var link = accounts.AddLink(Item, "accountid", "kam_accountid");
            link.EntityAlias = "i";
            link.Columns = new ColumnSet("kam_name");
            link.LinkCriteria.AddCondition("kam_rank", ConditionOperator.LessThan, 6);
            var pairs = client.RetrieveMultiple(accounts).Entities.Select(e => (e.Id, (string)e.GetAttributeValue<AliasedValue>("i.kam_name").Value)).ToList();

            var withAccount = Query(new ConditionExpression("kam_rank", ConditionOperator.LessThan, 6));
            var account = withAccount.AddLink("account", "kam_accountid", "accountid");
            account.LinkCriteria.AddCondition("name", ConditionOperator.Equal, "B");

            Assert.That(pairs, Is.EqualTo(new[] { (a, "item 0"), (a, "item 1"), (a, "item 3"), (b, "item 2"), (b, "item 5") }));
            Assert.That(Ids(client, withAccount), Is.EqualTo(new[] { items[2], items[5] }));
        }

        [Test]
        public void Organization_Should_HaveExactlyOneRow()
        {
            var rows = org.All("organization");

            Assert.That(rows.Select(r => r.Id), Is.EqualTo(new[] { org.Options.OrganizationId }));
            Assert.That(rows[0].GetAttributeValue<int?>("goalrollupexpirytime"), Is.EqualTo(30));
        }

        private static QueryExpression Query(params ConditionExpression[] conditions)
        {
            var query = new QueryExpression(Item) { ColumnSet = new ColumnSet("kam_name") };
            foreach (var c in conditions) query.Criteria.AddCondition(c);
            return query;
        }

        private static QueryExpression ByAccount(Guid account) => Query(new ConditionExpression("kam_accountid", ConditionOperator.Equal, account));

        /// <summary>The same query with its conditions under an or-filter of one child (the same rows; never served by the index).</summary>
        private static QueryExpression Scan(QueryExpression query)
        {
            var copy = new QueryExpression(query.EntityName) { ColumnSet = query.ColumnSet };
            var or = new FilterExpression(LogicalOperator.Or);
            var and = new FilterExpression(LogicalOperator.And);
            foreach (var c in query.Criteria.Conditions) and.AddCondition(c);
            or.AddFilter(and);
            copy.Criteria.AddFilter(or);
            return copy;
        }

        private static List<Guid> Ids(IOrganizationService service, QueryExpression query) =>
            service.RetrieveMultiple(query).Entities.Select(e => e.Id).ToList();
    }
}
