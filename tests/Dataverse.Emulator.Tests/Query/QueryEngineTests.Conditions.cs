using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Query
{
    public partial class QueryEngineTests
    {
        [TestCase(ConditionOperator.Equal, new object[] { "contoso" }, ExpectedResult = "Contoso", TestName = "{m}(Equal is case-insensitive)")]
        [TestCase(ConditionOperator.Equal, new object[] { "elan vital" }, ExpectedResult = "Élan Vital", TestName = "{m}(Equal is accent-insensitive)")]
        [TestCase(ConditionOperator.NotEqual, new object[] { "Contoso" }, ExpectedResult = "Adventure Works,Fabrikam,Northwind,Élan Vital", TestName = "{m}(NotEqual leaves out null)")]
        [TestCase(ConditionOperator.GreaterThan, new object[] { "E" }, ExpectedResult = "Fabrikam,Northwind,Élan Vital", TestName = "{m}(GreaterThan by collation)")]
        [TestCase(ConditionOperator.LessEqual, new object[] { "contoso" }, ExpectedResult = "Adventure Works,Contoso", TestName = "{m}(LessEqual by collation)")]
        [TestCase(ConditionOperator.Like, new object[] { "%o%" }, ExpectedResult = "Adventure Works,Contoso,Northwind", TestName = "{m}(Like contains)")]
        [TestCase(ConditionOperator.Like, new object[] { "F_brikam" }, ExpectedResult = "Fabrikam", TestName = "{m}(Like single-character wildcard)")]
        [TestCase(ConditionOperator.Like, new object[] { "[CF]%" }, ExpectedResult = "Contoso,Fabrikam", TestName = "{m}(Like character set)")]
        [TestCase(ConditionOperator.Like, new object[] { "[^CF]%" }, ExpectedResult = "Adventure Works,Northwind,Élan Vital", TestName = "{m}(Like negated character set)")]
        [TestCase(ConditionOperator.NotLike, new object[] { "%o%" }, ExpectedResult = "Fabrikam,Élan Vital", TestName = "{m}(NotLike leaves out null)")]
        [TestCase(ConditionOperator.BeginsWith, new object[] { "con" }, ExpectedResult = "Contoso", TestName = "{m}(BeginsWith)")]
        [TestCase(ConditionOperator.DoesNotBeginWith, new object[] { "con" }, ExpectedResult = "Adventure Works,Fabrikam,Northwind,Élan Vital", TestName = "{m}(DoesNotBeginWith)")]
        [TestCase(ConditionOperator.EndsWith, new object[] { "WORKS" }, ExpectedResult = "Adventure Works", TestName = "{m}(EndsWith)")]
        [TestCase(ConditionOperator.DoesNotEndWith, new object[] { "works" }, ExpectedResult = "Contoso,Fabrikam,Northwind,Élan Vital", TestName = "{m}(DoesNotEndWith)")]
        [TestCase(ConditionOperator.Contains, new object[] { "abri" }, ExpectedResult = "Fabrikam", TestName = "{m}(Contains)")]
        [TestCase(ConditionOperator.DoesNotContain, new object[] { "o" }, ExpectedResult = "Fabrikam,Élan Vital", TestName = "{m}(DoesNotContain)")]
        [TestCase(ConditionOperator.In, new object[] { "contoso", "FABRIKAM", "nobody" }, ExpectedResult = "Contoso,Fabrikam", TestName = "{m}(In)")]
        [TestCase(ConditionOperator.NotIn, new object[] { "contoso", "fabrikam" }, ExpectedResult = "Adventure Works,Northwind,Élan Vital", TestName = "{m}(NotIn leaves out null)")]
        [TestCase(ConditionOperator.Between, new object[] { "b", "f" }, ExpectedResult = "Contoso,Élan Vital", TestName = "{m}(Between strings)")]
        [TestCase(ConditionOperator.NotBetween, new object[] { "b", "f" }, ExpectedResult = "Adventure Works,Fabrikam,Northwind", TestName = "{m}(NotBetween strings)")]
        [TestCase(ConditionOperator.Null, new object[0], ExpectedResult = "(no name)", TestName = "{m}(Null)")]
        [TestCase(ConditionOperator.NotNull, new object[0], ExpectedResult = "Adventure Works,Contoso,Fabrikam,Northwind,Élan Vital", TestName = "{m}(NotNull)")]
        public string Execute_StringCondition_ShouldMatchUnderDataverseCollation(ConditionOperator op, object[] values) =>
            Names(Execute(Accounts(new ConditionExpression("name", op, values))));

        [TestCase("numberofemployees", ConditionOperator.GreaterThan, 10, ExpectedResult = "Fabrikam,Northwind")]
        [TestCase("numberofemployees", ConditionOperator.GreaterEqual, 10, ExpectedResult = "Contoso,Fabrikam,Northwind")]
        [TestCase("numberofemployees", ConditionOperator.LessThan, 10, ExpectedResult = "Adventure Works")]
        [TestCase("numberofemployees", ConditionOperator.NotEqual, 10, ExpectedResult = "Adventure Works,Fabrikam,Northwind")]
        [TestCase("numberofemployees", ConditionOperator.Equal, 10L, ExpectedResult = "Contoso")]
        [TestCase("revenue", ConditionOperator.GreaterThan, 600, ExpectedResult = "Contoso,Northwind,Élan Vital")]
        [TestCase("rating", ConditionOperator.LessEqual, 3, ExpectedResult = "Fabrikam,Northwind")]
        [TestCase("rating", ConditionOperator.Equal, 4.5, ExpectedResult = "Contoso")]
        [TestCase("industrycode", ConditionOperator.Equal, 1, ExpectedResult = "Adventure Works,Contoso")]
        [TestCase("isactive", ConditionOperator.Equal, true, ExpectedResult = "Adventure Works,Contoso,Northwind")]
        [TestCase("isactive", ConditionOperator.NotEqual, true, ExpectedResult = "Fabrikam")]
        public string Execute_NumberCondition_ShouldCompareByValue(string column, ConditionOperator op, object value) =>
            Names(Execute(Accounts(new ConditionExpression(column, op, value))));

        [Test]
        public void Execute_MoneyCondition_ShouldCompareMoneyByAmount()
        {
            var result = Execute(Accounts(new ConditionExpression("revenue", ConditionOperator.GreaterEqual, new Money(750m))));

            Assert.That(Names(result), Is.EqualTo("Contoso,Northwind,Élan Vital"));
        }

        [Test]
        public void Execute_OptionSetCondition_ShouldCompareOptionSetValueByNumber()
        {
            var result = Execute(Accounts(new ConditionExpression("industrycode", ConditionOperator.In, new OptionSetValue(2), new OptionSetValue(3))));

            Assert.That(Names(result), Is.EqualTo("Fabrikam,Élan Vital"));
        }

        [Test]
        public void Execute_BetweenMoney_ShouldIncludeBothEnds()
        {
            var result = Execute(Accounts(new ConditionExpression("revenue", ConditionOperator.Between, 500m, 1000m)));

            Assert.That(Names(result), Is.EqualTo("Contoso,Fabrikam,Northwind"));
        }

        [Test]
        public void Execute_NotBetweenMoney_ShouldLeaveOutNull()
        {
            var result = Execute(Accounts(new ConditionExpression("revenue", ConditionOperator.NotBetween, 500m, 1000m)));

            Assert.That(Names(result), Is.EqualTo("Élan Vital"));
        }

        [Test]
        public void Execute_LookupEqualToGuid_ShouldCompareById()
        {
            var result = Execute(Accounts(new ConditionExpression("primarycontactid", ConditionOperator.Equal, ann.Id)));

            Assert.That(Names(result), Is.EqualTo("Contoso"));
        }

        [Test]
        public void Execute_LookupEqualToEntityReference_ShouldCompareById()
        {
            var result = Execute(Accounts(new ConditionExpression("ownerid", ConditionOperator.Equal, new EntityReference("team", team.Id))));

            Assert.That(Names(result), Is.EqualTo("Adventure Works"));
        }

        [Test]
        public void Execute_LookupInTypedArray_ShouldFlattenTheArray()
        {
            var result = Execute(Accounts(new ConditionExpression("primarycontactid", ConditionOperator.In, new[] { ann.Id, cid.Id })));

            Assert.That(Names(result), Is.EqualTo("Adventure Works,Contoso"));
        }

        [Test]
        public void Execute_PrimaryIdEqual_ShouldFindTheRecord()
        {
            var result = Execute(Accounts(new ConditionExpression("accountid", ConditionOperator.Equal, fabrikam.Id)));

            Assert.That(Names(result), Is.EqualTo("Fabrikam"));
        }

        [Test]
        public void Execute_NestedOrInsideAnd_ShouldCombineFilters()
        {
            var query = Accounts(new ConditionExpression("revenue", ConditionOperator.NotNull));
            var either = query.Criteria.AddFilter(LogicalOperator.Or);
            either.AddCondition("industrycode", ConditionOperator.Equal, 1);
            either.AddCondition("numberofemployees", ConditionOperator.GreaterThan, 40);

            Assert.That(Names(Execute(query)), Is.EqualTo("Contoso,Fabrikam"));
        }

        [Test]
        public void Execute_OrCriteria_ShouldMatchAnyCondition()
        {
            var query = Accounts();
            query.Criteria.FilterOperator = LogicalOperator.Or;
            query.Criteria.AddCondition("name", ConditionOperator.Equal, "Contoso");
            query.Criteria.AddCondition("numberofemployees", ConditionOperator.Equal, 5);

            Assert.That(Names(Execute(query)), Is.EqualTo("Adventure Works,Contoso"));
        }

        [TestCase(ConditionOperator.EqualUserId, ExpectedResult = "Contoso,Élan Vital")]
        [TestCase(ConditionOperator.NotEqualUserId, ExpectedResult = "Adventure Works,Fabrikam,Northwind")]
        [TestCase(ConditionOperator.EqualUserTeams, ExpectedResult = "Adventure Works")]
        [TestCase(ConditionOperator.EqualUserOrUserTeams, ExpectedResult = "Adventure Works,Contoso,Élan Vital")]
        public string Execute_UserCondition_ShouldUseTheCallerAndTheirTeams(ConditionOperator op) =>
            Names(Execute(Accounts(new ConditionExpression("ownerid", op))));

        [TestCase(ConditionOperator.ContainValues, new[] { 2 }, ExpectedResult = "Contoso")]
        [TestCase(ConditionOperator.ContainValues, new[] { 2, 3 }, ExpectedResult = "Contoso,Fabrikam")]
        [TestCase(ConditionOperator.DoesNotContainValues, new[] { 1 }, ExpectedResult = "Fabrikam")]
        public string Execute_MultiSelectCondition_ShouldLookInsideTheChoices(ConditionOperator op, int[] values) =>
            Names(Execute(Accounts(new ConditionExpression("categories", op, values.Cast<object>().ToArray()))));

        [TestCase(ConditionOperator.GreaterThan, ExpectedResult = "Contoso")]
        [TestCase(ConditionOperator.Equal, ExpectedResult = "Northwind")]
        [TestCase(ConditionOperator.LessThan, ExpectedResult = "Fabrikam")]
        public string Execute_CompareColumns_ShouldCompareTwoColumnsOfTheRow(ConditionOperator op) =>
            Names(Execute(Accounts(new ConditionExpression("revenue", op, true, "budget"))));

        [Test]
        public void Execute_EmptyCriteria_ShouldReturnEveryRow()
        {
            Assert.That(Execute(Accounts()).Entities, Has.Count.EqualTo(6));
        }

        [Test]
        public void Execute_NamedColumns_ShouldReturnOnlyThemAndTheId()
        {
            var query = Accounts(new ConditionExpression("name", ConditionOperator.Equal, "Contoso"));
            query.ColumnSet = new ColumnSet("name", "revenue");

            var record = Execute(query).Entities.Single();

            Assert.That(record.Id, Is.EqualTo(contoso.Id));
            Assert.That(record.Attributes.Keys, Is.EquivalentTo(new[] { "name", "revenue", "accountid" }));
            Assert.That(record["accountid"], Is.EqualTo(contoso.Id));
        }

        [Test]
        public void Execute_NamedColumnWithoutValue_ShouldLeaveItOut()
        {
            var query = Accounts(new ConditionExpression("name", ConditionOperator.Equal, "Adventure Works"));
            query.ColumnSet = new ColumnSet("name", "revenue");

            var record = Execute(query).Entities.Single();

            Assert.That(record.Contains("revenue"), Is.False);
        }

        [Test]
        public void Execute_AllColumns_ShouldReturnEveryStoredColumn()
        {
            var query = Accounts(new ConditionExpression("name", ConditionOperator.Equal, "Fabrikam"));
            query.ColumnSet = new ColumnSet(true);

            var record = Execute(query).Entities.Single();

            Assert.That(record.Attributes.Keys, Is.EquivalentTo(fabrikam.Attributes.Keys));
            Assert.That(record.LogicalName, Is.EqualTo("account"));
        }

        [Test]
        public void Execute_EmptyColumnSet_ShouldReturnOnlyTheId()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet() };
            query.Criteria.AddCondition("name", ConditionOperator.Equal, "Northwind");

            var record = Execute(query).Entities.Single();

            Assert.That(record.Attributes.Keys, Is.EquivalentTo(new[] { "accountid" }));
            Assert.That(record.Id, Is.EqualTo(northwind.Id));
        }

        [Test]
        public void Execute_ChangingAReturnedRecord_ShouldNotChangeTheStore()
        {
            var query = Accounts(new ConditionExpression("name", ConditionOperator.Equal, "Contoso"));
            query.ColumnSet = new ColumnSet(true);
            var record = Execute(query).Entities.Single();

            record["name"] = "Changed";
            record.GetAttributeValue<Money>("revenue").Value = 1m;
            record.GetAttributeValue<EntityReference>("ownerid").Id = Guid.Empty;
            record.GetAttributeValue<OptionSetValue>("industrycode").Value = 99;
            record.GetAttributeValue<OptionSetValueCollection>("categories").Clear();

            Assert.That(contoso["name"], Is.EqualTo("Contoso"));
            Assert.That(contoso.GetAttributeValue<Money>("revenue").Value, Is.EqualTo(1000m));
            Assert.That(contoso.GetAttributeValue<EntityReference>("ownerid").Id, Is.EqualTo(caller.Id));
            Assert.That(contoso.GetAttributeValue<OptionSetValue>("industrycode").Value, Is.EqualTo(1));
            Assert.That(contoso.GetAttributeValue<OptionSetValueCollection>("categories"), Has.Count.EqualTo(2));
        }

        [Test]
        public void Execute_ReturnedRecord_ShouldNotBeTheStoredObject()
        {
            var record = Execute(Accounts(new ConditionExpression("name", ConditionOperator.Equal, "Contoso"))).Entities.Single();

            Assert.That(record, Is.Not.SameAs(contoso));
        }
    }
}
