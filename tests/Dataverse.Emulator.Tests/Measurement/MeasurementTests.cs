using System;
using System.Linq;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Pipeline;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Measurement
{
    public class MeasurementTests
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
        public void LastOperation_PluginCalls_Should_CountThePluginsServiceCallsByMessage()
        {
            org.RegisterStep(Plugin.Step("Update", "account", PipelineStage.PostOperation), sp =>
            {
                var service = sp.UserService();
                service.Retrieve("account", sp.Context().PrimaryEntityId, new ColumnSet("name"));
                service.Retrieve("account", sp.Context().PrimaryEntityId, new ColumnSet("name"));
                service.RetrieveMultiple(new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") });
                service.Create(new Entity("contact") { ["lastname"] = "C" });
            });
            org.RegisterStep(Plugin.Step("Create", "contact", PipelineStage.PostOperation), sp => sp.UserService().Retrieve("contact", sp.Context().PrimaryEntityId, new ColumnSet("lastname")));
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            client.Update(new Entity("account", id) { ["name"] = "B" });

            var calls = org.LastOperation.PluginCalls;
            Assert.That(calls["Retrieve"], Is.EqualTo(3));
            Assert.That(calls["RetrieveMultiple"], Is.EqualTo(1));
            Assert.That(calls["Create"], Is.EqualTo(1));
            Assert.That(calls["Update"], Is.EqualTo(0), "the client's own call is not a plugin call");
            Assert.That(calls.Total, Is.EqualTo(5));
            Assert.That(calls.Count("Retrieve", "contact"), Is.EqualTo(1));
        }

        [Test]
        public void LastOperation_UpdateTouchingNoPlugin_Should_CountZeroCalls()
        {
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            client.Update(new Entity("account", id) { ["name"] = "B" });

            Assert.That(org.LastOperation.PluginCalls.Total, Is.EqualTo(0));
        }

        [Test]
        public void Measure_Scope_Should_AddTheCallsOfEveryOperationInside()
        {
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PostOperation), sp => sp.UserService().Retrieve("account", sp.Context().PrimaryEntityId, new ColumnSet("name")));

            using (var scope = org.Measure())
            {
                client.Create(new Entity("account") { ["name"] = "A" });
                client.Create(new Entity("account") { ["name"] = "B" });

                Assert.That(scope.PluginCalls["Retrieve"], Is.EqualTo(2));
                Assert.That(scope.Operations, Is.EqualTo(2));
            }
        }

        [Test]
        public void FailCall_NthRetrieveMultiple_Should_FailThatCallWithTheGivenCode()
        {
            var outcomes = new System.Collections.Generic.List<int?>();
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreValidation), sp =>
            {
                for (var i = 0; i < 3; i++)
                {
                    try
                    {
                        sp.UserService().RetrieveMultiple(new QueryExpression("contact"));
                        outcomes.Add(null);
                    }
                    catch (System.ServiceModel.FaultException<OrganizationServiceFault> e)
                    {
                        outcomes.Add(e.Detail.ErrorCode);
                    }
                }
            });
            var fault = org.Faults.FailCall("RetrieveMultiple", 2, ErrorCodes.SqlError, errorMessage: "deadlock victim");

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(outcomes, Is.EqualTo(new int?[] { null, ErrorCodes.SqlError, null }));
            Assert.That(fault.Fired, Is.EqualTo(1));
        }

        [Test]
        public void FailCall_OnOneTable_Should_CountOnlyThatTablesCalls()
        {
            org.Faults.FailCall("Create", 1, ErrorCodes.SqlError, table: "contact");

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(Plugin.FaultCode(() => client.Create(new Entity("contact") { ["lastname"] = "C" })), Is.EqualTo(ErrorCodes.SqlError));
        }

        [Test]
        public void FailCall_PluginCallsOnly_Should_IgnoreClientCalls()
        {
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PostOperation), sp => sp.UserService().Create(new Entity("contact") { ["lastname"] = "C" }));
            org.Faults.FailCall("Create", 1, ErrorCodes.SqlError, pluginCallsOnly: true);

            var fault = Plugin.Fault(() => client.Create(new Entity("account") { ["name"] = "A" }));

            Assert.That(fault.Detail.ErrorCode, Is.EqualTo(ErrorCodes.SqlError));
            Assert.That(org.Count("account"), Is.EqualTo(0));
        }

        [Test]
        public void FailCall_TransientErrorInAsyncStep_Should_BeRetried()
        {
            org.RegisterStep(new PluginStepAttribute("Create", "account", PipelineStage.PostOperation) { Mode = ExecutionMode.Asynchronous }, sp => sp.UserService().Create(new Entity("contact") { ["lastname"] = "C" }));
            org.Faults.FailCall("Create", 1, ErrorCodes.SqlError, table: "contact", pluginCallsOnly: true);

            client.Create(new Entity("account") { ["name"] = "A" });

            var job = org.AsyncJobs.All.Single();
            Assert.That(job.Status, Is.EqualTo(AsyncJobStatus.Succeeded));
            Assert.That(job.Attempts, Is.EqualTo(2));
            Assert.That(org.Count("contact"), Is.EqualTo(1));
        }
    }
}
