using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator.Pipeline;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Pipeline
{
    public class AsyncTests
    {
        private DataverseEmulator org;
        private EmulatedOrganizationService client;

        private static PluginStepAttribute AsyncStep(string message, string entity) =>
            new PluginStepAttribute(message, entity, PipelineStage.PostOperation) { Mode = ExecutionMode.Asynchronous };

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
            client = org.ServiceFor(org.Users.Add("Rep Li"));
        }

        [Test]
        public void Create_AsyncStep_Should_RunAfterCommitOutsideTheTransaction()
        {
            IPluginExecutionContext context = null;
            var committedWhenRun = false;
            org.RegisterStep(AsyncStep("Create", "account"), sp =>
            {
                context = sp.Context();
                committedWhenRun = org.Get("account", context.PrimaryEntityId) != null;
            });

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(context.Mode, Is.EqualTo(1));
            Assert.That(context.IsInTransaction, Is.False);
            Assert.That(committedWhenRun, Is.True);
            Assert.That(org.AsyncJobs.All.Single().Status, Is.EqualTo(AsyncJobStatus.Succeeded));
        }

        [Test]
        public void Create_FailedOperation_Should_NotQueueItsAsyncSteps()
        {
            org.RegisterStep(AsyncStep("Create", "account"), sp => { });
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PostOperation), sp => throw new InvalidPluginExecutionException("no"));

            Plugin.Fault(() => client.Create(new Entity("account") { ["name"] = "A" }));

            Assert.That(org.AsyncJobs.All, Is.Empty);
        }

        [Test]
        public void Create_FailingAsyncStep_Should_NotReachTheClientAndRollBackItsWrites()
        {
            org.RegisterStep(AsyncStep("Create", "account"), sp =>
            {
                sp.UserService().Create(new Entity("contact") { ["lastname"] = "written then rolled back" });
                throw new InvalidPluginExecutionException("async failure");
            });

            Assert.DoesNotThrow(() => client.Create(new Entity("account") { ["name"] = "A" }));

            var job = org.AsyncJobs.Failed.Single();
            Assert.That(job.Attempts, Is.EqualTo(1));
            Assert.That(job.Errors.Single().Detail.Message, Is.EqualTo("async failure"));
            Assert.That(org.Count("contact"), Is.EqualTo(0));
        }

        [Test]
        public void Create_AsyncStepAskingForRetry_Should_BeRetriedUpToFourAttempts()
        {
            var attempts = 0;
            org.RegisterStep(AsyncStep("Create", "account"), sp =>
            {
                attempts++;
                throw new InvalidPluginExecutionException(OperationStatus.Retry, "busy");
            });

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(attempts, Is.EqualTo(4));
            Assert.That(org.AsyncJobs.All.Single().Status, Is.EqualTo(AsyncJobStatus.Failed));
        }

        [Test]
        public void Create_AsyncStepSucceedingOnRetry_Should_CommitOnlyTheSuccessfulAttempt()
        {
            var attempts = 0;
            org.RegisterStep(AsyncStep("Create", "account"), sp =>
            {
                attempts++;
                sp.UserService().Create(new Entity("contact") { ["lastname"] = "attempt " + attempts });
                if (attempts < 3) throw new InvalidPluginExecutionException(OperationStatus.Retry, "busy");
            });

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(org.All("contact").Select(c => c.GetAttributeValue<string>("lastname")), Is.EqualTo(new[] { "attempt 3" }));
            Assert.That(org.AsyncJobs.All.Single().Status, Is.EqualTo(AsyncJobStatus.Succeeded));
        }

        [Test]
        public void Create_AsyncStepCatchingAFailedCall_Should_CarryOn()
        {
            org.RegisterStep(AsyncStep("Create", "account"), sp =>
            {
                var service = sp.UserService();
                try
                {
                    service.Update(new Entity("contact", System.Guid.NewGuid()) { ["lastname"] = "missing" });
                }
                catch (System.ServiceModel.FaultException<OrganizationServiceFault>)
                {
                    // no transaction to doom in an asynchronous step
                }

                service.Create(new Entity("contact") { ["lastname"] = "after" });
            });

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(org.AsyncJobs.All.Single().Status, Is.EqualTo(AsyncJobStatus.Succeeded));
            Assert.That(org.Count("contact"), Is.EqualTo(1));
        }

        [Test]
        public void AsyncJobs_DeferredMode_Should_WaitUntilRunPendingAndAllowCancel()
        {
            org = new DataverseEmulator(new EmulatorOptions { RunAsyncStepsImmediately = false });
            client = org.AdminService;
            var runs = new List<string>();
            org.RegisterStep(AsyncStep("Create", "account"), sp => runs.Add(((Entity)sp.Context().InputParameters["Target"]).GetAttributeValue<string>("name")));

            client.Create(new Entity("account") { ["name"] = "first" });
            client.Create(new Entity("account") { ["name"] = "second" });
            Assert.That(runs, Is.Empty);
            Assert.That(org.AsyncJobs.Pending, Has.Count.EqualTo(2));

            Assert.That(org.AsyncJobs.RunPending(), Is.EqualTo(2));
            client.Create(new Entity("account") { ["name"] = "third" });
            Assert.That(org.AsyncJobs.CancelPending(), Is.EqualTo(1));

            Assert.That(runs, Is.EqualTo(new[] { "first", "second" }));
            Assert.That(org.AsyncJobs.All.Last().Status, Is.EqualTo(AsyncJobStatus.Canceled));
        }
    }
}
