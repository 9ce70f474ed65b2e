using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using KamPlugins.Model;
using KamPlugins.Tests.Infrastructure;
using NUnit.Framework;

namespace KamPlugins.Tests.Solution
{
    /// <summary>
    /// The names the code uses (KamPlugins.Model) and the tables the solution ships agree: every column constant
    /// exists in its table with the type the code expects, choices carry exactly the enum values, environment
    /// variables default to the code's fallbacks.
    /// </summary>
    [TestFixture]
    public sealed class ModelAgreementTests
    {
        private static readonly Type[] ProductTableClasses =
            { typeof(ApprovalRequestTable), typeof(ApprovalDecisionTable), typeof(ContractTable), typeof(GuardEventTable), typeof(GoalContributionTable) };

        private static SolutionColumnType L => SolutionColumnType.Lookup;

        /// <summary>What each column of the product's tables must be. A new constant in Model needs a line here (a test says so).</summary>
        private static readonly Dictionary<string, (SolutionColumnType Type, object Detail)> Expected = new Dictionary<string, (SolutionColumnType, object)>
        {
            ["kam_approvalrequest.kam_approvalrequestid"] = (SolutionColumnType.PrimaryKey, null),
            ["kam_approvalrequest.kam_name"] = (SolutionColumnType.String, null),
            ["kam_approvalrequest.kam_requesttype"] = (SolutionColumnType.Picklist, typeof(ApprovalType)),
            ["kam_approvalrequest.kam_approvalstatus"] = (SolutionColumnType.Picklist, typeof(ApprovalStatus)),
            ["kam_approvalrequest.kam_regardingaccountid"] = (L, AccountTable.LogicalName),
            ["kam_approvalrequest.kam_regardingopportunityid"] = (L, OpportunityTable.LogicalName),
            ["kam_approvalrequest.kam_regardingcontractid"] = (L, ContractTable.LogicalName),
            ["kam_approvalrequest.kam_proposedownerid"] = (L, SystemUserTable.LogicalName),
            ["kam_approvalrequest.kam_snapshotamount"] = (SolutionColumnType.Money, null),
            ["kam_approvalrequest.kam_snapshotcustomerid"] = (L, AccountTable.LogicalName),
            ["kam_approvalrequest.kam_snapshotownerid"] = (L, SystemUserTable.LogicalName),
            ["kam_approvalrequest.kam_proposedstate"] = (SolutionColumnType.Integer, null),
            ["kam_approvalrequest.kam_requesterid"] = (L, SystemUserTable.LogicalName),
            ["kam_approvalrequest.kam_currentapproverid"] = (L, SystemUserTable.LogicalName),
            ["kam_approvalrequest.kam_approverteamid"] = (L, TeamTable.LogicalName),
            ["kam_approvalrequest.kam_currentlevel"] = (SolutionColumnType.Integer, null),
            ["kam_approvalrequest.kam_requiredlevels"] = (SolutionColumnType.Integer, null),
            ["kam_approvalrequest.kam_justification"] = (SolutionColumnType.Memo, null),
            ["kam_approvalrequest.kam_requestedaction"] = (SolutionColumnType.Picklist, typeof(ApprovalAction)),
            ["kam_approvalrequest.kam_actioncomment"] = (SolutionColumnType.Memo, null),
            ["kam_approvalrequest.kam_expireson"] = (SolutionColumnType.DateTime, null),
            ["kam_approvalrequest.kam_decidedon"] = (SolutionColumnType.DateTime, null),
            ["kam_approvalrequest.kam_decidedbyid"] = (L, SystemUserTable.LogicalName),
            ["kam_approvalrequest.kam_consumedon"] = (SolutionColumnType.DateTime, null),

            ["kam_approvaldecision.kam_approvaldecisionid"] = (SolutionColumnType.PrimaryKey, null),
            ["kam_approvaldecision.kam_name"] = (SolutionColumnType.String, null),
            ["kam_approvaldecision.kam_approvalrequestid"] = (L, ApprovalRequestTable.LogicalName),
            ["kam_approvaldecision.kam_deciderid"] = (L, SystemUserTable.LogicalName),
            ["kam_approvaldecision.kam_decidedon"] = (SolutionColumnType.DateTime, null),
            ["kam_approvaldecision.kam_level"] = (SolutionColumnType.Integer, null),
            ["kam_approvaldecision.kam_action"] = (SolutionColumnType.Picklist, typeof(ApprovalAction)),
            ["kam_approvaldecision.kam_comment"] = (SolutionColumnType.Memo, null),

            ["kam_contract.kam_contractid"] = (SolutionColumnType.PrimaryKey, null),
            ["kam_contract.kam_name"] = (SolutionColumnType.String, null),
            ["kam_contract.kam_customerid"] = (L, AccountTable.LogicalName),
            ["kam_contract.kam_opportunityid"] = (L, OpportunityTable.LogicalName),
            ["kam_contract.kam_value"] = (SolutionColumnType.Money, null),
            ["kam_contract.kam_startdate"] = (SolutionColumnType.DateTime, "date only"),
            ["kam_contract.kam_enddate"] = (SolutionColumnType.DateTime, "date only"),
            ["kam_contract.kam_renewalofid"] = (L, ContractTable.LogicalName),
            ["kam_contract.kam_contractstatus"] = (SolutionColumnType.Picklist, typeof(ContractStatus)),
            ["kam_contract.kam_activatedon"] = (SolutionColumnType.DateTime, null),
            ["kam_contract.kam_terminatedon"] = (SolutionColumnType.DateTime, null),
            ["kam_contract.kam_approvedownerid"] = (L, SystemUserTable.LogicalName),

            ["kam_guardevent.kam_guardeventid"] = (SolutionColumnType.PrimaryKey, null),
            ["kam_guardevent.kam_name"] = (SolutionColumnType.String, null),
            ["kam_guardevent.kam_kind"] = (SolutionColumnType.Picklist, typeof(GuardEventKind)),
            ["kam_guardevent.kam_outcome"] = (SolutionColumnType.Picklist, typeof(GuardEventOutcome)),
            ["kam_guardevent.kam_initiatinguserid"] = (L, SystemUserTable.LogicalName),
            ["kam_guardevent.kam_callinguserid"] = (L, SystemUserTable.LogicalName),
            ["kam_guardevent.kam_messagename"] = (SolutionColumnType.String, null),
            ["kam_guardevent.kam_tablename"] = (SolutionColumnType.String, null),
            ["kam_guardevent.kam_recordid"] = (SolutionColumnType.String, null),
            ["kam_guardevent.kam_recordname"] = (SolutionColumnType.String, null),
            ["kam_guardevent.kam_attemptedchange"] = (SolutionColumnType.Memo, null),
            ["kam_guardevent.kam_reason"] = (SolutionColumnType.Memo, null),
            ["kam_guardevent.kam_approvalrequestid"] = (L, ApprovalRequestTable.LogicalName),
            ["kam_guardevent.kam_occurredon"] = (SolutionColumnType.DateTime, null),
            ["kam_guardevent.kam_correlationid"] = (SolutionColumnType.String, null),

            ["kam_goalcontribution.kam_goalcontributionid"] = (SolutionColumnType.PrimaryKey, null),
            ["kam_goalcontribution.kam_name"] = (SolutionColumnType.String, null),
            ["kam_goalcontribution.kam_goalid"] = (L, "goal"),
            ["kam_goalcontribution.kam_bucket"] = (SolutionColumnType.Picklist, typeof(ContributionBucket)),
            ["kam_goalcontribution.kam_sourcetable"] = (SolutionColumnType.String, null),
            ["kam_goalcontribution.kam_sourceid"] = (SolutionColumnType.String, null),
            ["kam_goalcontribution.kam_opportunityid"] = (L, OpportunityTable.LogicalName),
            ["kam_goalcontribution.kam_contractid"] = (L, ContractTable.LogicalName),
            ["kam_goalcontribution.kam_amount"] = (SolutionColumnType.Decimal, null),

            ["account.kam_iskeyaccount"] = (SolutionColumnType.Boolean, null),
            ["account.kam_approvedownerid"] = (L, SystemUserTable.LogicalName),
            ["opportunity.kam_approvedownerid"] = (L, SystemUserTable.LogicalName),
        };

        private static SolutionSchema schema;

        private static SolutionSchema Schema => schema ??= SolutionSchema.Load();

        /// <summary>table.column for every column constant of the product's tables in KamPlugins.Model.</summary>
        private static IEnumerable<string> ModelColumns()
        {
            foreach (var type in ProductTableClasses)
            {
                var table = (string)type.GetField("LogicalName").GetValue(null);
                foreach (var f in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != "LogicalName"))
                    yield return table + "." + (string)f.GetValue(null);
            }
            yield return AccountTable.LogicalName + "." + AccountTable.IsKeyAccount;
            yield return AccountTable.LogicalName + "." + CommonColumns.ApprovedOwnerId;
            yield return OpportunityTable.LogicalName + "." + CommonColumns.ApprovedOwnerId;
            yield return ContractTable.LogicalName + "." + CommonColumns.ApprovedOwnerId;
        }

        [Test]
        public void EveryModelColumn_HasAnExpectation() =>
            Assert.That(ModelColumns().Where(c => !Expected.ContainsKey(c)), Is.Empty, "add the new column's type to ModelAgreementTests.Expected (and to solution/src)");

        [TestCaseSource(nameof(ModelColumns))]
        public void ModelColumn_ExistsInItsTable_WithTheExpectedType(string qualified)
        {
            var (tableName, columnName) = (qualified.Split('.')[0], qualified.Split('.')[1]);
            Assert.That(Schema.Table(tableName).Columns.TryGetValue(columnName, out var column), Is.True, $"{columnName} in solution/src/Entities/{tableName}");
            Assert.That(Expected.TryGetValue(qualified, out var expected), Is.True, "an expectation in ModelAgreementTests.Expected");
            Assert.That(column.Type, Is.EqualTo(expected.Type), qualified);
            switch (expected.Detail)
            {
                case string target when expected.Type == SolutionColumnType.Lookup:
                    Assert.That(column.Targets, Is.EqualTo(new[] { target }), $"{qualified} points to {target}");
                    break;
                case "date only":
                    Assert.That(column.IsDateOnly, Is.True, $"{qualified} is date only");
                    break;
                case Type choice:
                    Assert.That(column.OptionValues, Is.EquivalentTo(Enum.GetValues(choice).Cast<int>()), $"{qualified} carries exactly the values of {choice.Name}");
                    break;
            }
        }

        [Test]
        public void PackedZip_DeclaresEveryModelColumn_WithTheSourcesType([Values] bool managed)
        {
            var zip = managed ? PackedSolution.Managed : PackedSolution.Unmanaged;
            foreach (var qualified in ModelColumns())
            {
                var (tableName, columnName) = (qualified.Split('.')[0], qualified.Split('.')[1]);
                var attribute = zip.EntityInfo(tableName)?.Element("attributes").Elements("attribute").SingleOrDefault(a => (string)a.Element("LogicalName") == columnName);
                Assert.That(attribute, Is.Not.Null, $"{qualified} in {zip}");
                Assert.That(attribute.Element("optionset")?.Descendants("option").Select(o => (int)o.Attribute("value")) ?? Enumerable.Empty<int>(),
                    Is.EquivalentTo(Schema.Table(tableName).Columns[columnName].Type == SolutionColumnType.Picklist || Schema.Table(tableName).Columns[columnName].Type == SolutionColumnType.Boolean
                        ? Schema.Table(tableName).Columns[columnName].OptionValues : Array.Empty<int>()));
            }
        }

        [Test]
        public void ProductTables_HaveTheirPrimaryIdAndName()
        {
            foreach (var type in ProductTableClasses)
            {
                var table = Schema.Table((string)type.GetField("LogicalName").GetValue(null));
                Assert.That(table.IsProductTable, Is.True);
                Assert.That(table.PrimaryIdAttribute, Is.EqualTo((string)type.GetField("Id").GetValue(null)));
                Assert.That(table.PrimaryNameAttribute, Is.EqualTo((string)type.GetField("Name").GetValue(null)));
                Assert.That(table.Columns[CommonColumns.StateCode].OptionValues, Is.EquivalentTo(new[] { 0, 1 }));
                Assert.That(table.Columns[CommonColumns.StatusCode].StatusToState, Is.EquivalentTo(new Dictionary<int, int> { [1] = 0, [2] = 1 }));
                Assert.That(table.Labels.Keys, Is.EquivalentTo(new[] { 1033, 2052 }));
            }
        }

        [Test]
        public void SolutionSchema_KnowsExactlyTheProductTables() =>
            Assert.That(Schema.ProductTables.Select(t => t.LogicalName),
                Is.EquivalentTo(ProductTableClasses.Select(t => (string)t.GetField("LogicalName").GetValue(null))));

        [Test]
        public void MoneyColumns_HaveTheirBaseCurrencyTwinAndTheCurrencyColumns()
        {
            foreach (var table in Schema.ProductTables.Where(t => t.Columns.Values.Any(c => c.Type == SolutionColumnType.Money && c.CalculationOf == null)))
            {
                Assert.That(table.Columns.ContainsKey("transactioncurrencyid"), Is.True, $"{table}: transactioncurrencyid");
                Assert.That(table.Columns.ContainsKey("exchangerate"), Is.True, $"{table}: exchangerate");
                foreach (var money in table.Columns.Values.Where(c => c.Type == SolutionColumnType.Money && c.CalculationOf == null))
                    Assert.That(table.Columns.TryGetValue(money.LogicalName + "_base", out var twin) && twin.CalculationOf == money.LogicalName, Is.True, $"{table}.{money.LogicalName}_base");
            }
        }

        [Test]
        public void EnvironmentVariables_ExistForEveryModelEntry_WithTheCodesDefaults([Values] bool managed)
        {
            var zip = managed ? PackedSolution.Managed : PackedSolution.Unmanaged;
            // const decimal compiles to a static readonly field (DecimalConstant), not a literal: take both.
            var fields = typeof(EnvironmentVariables).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral || f.IsInitOnly).ToList();
            var schemaNames = fields.Where(f => !f.Name.StartsWith("Default", StringComparison.Ordinal) && f.FieldType == typeof(string)).ToList();
            Assert.That(schemaNames, Is.Not.Empty);
            foreach (var field in schemaNames)
            {
                var schemaName = (string)field.GetValue(null);
                var entry = $"environmentvariabledefinitions/{schemaName}/environmentvariabledefinition.xml";
                Assert.That(zip.Entries.ContainsKey(entry), Is.True, $"{entry} in {zip}");
                var definition = zip.Xml(entry);
                Assert.That((string)definition.Attribute("schemaname"), Is.EqualTo(schemaName));
                Labels.AssertBilingual(definition.Element("displayname"), $"{schemaName} display name");
                Labels.AssertBilingual(definition.Element("description"), $"{schemaName} description");
                var defaultField = fields.Single(f => f.Name == "Default" + field.Name);
                var actual = (string)definition.Element("defaultvalue");
                var type = (string)definition.Element("type");
                switch (defaultField.GetValue(null))
                {
                    case decimal d:
                        Assert.That(type, Is.EqualTo("100000001"), $"{schemaName} is a number");
                        Assert.That(decimal.Parse(actual, CultureInfo.InvariantCulture), Is.EqualTo(d), schemaName);
                        break;
                    case int i:
                        Assert.That(type, Is.EqualTo("100000001"), $"{schemaName} is a number");
                        Assert.That(int.Parse(actual, CultureInfo.InvariantCulture), Is.EqualTo(i), schemaName);
                        break;
                    case string s:
                        Assert.That(type, Is.EqualTo("100000000"), $"{schemaName} is text");
                        Assert.That(actual, Is.EqualTo(s), schemaName);
                        break;
                    default:
                        Assert.Fail($"{defaultField.Name}: teach this test its type");
                        break;
                }
                Assert.That(zip.Manifest.Element("RootComponents").Elements("RootComponent")
                    .Any(r => (string)r.Attribute("type") == "380" && (string)r.Attribute("schemaName") == schemaName), Is.True, $"{schemaName} is a root component");
            }
            Assert.That(zip.Entries.Keys.Count(k => k.StartsWith("environmentvariabledefinitions/", StringComparison.Ordinal)), Is.EqualTo(schemaNames.Count), "no definition the code does not know");
        }

        [Test]
        public void Relationships_ChooseTheirCascades_OnPurpose()
        {
            var relationships = PackedSolution.Managed.Customizations.Element("EntityRelationships").Elements("EntityRelationship").ToList();
            XElement Of(string referencing, string column) => relationships.Single(r =>
                string.Equals((string)r.Element("ReferencingEntityName"), referencing, StringComparison.OrdinalIgnoreCase) && (string)r.Element("ReferencingAttributeName") == column);
            var contractCustomer = Of(ContractTable.LogicalName, ContractTable.CustomerId);
            Assert.That((string)contractCustomer.Element("CascadeAssign"), Is.EqualTo("Cascade"), "contracts follow their customer's approved transfer");
            Assert.That((string)contractCustomer.Element("CascadeDelete"), Is.EqualTo("Restrict"), "an account with contracts cannot be deleted");
            Assert.That((string)Of(ApprovalDecisionTable.LogicalName, ApprovalDecisionTable.ApprovalRequestId).Element("CascadeDelete"), Is.EqualTo("Cascade"));
            Assert.That((string)Of(GoalContributionTable.LogicalName, GoalContributionTable.GoalId).Element("CascadeDelete"), Is.EqualTo("Cascade"));
            Assert.That((string)Of(ApprovalRequestTable.LogicalName, ApprovalRequestTable.RegardingAccountId).Element("CascadeDelete"), Is.EqualTo("RemoveLink"), "requests outlive their record (audit)");
            Assert.That((string)Of(GuardEventTable.LogicalName, GuardEventTable.ApprovalRequestId).Element("CascadeDelete"), Is.EqualTo("RemoveLink"));
        }
    }
}
