using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Query
{
    public partial class QueryEngineTests
    {
        [TestCase("name", "eq", "contoso", ExpectedResult = "Contoso")]
        [TestCase("name", "neq", "Contoso", ExpectedResult = "Adventure Works,Fabrikam,Northwind,Élan Vital")]
        [TestCase("name", "ne", "Contoso", ExpectedResult = "Adventure Works,Fabrikam,Northwind,Élan Vital")]
        [TestCase("numberofemployees", "gt", "10", ExpectedResult = "Fabrikam,Northwind")]
        [TestCase("numberofemployees", "ge", "10", ExpectedResult = "Contoso,Fabrikam,Northwind")]
        [TestCase("numberofemployees", "lt", "10", ExpectedResult = "Adventure Works")]
        [TestCase("numberofemployees", "le", "10", ExpectedResult = "Adventure Works,Contoso")]
        [TestCase("revenue", "gt", "600.50", ExpectedResult = "Contoso,Northwind,Élan Vital")]
        [TestCase("industrycode", "eq", "2", ExpectedResult = "Fabrikam")]
        [TestCase("isactive", "eq", "1", ExpectedResult = "Adventure Works,Contoso,Northwind")]
        [TestCase("isactive", "eq", "false", ExpectedResult = "Fabrikam")]
        [TestCase("name", "like", "%works", ExpectedResult = "Adventure Works")]
        [TestCase("name", "not-like", "%o%", ExpectedResult = "Fabrikam,Élan Vital")]
        [TestCase("name", "begins-with", "North", ExpectedResult = "Northwind")]
        [TestCase("name", "not-begin-with", "North", ExpectedResult = "Adventure Works,Contoso,Fabrikam,Élan Vital")]
        [TestCase("name", "ends-with", "vital", ExpectedResult = "Élan Vital")]
        [TestCase("name", "not-end-with", "vital", ExpectedResult = "Adventure Works,Contoso,Fabrikam,Northwind")]
        [TestCase("numberofemployees", "null", null, ExpectedResult = "(no name),Élan Vital")]
        [TestCase("numberofemployees", "not-null", null, ExpectedResult = "Adventure Works,Contoso,Fabrikam,Northwind")]
        [TestCase("createdon", "on", "2024-05-08", ExpectedResult = "Adventure Works")]
        [TestCase("createdon", "on-or-before", "2024-05-08", ExpectedResult = "Adventure Works,Northwind,Élan Vital")]
        [TestCase("createdon", "on-or-after", "2024-05-14", ExpectedResult = "Contoso,Fabrikam")]
        [TestCase("createdon", "today", null, ExpectedResult = "Contoso")]
        [TestCase("createdon", "yesterday", null, ExpectedResult = "Fabrikam")]
        [TestCase("followupon", "tomorrow", null, ExpectedResult = "Contoso")]
        [TestCase("createdon", "last-x-days", "1", ExpectedResult = "Contoso,Fabrikam")]
        [TestCase("followupon", "next-x-days", "1", ExpectedResult = "Contoso")]
        [TestCase("createdon", "last-seven-days", null, ExpectedResult = "Adventure Works,Contoso,Fabrikam")]
        [TestCase("createdon", "this-week", null, ExpectedResult = "Contoso,Fabrikam")]
        [TestCase("createdon", "this-month", null, ExpectedResult = "Adventure Works,Contoso,Fabrikam")]
        [TestCase("createdon", "last-month", null, ExpectedResult = "Élan Vital")]
        [TestCase("createdon", "this-year", null, ExpectedResult = "Adventure Works,Contoso,Fabrikam,Élan Vital")]
        [TestCase("createdon", "last-year", null, ExpectedResult = "Northwind")]
        [TestCase("createdon", "last-x-months", "1", ExpectedResult = "Adventure Works,Contoso,Fabrikam,Élan Vital")]
        [TestCase("followupon", "next-x-months", "1", ExpectedResult = "Adventure Works,Contoso,Fabrikam")]
        [TestCase("createdon", "olderthan-x-days", "30", ExpectedResult = "Northwind")]
        [TestCase("createdon", "olderthan-x-months", "1", ExpectedResult = "Northwind")]
        [TestCase("ownerid", "eq-userid", null, ExpectedResult = "Contoso,Élan Vital")]
        [TestCase("ownerid", "ne-userid", null, ExpectedResult = "Adventure Works,Fabrikam,Northwind")]
        [TestCase("ownerid", "eq-userteams", null, ExpectedResult = "Adventure Works")]
        [TestCase("ownerid", "eq-useroruserteams", null, ExpectedResult = "Adventure Works,Contoso,Élan Vital")]
        public string Execute_FetchCondition_ShouldReadTheOperatorAsFetchXmlSpellsIt(string attribute, string op, string value)
        {
            var valueAttribute = value == null ? string.Empty : $" value='{value}'";
            return Names(Fetch($@"
                <fetch>
                  <entity name='account'>
                    <attribute name='name' />
                    <filter>
                      <condition attribute='{attribute}' operator='{op}'{valueAttribute} />
                    </filter>
                  </entity>
                </fetch>"));
        }

        [TestCase("in", ExpectedResult = "Contoso,Fabrikam")]
        [TestCase("not-in", ExpectedResult = "Adventure Works,Northwind,Élan Vital")]
        public string Execute_FetchInWithValueElements_ShouldUseEveryValue(string op) =>
            Names(Fetch($@"
                <fetch>
                  <entity name='account'>
                    <attribute name='name' />
                    <filter>
                      <condition attribute='name' operator='{op}'>
                        <value>Contoso</value>
                        <value>Fabrikam</value>
                      </condition>
                    </filter>
                  </entity>
                </fetch>"));

        [Test]
        public void Execute_FetchBetweenWithValueElements_ShouldIncludeBothEnds()
        {
            var result = Fetch(@"
                <fetch>
                  <entity name='account'>
                    <attribute name='name' />
                    <filter>
                      <condition attribute='numberofemployees' operator='between'>
                        <value>5</value>
                        <value>20</value>
                      </condition>
                    </filter>
                  </entity>
                </fetch>");

            Assert.That(Names(result), Is.EqualTo("Adventure Works,Contoso,Northwind"));
        }

        [Test]
        public void Execute_FetchLookupConditionWithBracedGuid_ShouldCompareById()
        {
            var result = Fetch($@"
                <fetch>
                  <entity name='account'>
                    <attribute name='name' />
                    <filter>
                      <condition attribute='primarycontactid' operator='eq' value='{{{cid.Id.ToString().ToUpperInvariant()}}}' uitype='contact' />
                    </filter>
                  </entity>
                </fetch>");

            Assert.That(Names(result), Is.EqualTo("Adventure Works"));
        }

        [Test]
        public void Execute_FetchNestedFilters_ShouldCombineAndOr()
        {
            var result = Fetch(@"
                <fetch>
                  <entity name='account'>
                    <attribute name='name' />
                    <filter type='and'>
                      <condition attribute='revenue' operator='not-null' />
                      <filter type='or'>
                        <condition attribute='industrycode' operator='eq' value='1' />
                        <condition attribute='numberofemployees' operator='gt' value='40' />
                      </filter>
                    </filter>
                  </entity>
                </fetch>");

            Assert.That(Names(result), Is.EqualTo("Contoso,Fabrikam"));
        }

        [Test]
        public void Execute_FetchWithoutAttributes_ShouldReturnAllColumns()
        {
            var record = Fetch("<fetch><entity name='account'><filter><condition attribute='name' operator='eq' value='Fabrikam' /></filter></entity></fetch>").Entities.Single();

            Assert.That(record.Attributes.Keys, Is.EquivalentTo(fabrikam.Attributes.Keys));
        }

        [Test]
        public void Execute_FetchAllAttributes_ShouldReturnAllColumns()
        {
            var record = Fetch("<fetch><entity name='account'><all-attributes /><filter><condition attribute='name' operator='eq' value='Fabrikam' /></filter></entity></fetch>").Entities.Single();

            Assert.That(record.Attributes.Keys, Is.EquivalentTo(fabrikam.Attributes.Keys));
        }

        [Test]
        public void Execute_FetchAttributeAlias_ShouldRenameTheColumnAsAliasedValue()
        {
            var record = Fetch("<fetch><entity name='account'><attribute name='name' alias='accountname' /><filter><condition attribute='name' operator='eq' value='Fabrikam' /></filter></entity></fetch>").Entities.Single();

            Assert.That(Aliased<string>(record, "accountname"), Is.EqualTo("Fabrikam"));
            Assert.That(record.Contains("name"), Is.False);
        }

        [Test]
        public void Execute_FetchOuterLinkEntity_ShouldKeepRowsWithoutMatchAndReturnAliasedColumns()
        {
            var result = Fetch(@"
                <fetch>
                  <entity name='account'>
                    <attribute name='name' />
                    <order attribute='name' />
                    <link-entity name='contact' from='contactid' to='primarycontactid' link-type='outer' alias='pc'>
                      <attribute name='fullname' />
                    </link-entity>
                  </entity>
                </fetch>");

            Assert.That(result.Entities, Has.Count.EqualTo(6));
            Assert.That(Aliased<string>(result.Entities.Single(e => NameOf(e) == "Northwind"), "pc.fullname"), Is.EqualTo("Bob"));
            Assert.That(result.Entities.Single(e => NameOf(e) == "Fabrikam").Contains("pc.fullname"), Is.False);
        }

        [Test]
        public void Execute_FetchNestedLinkEntities_ShouldJoinThroughTheChain()
        {
            var result = Fetch(@"
                <fetch>
                  <entity name='contact'>
                    <attribute name='fullname' />
                    <link-entity name='account' from='accountid' to='parentcustomerid' alias='a'>
                      <attribute name='name' alias='accountname' />
                      <link-entity name='systemuser' from='systemuserid' to='ownerid' alias='o'>
                        <attribute name='fullname' />
                        <filter>
                          <condition attribute='systemuserid' operator='eq-userid' />
                        </filter>
                      </link-entity>
                    </link-entity>
                  </entity>
                </fetch>");

            Assert.That(Names(result), Is.EqualTo("Ann,Bob"));
            Assert.That(Aliased<string>(result.Entities[0], "accountname"), Is.EqualTo("Contoso"));
            Assert.That(Aliased<string>(result.Entities[0], "o.fullname"), Is.EqualTo("Caller User"));
        }

        [Test]
        public void Execute_FetchConditionWithEntityName_ShouldFilterOnTheOuterLink()
        {
            var result = Fetch(@"
                <fetch>
                  <entity name='account'>
                    <attribute name='name' />
                    <link-entity name='contact' from='parentcustomerid' to='accountid' link-type='outer' alias='child' />
                    <filter>
                      <condition entityname='child' attribute='contactid' operator='null' />
                    </filter>
                  </entity>
                </fetch>");

            Assert.That(Names(result), Is.EqualTo("(no name),Fabrikam,Northwind,Élan Vital"));
        }

        [TestCase("any", ExpectedResult = "Contoso")]
        [TestCase("not any", ExpectedResult = "(no name),Adventure Works,Fabrikam,Northwind,Élan Vital")]
        public string Execute_FetchLinkEntityInsideFilter_ShouldTestForRelatedRows(string linkType) =>
            Names(Fetch($@"
                <fetch>
                  <entity name='account'>
                    <attribute name='name' />
                    <filter>
                      <link-entity name='contact' from='parentcustomerid' to='accountid' link-type='{linkType}'>
                        <filter>
                          <condition attribute='fullname' operator='eq' value='Bob' />
                        </filter>
                      </link-entity>
                    </filter>
                  </entity>
                </fetch>"));

        [Test]
        public void Execute_FetchValueOf_ShouldCompareTwoColumns()
        {
            var result = Fetch(@"
                <fetch>
                  <entity name='account'>
                    <attribute name='name' />
                    <filter>
                      <condition attribute='revenue' operator='gt' valueof='budget' />
                    </filter>
                  </entity>
                </fetch>");

            Assert.That(Names(result), Is.EqualTo("Contoso"));
        }

        [Test]
        public void Execute_FetchOrderDescendingAndTop_ShouldReturnTheLargest()
        {
            var result = Fetch(@"
                <fetch top='2'>
                  <entity name='account'>
                    <attribute name='name' />
                    <order attribute='revenue' descending='true' />
                  </entity>
                </fetch>");

            Assert.That(NamesInOrder(result), Is.EqualTo("Élan Vital,Contoso"));
        }

        [Test]
        public void Execute_FetchCountPageAndCookie_ShouldPage()
        {
            const string template = @"
                <fetch count='2' page='{0}' {1}>
                  <entity name='account'>
                    <attribute name='name' />
                    <order attribute='name' />
                  </entity>
                </fetch>";
            var first = Fetch(string.Format(template, 1, string.Empty));
            var cookie = System.Security.SecurityElement.Escape(first.PagingCookie);

            var second = Fetch(string.Format(template, 2, $"paging-cookie='{cookie}'"));

            Assert.That(NamesInOrder(first), Is.EqualTo("(no name),Adventure Works"));
            Assert.That(first.MoreRecords, Is.True);
            Assert.That(NamesInOrder(second), Is.EqualTo("Contoso,Élan Vital"));
        }

        [Test]
        public void Execute_FetchDistinct_ShouldRemoveDuplicates()
        {
            var result = Fetch(@"
                <fetch distinct='true'>
                  <entity name='account'>
                    <attribute name='name' />
                    <link-entity name='contact' from='parentcustomerid' to='accountid' />
                  </entity>
                </fetch>");

            Assert.That(Names(result), Is.EqualTo("Adventure Works,Contoso"));
        }

        [Test]
        public void Execute_FetchReturnTotalRecordCount_ShouldCount()
        {
            var result = Fetch("<fetch count='1' returntotalrecordcount='true'><entity name='account'><attribute name='name' /></entity></fetch>");

            Assert.That(result.TotalRecordCount, Is.EqualTo(6));
            Assert.That(result.Entities, Has.Count.EqualTo(1));
        }

        [TestCase("<fetch><entity name='account'>")]
        [TestCase("<query><entity name='account' /></query>")]
        [TestCase("<fetch />")]
        [TestCase("<fetch><entity name='account'><filter><condition attribute='name' operator='is-roughly' value='x' /></filter></entity></fetch>")]
        [TestCase("<fetch><entity name='account'><filter type='xor'><condition attribute='name' operator='null' /></filter></entity></fetch>")]
        [TestCase("<fetch><entity name='account'><link-entity name='contact' from='parentcustomerid' to='accountid' link-type='sideways' /></entity></fetch>")]
        [TestCase("<fetch count='many'><entity name='account' /></fetch>")]
        [TestCase("<fetch><entity name='account'><attribute /></entity></fetch>")]
        public void Execute_MalformedFetchXml_ShouldFailAsInvalidArgument(string fetchXml)
        {
            Assert.That(FaultCode(() => Fetch(fetchXml)), Is.EqualTo(Faults.ErrorCodes.InvalidArgument));
        }

        [Test]
        public void Execute_FetchValueOfWrongTypeForColumn_ShouldFailAsInvalidArgument()
        {
            const string fetch = "<fetch><entity name='account'><filter><condition attribute='numberofemployees' operator='eq' value='many' /></filter></entity></fetch>";

            Assert.That(FaultCode(() => Fetch(fetch)), Is.EqualTo(Faults.ErrorCodes.InvalidArgument));
        }

        [Test]
        public void Execute_FetchFiscalOperator_ShouldThrowNotSupportedNamingTheOperator()
        {
            const string fetch = "<fetch><entity name='account'><filter><condition attribute='createdon' operator='in-fiscal-year' value='2024' /></filter></entity></fetch>";

            Assert.That(() => Fetch(fetch), Throws.TypeOf<NotSupportedException>().With.Message.Contains("InFiscalYear"));
        }

        [Test]
        public void Execute_FetchLinkedRecordValues_ShouldBeCopies()
        {
            var record = Fetch(@"
                <fetch>
                  <entity name='account'>
                    <attribute name='name' />
                    <filter><condition attribute='name' operator='eq' value='Adventure Works' /></filter>
                    <link-entity name='contact' from='contactid' to='primarycontactid' alias='pc'>
                      <attribute name='parentcustomerid' />
                    </link-entity>
                  </entity>
                </fetch>").Entities.Single();

            Aliased<EntityReference>(record, "pc.parentcustomerid").Id = Guid.Empty;

            Assert.That(cid.GetAttributeValue<EntityReference>("parentcustomerid").Id, Is.EqualTo(adventureWorks.Id));
        }
    }
}
