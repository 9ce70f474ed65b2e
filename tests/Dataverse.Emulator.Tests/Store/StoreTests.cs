using System;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Store
{
    public class StoreTests
    {
        private DataverseEmulator org;
        private Principals.User rep;
        private EmulatedOrganizationService client;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
            rep = org.Users.Add("Rep Li");
            client = org.ServiceFor(rep);
        }

        [Test]
        public void Create_NewAccount_Should_FillSystemColumns()
        {
            org.Clock.Set(new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc));
            var id = client.Create(new Entity("account") { ["name"] = "Contoso" });

            var row = org.Get("account", id);
            Assert.Multiple(() =>
            {
                Assert.That(row.GetAttributeValue<DateTime>("createdon"), Is.EqualTo(new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc)));
                Assert.That(row.GetAttributeValue<DateTime>("modifiedon"), Is.EqualTo(row.GetAttributeValue<DateTime>("createdon")));
                Assert.That(row.GetAttributeValue<EntityReference>("createdby").Id, Is.EqualTo(rep.Id));
                Assert.That(row.GetAttributeValue<EntityReference>("modifiedby").Id, Is.EqualTo(rep.Id));
                Assert.That(row.GetAttributeValue<EntityReference>("ownerid"), Is.EqualTo(new EntityReference("systemuser", rep.Id)));
                Assert.That(row.GetAttributeValue<EntityReference>("owninguser").Id, Is.EqualTo(rep.Id));
                Assert.That(row.GetAttributeValue<EntityReference>("owningbusinessunit").Id, Is.EqualTo(org.BusinessUnits.Root.Id));
                Assert.That(row.GetAttributeValue<OptionSetValue>("statecode").Value, Is.EqualTo(0));
                Assert.That(row.GetAttributeValue<OptionSetValue>("statuscode").Value, Is.EqualTo(1));
                Assert.That(row.GetAttributeValue<long>("versionnumber"), Is.GreaterThan(0));
                Assert.That(row.RowVersion, Is.EqualTo(row.GetAttributeValue<long>("versionnumber").ToString(System.Globalization.CultureInfo.InvariantCulture)));
                Assert.That(row.GetAttributeValue<Guid>("accountid"), Is.EqualTo(id));
            });
        }

        [Test]
        public void Create_OwnedByTeam_Should_SetOwningTeamAndTeamBusinessUnit()
        {
            var bu = org.BusinessUnits.Add("Sales");
            var team = org.Teams.Add("KAM", bu);
            var id = client.Create(new Entity("account") { ["name"] = "Contoso", ["ownerid"] = team.ToEntityReference() });

            var row = org.Get("account", id);
            Assert.That(row.GetAttributeValue<EntityReference>("owningteam").Id, Is.EqualTo(team.Id));
            Assert.That(row.Contains("owninguser"), Is.False);
            Assert.That(row.GetAttributeValue<EntityReference>("owningbusinessunit").Id, Is.EqualTo(bu.Id));
        }

        [Test]
        public void Create_SystemColumnsInRequest_Should_BeIgnored()
        {
            var id = client.Create(new Entity("account") { ["name"] = "A", ["createdon"] = new DateTime(2000, 1, 1), ["versionnumber"] = 5L });

            Assert.That(org.Get("account", id).GetAttributeValue<DateTime>("createdon"), Is.EqualTo(org.Clock.UtcNow));
        }

        [Test]
        public void Create_OverriddenCreatedOn_Should_SetCreatedOn()
        {
            var id = client.Create(new Entity("account") { ["name"] = "A", ["overriddencreatedon"] = new DateTime(2020, 5, 1, 0, 0, 0, DateTimeKind.Utc) });

            Assert.That(org.Get("account", id).GetAttributeValue<DateTime>("createdon"), Is.EqualTo(new DateTime(2020, 5, 1, 0, 0, 0, DateTimeKind.Utc)));
        }

        [Test]
        public void Create_UnknownColumn_Should_FailWithQueryBuilderNoAttribute()
        {
            var fault = Plugin.Fault(() => client.Create(new Entity("account") { ["nosuchcolumn"] = "x" }));

            Assert.That(fault.Detail.ErrorCode, Is.EqualTo(ErrorCodes.QueryBuilderNoAttribute));
            Assert.That(fault.Detail.Message, Does.Contain("'account' entity doesn't contain attribute with Name = 'nosuchcolumn'"));
        }

        [Test]
        public void Create_UnknownTable_Should_FailWithQueryBuilderNoEntity()
        {
            Assert.That(Plugin.FaultCode(() => client.Create(new Entity("nosuchtable") { ["name"] = "x" })), Is.EqualTo(ErrorCodes.QueryBuilderNoEntity));
        }

        [TestCase("name", 5)]
        [TestCase("revenue", 5.0)]
        [TestCase("numberofemployees", "five")]
        [TestCase("merged", 1)]
        public void Create_WrongValueType_Should_FailWithIncorrectAttributeValueType(string column, object value)
        {
            var fault = Plugin.Fault(() => client.Create(new Entity("account") { [column] = value }));

            Assert.That(fault.Detail.ErrorCode, Is.EqualTo(ErrorCodes.IncorrectAttributeValueType));
            Assert.That(fault.Detail.Message, Does.StartWith($"Invalid Attribute Value Type for {column}. Expected: "));
        }

        [Test]
        public void Create_LookupToWrongTable_Should_FailWithInvalidArgument()
        {
            var contact = client.Create(new Entity("contact") { ["lastname"] = "Wang" });

            Assert.That(Plugin.FaultCode(() => client.Create(new Entity("account") { ["parentaccountid"] = new EntityReference("contact", contact) })), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [Test]
        public void Create_LookupToMissingRow_Should_FailWithObjectDoesNotExist()
        {
            Assert.That(Plugin.FaultCode(() => client.Create(new Entity("account") { ["parentaccountid"] = new EntityReference("account", Guid.NewGuid()) })), Is.EqualTo(ErrorCodes.ObjectDoesNotExist));
        }

        [Test]
        public void Create_Statecode_Should_FailWithInvalidArgument()
        {
            Assert.That(Plugin.FaultCode(() => client.Create(new Entity("account") { ["statecode"] = new OptionSetValue(1) })), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [Test]
        public void Create_StatusOfAnotherState_Should_FailWithInvalidStateCodeStatusCode()
        {
            Assert.That(Plugin.FaultCode(() => client.Create(new Entity("opportunity") { ["name"] = "O", ["statuscode"] = new OptionSetValue(3) })), Is.EqualTo(ErrorCodes.InvalidStateCodeStatusCode));
        }

        [Test]
        public void Create_StatusOfDefaultState_Should_BeStored()
        {
            var id = client.Create(new Entity("opportunity") { ["name"] = "O", ["statuscode"] = new OptionSetValue(2) });

            Assert.That(org.Get("opportunity", id).GetAttributeValue<OptionSetValue>("statuscode").Value, Is.EqualTo(2));
        }

        [Test]
        public void Create_ExistingId_Should_FailWithDuplicateRecord()
        {
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(Plugin.FaultCode(() => client.Create(new Entity("account", id) { ["name"] = "B" })), Is.EqualTo(ErrorCodes.DuplicateRecord));
        }

        [Test]
        public void Create_TwoOptionColumnLeftOut_Should_StoreItsDefault()
        {
            var metric = client.Create(new Entity("metric") { ["name"] = "Revenue", ["isamount"] = true, ["amountdatatype"] = new OptionSetValue(0) });
            var id = client.Create(new Entity("goal") { ["title"] = "Q1", ["metricid"] = new EntityReference("metric", metric), ["goalownerid"] = rep.ToEntityReference() });

            var goal = org.Get("goal", id);
            Assert.That(goal.GetAttributeValue<bool>("consideronlygoalownersrecords"), Is.True);
            Assert.That(goal.GetAttributeValue<bool>("rolluponlyfromchildgoals"), Is.False);
            Assert.That(goal.GetAttributeValue<OptionSetValue>("statuscode").Value, Is.EqualTo(0));
        }

        [Test]
        public void Update_Row_Should_BumpVersionAndModifiedOn()
        {
            var id = client.Create(new Entity("account") { ["name"] = "A" });
            var before = org.Get("account", id);
            org.Clock.Advance(TimeSpan.FromHours(1));

            client.Update(new Entity("account", id) { ["name"] = "B" });

            var after = org.Get("account", id);
            Assert.That(after.GetAttributeValue<long>("versionnumber"), Is.GreaterThan(before.GetAttributeValue<long>("versionnumber")));
            Assert.That(after.GetAttributeValue<DateTime>("modifiedon"), Is.EqualTo(before.GetAttributeValue<DateTime>("modifiedon").AddHours(1)));
            Assert.That(after.GetAttributeValue<DateTime>("createdon"), Is.EqualTo(before.GetAttributeValue<DateTime>("createdon")));
        }

        [Test]
        public void Update_NullValue_Should_RemoveTheColumn()
        {
            var id = client.Create(new Entity("account") { ["name"] = "A", ["telephone1"] = "123" });

            client.Update(new Entity("account", id) { ["telephone1"] = null });

            Assert.That(org.Get("account", id).Contains("telephone1"), Is.False);
        }

        [Test]
        public void Update_MissingRow_Should_FailWithObjectDoesNotExist()
        {
            var id = Guid.NewGuid();
            var fault = Plugin.Fault(() => client.Update(new Entity("account", id) { ["name"] = "B" }));

            Assert.That(fault.Detail.ErrorCode, Is.EqualTo(ErrorCodes.ObjectDoesNotExist));
            Assert.That(fault.Detail.Message, Is.EqualTo($"account With Id = {id:D} Does Not Exist"));
        }

        [Test]
        public void Update_InvalidStatePair_Should_FailWithInvalidStateCodeStatusCode()
        {
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(Plugin.FaultCode(() => client.Update(new Entity("account", id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(1) })), Is.EqualTo(ErrorCodes.InvalidStateCodeStatusCode));
        }

        [Test]
        public void Update_StatecodeAlone_Should_TakeTheStatesDefaultStatus()
        {
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            client.Update(new Entity("account", id) { ["statecode"] = new OptionSetValue(1) });

            Assert.That(org.Get("account", id).GetAttributeValue<OptionSetValue>("statuscode").Value, Is.EqualTo(2));
        }

        [Test]
        public void Update_OwnerToTeam_Should_MoveOwningColumns()
        {
            var team = org.Teams.Add("KAM");
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            client.Update(new Entity("account", id) { ["ownerid"] = team.ToEntityReference() });

            var row = org.Get("account", id);
            Assert.That(row.GetAttributeValue<EntityReference>("owningteam").Id, Is.EqualTo(team.Id));
            Assert.That(row.Contains("owninguser"), Is.False);
        }

        [Test]
        public void Retrieve_MissingRow_Should_FailWithObjectDoesNotExist()
        {
            Assert.That(Plugin.FaultCode(() => client.Retrieve("account", Guid.NewGuid(), new ColumnSet("name"))), Is.EqualTo(ErrorCodes.ObjectDoesNotExist));
        }

        [Test]
        public void Retrieve_SomeColumns_Should_ReturnOnlyThoseThatHaveValues()
        {
            var parent = client.Create(new Entity("account") { ["name"] = "Parent" });
            var id = client.Create(new Entity("account") { ["name"] = "A", ["parentaccountid"] = new EntityReference("account", parent) });

            var row = client.Retrieve("account", id, new ColumnSet("name", "telephone1", "parentaccountid"));

            Assert.That(row.Attributes.Keys, Is.EquivalentTo(new[] { "name", "parentaccountid", "accountid" }));
            Assert.That(row.GetAttributeValue<EntityReference>("parentaccountid").Name, Is.EqualTo("Parent"));
            Assert.That(row.RowVersion, Is.Not.Null);
        }

        [Test]
        public void Retrieve_UnknownColumn_Should_FailWithQueryBuilderNoAttribute()
        {
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(Plugin.FaultCode(() => client.Retrieve("account", id, new ColumnSet("nosuch"))), Is.EqualTo(ErrorCodes.QueryBuilderNoAttribute));
        }

        [Test]
        public void Retrieve_ReturnedEntity_Should_BeACopy()
        {
            var id = client.Create(new Entity("account") { ["name"] = "A" });
            var row = client.Retrieve("account", id, new ColumnSet(true));

            row["name"] = "changed";

            Assert.That(org.Get("account", id).GetAttributeValue<string>("name"), Is.EqualTo("A"));
        }

        [Test]
        public void Create_CallersEntity_Should_NotBeChangedByPlugins()
        {
            org.RegisterStep(Plugin.Step("Create", "account", KamPlugins.Platform.Registration.PipelineStage.PreOperation), sp => sp.Target()["telephone1"] = "from plugin");
            var entity = new Entity("account") { ["name"] = "A" };

            var id = client.Create(entity);

            Assert.That(entity.Contains("telephone1"), Is.False);
            Assert.That(org.Get("account", id).GetAttributeValue<string>("telephone1"), Is.EqualTo("from plugin"));
        }

        [Test]
        public void Update_IfRowVersionMatchesWithCurrentVersion_Should_Succeed()
        {
            var id = client.Create(new Entity("account") { ["name"] = "A" });
            var current = client.Retrieve("account", id, new ColumnSet("name"));

            client.Execute(new UpdateRequest { Target = new Entity("account", id) { ["name"] = "B", RowVersion = current.RowVersion }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });

            Assert.That(org.Get("account", id).GetAttributeValue<string>("name"), Is.EqualTo("B"));
        }

        [Test]
        public void Update_IfRowVersionMatchesWithStaleVersion_Should_FailWithConcurrencyVersionMismatch()
        {
            var id = client.Create(new Entity("account") { ["name"] = "A" });
            var stale = client.Retrieve("account", id, new ColumnSet("name"));
            client.Update(new Entity("account", id) { ["name"] = "B" });

            var code = Plugin.FaultCode(() => client.Execute(new UpdateRequest { Target = new Entity("account", id) { ["name"] = "C", RowVersion = stale.RowVersion }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));

            Assert.That(code, Is.EqualTo(ErrorCodes.ConcurrencyVersionMismatch));
            Assert.That(org.Get("account", id).GetAttributeValue<string>("name"), Is.EqualTo("B"));
        }

        [Test]
        public void Update_IfRowVersionMatchesWithoutVersion_Should_FailWithConcurrencyVersionNotProvided()
        {
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(Plugin.FaultCode(() => client.Execute(new UpdateRequest { Target = new Entity("account", id) { ["name"] = "C" }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches })), Is.EqualTo(ErrorCodes.ConcurrencyVersionNotProvided));
        }

        [Test]
        public void Delete_IfRowVersionMatchesOnTableWithoutConcurrency_Should_FailWithOptimisticConcurrencyNotEnabled()
        {
            org.Metadata.Table("kam_note", t => t.PrimaryName("kam_name").OptimisticConcurrency(false));
            var id = client.Create(new Entity("kam_note") { ["kam_name"] = "n" });

            var code = Plugin.FaultCode(() => client.Execute(new DeleteRequest { Target = new EntityReference("kam_note", id) { RowVersion = "1" }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));

            Assert.That(code, Is.EqualTo(ErrorCodes.OptimisticConcurrencyNotEnabled));
        }

        [Test]
        public void Delete_IfRowVersionMatchesWithStaleVersion_Should_FailWithConcurrencyVersionMismatch()
        {
            var id = client.Create(new Entity("account") { ["name"] = "A" });
            var stale = client.Retrieve("account", id, new ColumnSet("name")).RowVersion;
            client.Update(new Entity("account", id) { ["name"] = "B" });

            Assert.That(Plugin.FaultCode(() => client.Execute(new DeleteRequest { Target = new EntityReference("account", id) { RowVersion = stale }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches })), Is.EqualTo(ErrorCodes.ConcurrencyVersionMismatch));
            Assert.That(org.Get("account", id), Is.Not.Null);
        }

        [Test]
        public void Initialize_InactiveRowWithCreatedOn_Should_StoreItAsGiven()
        {
            var row = new Entity("account") { ["name"] = "Old", ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2), ["createdon"] = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc) };

            org.Initialize(row);

            var stored = org.Get("account", row.Id);
            Assert.That(stored.GetAttributeValue<OptionSetValue>("statecode").Value, Is.EqualTo(1));
            Assert.That(stored.GetAttributeValue<DateTime>("createdon").Year, Is.EqualTo(2019));
            Assert.That(stored.GetAttributeValue<EntityReference>("ownerid").Id, Is.EqualTo(org.Users.Administrator.Id));
            Assert.That(org.LastOperation, Is.Null, "seeding is not an operation");
        }
    }
}
