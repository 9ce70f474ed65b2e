using System;
using System.Collections.Generic;
using KamPlugins.Goals.Definitions;
using KamPlugins.Goals.RollupQueries;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Goals.Rules
{
    /// <summary>Rollup query conditions evaluated on the record itself, with the platform's SQL semantics, or left to the platform.</summary>
    public class RollupQueryTests
    {
        private static readonly Guid Account = new Guid("11111111-2222-3333-4444-555555555555");

        private static SourceRecord Record() => new SourceRecord("opportunity", Guid.NewGuid(),
            new[] { "name", "estimatedvalue", "closeprobability", "customerid", "opportunityratingcode", "kam_flag", "description", "parentaccountid", "estimatedclosedate", "kam_ratio", "kam_big" },
            new Dictionary<string, object>
            {
                ["name"] = "Contoso renewal",
                ["estimatedvalue"] = new Money(1500m),
                ["closeprobability"] = 70,
                ["customerid"] = new EntityReference("account", Account),
                ["opportunityratingcode"] = new OptionSetValue(2),
                ["kam_flag"] = true,
                ["estimatedclosedate"] = new DateTime(2025, 5, 1, 0, 0, 0, DateTimeKind.Utc),
                ["kam_ratio"] = 0.25d,
                ["kam_big"] = 12L,
            });

        private static FilterOutcome Evaluate(string filter) =>
            RollupQuery.Parse(Guid.NewGuid(), $"<fetch><entity name='opportunity'><attribute name='name'/>{filter}</entity></fetch>").Evaluate(Record());

        private static string Condition(string column, string op, string value = null) =>
            $"<filter><condition attribute='{column}' operator='{op}'{(value == null ? "" : $" value='{value}'")}/></filter>";

        [TestCase("estimatedvalue", "eq", "1500", "Match")]
        [TestCase("estimatedvalue", "eq", "1500.00", "Match")]
        [TestCase("estimatedvalue", "ne", "1500", "NoMatch")]
        [TestCase("estimatedvalue", "neq", "10", "Match")]
        [TestCase("estimatedvalue", "gt", "1499.99", "Match")]
        [TestCase("estimatedvalue", "gt", "1500", "NoMatch")]
        [TestCase("estimatedvalue", "ge", "1500", "Match")]
        [TestCase("estimatedvalue", "lt", "1500", "NoMatch")]
        [TestCase("estimatedvalue", "le", "1500", "Match")]
        [TestCase("closeprobability", "gt", "50", "Match")]
        [TestCase("closeprobability", "lt", "50", "NoMatch")]
        [TestCase("kam_ratio", "lt", "0.5", "Match")]
        [TestCase("kam_big", "eq", "12", "Match")]
        [TestCase("opportunityratingcode", "eq", "2", "Match")]
        [TestCase("opportunityratingcode", "ne", "2", "NoMatch")]
        [TestCase("customerid", "eq", "11111111-2222-3333-4444-555555555555", "Match")]
        [TestCase("customerid", "eq", "{11111111-2222-3333-4444-555555555555}", "Match")]
        [TestCase("customerid", "ne", "11111111-2222-3333-4444-555555555555", "NoMatch")]
        [TestCase("customerid", "gt", "11111111-2222-3333-4444-555555555555", "Unknown")]
        [TestCase("customerid", "eq", "not-a-guid", "Unknown")]
        [TestCase("kam_flag", "eq", "1", "Match")]
        [TestCase("kam_flag", "eq", "false", "NoMatch")]
        [TestCase("kam_flag", "eq", "maybe", "Unknown")]
        [TestCase("name", "eq", "CONTOSO RENEWAL", "Match")]
        [TestCase("name", "ne", "contoso renewal", "NoMatch")]
        [TestCase("name", "like", "%renew%", "Match")]
        [TestCase("name", "like", "contoso_renewal", "Match")]
        [TestCase("name", "like", "%fabrikam%", "NoMatch")]
        [TestCase("name", "not-like", "%fabrikam%", "Match")]
        [TestCase("name", "like", "[c]ontoso%", "Unknown")]
        [TestCase("name", "begins-with", "contoso", "Match")]
        [TestCase("name", "not-begin-with", "contoso", "NoMatch")]
        [TestCase("name", "ends-with", "RENEWAL", "Match")]
        [TestCase("name", "not-end-with", "renewal", "NoMatch")]
        [TestCase("name", "begins-with", "con%", "Unknown")]
        [TestCase("name", "eq", "Contosó renewal", "Unknown")]
        [TestCase("name", "gt", "a", "Unknown")]
        [TestCase("estimatedclosedate", "eq", "2025-05-01", "Unknown")]
        [TestCase("estimatedvalue", "eq", "abc", "Unknown")]
        public void Evaluate_Condition_Should_FollowThePlatformsComparison(string column, string op, string value, string expected)
        {
            Assert.That(Evaluate(Condition(column, op, value)), Is.EqualTo(Enum.Parse<FilterOutcome>(expected)));
        }

        [TestCase("description", "null", "Match")]
        [TestCase("description", "not-null", "NoMatch")]
        [TestCase("name", "null", "NoMatch")]
        [TestCase("name", "not-null", "Match")]
        public void Evaluate_NullOperators_Should_TestForAValue(string column, string op, string expected)
        {
            Assert.That(Evaluate(Condition(column, op)), Is.EqualTo(Enum.Parse<FilterOutcome>(expected)));
        }

        [TestCase("eq", "x")]
        [TestCase("ne", "x")]
        [TestCase("not-like", "%x%")]
        [TestCase("gt", "1")]
        public void Evaluate_ComparisonWithAnEmptyColumn_Should_NotMatch_AsInSql(string op, string value)
        {
            Assert.That(Evaluate(Condition("description", op, value)), Is.EqualTo(FilterOutcome.NoMatch));
        }

        [TestCase("in", "<value>1</value><value>2</value>", "Match")]
        [TestCase("in", "<value>3</value>", "NoMatch")]
        [TestCase("not-in", "<value>3</value><value>4</value>", "Match")]
        [TestCase("not-in", "<value>2</value>", "NoMatch")]
        [TestCase("between", "<value>1</value><value>2</value>", "Match")]
        [TestCase("not-between", "<value>1</value><value>2</value>", "NoMatch")]
        [TestCase("between", "<value>3</value><value>5</value>", "NoMatch")]
        public void Evaluate_ValueLists_Should_TestMembershipAndRange(string op, string values, string expected)
        {
            Assert.That(Evaluate($"<filter><condition attribute='opportunityratingcode' operator='{op}'>{values}</condition></filter>"), Is.EqualTo(Enum.Parse<FilterOutcome>(expected)));
        }

        [TestCase("and", "gt", "lt", "NoMatch")]
        [TestCase("or", "gt", "lt", "Match")]
        [TestCase("and", "gt", "gt", "Match")]
        [TestCase("or", "lt", "lt", "NoMatch")]
        public void Evaluate_Groups_Should_CombineConditions(string type, string first, string second, string expected)
        {
            var filter = $"<filter type='{type}'><condition attribute='estimatedvalue' operator='{first}' value='1000'/><condition attribute='closeprobability' operator='{second}' value='50'/></filter>";
            Assert.That(Evaluate(filter), Is.EqualTo(Enum.Parse<FilterOutcome>(expected)));
        }

        [Test]
        public void Evaluate_NestedFilters_Should_CombineAsWritten()
        {
            var filter = "<filter type='and'><condition attribute='estimatedvalue' operator='gt' value='1000'/>"
                + "<filter type='or'><condition attribute='closeprobability' operator='lt' value='10'/><condition attribute='name' operator='like' value='%renewal'/></filter></filter>";
            Assert.That(Evaluate(filter), Is.EqualTo(FilterOutcome.Match));
        }

        [Test]
        public void Evaluate_SeveralTopLevelFilters_Should_AllApply()
        {
            Assert.That(Evaluate(Condition("estimatedvalue", "gt", "1000") + Condition("closeprobability", "lt", "50")), Is.EqualTo(FilterOutcome.NoMatch));
        }

        [TestCase("and", "lt", "NoMatch")]
        [TestCase("and", "gt", "Unknown")]
        [TestCase("or", "gt", "Match")]
        [TestCase("or", "lt", "Unknown")]
        public void Evaluate_GroupWithAnUndecidableCondition_Should_DecideWhenTheOthersSettleIt(string type, string op, string expected)
        {
            var filter = $"<filter type='{type}'><condition attribute='estimatedvalue' operator='{op}' value='1000'/><condition attribute='estimatedclosedate' operator='eq' value='2025-05-01'/></filter>";
            Assert.That(Evaluate(filter), Is.EqualTo(Enum.Parse<FilterOutcome>(expected)));
        }

        [Test]
        public void Evaluate_WithoutConditions_Should_Match()
        {
            Assert.That(Evaluate(string.Empty), Is.EqualTo(FilterOutcome.Match));
        }

        [Test]
        public void Evaluate_ColumnNotRead_Should_BeUnknown()
        {
            Assert.That(Evaluate(Condition("kam_unread", "null")), Is.EqualTo(FilterOutcome.Unknown));
        }

        [TestCase("<fetch><entity name='opportunity'><link-entity name='account' from='accountid' to='customerid'><filter><condition attribute='kam_iskeyaccount' operator='eq' value='1'/></filter></link-entity></entity></fetch>")]
        [TestCase("<fetch><entity name='opportunity'><filter><condition attribute='name' operator='eq' valueof='description'/></filter></entity></fetch>")]
        [TestCase("<fetch><entity name='opportunity'><filter><condition entityname='a' attribute='name' operator='eq' value='x'/></filter></entity></fetch>")]
        [TestCase("<fetch><entity name='opportunity'><filter><condition attribute='estimatedclosedate' operator='this-year'/></filter></entity></fetch>")]
        [TestCase("<fetch><entity name='opportunity'><filter><condition attribute='ownerid' operator='eq-userid'/></filter></entity></fetch>")]
        public void Parse_JoinsColumnComparisonsAndOtherOperators_Should_BeLeftToThePlatform(string fetchXml)
        {
            var query = RollupQuery.Parse(Guid.NewGuid(), fetchXml);
            Assert.Multiple(() =>
            {
                Assert.That(query.InMemory, Is.False);
                Assert.That(query.Evaluate(Record()), Is.EqualTo(FilterOutcome.Unknown));
            });
        }

        [Test]
        public void Parse_Should_NameTheTableAndTheColumnsRead()
        {
            var query = RollupQuery.Parse(Guid.NewGuid(), "<fetch><entity name='Opportunity'><filter type='or'><condition attribute='name' operator='null'/><condition attribute='closeprobability' operator='gt' value='1'/></filter></entity></fetch>");
            Assert.Multiple(() =>
            {
                Assert.That(query.EntityName, Is.EqualTo("opportunity"));
                Assert.That(query.Columns, Is.EquivalentTo(new[] { "name", "closeprobability" }));
                Assert.That(query.InMemory, Is.True);
            });
        }

        [TestCase("")]
        [TestCase("not xml")]
        [TestCase("<fetch/>")]
        [TestCase("<fetch><entity/></fetch>")]
        [TestCase("<query><entity name='opportunity'/></query>")]
        public void Parse_InvalidFetchXml_Should_ExplainInBothLanguages(string fetchXml)
        {
            var refusal = Assert.Throws<KamException>(() => RollupQuery.Parse(Guid.NewGuid(), fetchXml));
            Assert.Multiple(() =>
            {
                Assert.That(refusal.UserMessage.EnglishText, Does.Contain("rollup query"));
                Assert.That(refusal.UserMessage.ChineseText, Does.Contain("汇总查询"));
            });
        }
    }
}
