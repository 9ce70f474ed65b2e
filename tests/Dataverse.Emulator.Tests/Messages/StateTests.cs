using System;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Messages
{
    public class StateTests
    {
        private DataverseEmulator org;
        private EmulatedOrganizationService client;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
            client = org.ServiceFor(org.Users.Add("Rep Li"));
        }

        private static OrganizationRequest SetState(string table, Guid id, int state, int status, string message = "SetState") =>
            new OrganizationRequest(message) { ["EntityMoniker"] = new EntityReference(table, id), ["State"] = new OptionSetValue(state), ["Status"] = new OptionSetValue(status) };

        [Test]
        public void SetState_DefaultStatus_Should_SetTheStatesDefault()
        {
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            client.Execute(SetState("account", id, 1, -1));

            var row = org.Get("account", id);
            Assert.That(row.GetAttributeValue<OptionSetValue>("statecode").Value, Is.EqualTo(1));
            Assert.That(row.GetAttributeValue<OptionSetValue>("statuscode").Value, Is.EqualTo(2));
        }

        [Test]
        public void SetState_InvalidPair_Should_FailWithInvalidStateCodeStatusCode()
        {
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(Plugin.FaultCode(() => client.Execute(SetState("account", id, 1, 1))), Is.EqualTo(ErrorCodes.InvalidStateCodeStatusCode));
        }

        [Test]
        public void SetState_Steps_Should_SeeEntityMonikerAndItsImages()
        {
            IPluginExecutionContext context = null;
            org.RegisterStep(new PluginStepAttribute("SetState", "account", PipelineStage.PostOperation) { PreImage = new[] { "statecode" }, PostImage = new[] { "statecode" } }, sp => context = sp.Context());
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            client.Execute(SetState("account", id, 1, 2));

            Assert.That(context.InputParameters["EntityMoniker"], Is.EqualTo(new EntityReference("account", id)));
            Assert.That(context.PreEntityImages["PreImage"].GetAttributeValue<OptionSetValue>("statecode").Value, Is.EqualTo(0));
            Assert.That(context.PostEntityImages["PostImage"].GetAttributeValue<OptionSetValue>("statecode").Value, Is.EqualTo(1));
        }

        [Test]
        public void SetStateDynamicEntity_Request_Should_RaiseItsOwnMessage()
        {
            string message = null;
            org.RegisterStep(Plugin.Step("SetStateDynamicEntity", "account", PipelineStage.PreOperation), sp => message = sp.Context().MessageName);
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            client.Execute(SetState("account", id, 1, 2, "SetStateDynamicEntity"));

            Assert.That(message, Is.EqualTo("SetStateDynamicEntity"));
            Assert.That(org.Get("account", id).GetAttributeValue<OptionSetValue>("statecode").Value, Is.EqualTo(1));
        }

        [TestCase(1, 3)]
        [TestCase(2, 4)]
        public void SetState_OpportunityToWonOrLost_Should_FailWithCannotUseOpportunitySetStateMessage(int state, int status)
        {
            var id = client.Create(new Entity("opportunity") { ["name"] = "O" });

            Assert.That(Plugin.FaultCode(() => client.Execute(SetState("opportunity", id, state, status))), Is.EqualTo(ErrorCodes.CannotUseOpportunitySetStateMessage));
        }

        [Test]
        public void Update_OpportunityToWon_Should_FailWithCannotUseOpportunitySetStateMessage()
        {
            var id = client.Create(new Entity("opportunity") { ["name"] = "O" });

            Assert.That(Plugin.FaultCode(() => client.Update(new Entity("opportunity", id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(3) })), Is.EqualTo(ErrorCodes.CannotUseOpportunitySetStateMessage));
        }

        [Test]
        public void Update_WonOpportunityBackToOpen_Should_ReopenIt()
        {
            var id = client.Create(new Entity("opportunity") { ["name"] = "O" });
            client.Execute(new OrganizationRequest("WinOpportunity") { ["OpportunityClose"] = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", id) }, ["Status"] = new OptionSetValue(-1) });

            client.Update(new Entity("opportunity", id) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(2) });

            Assert.That(org.Get("opportunity", id).GetAttributeValue<OptionSetValue>("statuscode").Value, Is.EqualTo(2));
        }
    }
}
