using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Messages
{
    public class OpportunityCloseTests
    {
        private DataverseEmulator org;
        private EmulatedOrganizationService client;
        private Guid opportunity;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
            client = org.ServiceFor(org.Users.Add("Rep Li"));
            opportunity = client.Create(new Entity("opportunity") { ["name"] = "Deal", ["estimatedvalue"] = new Money(1000m) });
        }

        private OrganizationRequest Close(string request, int status, decimal? revenue = null, DateTime? end = null)
        {
            var close = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", opportunity), ["subject"] = "closing" };
            if (revenue.HasValue) close["actualrevenue"] = new Money(revenue.Value);
            if (end.HasValue) close["actualend"] = end.Value;
            return new OrganizationRequest(request) { ["OpportunityClose"] = close, ["Status"] = new OptionSetValue(status) };
        }

        [Test]
        public void WinOpportunity_DefaultStatus_Should_SetWonActualValueAndCloseDate()
        {
            var end = new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc);

            client.Execute(Close(MessageNames.WinOpportunityRequest, -1, 1200m, end));

            var row = org.Get("opportunity", opportunity);
            Assert.That(row.GetAttributeValue<OptionSetValue>("statecode").Value, Is.EqualTo(1));
            Assert.That(row.GetAttributeValue<OptionSetValue>("statuscode").Value, Is.EqualTo(3));
            Assert.That(row.GetAttributeValue<Money>("actualvalue").Value, Is.EqualTo(1200m));
            Assert.That(row.GetAttributeValue<DateTime>("actualclosedate"), Is.EqualTo(end));
        }

        [Test]
        public void LoseOpportunity_OutSold_Should_SetLostWithThatStatus()
        {
            client.Execute(Close(MessageNames.LoseOpportunityRequest, 5));

            var row = org.Get("opportunity", opportunity);
            Assert.That(row.GetAttributeValue<OptionSetValue>("statecode").Value, Is.EqualTo(2));
            Assert.That(row.GetAttributeValue<OptionSetValue>("statuscode").Value, Is.EqualTo(5));
        }

        [Test]
        public void WinOpportunity_Should_CreateACompletedOpportunityCloseThroughTheCreatePipeline()
        {
            var seen = new List<(string Message, string Table, int Depth, bool InTransaction)>();
            org.RegisterStep(Plugin.Step(MessageNames.Win, "opportunity", PipelineStage.PreOperation), sp => seen.Add((sp.Context().MessageName, sp.Context().PrimaryEntityName, sp.Context().Depth, sp.Context().IsInTransaction)));
            org.RegisterStep(Plugin.Step("Create", "opportunityclose", PipelineStage.PreOperation), sp => seen.Add((sp.Context().MessageName, sp.Context().PrimaryEntityName, sp.Context().Depth, sp.Context().IsInTransaction)));

            client.Execute(Close(MessageNames.WinOpportunityRequest, -1, 900m));

            Assert.That(seen, Is.EqualTo(new[] { ("Win", "opportunity", 1, true), ("Create", "opportunityclose", 2, true) }));
            var activity = org.All("opportunityclose").Single();
            Assert.That(activity.GetAttributeValue<EntityReference>("opportunityid").Id, Is.EqualTo(opportunity));
            Assert.That(activity.GetAttributeValue<Money>("actualrevenue").Value, Is.EqualTo(900m));
            Assert.That(activity.GetAttributeValue<OptionSetValue>("statecode").Value, Is.EqualTo(1));
        }

        [Test]
        public void WinOpportunity_CloseActivityRefusedInPreOperation_Should_RollBackTheWin()
        {
            org.RegisterStep(Plugin.Step("Create", "opportunityclose", PipelineStage.PreOperation), sp => throw new InvalidPluginExecutionException("approval required"));

            var fault = Plugin.Fault(() => client.Execute(Close(MessageNames.WinOpportunityRequest, -1)));

            Assert.That(fault.Detail.Message, Is.EqualTo("approval required"));
            Assert.That(org.Get("opportunity", opportunity).GetAttributeValue<OptionSetValue>("statecode").Value, Is.EqualTo(0));
            Assert.That(org.Count("opportunityclose"), Is.EqualTo(0));
        }

        [Test]
        public void WinOpportunity_Steps_Should_SeeOpportunityCloseAndStatusWithoutTarget()
        {
            IPluginExecutionContext context = null;
            org.RegisterStep(Plugin.Step(MessageNames.Win, "opportunity", PipelineStage.PostOperation), sp => context = sp.Context());

            client.Execute(Close(MessageNames.WinOpportunityRequest, 3));

            Assert.That(context.InputParameters.Keys, Is.EquivalentTo(new[] { "OpportunityClose", "Status" }));
            Assert.That(context.PreEntityImages, Is.Empty);
            Assert.That(context.PrimaryEntityId, Is.EqualTo(opportunity));
        }

        [Test]
        public void WinOpportunity_AlreadyClosed_Should_FailWithOpportunityIsAlreadyClosed()
        {
            client.Execute(Close(MessageNames.LoseOpportunityRequest, -1));

            Assert.That(Plugin.FaultCode(() => client.Execute(Close(MessageNames.WinOpportunityRequest, -1))), Is.EqualTo(ErrorCodes.OpportunityIsAlreadyClosed));
        }

        [Test]
        public void WinOpportunity_StatusOfLost_Should_FailWithInvalidStateCodeStatusCode()
        {
            Assert.That(Plugin.FaultCode(() => client.Execute(Close(MessageNames.WinOpportunityRequest, 4))), Is.EqualTo(ErrorCodes.InvalidStateCodeStatusCode));
        }
    }
}
