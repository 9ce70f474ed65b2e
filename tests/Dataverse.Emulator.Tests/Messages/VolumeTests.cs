using System.Diagnostics;
using System.Linq;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Messages
{
    public class VolumeTests
    {
        [Test]
        public void UpsertMultiple_FiveHundredOpportunitiesTwice_Should_CreateThenUpdateEachOnce()
        {
            var org = new DataverseEmulator();
            org.Metadata.Table("opportunity", t => t.String("kam_externalid", 50).AlternateKey("kam_externalid_key", "kam_externalid"));
            var creates = 0;
            var updates = 0;
            org.RegisterStep(Plugin.Step("Create", "opportunity", PipelineStage.PreOperation), sp => creates++);
            org.RegisterStep(Plugin.Step("Update", "opportunity", PipelineStage.PreOperation), sp => updates++);
            var client = org.ServiceFor(org.Users.Add("Importer"));
            Entity[] Batch(string suffix) => Enumerable.Range(0, 500).Select(i => new Entity("opportunity", "kam_externalid", "X" + i) { ["name"] = "Deal " + i + suffix }).ToArray();
            var watch = Stopwatch.StartNew();

            client.Execute(new OrganizationRequest("UpsertMultiple") { ["Targets"] = new EntityCollection(Batch(string.Empty)) { EntityName = "opportunity" } });
            
            client.Execute(new OrganizationRequest("UpsertMultiple") { ["Targets"] = new EntityCollection(Batch(" v2")) { EntityName = "opportunity" } });

            Assert.That(watch.Elapsed, Is.LessThan(System.TimeSpan.FromSeconds(30)), "generous bound: a regression to quadratic scans would show");
            Assert.That((creates, updates), Is.EqualTo((500, 500)));
            Assert.That(org.All("opportunity").Count(o => o.GetAttributeValue<string>("name").EndsWith(" v2", System.StringComparison.Ordinal)), Is.EqualTo(500));
        }
    }
}
