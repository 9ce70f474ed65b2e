using System.Collections.Generic;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Principals;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Bypass
{
    public class BypassTests
    {
        private DataverseEmulator org;
        private User rep;
        private List<string> ran;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
            rep = org.Users.Add("Rep Li");
            ran = new List<string>();
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp => ran.Add("sync"));
            org.RegisterStep(new PluginStepAttribute("Create", "account", PipelineStage.PostOperation) { Mode = ExecutionMode.Asynchronous }, sp => ran.Add("async"));
        }

        private static OrganizationRequest Create(string parameter, object value) =>
            new OrganizationRequest("Create") { ["Target"] = new Entity("account") { ["name"] = "A" }, [parameter] = value };

        [Test]
        public void BypassCustomPluginExecution_WithoutPrivilege_Should_FailWithPrivilegeDenied()
        {
            Assert.That(Plugin.FaultCode(() => org.ServiceFor(rep).Execute(Create("BypassCustomPluginExecution", true))), Is.EqualTo(ErrorCodes.PrivilegeDenied));
            Assert.That(ran, Is.Empty);
            Assert.That(org.Count("account"), Is.EqualTo(0));
        }

        [Test]
        public void BypassCustomPluginExecution_WithPrivilege_Should_SkipSyncAndAsyncSteps()
        {
            org.ServiceFor(org.Users.Administrator).Execute(Create("BypassCustomPluginExecution", true));

            Assert.That(ran, Is.Empty);
            Assert.That(org.Count("account"), Is.EqualTo(1));
        }

        [Test]
        public void BypassCustomPluginExecution_PrivilegeFromARole_Should_BeHonoured()
        {
            org.Roles.Add("Data Import", Privileges.BypassCustomPlugins);
            rep.WithRoles("Data Import");

            org.ServiceFor(rep).Execute(Create("BypassCustomPluginExecution", true));

            Assert.That(ran, Is.Empty);
        }

        [Test]
        public void BypassBusinessLogicExecution_WithoutPrivilege_Should_FailWithPrivilegeDenied()
        {
            Assert.That(Plugin.FaultCode(() => org.ServiceFor(rep).Execute(Create("BypassBusinessLogicExecution", "CustomSync,CustomAsync"))), Is.EqualTo(ErrorCodes.PrivilegeDenied));
        }

        [TestCase("CustomSync", new[] { "async" })]
        [TestCase("CustomAsync", new[] { "sync" })]
        [TestCase("CustomSync,CustomAsync", new string[0])]
        public void BypassBusinessLogicExecution_WithPrivilege_Should_SkipTheNamedKinds(string value, string[] expected)
        {
            org.AdminService.Execute(Create("BypassBusinessLogicExecution", value));

            Assert.That(ran, Is.EqualTo(expected));
        }

        [Test]
        public void BypassBusinessLogicExecution_UnknownValue_Should_FailWithInvalidArgument()
        {
            Assert.That(Plugin.FaultCode(() => org.AdminService.Execute(Create("BypassBusinessLogicExecution", "Everything"))), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [Test]
        public void BypassBusinessLogicExecutionStepIds_WithPrivilege_Should_SkipOnlyThoseSteps()
        {
            var skipped = org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation, rank: 5), sp => ran.Add("skipped"));

            org.AdminService.Execute(Create("BypassBusinessLogicExecutionStepIds", skipped.Id.ToString()));

            Assert.That(ran, Is.EqualTo(new[] { "sync", "async" }));
        }

        [Test]
        public void BypassBusinessLogicExecutionStepIds_WithoutPrivilege_Should_FailWithPrivilegeDenied()
        {
            var step = org.Steps.All[0];

            Assert.That(Plugin.FaultCode(() => org.ServiceFor(rep).Execute(Create("BypassBusinessLogicExecutionStepIds", step.Id.ToString()))), Is.EqualTo(ErrorCodes.PrivilegeDenied));
        }

        [Test]
        public void BypassBusinessLogicExecutionStepIds_MoreThanThree_Should_FailWithInvalidArgument()
        {
            var ids = string.Join(",", System.Guid.NewGuid(), System.Guid.NewGuid(), System.Guid.NewGuid(), System.Guid.NewGuid());

            Assert.That(Plugin.FaultCode(() => org.AdminService.Execute(Create("BypassBusinessLogicExecutionStepIds", ids))), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [Test]
        public void BypassCustomPluginExecution_OnAssign_Should_AlsoSkipTheCascadedChildrensSteps()
        {
            var account = org.AdminService.Create(new Entity("account") { ["name"] = "A" });
            ran.Clear();
            org.AdminService.Create(new Entity("opportunity") { ["name"] = "O", ["customerid"] = new EntityReference("account", account) });
            var childRuns = 0;
            org.RegisterStep(Plugin.Step("Assign", "opportunity", PipelineStage.PreOperation), sp => childRuns++);

            org.AdminService.Execute(new OrganizationRequest("Assign") { ["Target"] = new EntityReference("account", account), ["Assignee"] = rep.ToEntityReference(), ["BypassCustomPluginExecution"] = true });

            Assert.That(childRuns, Is.EqualTo(0));
            Assert.That(org.Get("opportunity", org.All("opportunity")[0].Id).GetAttributeValue<EntityReference>("ownerid").Id, Is.EqualTo(rep.Id));
        }
    }
}
