using System;
using System.Linq;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Pipeline;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Pipeline
{
    public class TransactionTests
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
        public void Create_PreOperationException_Should_RollBackAPluginsEarlierWrites()
        {
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation, rank: 1), sp => sp.UserService().Create(new Entity("contact") { ["lastname"] = "written by rank 1" }));
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation, rank: 2), sp => throw new InvalidPluginExecutionException("refused"));

            Assert.That(Plugin.FaultCode(() => client.Create(new Entity("account") { ["name"] = "A" })), Is.EqualTo(ErrorCodes.IsvAborted));

            Assert.That(org.Count("contact"), Is.EqualTo(0));
            Assert.That(org.Count("account"), Is.EqualTo(0));
        }

        [Test]
        public void Create_PostOperationException_Should_RollBackTheRecordAndEveryWrite()
        {
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PostOperation, rank: 1), sp => sp.UserService().Create(new Entity("contact") { ["lastname"] = "C" }));
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PostOperation, rank: 2), sp => throw new InvalidPluginExecutionException("refused"));

            Plugin.Fault(() => client.Create(new Entity("account") { ["name"] = "A" }));

            Assert.That(org.Count("account") + org.Count("contact"), Is.EqualTo(0));
        }

        [Test]
        public void Create_TopLevelPreValidationWrite_Should_SurviveTheRollback()
        {
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreValidation), sp => sp.UserService().Create(new Entity("contact") { ["lastname"] = "audit entry" }));
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp => throw new InvalidPluginExecutionException("refused"));

            Plugin.Fault(() => client.Create(new Entity("account") { ["name"] = "A" }));

            Assert.That(org.All("contact").Single().GetAttributeValue<string>("lastname"), Is.EqualTo("audit entry"));
            Assert.That(org.Count("account"), Is.EqualTo(0));
        }

        [Test]
        public void Create_NestedPreValidationWrite_Should_RollBackWithTheParent()
        {
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PostOperation), sp => sp.UserService().Create(new Entity("contact") { ["lastname"] = "nested" }));
            org.RegisterStep(Plugin.Step("Create", "contact", PipelineStage.PreValidation), sp => sp.UserService().Create(new Entity("opportunity") { ["name"] = "written in nested PreValidation" }));
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PostOperation, rank: 5), sp => throw new InvalidPluginExecutionException("refused"));

            Plugin.Fault(() => client.Create(new Entity("account") { ["name"] = "A" }));

            Assert.That(org.Count("opportunity"), Is.EqualTo(0));
        }

        [Test]
        public void Update_PluginSwallowingAFailedCall_Should_FailWithIsvTransactionCountAndLaterCallsWithTransactionNotStarted()
        {
            int? laterCallCode = null;
            org.RegisterStep(Plugin.Step("Update", "account", PipelineStage.PreOperation), sp =>
            {
                var service = sp.UserService();
                try
                {
                    service.Update(new Entity("contact", Guid.NewGuid()) { ["lastname"] = "missing" });
                }
                catch (System.ServiceModel.FaultException<OrganizationServiceFault>)
                {
                    // deliberately swallowed
                }

                try
                {
                    service.Create(new Entity("contact") { ["lastname"] = "after the failure" });
                }
                catch (System.ServiceModel.FaultException<OrganizationServiceFault> e)
                {
                    laterCallCode = e.Detail.ErrorCode;
                }
            });
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            var code = Plugin.FaultCode(() => client.Update(new Entity("account", id) { ["name"] = "B" }));

            Assert.That(code, Is.EqualTo(ErrorCodes.IsvTransactionCount));
            Assert.That(laterCallCode, Is.EqualTo(ErrorCodes.TransactionNotStarted));
            Assert.That(org.Get("account", id).GetAttributeValue<string>("name"), Is.EqualTo("A"));
            Assert.That(org.Count("contact"), Is.EqualTo(0));
        }

        [Test]
        public void Create_TopLevelPreValidationSwallowingAFailedCall_Should_Succeed()
        {
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreValidation), sp =>
            {
                try
                {
                    sp.UserService().Update(new Entity("contact", Guid.NewGuid()) { ["lastname"] = "missing" });
                }
                catch (System.ServiceModel.FaultException<OrganizationServiceFault>)
                {
                    // outside the transaction: allowed
                }
            });

            Assert.DoesNotThrow(() => client.Create(new Entity("account") { ["name"] = "A" }));
        }

        [Test]
        public void Create_NestedOperationRefused_Should_RollBackTheWholeTopLevelOperation()
        {
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PostOperation), sp => sp.UserService().Create(new Entity("contact") { ["lastname"] = "C" }));
            org.RegisterStep(Plugin.Step("Create", "contact", PipelineStage.PreOperation), sp => throw new InvalidPluginExecutionException("contact refused"));

            var fault = Plugin.Fault(() => client.Create(new Entity("account") { ["name"] = "A" }));

            Assert.That(fault.Detail.Message, Is.EqualTo("contact refused"));
            Assert.That(fault.Detail.ErrorDetails[FaultDetailKeys.Depth], Is.EqualTo("2"));
            Assert.That(org.Count("account"), Is.EqualTo(0));
        }

        [Test]
        public void Execute_ReadInsideTheTransaction_Should_SeeItsOwnUncommittedWrites()
        {
            string seen = null;
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PostOperation), sp =>
            {
                var service = sp.UserService();
                var contact = service.Create(new Entity("contact") { ["lastname"] = "fresh" });
                seen = service.Retrieve("contact", contact, new Microsoft.Xrm.Sdk.Query.ColumnSet("lastname")).GetAttributeValue<string>("lastname");
            });

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(seen, Is.EqualTo("fresh"));
        }
    }

    public class PluginFaultTests
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
        public void Execute_InvalidPluginExecutionException_Should_ReachTheClientAsIsvAbortedWithThePluginsMessage()
        {
            var step = org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp => throw new InvalidPluginExecutionException("Only key account managers may do this."));

            var fault = Plugin.Fault(() => client.Create(new Entity("account") { ["name"] = "A" }));

            Assert.That(fault.Detail.ErrorCode, Is.EqualTo(ErrorCodes.IsvAborted));
            Assert.That(fault.Detail.Message, Is.EqualTo("Only key account managers may do this."));
            Assert.That(fault.Detail.ErrorDetails[FaultDetailKeys.StepId], Is.EqualTo(step.Id.ToString()));
            Assert.That(fault.Detail.ErrorDetails[FaultDetailKeys.Depth], Is.EqualTo("1"));
            Assert.That(fault.Detail.ErrorDetails[FaultDetailKeys.ExceptionSource], Is.EqualTo("Plugin/" + typeof(DelegatePlugin).FullName));
            Assert.That(org.LastOperation.Fault, Is.SameAs(fault));
        }

        [Test]
        public void Execute_OtherException_Should_ReachTheClientAsIsvUnExpected()
        {
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp => throw new NullReferenceException("secret detail"));

            var fault = Plugin.Fault(() => client.Create(new Entity("account") { ["name"] = "A" }));

            Assert.That(fault.Detail.ErrorCode, Is.EqualTo(ErrorCodes.IsvUnExpected));
            Assert.That(fault.Detail.Message, Is.EqualTo("An unexpected error occurred from ISV code."));
            Assert.That(fault.Detail.ErrorDetails[FaultDetailKeys.OriginalException], Is.EqualTo(typeof(NullReferenceException).FullName));
        }

        [Test]
        public void Execute_FaultFromANestedCallLeftUncaught_Should_ReachTheClientWithItsOwnCode()
        {
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PostOperation), sp => sp.UserService().Update(new Entity("contact", Guid.NewGuid()) { ["lastname"] = "x" }));

            Assert.That(Plugin.FaultCode(() => client.Create(new Entity("account") { ["name"] = "A" })), Is.EqualTo(ErrorCodes.ObjectDoesNotExist));
        }

        [Test]
        public void Execute_Tracing_Should_BeRecordedEvenWhenTheOperationFails()
        {
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp =>
            {
                ((ITracingService)sp.GetService(typeof(ITracingService))).Trace("checking {0}", "A");
                throw new InvalidPluginExecutionException("no");
            });

            Plugin.Fault(() => client.Create(new Entity("account") { ["name"] = "A" }));

            Assert.That(org.LastOperation.Traces.Single(), Does.EndWith("checking A"));
        }
    }
}
