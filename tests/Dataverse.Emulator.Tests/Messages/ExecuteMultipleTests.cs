using System.Linq;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Messages
{
    public class ExecuteMultipleTests
    {
        private DataverseEmulator org;
        private EmulatedOrganizationService client;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
            client = org.ServiceFor(org.Users.Add("Rep Li"));
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp =>
            {
                if (sp.Target().GetAttributeValue<string>("name") == "bad") throw new InvalidPluginExecutionException("bad name");
            });
        }

        private static ExecuteMultipleRequest Batch(bool continueOnError, bool returnResponses, params string[] names)
        {
            var request = new ExecuteMultipleRequest { Settings = new ExecuteMultipleSettings { ContinueOnError = continueOnError, ReturnResponses = returnResponses }, Requests = new OrganizationRequestCollection() };
            foreach (var n in names) request.Requests.Add(new CreateRequest { Target = new Entity("account") { ["name"] = n } });
            return request;
        }

        [Test]
        public void ExecuteMultiple_ContinueOnError_Should_RunEveryRequestInItsOwnTransaction()
        {
            var response = (ExecuteMultipleResponse)client.Execute(Batch(true, true, "a", "bad", "c"));

            Assert.That(response.IsFaulted, Is.True);
            Assert.That(response.Responses.Select(r => r.RequestIndex), Is.EqualTo(new[] { 0, 1, 2 }));
            Assert.That(response.Responses[1].Fault.ErrorCode, Is.EqualTo(ErrorCodes.IsvAborted));
            Assert.That(response.Responses[0].Response, Is.InstanceOf<CreateResponse>());
            Assert.That(org.All("account").Select(a => a.GetAttributeValue<string>("name")), Is.EqualTo(new[] { "a", "c" }));
        }

        [Test]
        public void ExecuteMultiple_StopOnError_Should_StopAtTheFirstFault()
        {
            var response = (ExecuteMultipleResponse)client.Execute(Batch(false, false, "a", "bad", "c"));

            Assert.That(response.Responses.Select(r => r.RequestIndex), Is.EqualTo(new[] { 1 }), "without ReturnResponses only faults come back");
            Assert.That(org.Count("account"), Is.EqualTo(1));
        }

        [Test]
        public void ExecuteMultiple_OverOneThousandRequests_Should_Fail()
        {
            var names = Enumerable.Range(0, 1001).Select(i => "n" + i).ToArray();

            Assert.That(Plugin.FaultCode(() => client.Execute(Batch(true, false, names))), Is.EqualTo(ErrorCodes.InvalidArgument));
            Assert.That(org.Count("account"), Is.EqualTo(0));
        }

        [Test]
        public void ExecuteMultiple_InnerRequests_Should_RunAtDepthOne()
        {
            var depths = new System.Collections.Generic.List<int>();
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PostOperation), sp => depths.Add(sp.Context().Depth));

            client.Execute(Batch(true, false, "a", "b"));

            Assert.That(depths, Is.EqualTo(new[] { 1, 1 }));
        }

        [Test]
        public void ExecuteTransaction_OneFailure_Should_RollBackEveryRequest()
        {
            var request = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection { new CreateRequest { Target = new Entity("account") { ["name"] = "a" } }, new CreateRequest { Target = new Entity("account") { ["name"] = "bad" } } } };

            var fault = Plugin.Fault(() => client.Execute(request));

            Assert.That(((ExecuteTransactionFault)fault.Detail).FaultedRequestIndex, Is.EqualTo(1));
            Assert.That(org.Count("account"), Is.EqualTo(0));
        }
    }

    public class UpsertTests
    {
        private DataverseEmulator org;
        private EmulatedOrganizationService client;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
            org.Metadata.Table("account", t => t.AlternateKey("accountnumber_key", "accountnumber"));
            client = org.ServiceFor(org.Users.Add("Rep Li"));
        }

        [Test]
        public void Upsert_NewKey_Should_RunTheCreatePipelineWithTheKeyCopiedIntoTheColumns()
        {
            Entity target = null;
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp => target = sp.Target());

            var (created, reference) = client.Upsert(new Entity("account", "accountnumber", "N1") { ["name"] = "New" });

            Assert.That(created, Is.True);
            Assert.That(target.GetAttributeValue<string>("accountnumber"), Is.EqualTo("N1"));
            Assert.That(org.Get(reference).GetAttributeValue<string>("name"), Is.EqualTo("New"));
        }

        [Test]
        public void Upsert_ExistingKey_Should_RunTheUpdatePipelineWithTheKeyColumnsStripped()
        {
            var id = client.Create(new Entity("account") { ["name"] = "Old", ["accountnumber"] = "N1" });
            Entity target = null;
            var creates = 0;
            org.RegisterStep(Plugin.Step("Update", "account", PipelineStage.PreOperation), sp => target = sp.Target());
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp => creates++);

            var (created, reference) = client.Upsert(new Entity("account", "accountnumber", "N1") { ["name"] = "Renamed", ["accountnumber"] = "N1" });

            Assert.That(created, Is.False);
            Assert.That(reference.Id, Is.EqualTo(id));
            Assert.That(target.Attributes.Keys, Is.EqualTo(new[] { "name" }));
            Assert.That(target.Id, Is.EqualTo(id));
            Assert.That(creates, Is.EqualTo(0));
        }

        [Test]
        public void Upsert_ById_Should_CreateWithThatIdThenUpdate()
        {
            var id = System.Guid.NewGuid();

            Assert.That(client.Upsert(new Entity("account", id) { ["name"] = "First" }).Created, Is.True);
            Assert.That(client.Upsert(new Entity("account", id) { ["name"] = "Second" }).Created, Is.False);
            Assert.That(org.Get("account", id).GetAttributeValue<string>("name"), Is.EqualTo("Second"));
        }
    }
}
