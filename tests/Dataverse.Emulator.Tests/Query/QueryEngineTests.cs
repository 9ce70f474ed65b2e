using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Query
{
    /// <summary>
    /// The query engine against a small organisation. Partial class by concern: conditions, dates, links, ordering and
    /// paging, FetchXML, aggregates, faults, volume.
    /// </summary>
    /// <remarks>
    /// "Now" is Wednesday 2024-05-15 10:00 UTC; the week runs from Sunday 2024-05-12.
    /// <code>
    /// account            employees revenue budget rating industry createdon          followupon        owner  contact
    /// Contoso            10        1000    900    4.5    1        2024-05-15 08:00  2024-05-16 09:00  caller Ann
    /// Fabrikam           50        500     600    3.0    2        2024-05-14 12:00  2024-05-20        other  -
    /// Adventure Works    5         -       -      4.0    1        2024-05-08 00:00  2024-06-10        team   Cid
    /// Élan Vital         -         2000    -      -      3        2024-04-20        2025-01-10        caller -
    /// Northwind          20        750     750    2.5    -        2023-12-31        -                 other  Bob
    /// (no name)          all columns empty
    /// contacts: Ann, Bob (parent Contoso), Cid (parent Adventure Works), Dan (no parent)
    /// </code>
    /// </remarks>
    [TestFixture]
    public partial class QueryEngineTests
    {
        private static readonly DateTime Now = new DateTime(2024, 5, 15, 10, 0, 0, DateTimeKind.Utc);

        private InMemoryQuerySource source;
        private QueryEngine engine;
        private QueryContext context;
        private Entity caller;
        private Entity otherUser;
        private Entity team;
        private Entity contoso;
        private Entity fabrikam;
        private Entity adventureWorks;
        private Entity elanVital;
        private Entity northwind;
        private Entity unnamed;
        private Entity ann;
        private Entity bob;
        private Entity cid;
        private Entity dan;

        [SetUp]
        public void CreateOrganisation()
        {
            source = new InMemoryQuerySource()
                .Table("systemuser", "fullname")
                .Table("team", "name")
                .Table(
                    "account",
                    "name",
                    "numberofemployees",
                    "revenue",
                    "budget",
                    "rating",
                    "industrycode",
                    "createdon",
                    "followupon",
                    "ownerid",
                    "primarycontactid",
                    "isactive",
                    "categories",
                    "parentaccountid")
                .Table("contact", "fullname", "parentcustomerid", "ownerid")
                .Table(
                    "opportunity",
                    "name",
                    "parentaccountid",
                    "estimatedvalue",
                    "probability",
                    "score",
                    "actualclosedate",
                    "statecode",
                    "ownerid");
            engine = new QueryEngine();

            caller = source.Add(new Entity("systemuser") { ["fullname"] = "Caller User" });
            otherUser = source.Add(new Entity("systemuser") { ["fullname"] = "Other User" });
            team = source.Add(new Entity("team") { ["name"] = "Key Accounts" });
            context = new QueryContext(Now, caller.Id, new[] { team.Id });

            ann = new Entity("contact", Guid.NewGuid()) { ["fullname"] = "Ann" };
            bob = new Entity("contact", Guid.NewGuid()) { ["fullname"] = "Bob" };
            cid = new Entity("contact", Guid.NewGuid()) { ["fullname"] = "Cid" };
            dan = new Entity("contact", Guid.NewGuid()) { ["fullname"] = "Dan" };

            contoso = source.Add(new Entity("account")
            {
                ["name"] = "Contoso",
                ["numberofemployees"] = 10,
                ["revenue"] = new Money(1000m),
                ["budget"] = new Money(900m),
                ["rating"] = 4.5m,
                ["industrycode"] = new OptionSetValue(1),
                ["createdon"] = new DateTime(2024, 5, 15, 8, 0, 0, DateTimeKind.Utc),
                ["followupon"] = new DateTime(2024, 5, 16, 9, 0, 0, DateTimeKind.Utc),
                ["ownerid"] = caller.ToEntityReference(),
                ["primarycontactid"] = ann.ToEntityReference(),
                ["isactive"] = true,
                ["categories"] = new OptionSetValueCollection(new List<OptionSetValue> { new OptionSetValue(1), new OptionSetValue(2) }),
            });
            fabrikam = source.Add(new Entity("account")
            {
                ["name"] = "Fabrikam",
                ["numberofemployees"] = 50,
                ["revenue"] = new Money(500m),
                ["budget"] = new Money(600m),
                ["rating"] = 3.0m,
                ["industrycode"] = new OptionSetValue(2),
                ["createdon"] = new DateTime(2024, 5, 14, 12, 0, 0, DateTimeKind.Utc),
                ["followupon"] = new DateTime(2024, 5, 20, 0, 0, 0, DateTimeKind.Utc),
                ["ownerid"] = otherUser.ToEntityReference(),
                ["isactive"] = false,
                ["categories"] = new OptionSetValueCollection(new List<OptionSetValue> { new OptionSetValue(3) }),
            });
            adventureWorks = source.Add(new Entity("account")
            {
                ["name"] = "Adventure Works",
                ["numberofemployees"] = 5,
                ["rating"] = 4.0m,
                ["industrycode"] = new OptionSetValue(1),
                ["createdon"] = new DateTime(2024, 5, 8, 0, 0, 0, DateTimeKind.Utc),
                ["followupon"] = new DateTime(2024, 6, 10, 0, 0, 0, DateTimeKind.Utc),
                ["ownerid"] = team.ToEntityReference(),
                ["primarycontactid"] = cid.ToEntityReference(),
                ["isactive"] = true,
            });
            elanVital = source.Add(new Entity("account")
            {
                ["name"] = "Élan Vital",
                ["revenue"] = new Money(2000m),
                ["industrycode"] = new OptionSetValue(3),
                ["createdon"] = new DateTime(2024, 4, 20, 0, 0, 0, DateTimeKind.Utc),
                ["followupon"] = new DateTime(2025, 1, 10, 0, 0, 0, DateTimeKind.Utc),
                ["ownerid"] = caller.ToEntityReference(),
            });
            northwind = source.Add(new Entity("account")
            {
                ["name"] = "Northwind",
                ["numberofemployees"] = 20,
                ["revenue"] = new Money(750m),
                ["budget"] = new Money(750m),
                ["rating"] = 2.5m,
                ["createdon"] = new DateTime(2023, 12, 31, 0, 0, 0, DateTimeKind.Utc),
                ["ownerid"] = otherUser.ToEntityReference(),
                ["primarycontactid"] = bob.ToEntityReference(),
                ["isactive"] = true,
            });
            unnamed = source.Add(new Entity("account"));

            ann["parentcustomerid"] = contoso.ToEntityReference();
            bob["parentcustomerid"] = contoso.ToEntityReference();
            cid["parentcustomerid"] = adventureWorks.ToEntityReference();
            foreach (var contact in new[] { ann, bob, cid, dan })
            {
                contact["ownerid"] = caller.ToEntityReference();
                source.Add(contact);
            }
        }

        private EntityCollection Execute(QueryBase query) => engine.Execute(query, source, context);

        private EntityCollection Fetch(string fetchXml) => Execute(new FetchExpression(fetchXml));

        private static QueryExpression Accounts(params ConditionExpression[] conditions)
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
            foreach (var condition in conditions)
            {
                query.Criteria.AddCondition(condition);
            }

            return query;
        }

        /// <summary>The names of the returned accounts, sorted, comma-separated (the row without name as "(no name)").</summary>
        private static string Names(EntityCollection result) =>
            string.Join(",", result.Entities.Select(NameOf).OrderBy(n => n, StringComparer.Ordinal));

        /// <summary>The names in the order returned.</summary>
        private static string NamesInOrder(EntityCollection result) => string.Join(",", result.Entities.Select(NameOf));

        private static string NameOf(Entity entity) =>
            entity.GetAttributeValue<string>("name") ?? entity.GetAttributeValue<string>("fullname") ?? "(no name)";

        private static T Aliased<T>(Entity entity, string key) => (T)((AliasedValue)entity[key]).Value;

        private static int? FaultCode(Action action)
        {
            var exception = Assert.Catch(() => action());
            return DataverseFault.CodeOf(exception);
        }
    }
}
