using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Messages
{
    public class BulkTests
    {
        private DataverseEmulator org;
        private EmulatedOrganizationService client;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
            client = org.ServiceFor(org.Users.Add("Rep Li"));
        }

        private static OrganizationRequest Bulk(string message, params Entity[] entities) =>
            new OrganizationRequest(message) { ["Targets"] = new EntityCollection(entities.ToList()) { EntityName = entities[0].LogicalName } };

        [Test]
        public void CreateMultiple_ThreeEntities_Should_FireTheCreateStepOncePerEntityAndTheBulkStepOnce()
        {
            var single = new List<string>();
            var bulk = new List<int>();
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp => single.Add(sp.Target().GetAttributeValue<string>("name")));
            org.RegisterStep(Plugin.Step("CreateMultiple", "account", PipelineStage.PreOperation), sp => bulk.Add(((EntityCollection)sp.Context().InputParameters["Targets"]).Entities.Count));

            var response = client.Execute(Bulk("CreateMultiple", new Entity("account") { ["name"] = "A" }, new Entity("account") { ["name"] = "B" }, new Entity("account") { ["name"] = "C" }));

            Assert.That(single, Is.EqualTo(new[] { "A", "B", "C" }));
            Assert.That(bulk, Is.EqualTo(new[] { 3 }));
            Assert.That(((Guid[])response.Results["Ids"]).Length, Is.EqualTo(3));
            Assert.That(org.Count("account"), Is.EqualTo(3));
        }

        [Test]
        public void CreateMultiple_OneEntityRefused_Should_RollBackTheWholeRequest()
        {
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp =>
            {
                if (sp.Target().GetAttributeValue<string>("name") == "B") throw new InvalidPluginExecutionException("B refused");
            });

            Plugin.Fault(() => client.Execute(Bulk("CreateMultiple", new Entity("account") { ["name"] = "A" }, new Entity("account") { ["name"] = "B" })));

            Assert.That(org.Count("account"), Is.EqualTo(0));
        }

        [Test]
        public void UpdateMultiple_TwoEntities_Should_FireTheUpdateStepOncePerEntityWithItsImages()
        {
            var a = client.Create(new Entity("account") { ["name"] = "A" });
            var b = client.Create(new Entity("account") { ["name"] = "B" });
            var seen = new List<(Guid Id, string Before)>();
            org.RegisterStep(new PluginStepAttribute("Update", "account", PipelineStage.PreOperation) { PreImage = new[] { "name" } }, sp => seen.Add((sp.Context().PrimaryEntityId, sp.Context().PreEntityImages["PreImage"].GetAttributeValue<string>("name"))));

            client.Execute(Bulk("UpdateMultiple", new Entity("account", a) { ["name"] = "A2" }, new Entity("account", b) { ["name"] = "B2" }));

            Assert.That(seen, Is.EqualTo(new[] { (a, "A"), (b, "B") }));
            Assert.That(org.Get("account", b).GetAttributeValue<string>("name"), Is.EqualTo("B2"));
        }

        [Test]
        public void Create_SingleRequest_Should_AlsoRaiseTheBulkStepWithOneEntity()
        {
            var bulk = new List<int>();
            org.RegisterStep(Plugin.Step("CreateMultiple", "account", PipelineStage.PostOperation), sp => bulk.Add(((EntityCollection)sp.Context().InputParameters["Targets"]).Entities.Count));

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(bulk, Is.EqualTo(new[] { 1 }));
        }

        [Test]
        public void UpsertMultiple_NewAndExistingRows_Should_RunCreateAndUpdatePipelines()
        {
            org.Metadata.Table("account", t => t.AlternateKey("accountnumber_key", "accountnumber"));
            client.Create(new Entity("account") { ["name"] = "Existing", ["accountnumber"] = "N1" });
            var messages = new List<string>();
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp => messages.Add("Create"));
            org.RegisterStep(Plugin.Step("Update", "account", PipelineStage.PreOperation), sp => messages.Add("Update"));

            var response = client.Execute(Bulk("UpsertMultiple", new Entity("account", "accountnumber", "N1") { ["name"] = "Renamed" }, new Entity("account", "accountnumber", "N2") { ["name"] = "New" }));

            Assert.That(messages, Is.EqualTo(new[] { "Update", "Create" }));
            var results = (Microsoft.Xrm.Sdk.Messages.UpsertResponse[])response.Results["Results"];
            Assert.That(results.Select(r => r.RecordCreated), Is.EqualTo(new[] { false, true }));
            Assert.That(org.All("account").Select(x => x.GetAttributeValue<string>("name")), Is.EquivalentTo(new[] { "Renamed", "New" }));
        }
    }
}
