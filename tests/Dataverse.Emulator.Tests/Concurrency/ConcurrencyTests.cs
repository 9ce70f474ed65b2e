using System;
using System.Linq;
using System.Threading;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Tests.Support;
using Dataverse.Emulator.Tests.TestPlugins;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Concurrency
{
    [NonParallelizable]
    public class ConcurrencyTests
    {
        private DataverseEmulator org;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
        }

        [TearDown]
        public void TearDown()
        {
            StatefulPlugin.Rendezvous = null;
            StatelessPlugin.Rendezvous = null;
        }

        [Test]
        public void RunConcurrently_StatefulPlugin_Should_BeCaughtMixingUpTwoOperations()
        {
            org.RegisterPlugin<StatefulPlugin>();
            StatefulPlugin.Rendezvous = new Barrier(2);
            var client = org.AdminService;

            org.RunConcurrently(
                () => client.Create(new Entity("contact") { ["lastname"] = "Alpha" }),
                () => client.Create(new Entity("contact") { ["lastname"] = "Beta" }));

            var mixedUp = org.All("contact").Count(c => c.GetAttributeValue<string>("jobtitle") != c.GetAttributeValue<string>("lastname"));
            Assert.That(mixedUp, Is.GreaterThanOrEqualTo(1), "the instance field is shared by both operations");
        }

        [Test]
        public void RunConcurrently_StatelessPlugin_Should_KeepEachOperationsData()
        {
            org.RegisterPlugin<StatelessPlugin>();
            StatelessPlugin.Rendezvous = new Barrier(2);
            var client = org.AdminService;

            org.RunConcurrently(
                () => client.Create(new Entity("contact") { ["lastname"] = "Alpha" }),
                () => client.Create(new Entity("contact") { ["lastname"] = "Beta" }));

            Assert.That(org.All("contact").All(c => c.GetAttributeValue<string>("description") == c.GetAttributeValue<string>("lastname")), Is.True);
        }

        [Test]
        public void RunConcurrently_ReadThenWriteCounter_Should_LoseAnUpdate()
        {
            var counter = org.AdminService.Create(new Entity("account") { ["name"] = "Counter", ["numberofemployees"] = 0 });
            var rendezvous = new Barrier(2);
            org.RegisterStep(Plugin.Step("Create", "contact", PipelineStage.PreOperation), sp =>
            {
                var service = sp.UserService();
                var value = service.Retrieve("account", counter, new ColumnSet("numberofemployees")).GetAttributeValue<int>("numberofemployees");
                rendezvous.SignalAndWait(TimeSpan.FromSeconds(10));
                service.Update(new Entity("account", counter) { ["numberofemployees"] = value + 1 });
            });

            org.RunConcurrently(
                () => org.AdminService.Create(new Entity("contact") { ["lastname"] = "A" }),
                () => org.AdminService.Create(new Entity("contact") { ["lastname"] = "B" }));

            Assert.That(org.Get("account", counter).GetAttributeValue<int>("numberofemployees"), Is.EqualTo(1));
        }

        [Test]
        public void RunConcurrently_PreLockedCounter_Should_KeepEveryIncrement()
        {
            var counter = org.AdminService.Create(new Entity("account") { ["name"] = "Counter", ["numberofemployees"] = 0 });
            org.RegisterStep(Plugin.Step("Create", "contact", PipelineStage.PreOperation), sp =>
            {
                var service = sp.UserService();
                service.Update(new Entity("account", counter) { ["description"] = "lock" });
                var value = service.Retrieve("account", counter, new ColumnSet("numberofemployees")).GetAttributeValue<int>("numberofemployees");
                Thread.Sleep(5);
                service.Update(new Entity("account", counter) { ["numberofemployees"] = value + 1 });
            });

            org.RunConcurrently(Enumerable.Range(0, 6).Select(i => (Action)(() => org.AdminService.Create(new Entity("contact") { ["lastname"] = "C" + i }))).ToArray());

            Assert.That(org.Get("account", counter).GetAttributeValue<int>("numberofemployees"), Is.EqualTo(6));
        }

        [Test]
        public void RunConcurrently_LocksTakenInOppositeOrder_Should_FailOneOperationAsDeadlockVictim()
        {
            var a = org.AdminService.Create(new Entity("account") { ["name"] = "A" });
            var b = org.AdminService.Create(new Entity("account") { ["name"] = "B" });
            var rendezvous = new Barrier(2);
            org.RegisterStep(Plugin.Step("Create", "contact", PipelineStage.PreOperation), sp =>
            {
                var service = sp.UserService();
                var (first, second) = sp.Target().GetAttributeValue<string>("lastname") == "AB" ? (a, b) : (b, a);
                service.Update(new Entity("account", first) { ["description"] = "1" });
                rendezvous.SignalAndWait(TimeSpan.FromSeconds(10));
                service.Update(new Entity("account", second) { ["description"] = "2" });
            });

            var error = Assert.Throws<AggregateException>(() => org.RunConcurrently(
                () => org.AdminService.Create(new Entity("contact") { ["lastname"] = "AB" }),
                () => org.AdminService.Create(new Entity("contact") { ["lastname"] = "BA" })));

            Assert.That(error.InnerExceptions.Select(Plugin.CodeOf), Is.EqualTo(new int?[] { ErrorCodes.SqlError }));
            Assert.That(org.Count("contact"), Is.EqualTo(1));
        }
    }
}
