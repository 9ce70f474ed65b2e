using System;
using System.Linq;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Messages;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Messages
{
    public class MergeTests
    {
        private DataverseEmulator org;
        private EmulatedOrganizationService client;
        private Guid master;
        private Guid subordinate;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
            client = org.ServiceFor(org.Users.Add("Rep Li"));
            master = client.Create(new Entity("account") { ["name"] = "Master" });
            subordinate = client.Create(new Entity("account") { ["name"] = "Subordinate", ["telephone1"] = "555" });
        }

        [Test]
        public void Merge_Accounts_Should_DeactivateTheSubordinateAndRepointItsChildren()
        {
            var opportunity = client.Create(new Entity("opportunity") { ["name"] = "O", ["customerid"] = new EntityReference("account", subordinate) });
            var child = client.Create(new Entity("account") { ["name"] = "Child", ["parentaccountid"] = new EntityReference("account", subordinate) });

            client.Merge(new EntityReference("account", master), subordinate, new Entity("account") { ["telephone1"] = "555" });

            var sub = org.Get("account", subordinate);
            Assert.That(sub.GetAttributeValue<OptionSetValue>("statecode").Value, Is.EqualTo(1));
            Assert.That(sub.GetAttributeValue<bool>("merged"), Is.True);
            Assert.That(sub.GetAttributeValue<EntityReference>("masterid").Id, Is.EqualTo(master));
            Assert.That(org.Get("opportunity", opportunity).GetAttributeValue<EntityReference>("customerid").Id, Is.EqualTo(master));
            Assert.That(org.Get("account", child).GetAttributeValue<EntityReference>("parentaccountid").Id, Is.EqualTo(master));
            Assert.That(org.Get("account", master).GetAttributeValue<string>("telephone1"), Is.EqualTo("555"));
        }

        [Test]
        public void Merge_Steps_Should_SeeTargetAndSubordinateImages()
        {
            IPluginExecutionContext context = null;
            var step = org.RegisterStep(Plugin.Step("Merge", "account", PipelineStage.PreOperation), sp => context = sp.Context());
            step.Images.Add(new Dataverse.Emulator.Pipeline.ImageRegistration("master", Dataverse.Emulator.Pipeline.ImageType.PreImage, new[] { "name" }));
            step.Images.Add(new Dataverse.Emulator.Pipeline.ImageRegistration("sub", Dataverse.Emulator.Pipeline.ImageType.PreImage, new[] { "name" }, "SubordinateId"));

            client.Merge(new EntityReference("account", master), subordinate, performParentingChecks: false);

            Assert.That(context.InputParameters["SubordinateId"], Is.EqualTo(subordinate));
            Assert.That(context.PreEntityImages["master"].GetAttributeValue<string>("name"), Is.EqualTo("Master"));
            Assert.That(context.PreEntityImages["sub"].GetAttributeValue<string>("name"), Is.EqualTo("Subordinate"));
        }

        [Test]
        public void Merge_ParentingChecksWithDifferentParents_Should_Fail()
        {
            var p1 = client.Create(new Entity("account") { ["name"] = "P1" });
            var p2 = client.Create(new Entity("account") { ["name"] = "P2" });
            client.Update(new Entity("account", master) { ["parentaccountid"] = new EntityReference("account", p1) });
            client.Update(new Entity("account", subordinate) { ["parentaccountid"] = new EntityReference("account", p2) });

            Assert.That(Plugin.FaultCode(() => client.Merge(new EntityReference("account", master), subordinate, performParentingChecks: true)), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [Test]
        public void Merge_RefusedByAPlugin_Should_ChangeNothing()
        {
            org.RegisterStep(Plugin.Step("Merge", "account", PipelineStage.PostOperation), sp => throw new InvalidPluginExecutionException("key account"));

            Plugin.Fault(() => client.Merge(new EntityReference("account", master), subordinate));

            Assert.That(org.Get("account", subordinate).GetAttributeValue<OptionSetValue>("statecode").Value, Is.EqualTo(0));
        }
    }

    public class AccessTests
    {
        private DataverseEmulator org;
        private EmulatedOrganizationService client;
        private Principals.User colleague;
        private EntityReference account;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
            client = org.ServiceFor(org.Users.Add("Rep Li"));
            colleague = org.Users.Add("Rep Wang");
            account = new EntityReference("account", client.Create(new Entity("account") { ["name"] = "A" }));
        }

        [Test]
        public void GrantAccess_ThenGrantMore_Should_AddTheRights()
        {
            client.GrantAccess(account, colleague, AccessRights.ReadAccess);
            client.GrantAccess(account, colleague, AccessRights.WriteAccess);

            Assert.That(org.SharesOf(account).Single().Rights, Is.EqualTo(AccessRights.ReadAccess | AccessRights.WriteAccess));
        }

        [Test]
        public void ModifyAccess_Should_ReplaceTheRightsAndRevokeAccess_Should_RemoveTheShare()
        {
            client.GrantAccess(account, colleague, AccessRights.ReadAccess | AccessRights.WriteAccess);

            client.ModifyAccess(account, colleague, AccessRights.ReadAccess);
            Assert.That(org.SharesOf(account).Single().Rights, Is.EqualTo(AccessRights.ReadAccess));

            client.RevokeAccess(account, colleague);
            Assert.That(org.SharesOf(account), Is.Empty);
        }

        [Test]
        public void GrantAccess_Steps_Should_SeeTheTargetAndPrincipalAccess()
        {
            object access = null;
            org.RegisterStep(Plugin.Step("GrantAccess", "account", PipelineStage.PreOperation), sp => access = sp.Context().InputParameters["PrincipalAccess"]);

            client.GrantAccess(account, colleague, AccessRights.WriteAccess);

            Assert.That(access.GetType().GetProperty("AccessMask").GetValue(access), Is.EqualTo(AccessRights.WriteAccess));
            Assert.That(access.GetType().GetProperty("Principal").GetValue(access), Is.EqualTo(colleague.ToEntityReference()));
        }

        [Test]
        public void GrantAccess_WithAnotherPrincipalAccessType_Should_ReadItsPropertiesByName()
        {
            client.Execute(new OrganizationRequest("GrantAccess") { ["Target"] = account, ["PrincipalAccess"] = new OtherPrincipalAccess { Principal = colleague, AccessMask = OtherRights.Write } });

            Assert.That(org.SharesOf(account).Single().Rights, Is.EqualTo(AccessRights.WriteAccess));
        }

        [Test]
        public void Delete_SharedRecord_Should_RemoveItsShares()
        {
            client.GrantAccess(account, colleague, AccessRights.ReadAccess);

            client.Delete("account", account.Id);

            Assert.That(org.Count("principalobjectaccess"), Is.EqualTo(0));
        }

        private enum OtherRights
        {
            Write = 2,
        }

        private sealed class OtherPrincipalAccess
        {
            public EntityReference Principal { get; set; }

            public OtherRights AccessMask { get; set; }
        }
    }
}
