using System.Linq;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Messages
{
    public class RetrieveMultipleTests
    {
        private DataverseEmulator org;
        private EmulatedOrganizationService client;
        private Principals.User rep;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator(new EmulatorOptions { AggregateRecordLimit = 3 });
            rep = org.Users.Add("Rep Li");
            client = org.ServiceFor(rep);
            foreach (var (name, value) in new[] { ("A", 100m), ("B", 200m), ("C", 300m), ("D", 400m) })
            {
                client.Create(new Entity("opportunity") { ["name"] = name, ["estimatedvalue"] = new Money(value) });
            }
        }

        [Test]
        public void RetrieveMultiple_QueryExpression_Should_ReturnTheMatchingRows()
        {
            var result = client.RetrieveMultiple(new QueryExpression("opportunity")
            {
                ColumnSet = new ColumnSet("name"),
                Criteria = { Conditions = { new ConditionExpression("estimatedvalue", ConditionOperator.GreaterThan, 150m) } },
                Orders = { new OrderExpression("name", OrderType.Descending) },
            });

            Assert.That(result.Entities.Select(e => e.GetAttributeValue<string>("name")), Is.EqualTo(new[] { "D", "C", "B" }));
        }

        [Test]
        public void RetrieveMultiple_EqualUserId_Should_UseTheCallingUser()
        {
            org.AdminService.Create(new Entity("opportunity") { ["name"] = "admin's" });

            var result = client.RetrieveMultiple(new QueryExpression("opportunity") { ColumnSet = new ColumnSet("name"), Criteria = { Conditions = { new ConditionExpression("ownerid", ConditionOperator.EqualUserId) } } });

            Assert.That(result.Entities, Has.Count.EqualTo(4));
        }

        [Test]
        public void RetrieveMultiple_AggregateOverTheLimit_Should_FailWithAggregateQueryRecordLimitExceeded()
        {
            var fetch = "<fetch aggregate='true'><entity name='opportunity'><attribute name='estimatedvalue' alias='total' aggregate='sum' /></entity></fetch>";

            Assert.That(Plugin.FaultCode(() => client.RetrieveMultiple(new FetchExpression(fetch))), Is.EqualTo(ErrorCodes.AggregateQueryRecordLimitExceeded));
        }

        [Test]
        public void RetrieveMultiple_UnknownColumn_Should_FailWithQueryBuilderNoAttribute()
        {
            Assert.That(Plugin.FaultCode(() => client.RetrieveMultiple(new QueryExpression("opportunity") { ColumnSet = new ColumnSet("nosuch") })), Is.EqualTo(ErrorCodes.QueryBuilderNoAttribute));
        }

        [Test]
        public void RetrieveMultiple_FromAPluginInsideTheTransaction_Should_SeeUncommittedRowsOfItsOperation()
        {
            var counted = 0;
            org.RegisterStep(Plugin.Step("Create", "opportunity", PipelineStage.PostOperation), sp =>
                counted = sp.UserService().RetrieveMultiple(new QueryExpression("opportunity") { ColumnSet = new ColumnSet(false) }).Entities.Count);

            client.Create(new Entity("opportunity") { ["name"] = "E" });

            Assert.That(counted, Is.EqualTo(5));
            Assert.That(org.LastOperation.PluginCalls.Count("RetrieveMultiple", "opportunity"), Is.EqualTo(1));
        }
    }
}
