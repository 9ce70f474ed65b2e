using System;
using System.Linq;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Principals;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Messages
{
    public class AssignTests
    {
        private DataverseEmulator org;
        private User rep;
        private User colleague;
        private EmulatedOrganizationService client;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
            rep = org.Users.Add("Rep Li");
            colleague = org.Users.Add("Rep Wang", businessUnit: org.BusinessUnits.Add("North"));
            client = org.ServiceFor(rep);
        }

        private static OrganizationRequest Assign(string table, Guid id, EntityReference assignee) =>
            new OrganizationRequest("Assign") { ["Target"] = new EntityReference(table, id), ["Assignee"] = assignee };

        [Test]
        public void Assign_ToColleague_Should_ChangeOwnerOwningUserAndBusinessUnit()
        {
            var id = client.Create(new Entity("opportunity") { ["name"] = "Deal" });

            client.Execute(Assign("opportunity", id, colleague));

            var row = org.Get("opportunity", id);
            Assert.That(row.GetAttributeValue<EntityReference>("ownerid").Id, Is.EqualTo(colleague.Id));
            Assert.That(row.GetAttributeValue<EntityReference>("owninguser").Id, Is.EqualTo(colleague.Id));
            Assert.That(row.GetAttributeValue<EntityReference>("owningbusinessunit").Id, Is.EqualTo(colleague.BusinessUnit.Id));
        }

        [Test]
        public void Assign_Steps_Should_SeeTargetAssigneeAndThePreImage()
        {
            IPluginExecutionContext context = null;
            org.RegisterStep(new PluginStepAttribute("Assign", "opportunity", PipelineStage.PreOperation) { PreImage = new[] { "ownerid" } }, sp => context = sp.Context());
            var id = client.Create(new Entity("opportunity") { ["name"] = "Deal" });

            client.Execute(Assign("opportunity", id, colleague));

            Assert.That(context.MessageName, Is.EqualTo("Assign"));
            Assert.That(context.InputParameters["Target"], Is.EqualTo(new EntityReference("opportunity", id)));
            Assert.That(((EntityReference)context.InputParameters["Assignee"]).Id, Is.EqualTo(colleague.Id));
            Assert.That(context.PreEntityImages["PreImage"].GetAttributeValue<EntityReference>("ownerid").Id, Is.EqualTo(rep.Id));
        }

        [Test]
        public void Assign_ToMissingUser_Should_FailWithObjectDoesNotExist()
        {
            var id = client.Create(new Entity("opportunity") { ["name"] = "Deal" });

            Assert.That(Plugin.FaultCode(() => client.Execute(Assign("opportunity", id, new EntityReference("systemuser", Guid.NewGuid())))), Is.EqualTo(ErrorCodes.ObjectDoesNotExist));
        }

        [Test]
        public void Assign_Account_Should_CascadeToItsOpportunitiesAndChildAccountsThroughThePipeline()
        {
            var account = client.Create(new Entity("account") { ["name"] = "Key" });
            var child = client.Create(new Entity("account") { ["name"] = "Child", ["parentaccountid"] = new EntityReference("account", account) });
            var won = client.Create(new Entity("opportunity") { ["name"] = "Won deal", ["customerid"] = new EntityReference("account", account) });
            var childOpportunity = client.Create(new Entity("opportunity") { ["name"] = "Child deal", ["customerid"] = new EntityReference("account", child) });
            var onlyParentAccount = client.Create(new Entity("opportunity") { ["name"] = "Linked", ["customerid"] = new EntityReference("contact", client.Create(new Entity("contact") { ["lastname"] = "C" })), ["parentaccountid"] = new EntityReference("account", account) });
            var assigned = new System.Collections.Generic.List<(string Table, int Depth, bool InTransaction)>();
            org.RegisterStep(Plugin.Step("Assign", null, PipelineStage.PreOperation), sp => assigned.Add((sp.Context().PrimaryEntityName, sp.Context().Depth, sp.Context().IsInTransaction)));

            client.Execute(Assign("account", account, colleague));

            Assert.That(new[] { account, child }.All(a => org.Get("account", a).GetAttributeValue<EntityReference>("ownerid").Id == colleague.Id), Is.True);
            Assert.That(new[] { won, childOpportunity }.All(o => org.Get("opportunity", o).GetAttributeValue<EntityReference>("ownerid").Id == colleague.Id), Is.True);
            Assert.That(org.Get("opportunity", onlyParentAccount).GetAttributeValue<EntityReference>("ownerid").Id, Is.EqualTo(rep.Id), "parentaccountid does not cascade assign");
            Assert.That(assigned, Is.EquivalentTo(new[] { ("account", 1, true), ("account", 2, true), ("opportunity", 2, true), ("opportunity", 3, true) }));
        }

        [Test]
        public void Assign_CascadedChildRefused_Should_RollBackTheParentsAssignment()
        {
            var account = client.Create(new Entity("account") { ["name"] = "Key" });
            var opportunity = client.Create(new Entity("opportunity") { ["name"] = "Deal", ["customerid"] = new EntityReference("account", account) });
            org.RegisterStep(Plugin.Step("Assign", "opportunity", PipelineStage.PreOperation), sp => throw new InvalidPluginExecutionException("opportunity locked"));

            var fault = Plugin.Fault(() => client.Execute(Assign("account", account, colleague)));

            Assert.That(fault.Detail.Message, Is.EqualTo("opportunity locked"));
            Assert.That(org.Get("account", account).GetAttributeValue<EntityReference>("ownerid").Id, Is.EqualTo(rep.Id));
            Assert.That(org.Get("opportunity", opportunity).GetAttributeValue<EntityReference>("ownerid").Id, Is.EqualTo(rep.Id));
        }

        [Test]
        public void Update_OwnerColumn_Should_CascadeLikeAssign()
        {
            var account = client.Create(new Entity("account") { ["name"] = "Key" });
            var opportunity = client.Create(new Entity("opportunity") { ["name"] = "Deal", ["customerid"] = new EntityReference("account", account) });

            client.Update(new Entity("account", account) { ["ownerid"] = colleague.ToEntityReference() });

            Assert.That(org.Get("opportunity", opportunity).GetAttributeValue<EntityReference>("ownerid").Id, Is.EqualTo(colleague.Id));
        }

        [Test]
        public void Assign_CustomTableRelationshipWithCascade_Should_CascadeToItsRows()
        {
            org.Metadata.Table("kam_contract", t => t.PrimaryName("kam_name").Lookup("kam_customerid", "account", r => r.Assign = Metadata.CascadeType.Cascade));
            var account = client.Create(new Entity("account") { ["name"] = "Key" });
            var contract = client.Create(new Entity("kam_contract") { ["kam_name"] = "C", ["kam_customerid"] = new EntityReference("account", account) });

            client.Execute(Assign("account", account, colleague));

            Assert.That(org.Get("kam_contract", contract).GetAttributeValue<EntityReference>("ownerid").Id, Is.EqualTo(colleague.Id));
        }
    }
}
