using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator.Pipeline;
using Dataverse.Emulator.Tests.Support;
using Dataverse.Emulator.Tests.TestPlugins;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Pipeline
{
    public class RegistrationTests
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
        public void RegisterPlugin_AttributeWithConfiguration_Should_PassBothStringsToTheConstructor()
        {
            org.RegisterPlugin<ConfigEchoPlugin>(s => s.SecureConfiguration = "secure-config");

            var id = client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(org.Get("account", id).GetAttributeValue<string>("description"), Is.EqualTo("unsecure-config|secure-config"));
        }

        [Test]
        public void RegisterPlugin_Step_Should_ReuseOnePluginInstance()
        {
            org.RegisterPlugin<InstanceTracePlugin>();
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            client.Update(new Entity("account", id) { ["name"] = "B" });
            var first = org.LastOperation.Traces.Single();
            client.Update(new Entity("account", id) { ["name"] = "C" });
            var second = org.LastOperation.Traces.Single();

            Assert.That(second, Is.EqualTo(first));
            var step = org.Steps.Of<InstanceTracePlugin>().Single();
            Assert.That(first, Does.Contain(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(step.Instance).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        [Test]
        public void RegisterPluginsFrom_Assembly_Should_RegisterEveryAttributedPlugin()
        {
            org.RegisterPluginsFrom(typeof(ConfigEchoPlugin).Assembly);

            Assert.That(org.Steps.Of<ConfigEchoPlugin>(), Has.Count.EqualTo(1));
            Assert.That(org.Steps.Of<FilteredImagePlugin>().Single().Images.Select(i => i.Alias), Is.EqualTo(new[] { PluginStepAttribute.PreImageAlias, PluginStepAttribute.PostImageAlias }));
        }

        [Test]
        public void RegisterPlugin_StepId_Should_BeDerivedFromTheStepName()
        {
            org.RegisterPlugin<ConfigEchoPlugin>();
            var step = org.Steps.Of<ConfigEchoPlugin>().Single();

            Assert.That(step.Id, Is.EqualTo(StableId.For("step:" + new PluginStepAttribute("Create", "account", PipelineStage.PreOperation).StepName(typeof(ConfigEchoPlugin)))));
        }

        [Test]
        public void RegisterPlugin_Twice_Should_FailAsDuplicate()
        {
            org.RegisterPlugin<ConfigEchoPlugin>();

            Assert.Throws<StepRegistrationException>(() => org.RegisterPlugin<ConfigEchoPlugin>());
        }

        private static IEnumerable<TestCaseData> InvalidRegistrations()
        {
            yield return new TestCaseData(new PluginStepAttribute("Update", "account", PipelineStage.PreOperation) { PostImage = new[] { "name" } }).SetName("Register_PostImageInPreOperation_Should_Fail");
            yield return new TestCaseData(new PluginStepAttribute("Create", "account", PipelineStage.PostOperation) { PreImage = new[] { "name" } }).SetName("Register_PreImageOnCreate_Should_Fail");
            yield return new TestCaseData(new PluginStepAttribute("Delete", "account", PipelineStage.PostOperation) { PostImage = new[] { "name" } }).SetName("Register_PostImageOnDelete_Should_Fail");
            yield return new TestCaseData(new PluginStepAttribute("Win", "opportunity", PipelineStage.PostOperation) { PreImage = new[] { "name" } }).SetName("Register_ImageOnWin_Should_Fail");
            yield return new TestCaseData(new PluginStepAttribute("Upsert", "account", PipelineStage.PreOperation)).SetName("Register_OnUpsert_Should_Fail");
            yield return new TestCaseData(new PluginStepAttribute("Update", "account", PipelineStage.PreOperation) { Mode = ExecutionMode.Asynchronous }).SetName("Register_AsyncInPreOperation_Should_Fail");
        }

        [TestCaseSource(nameof(InvalidRegistrations))]
        public void Register_InvalidStep_Should_Fail(PluginStepAttribute step)
        {
            Assert.Throws<StepRegistrationException>(() => org.RegisterStep(step, sp => { }));
        }

        [Test]
        public void Execute_Stages_Should_RunInOrderAndByRankWithinAStage()
        {
            var order = new List<string>();
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PostOperation), sp => order.Add("post"));
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation, rank: 2), sp => order.Add("pre-rank2"));
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation, rank: 1), sp => order.Add("pre-rank1"));
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreValidation), sp => order.Add("validation"));

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(order, Is.EqualTo(new[] { "validation", "pre-rank1", "pre-rank2", "post" }));
        }

        [Test]
        public void Execute_StepOnOtherTable_Should_NotRun()
        {
            var ran = false;
            org.RegisterStep(Plugin.Step("Create", "contact", PipelineStage.PreOperation), sp => ran = true);

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(ran, Is.False);
        }

        [Test]
        public void Execute_StepWithoutTable_Should_RunForEveryTable()
        {
            var tables = new List<string>();
            org.RegisterStep(Plugin.Step("Create", null, PipelineStage.PreOperation), sp => tables.Add(sp.Context().PrimaryEntityName));

            client.Create(new Entity("account") { ["name"] = "A" });
            client.Create(new Entity("contact") { ["lastname"] = "B" });

            Assert.That(tables, Is.EqualTo(new[] { "account", "contact" }));
        }

        [Test]
        public void Execute_DisabledStep_Should_NotRun()
        {
            var ran = false;
            var step = org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp => ran = true);
            step.Enabled = false;

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(ran, Is.False);
        }

        [Test]
        public void Update_FilteredStep_Should_NotFireForOtherColumns()
        {
            org.RegisterPlugin<FilteredImagePlugin>();
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            client.Update(new Entity("account", id) { ["telephone1"] = "1" });

            Assert.That(org.LastOperation.StepRuns<FilteredImagePlugin>(), Is.EqualTo(0));
        }

        [Test]
        public void Update_FilteredColumnPresentWithSameValue_Should_FireTheStep()
        {
            org.RegisterPlugin<FilteredImagePlugin>();
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            client.Update(new Entity("account", id) { ["name"] = "A" });

            Assert.That(org.LastOperation.StepRuns<FilteredImagePlugin>(), Is.EqualTo(1));
        }

        [Test]
        public void Update_Images_Should_HoldOnlyRegisteredNonNullColumns()
        {
            org.RegisterPlugin<FilteredImagePlugin>();
            var id = client.Create(new Entity("account") { ["name"] = "A", ["accountnumber"] = "N1" });

            client.Update(new Entity("account", id) { ["name"] = "B", ["telephone1"] = "555" });

            var context = org.LastOperation.Steps.Single().Context;
            var pre = context.PreEntityImages[PluginStepAttribute.PreImageAlias];
            var post = context.PostEntityImages[PluginStepAttribute.PostImageAlias];
            Assert.That(pre.Attributes.Keys, Is.EqualTo(new[] { "name" }), "telephone1 was null: absent; accountnumber not registered");
            Assert.That(pre.GetAttributeValue<string>("name"), Is.EqualTo("A"));
            Assert.That(post.Attributes.Keys, Is.EquivalentTo(new[] { "name", "telephone1" }));
            Assert.That(post.GetAttributeValue<string>("name"), Is.EqualTo("B"));
            Assert.That(pre.Id, Is.EqualTo(id));
        }

        [Test]
        public void Update_PreImageInPreOperation_Should_ShowTheRowBeforeTheUpdate()
        {
            Entity image = null;
            var step = org.RegisterStep(new PluginStepAttribute("Update", "account", PipelineStage.PreOperation) { PreImage = new[] { "name" } }, sp => image = sp.Context().PreEntityImages["PreImage"]);
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            client.Update(new Entity("account", id) { ["name"] = "B" });

            Assert.That(image.GetAttributeValue<string>("name"), Is.EqualTo("A"));
            Assert.That(org.LastOperation.Steps.Single().Context.PostEntityImages, Is.Empty);
            Assert.That(step.Images.Single().Type, Is.EqualTo(ImageType.PreImage));
        }

        [Test]
        public void Create_PostImage_Should_HoldTheCreatedRow()
        {
            Entity image = null;
            org.RegisterStep(new PluginStepAttribute("Create", "account", PipelineStage.PostOperation) { PostImage = new[] { "name", "ownerid" } }, sp => image = sp.Context().PostEntityImages["PostImage"]);

            var id = client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(image.Id, Is.EqualTo(id));
            Assert.That(image.Attributes.Keys, Is.EquivalentTo(new[] { "name", "ownerid" }));
        }

        [Test]
        public void Create_OutputParameters_Should_BeEmptyBeforePostOperationAndCarryIdAfter()
        {
            var seen = new Dictionary<int, int>();
            Guid postId = Guid.Empty;
            foreach (var stage in new[] { PipelineStage.PreValidation, PipelineStage.PreOperation, PipelineStage.PostOperation })
            {
                org.RegisterStep(Plugin.Step("Create", "account", stage), sp =>
                {
                    seen[sp.Context().Stage] = sp.Context().OutputParameters.Count;
                    if (sp.Context().Stage == 40) postId = (Guid)sp.Context().OutputParameters["id"];
                });
            }

            var id = client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(seen[10], Is.EqualTo(0));
            Assert.That(seen[20], Is.EqualTo(0));
            Assert.That(postId, Is.EqualTo(id));
        }

        [Test]
        public void Retrieve_PostOperationPlugin_Should_SeeBusinessEntityAndChangeWhatTheClientGets()
        {
            org.RegisterStep(Plugin.Step("Retrieve", "account", PipelineStage.PostOperation), sp =>
            {
                var entity = (Entity)sp.Context().OutputParameters["BusinessEntity"];
                entity["description"] = "masked";
            });
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            var row = client.Retrieve("account", id, new Microsoft.Xrm.Sdk.Query.ColumnSet("name"));

            Assert.That(row.GetAttributeValue<string>("description"), Is.EqualTo("masked"));
        }

        [Test]
        public void RetrieveMultiple_PostOperationPlugin_Should_SeeBusinessEntityCollection()
        {
            EntityCollection seen = null;
            org.RegisterStep(Plugin.Step("RetrieveMultiple", "account", PipelineStage.PostOperation), sp => seen = (EntityCollection)sp.Context().OutputParameters["BusinessEntityCollection"]);
            client.Create(new Entity("account") { ["name"] = "A" });

            var result = client.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryExpression("account") { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet("name") });

            Assert.That(seen, Is.SameAs(result));
            Assert.That(result.Entities.Single().GetAttributeValue<string>("name"), Is.EqualTo("A"));
        }

        [Test]
        public void Update_PreOperationPluginAddingColumn_Should_BeSaved()
        {
            org.RegisterStep(Plugin.Step("Update", "account", PipelineStage.PreOperation), sp => sp.Target()["telephone1"] = "added");
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            client.Update(new Entity("account", id) { ["name"] = "B" });

            Assert.That(org.Get("account", id).GetAttributeValue<string>("telephone1"), Is.EqualTo("added"));
        }
    }
}
