using System;
using System.Collections.Generic;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Messages
{
    public class DeleteTests
    {
        private DataverseEmulator org;
        private EmulatedOrganizationService client;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
            client = org.ServiceFor(org.Users.Add("Rep Li"));
        }

        [Test]
        public void Delete_Account_Should_DeleteItsOpportunitiesAndUnlinkOthers()
        {
            var account = client.Create(new Entity("account") { ["name"] = "A" });
            var child = client.Create(new Entity("account") { ["name"] = "Child", ["parentaccountid"] = new EntityReference("account", account) });
            var owned = client.Create(new Entity("opportunity") { ["name"] = "Owned", ["customerid"] = new EntityReference("account", account) });
            var contact = client.Create(new Entity("contact") { ["lastname"] = "C" });
            var linked = client.Create(new Entity("opportunity") { ["name"] = "Linked", ["customerid"] = new EntityReference("contact", contact), ["parentaccountid"] = new EntityReference("account", account) });

            client.Delete("account", account);

            Assert.That(org.Get("opportunity", owned), Is.Null, "customerid: cascade delete");
            Assert.That(org.Get("opportunity", linked).Contains("parentaccountid"), Is.False, "parentaccountid: remove link");
            Assert.That(org.Get("account", child).Contains("parentaccountid"), Is.False, "child account: remove link");
        }

        [Test]
        public void Delete_CascadedChildren_Should_RunTheirDeleteStepsOneLevelDeeper()
        {
            var account = client.Create(new Entity("account") { ["name"] = "A" });
            client.Create(new Entity("opportunity") { ["name"] = "O", ["customerid"] = new EntityReference("account", account) });
            var deletes = new List<(string Table, int Depth, string PreName)>();
            org.RegisterStep(new PluginStepAttribute("Delete", null, PipelineStage.PreOperation) { PreImage = new[] { "name" } }, sp => deletes.Add((sp.Context().PrimaryEntityName, sp.Context().Depth, sp.Context().PreEntityImages["PreImage"].GetAttributeValue<string>("name"))));

            client.Delete("account", account);

            Assert.That(deletes, Is.EqualTo(new[] { ("account", 1, "A"), ("opportunity", 2, "O") }));
        }

        [Test]
        public void Delete_ChildRefused_Should_KeepEverything()
        {
            var account = client.Create(new Entity("account") { ["name"] = "A" });
            var opportunity = client.Create(new Entity("opportunity") { ["name"] = "O", ["customerid"] = new EntityReference("account", account) });
            org.RegisterStep(Plugin.Step("Delete", "opportunity", PipelineStage.PreOperation), sp => throw new InvalidPluginExecutionException("protected"));

            Plugin.Fault(() => client.Delete("account", account));

            Assert.That(org.Get("account", account), Is.Not.Null);
            Assert.That(org.Get("opportunity", opportunity), Is.Not.Null);
        }

        [Test]
        public void Delete_ParentOfRestrictRelationship_Should_FailWhileChildrenExist()
        {
            var metric = client.Create(new Entity("metric") { ["name"] = "Revenue" });
            client.Create(new Entity("goal") { ["title"] = "G", ["metricid"] = new EntityReference("metric", metric) });

            Assert.That(Plugin.FaultCode(() => client.Delete("metric", metric)), Is.EqualTo(ErrorCodes.InvalidArgument));
            Assert.That(org.Get("metric", metric), Is.Not.Null);
        }

        [Test]
        public void Delete_MissingRow_Should_FailWithObjectDoesNotExist()
        {
            Assert.That(Plugin.FaultCode(() => client.Delete("account", Guid.NewGuid())), Is.EqualTo(ErrorCodes.ObjectDoesNotExist));
        }
    }
}
