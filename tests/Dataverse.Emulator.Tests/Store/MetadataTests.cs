using System;
using System.Linq;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Metadata;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Store
{
    public class MetadataTests
    {
        private DataverseEmulator org;
        private EmulatedOrganizationService client;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
            org.Metadata.Table(ContractTable.LogicalName, t => t
                .PrimaryName(ContractTable.Name)
                .Money(ContractTable.Value)
                .Lookup(ContractTable.CustomerId, "account", r => { r.Assign = CascadeType.Cascade; r.Delete = CascadeType.Restrict; })
                .Choice<ContractStatus>(ContractTable.ContractStatus)
                .String("kam_number", 20)
                .Required(ContractTable.Name)
                .AlternateKey("kam_number_key", "kam_number"));
            client = org.ServiceFor(org.Users.Add("Rep Li"));
        }

        [Test]
        public void Table_CustomTable_Should_GetPrimaryKeyOwnershipStatesAndSystemColumns()
        {
            var table = org.Metadata.Find(ContractTable.LogicalName);

            Assert.That(table.PrimaryIdColumn, Is.EqualTo(ContractTable.Id));
            Assert.That(table.PrimaryNameColumn, Is.EqualTo(ContractTable.Name));
            Assert.That(table.Ownership, Is.EqualTo(OwnershipType.UserOwned));
            Assert.That(table.States.Select(s => s.Value), Is.EqualTo(new[] { 0, 1 }));
            Assert.That(new[] { "createdon", "modifiedon", "ownerid", "owningbusinessunit", "versionnumber", "statecode", "statuscode" }.All(c => table.Column(c) != null), Is.True);
        }

        [Test]
        public void Table_ExtendingBuiltInTable_Should_AddTheColumn()
        {
            org.Metadata.Table("account", t => t.Bool(AccountTable.IsKeyAccount));

            var id = client.Create(new Entity("account") { ["name"] = "A", [AccountTable.IsKeyAccount] = true });

            Assert.That(org.Get("account", id).GetAttributeValue<bool>(AccountTable.IsKeyAccount), Is.True);
        }

        [Test]
        public void Table_RedefiningColumnWithOtherType_Should_Throw()
        {
            Assert.Throws<InvalidOperationException>(() => org.Metadata.Table("account", t => t.Integer("name")));
        }

        [Test]
        public void Create_ChoiceOutsideValidValues_Should_FailWithInvalidArgument()
        {
            Assert.That(Plugin.FaultCode(() => client.Create(new Entity(ContractTable.LogicalName) { [ContractTable.Name] = "C", [ContractTable.ContractStatus] = new OptionSetValue(7) })), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [Test]
        public void Create_ChoiceWithinValidValues_Should_Succeed()
        {
            var id = client.Create(new Entity(ContractTable.LogicalName) { [ContractTable.Name] = "C", [ContractTable.ContractStatus] = new OptionSetValue((int)ContractStatus.Draft) });

            Assert.That(org.Get(ContractTable.LogicalName, id).GetAttributeValue<OptionSetValue>(ContractTable.ContractStatus).Value, Is.EqualTo((int)ContractStatus.Draft));
        }

        [Test]
        public void Create_RequiredColumnMissing_Should_FailWithInvalidArgument()
        {
            Assert.That(Plugin.FaultCode(() => client.Create(new Entity(ContractTable.LogicalName) { [ContractTable.Value] = new Money(5m) })), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [Test]
        public void Update_RequiredColumnToNull_Should_FailWithInvalidArgument()
        {
            var id = client.Create(new Entity(ContractTable.LogicalName) { [ContractTable.Name] = "C" });

            Assert.That(Plugin.FaultCode(() => client.Update(new Entity(ContractTable.LogicalName, id) { [ContractTable.Name] = null })), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [Test]
        public void Create_TextOverMaxLength_Should_FailWithInvalidArgument()
        {
            Assert.That(Plugin.FaultCode(() => client.Create(new Entity(ContractTable.LogicalName) { [ContractTable.Name] = "C", ["kam_number"] = new string('x', 21) })), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [Test]
        public void Create_DuplicateAlternateKey_Should_FailWithDuplicateRecordEntityKey()
        {
            client.Create(new Entity(ContractTable.LogicalName) { [ContractTable.Name] = "C1", ["kam_number"] = "K-1" });

            Assert.That(Plugin.FaultCode(() => client.Create(new Entity(ContractTable.LogicalName) { [ContractTable.Name] = "C2", ["kam_number"] = "K-1" })), Is.EqualTo(ErrorCodes.DuplicateRecordEntityKey));
        }

        [Test]
        public void Update_ByAlternateKey_Should_UpdateTheRowItNames()
        {
            var id = client.Create(new Entity(ContractTable.LogicalName) { [ContractTable.Name] = "C1", ["kam_number"] = "K-1" });

            client.Update(new Entity(ContractTable.LogicalName, "kam_number", "K-1") { [ContractTable.Value] = new Money(10m) });

            Assert.That(org.Get(ContractTable.LogicalName, id).GetAttributeValue<Money>(ContractTable.Value).Value, Is.EqualTo(10m));
        }

        [Test]
        public void Update_ByMissingAlternateKey_Should_FailWithRecordNotFoundByEntityKey()
        {
            Assert.That(Plugin.FaultCode(() => client.Update(new Entity(ContractTable.LogicalName, "kam_number", "nope") { [ContractTable.Value] = new Money(10m) })), Is.EqualTo(ErrorCodes.RecordNotFoundByEntityKey));
        }

        [Test]
        public void Retrieve_ByAlternateKey_Should_ReturnTheRow()
        {
            var id = client.Create(new Entity(ContractTable.LogicalName) { [ContractTable.Name] = "C1", ["kam_number"] = "K-9" });

            var response = (RetrieveResponse)client.Execute(new RetrieveRequest { Target = new EntityReference(ContractTable.LogicalName, "kam_number", "K-9"), ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(ContractTable.Name) });

            Assert.That(response.Entity.Id, Is.EqualTo(id));
        }

        [Test]
        public void Relationships_BuiltInCatalogue_Should_HaveTheDocumentedCascades()
        {
            var customer = org.Metadata.Relationship("opportunity_customer_accounts");
            var parent = org.Metadata.Relationship("opportunity_parent_account");
            var child = org.Metadata.Relationship("account_parent_account");

            Assert.That((customer.Assign, customer.Delete, customer.Merge), Is.EqualTo((CascadeType.Cascade, CascadeType.Cascade, CascadeType.Cascade)));
            Assert.That((parent.Assign, parent.Delete, parent.Merge), Is.EqualTo((CascadeType.NoCascade, CascadeType.RemoveLink, CascadeType.Cascade)));
            Assert.That((child.Assign, child.Delete, child.Merge), Is.EqualTo((CascadeType.Cascade, CascadeType.RemoveLink, CascadeType.Cascade)));
        }

        [TestCase("goal", "goalownerid", ColumnType.Owner)]
        [TestCase("goal", "parentgoalid", ColumnType.Lookup)]
        [TestCase("goal", "targetmoney", ColumnType.Money)]
        [TestCase("goal", "actualdecimal", ColumnType.Decimal)]
        [TestCase("goal", "inprogressinteger", ColumnType.Integer)]
        [TestCase("goal", "customrollupfieldmoney", ColumnType.Money)]
        [TestCase("goal", "computedtargetasoftodaymoney", ColumnType.Money)]
        [TestCase("goal", "rollupqueryactualmoneyid", ColumnType.Lookup)]
        [TestCase("goal", "isoverridden", ColumnType.Boolean)]
        [TestCase("goal", "lastrolledupdate", ColumnType.DateTime)]
        [TestCase("metric", "amountdatatype", ColumnType.Choice)]
        [TestCase("metric", "isstretchtracked", ColumnType.Boolean)]
        [TestCase("rollupfield", "sourcestatus", ColumnType.Integer)]
        [TestCase("rollupfield", "entityfordateattribute", ColumnType.String)]
        [TestCase("goalrollupquery", "fetchxml", ColumnType.Memo)]
        [TestCase("opportunity", "customerid", ColumnType.Customer)]
        [TestCase("opportunityclose", "actualrevenue", ColumnType.Money)]
        [TestCase("systemuser", "parentsystemuserid", ColumnType.Lookup)]
        [TestCase("usersettings", "uilanguageid", ColumnType.Integer)]
        [TestCase("teammembership", "teamid", ColumnType.UniqueIdentifier)]
        [TestCase("environmentvariablevalue", "value", ColumnType.Memo)]
        [TestCase("systemuserroles", "roleid", ColumnType.UniqueIdentifier)]
        public void Catalogue_BuiltInColumn_Should_HaveItsType(string table, string column, ColumnType type)
        {
            Assert.That(org.Metadata.Find(table)?.Column(column)?.Type, Is.EqualTo(type));
        }

        [Test]
        public void Catalogue_States_Should_FollowPlatformFacts()
        {
            var opportunity = org.Metadata.Find("opportunity");
            var goal = org.Metadata.Find("goal");

            Assert.That(opportunity.States.Select(s => (s.Value, s.DefaultStatus)), Is.EqualTo(new[] { (0, 1), (1, 3), (2, 4) }));
            Assert.That(opportunity.State(2).Statuses, Is.EquivalentTo(new[] { 4, 5 }));
            Assert.That(goal.States.Select(s => (s.Value, s.DefaultStatus)), Is.EqualTo(new[] { (0, 0), (1, 1) }));
            Assert.That(goal.State(1).Statuses, Is.EquivalentTo(new[] { 1, 2 }));
        }
    }
}
