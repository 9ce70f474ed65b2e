using System;
using System.Collections.Generic;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Messages
{
    public class CustomApiTests
    {
        private DataverseEmulator org;
        private EmulatedOrganizationService client;
        private Guid account;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
            client = org.ServiceFor(org.Users.Add("Rep Li"));
            account = client.Create(new Entity("account") { ["name"] = "A" });
        }

        [Test]
        public void CustomApi_ImplementedByPlugin_Should_RunItAsTheCoreOperationAndReturnItsOutputs()
        {
            org.CustomApis.Register("kam_Score", api => api.BoundTo("account").Input<int>("Factor").Output<int>("Score").ImplementedBy<ScorePlugin>());

            var response = client.Execute(new OrganizationRequest("kam_Score") { ["Target"] = new EntityReference("account", account), ["Factor"] = 7 });

            Assert.That(response.Results["Score"], Is.EqualTo(70));
            Assert.That(org.LastOperation.Steps[0].Context.Stage, Is.EqualTo(30));
            Assert.That(org.LastOperation.Steps[0].Context.IsInTransaction, Is.True);
        }

        [Test]
        public void CustomApi_StepsOnItsMessage_Should_RunAroundTheCoreOperation()
        {
            var order = new List<string>();
            org.CustomApis.Register("kam_Ping", api => api.Output<string>("Reply").ImplementedBy(call =>
            {
                order.Add("core");
                call.Output["Reply"] = "pong";
            }));
            org.RegisterStep(Plugin.Step("kam_Ping", null, PipelineStage.PreValidation), sp => order.Add("validation"));
            org.RegisterStep(Plugin.Step("kam_Ping", null, PipelineStage.PostOperation), sp => order.Add("post:" + sp.Context().OutputParameters["Reply"]));

            var response = client.Execute(new OrganizationRequest("kam_Ping"));

            Assert.That(order, Is.EqualTo(new[] { "validation", "core", "post:pong" }));
            Assert.That(response.ResponseName, Is.EqualTo("kam_Ping"));
        }

        [Test]
        public void CustomApi_MissingRequiredParameter_Should_FailWithInvalidArgument()
        {
            org.CustomApis.Register("kam_Score", api => api.BoundTo("account").Input<int>("Factor").ImplementedBy<ScorePlugin>());

            Assert.That(Plugin.FaultCode(() => client.Execute(new OrganizationRequest("kam_Score") { ["Target"] = new EntityReference("account", account) })), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [Test]
        public void CustomApi_WrongParameterType_Should_FailWithInvalidArgument()
        {
            org.CustomApis.Register("kam_Score", api => api.BoundTo("account").Input<int>("Factor").ImplementedBy<ScorePlugin>());

            Assert.That(Plugin.FaultCode(() => client.Execute(new OrganizationRequest("kam_Score") { ["Target"] = new EntityReference("account", account), ["Factor"] = "seven" })), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [Test]
        public void CustomApi_HandlerWrites_Should_RollBackWhenAPostOperationStepRefuses()
        {
            org.CustomApis.Register("kam_Make", api => api.ImplementedBy(call => call.Service.Create(new Entity("contact") { ["lastname"] = "made" })));
            org.RegisterStep(Plugin.Step("kam_Make", null, PipelineStage.PostOperation), sp => throw new InvalidPluginExecutionException("no"));

            Plugin.Fault(() => client.Execute(new OrganizationRequest("kam_Make")));

            Assert.That(org.Count("contact"), Is.EqualTo(0));
        }

        [Test]
        public void CustomApi_WithExecutePrivilege_Should_RefuseCallersWithoutItBeforeAnyStep()
        {
            var ran = false;
            org.CustomApis.Register("kam_Admin", api => api.RequiresPrivilege("prvKamAdministrate").ImplementedBy(call => ran = true));
            org.RegisterStep(Plugin.Step("kam_Admin", null, PipelineStage.PreValidation), sp => ran = true);

            Assert.That(Plugin.FaultCode(() => client.Execute(new OrganizationRequest("kam_Admin"))), Is.EqualTo(ErrorCodes.PrivilegeDenied));
            Assert.That(ran, Is.False);
            org.Roles.Add("KAM Administrator", "prvKamAdministrate");
            Assert.DoesNotThrow(() => org.ServiceFor(org.Users.Add("Admin Zhao", roles: new[] { "KAM Administrator" })).Execute(new OrganizationRequest("kam_Admin")));
        }

        [Test]
        public void Execute_UnknownMessage_Should_FailWithInvalidArgument()
        {
            Assert.That(Plugin.FaultCode(() => client.Execute(new OrganizationRequest("kam_Nothing"))), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [Test]
        public void WhoAmI_UserOfABusinessUnit_Should_ReturnTheUserBusinessUnitAndOrganization()
        {
            var bu = org.BusinessUnits.Add("North");
            var user = org.Users.Add("North Rep", bu);

            var (userId, businessUnitId, organizationId) = org.ServiceFor(user).WhoAmI();

            Assert.That(userId, Is.EqualTo(user.Id));
            Assert.That(businessUnitId, Is.EqualTo(bu.Id));
            Assert.That(organizationId, Is.EqualTo(org.Options.OrganizationId));
        }

        public sealed class ScorePlugin : IPlugin
        {
            public void Execute(IServiceProvider serviceProvider)
            {
                var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
                context.OutputParameters["Score"] = (int)context.InputParameters["Factor"] * 10;
            }
        }
    }
}
