using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Query
{
    public partial class QueryEngineTests
    {
        [Test]
        public void Execute_InnerJoin_ShouldReturnOneRowPerMatch()
        {
            var query = Accounts();
            var contacts = query.AddLink("contact", "accountid", "parentcustomerid");
            contacts.Columns = new ColumnSet("fullname");

            var result = Execute(query);

            var pairs = result.Entities.Select(e => NameOf(e) + "/" + Aliased<string>(e, "contact1.fullname")).OrderBy(p => p);
            Assert.That(pairs, Is.EqualTo(new[] { "Adventure Works/Cid", "Contoso/Ann", "Contoso/Bob" }));
        }

        [Test]
        public void Execute_LinkedColumn_ShouldComeBackAsAliasedValueOfTheLinkedTable()
        {
            var query = Accounts(new ConditionExpression("name", ConditionOperator.Equal, "Adventure Works"));
            var contacts = query.AddLink("contact", "accountid", "parentcustomerid");
            contacts.EntityAlias = "c";
            contacts.Columns = new ColumnSet("fullname", "contactid");

            var record = Execute(query).Entities.Single();

            var fullname = (AliasedValue)record["c.fullname"];
            Assert.That(fullname.EntityLogicalName, Is.EqualTo("contact"));
            Assert.That(fullname.AttributeLogicalName, Is.EqualTo("fullname"));
            Assert.That(fullname.Value, Is.EqualTo("Cid"));
            Assert.That(Aliased<System.Guid>(record, "c.contactid"), Is.EqualTo(cid.Id));
        }

        [Test]
        public void Execute_LeftOuterJoin_ShouldKeepRowsWithoutMatch()
        {
            var query = Accounts();
            query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter).Columns = new ColumnSet("fullname");

            var result = Execute(query);

            Assert.That(result.Entities, Has.Count.EqualTo(7));
            var fabrikamRow = result.Entities.Single(e => NameOf(e) == "Fabrikam");
            Assert.That(fabrikamRow.Contains("contact1.fullname"), Is.False);
        }

        [Test]
        public void Execute_LeftOuterJoinWithLinkCriteria_ShouldFilterTheJoinNotTheRows()
        {
            var query = Accounts();
            var contacts = query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter);
            contacts.EntityAlias = "c";
            contacts.Columns = new ColumnSet("fullname");
            contacts.LinkCriteria.AddCondition("fullname", ConditionOperator.Equal, "Bob");

            var result = Execute(query);

            Assert.That(result.Entities, Has.Count.EqualTo(6));
            Assert.That(Aliased<string>(result.Entities.Single(e => NameOf(e) == "Contoso"), "c.fullname"), Is.EqualTo("Bob"));
        }

        [Test]
        public void Execute_InnerJoinWithLinkCriteria_ShouldDropRowsWithoutPassingMatch()
        {
            var query = Accounts();
            query.AddLink("contact", "accountid", "parentcustomerid").LinkCriteria.AddCondition("fullname", ConditionOperator.BeginsWith, "C");

            Assert.That(Names(Execute(query)), Is.EqualTo("Adventure Works"));
        }

        [Test]
        public void Execute_ConditionOnOuterJoinedTableNull_ShouldFindRowsWithoutRelatedRecord()
        {
            var query = Accounts(new ConditionExpression("c", "contactid", ConditionOperator.Null));
            query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter).EntityAlias = "c";

            Assert.That(Names(Execute(query)), Is.EqualTo("(no name),Fabrikam,Northwind,Élan Vital"));
        }

        [Test]
        public void Execute_ConditionOnLinkedTableByEntityName_ShouldApplyToTheUnaliasedLink()
        {
            var query = Accounts(new ConditionExpression("contact", "fullname", ConditionOperator.Equal, "Cid"));
            query.AddLink("contact", "accountid", "parentcustomerid");

            Assert.That(Names(Execute(query)), Is.EqualTo("Adventure Works"));
        }

        [Test]
        public void Execute_NestedLinks_ShouldJoinThroughTheChain()
        {
            var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
            var account = query.AddLink("account", "parentcustomerid", "accountid");
            var owner = account.AddLink("systemuser", "ownerid", "systemuserid");
            owner.EntityAlias = "owner";
            owner.Columns = new ColumnSet("fullname");
            owner.LinkCriteria.AddCondition("systemuserid", ConditionOperator.EqualUserId);

            var result = Execute(query);

            Assert.That(Names(result), Is.EqualTo("Ann,Bob"));
            Assert.That(Aliased<string>(result.Entities[0], "owner.fullname"), Is.EqualTo("Caller User"));
        }

        [Test]
        public void Execute_InnerLinkUnderUnmatchedOuterLink_ShouldDropTheRowAsSqlDoes()
        {
            var query = Accounts();
            var contacts = query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter);
            contacts.AddLink("systemuser", "ownerid", "systemuserid");

            Assert.That(Names(Execute(query)), Is.EqualTo("Adventure Works,Contoso,Contoso"));
        }

        [Test]
        public void Execute_UnaliasedLinks_ShouldBeNamedAfterTheTableWithACounterPerTable()
        {
            var query = Accounts(new ConditionExpression("name", ConditionOperator.Equal, "Contoso"));
            query.AddLink("contact", "primarycontactid", "contactid", JoinOperator.LeftOuter).Columns = new ColumnSet("fullname");
            query.AddLink("systemuser", "ownerid", "systemuserid", JoinOperator.LeftOuter).Columns = new ColumnSet("fullname");
            var children = query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter);
            children.Columns = new ColumnSet("fullname");
            children.LinkCriteria.AddCondition("fullname", ConditionOperator.Equal, "Bob");

            var record = Execute(query).Entities.Single();

            Assert.That(Aliased<string>(record, "contact1.fullname"), Is.EqualTo("Ann"));
            Assert.That(Aliased<string>(record, "systemuser1.fullname"), Is.EqualTo("Caller User"));
            Assert.That(Aliased<string>(record, "contact2.fullname"), Is.EqualTo("Bob"));
        }

        [Test]
        public void Execute_LinkWithAllColumns_ShouldReturnEveryColumnOfTheLinkedRow()
        {
            var query = Accounts(new ConditionExpression("name", ConditionOperator.Equal, "Adventure Works"));
            query.AddLink("contact", "primarycontactid", "contactid").Columns = new ColumnSet(true);

            var record = Execute(query).Entities.Single();

            Assert.That(record.Attributes.Keys, Is.SupersetOf(new[] { "contact1.fullname", "contact1.parentcustomerid", "contact1.contactid" }));
        }

        [Test]
        public void Execute_ExistsJoin_ShouldKeepEachParentOnce()
        {
            var query = Accounts();
            query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.Exists);

            Assert.That(Names(Execute(query)), Is.EqualTo("Adventure Works,Contoso"));
        }

        [Test]
        public void Execute_AnyJoinWithCriteria_ShouldKeepParentsWithAPassingChild()
        {
            var query = Accounts();
            query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.Any).LinkCriteria.AddCondition("fullname", ConditionOperator.Equal, "Bob");

            Assert.That(Names(Execute(query)), Is.EqualTo("Contoso"));
        }

        [Test]
        public void Execute_NotAnyJoin_ShouldKeepParentsWithoutChildren()
        {
            var query = Accounts();
            query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.NotAny);

            Assert.That(Names(Execute(query)), Is.EqualTo("(no name),Fabrikam,Northwind,Élan Vital"));
        }

        [Test]
        public void Execute_MatchFirstRowJoin_ShouldKeepOneRowPerParent()
        {
            var query = Accounts();
            query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.MatchFirstRowUsingCrossApply).Columns = new ColumnSet("fullname");

            Assert.That(Names(Execute(query)), Is.EqualTo("Adventure Works,Contoso"));
        }

        [Test]
        public void Execute_DistinctOverJoin_ShouldRemoveDuplicateRows()
        {
            var query = Accounts();
            query.Distinct = true;
            query.AddLink("contact", "accountid", "parentcustomerid");

            var result = Execute(query);

            Assert.That(Names(result), Is.EqualTo("Adventure Works,Contoso"));
            Assert.That(result.Entities.Select(e => e.Contains("accountid")), Is.All.False);
        }

        [Test]
        public void Execute_JoinOnLookupToPrimaryKey_ShouldMatchById()
        {
            var query = Accounts();
            var owner = query.AddLink("team", "ownerid", "teamid");
            owner.Columns = new ColumnSet("name");

            var record = Execute(query).Entities.Single();

            Assert.That(NameOf(record), Is.EqualTo("Adventure Works"));
            Assert.That(Aliased<string>(record, "team1.name"), Is.EqualTo("Key Accounts"));
        }
    }
}
