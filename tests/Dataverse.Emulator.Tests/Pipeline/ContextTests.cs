using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Principals;
using Dataverse.Emulator.Tests.Support;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Pipeline
{
    public class ContextTests
    {
        private DataverseEmulator org;
        private User rep;
        private EmulatedOrganizationService client;

        [SetUp]
        public void SetUp()
        {
            org = new DataverseEmulator();
            rep = org.Users.Add("Rep Li");
            client = org.ServiceFor(rep);
        }

        [Test]
        public void Create_PluginCallingTheService_Should_RunTheNestedOperationOneLevelDeeperWithItsParentContext()
        {
            IPluginExecutionContext outer = null;
            IPluginExecutionContext inner = null;
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PostOperation), sp =>
            {
                outer = sp.Context();
                sp.UserService().Create(new Entity("contact") { ["lastname"] = "Nested" });
            });
            org.RegisterStep(Plugin.Step("Create", "contact", PipelineStage.PreOperation), sp => inner = sp.Context());

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(outer.Depth, Is.EqualTo(1));
            Assert.That(inner.Depth, Is.EqualTo(2));
            Assert.That(inner.ParentContext.ParentContext, Is.SameAs(outer), "the nested PreOperation's parent is its PreValidation context, whose parent is the calling plugin's");
            Assert.That(inner.CorrelationId, Is.EqualTo(outer.CorrelationId));
        }

        [Test]
        public void Create_PreValidationSharedVariable_Should_BeVisibleInLaterStagesThroughParentContext()
        {
            object seenInPre = null;
            object seenInPost = null;
            object directInPost = null;
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreValidation), sp => sp.Context().SharedVariables["fromValidation"] = 1);
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp =>
            {
                seenInPre = sp.Context().ParentContext.SharedVariables["fromValidation"];
                sp.Context().SharedVariables["fromPre"] = 2;
            });
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PostOperation), sp =>
            {
                seenInPost = sp.Context().ParentContext.SharedVariables["fromValidation"];
                directInPost = sp.Context().SharedVariables["fromPre"];
            });

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(seenInPre, Is.EqualTo(1));
            Assert.That(seenInPost, Is.EqualTo(1));
            Assert.That(directInPost, Is.EqualTo(2));
        }

        [Test]
        public void Create_ClientTag_Should_ArriveAsSharedVariableNotAsInputParameter()
        {
            IPluginExecutionContext context = null;
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp => context = sp.Context());

            client.Execute(new OrganizationRequest("Create") { ["Target"] = new Entity("account") { ["name"] = "A" }, ["tag"] = "import-42" });

            Assert.That(context.SharedVariables["tag"], Is.EqualTo("import-42"));
            Assert.That(context.InputParameters.ContainsKey("tag"), Is.False);
        }

        [Test]
        public void Create_StepRunningAsAnotherUser_Should_HaveThatUserIdButTheCallerAsInitiatingUser()
        {
            var service = org.Users.Add("Service Account");
            IPluginExecutionContext context = null;
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp => context = sp.Context(), s => s.RunAsUserId = service.Id);

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(context.UserId, Is.EqualTo(service.Id));
            Assert.That(context.InitiatingUserId, Is.EqualTo(rep.Id));
        }

        [Test]
        public void CreateOrganizationService_Null_Should_RunAsSystemKeepingTheInitiatingUser()
        {
            IPluginExecutionContext nested = null;
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PostOperation), sp => sp.Service(null).Create(new Entity("contact") { ["lastname"] = "S" }));
            org.RegisterStep(Plugin.Step("Create", "contact", PipelineStage.PreOperation), sp => nested = sp.Context());

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(nested.UserId, Is.EqualTo(org.Users.System.Id));
            Assert.That(nested.InitiatingUserId, Is.EqualTo(rep.Id));
            Assert.That(org.All("contact").Single().GetAttributeValue<EntityReference>("createdby").Id, Is.EqualTo(org.Users.System.Id));
        }

        [Test]
        public void Execute_Impersonation_Should_GiveTheImpersonatedUserAsInitiatingUser()
        {
            var integration = org.Users.Add("Integration", roles: new[] { "Integration" });
            org.Roles["Integration"].Grant(Privileges.ActOnBehalfOfAnotherUser);
            IPluginExecutionContext context = null;
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp => context = sp.Context());

            var id = org.ServiceFor(integration.Id, callerId: rep.Id).Create(new Entity("account") { ["name"] = "A" });

            Assert.That(context.InitiatingUserId, Is.EqualTo(rep.Id));
            Assert.That(context.UserId, Is.EqualTo(rep.Id));
            var row = org.Get("account", id);
            Assert.That(row.GetAttributeValue<EntityReference>("createdby").Id, Is.EqualTo(rep.Id));
            Assert.That(row.GetAttributeValue<EntityReference>("createdonbehalfby").Id, Is.EqualTo(integration.Id));
            Assert.That(org.LastOperation.AuthenticatedUserId, Is.EqualTo(integration.Id));
        }

        [Test]
        public void Execute_ImpersonationWithoutPrivilege_Should_FailWithPrivilegeDenied()
        {
            var other = org.Users.Add("Other");

            Assert.That(Plugin.FaultCode(() => org.ServiceFor(other).Impersonating(rep).Create(new Entity("account") { ["name"] = "A" })), Is.EqualTo(ErrorCodes.PrivilegeDenied));
        }

        [Test]
        public void Create_IsInTransaction_Should_BeFalseOnlyForTopLevelPreValidation()
        {
            var seen = new List<(int Depth, int Stage, bool InTransaction)>();
            foreach (var stage in new[] { PipelineStage.PreValidation, PipelineStage.PreOperation, PipelineStage.PostOperation })
            {
                org.RegisterStep(Plugin.Step("Create", "contact", stage), sp => seen.Add((sp.Context().Depth, sp.Context().Stage, sp.Context().IsInTransaction)));
                org.RegisterStep(Plugin.Step("Create", "account", stage), sp =>
                {
                    seen.Add((sp.Context().Depth, sp.Context().Stage, sp.Context().IsInTransaction));
                    if (sp.Context().Stage == 40) sp.UserService().Create(new Entity("contact") { ["lastname"] = "C" });
                });
            }

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(seen, Is.EqualTo(new[] { (1, 10, false), (1, 20, true), (1, 40, true), (2, 10, true), (2, 20, true), (2, 40, true) }));
        }

        [Test]
        public void Create_OperationCreatedOn_Should_ComeFromTheEmulatorClock()
        {
            var instant = new DateTime(2030, 12, 31, 23, 0, 0, DateTimeKind.Utc);
            org.Clock.Set(instant);
            DateTime seen = default;
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PreOperation), sp => seen = sp.Context().OperationCreatedOn);

            client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(seen, Is.EqualTo(instant));
            Assert.That(seen.Kind, Is.EqualTo(DateTimeKind.Utc));
        }

        [Test]
        public void Clock_Advance_Should_MoveTheTimeRowsAreStampedWith()
        {
            var start = org.Clock.UtcNow;
            org.Clock.Advance(TimeSpan.FromDays(3));

            var id = client.Create(new Entity("account") { ["name"] = "A" });

            Assert.That(org.Get("account", id).GetAttributeValue<DateTime>("createdon"), Is.EqualTo(start.AddDays(3)));
        }

        [Test]
        public void Create_ContextBasics_Should_DescribeTheOperation()
        {
            IPluginExecutionContext context = null;
            org.RegisterStep(Plugin.Step("Create", "account", PipelineStage.PostOperation), sp => context = sp.Context());

            var id = client.Create(new Entity("account") { ["name"] = "A" });

            Assert.Multiple(() =>
            {
                Assert.That(context.MessageName, Is.EqualTo("Create"));
                Assert.That(context.PrimaryEntityName, Is.EqualTo("account"));
                Assert.That(context.PrimaryEntityId, Is.EqualTo(id));
                Assert.That(context.Stage, Is.EqualTo(40));
                Assert.That(context.Mode, Is.EqualTo(0));
                Assert.That(context.OrganizationId, Is.EqualTo(org.Options.OrganizationId));
                Assert.That(context.BusinessUnitId, Is.EqualTo(org.BusinessUnits.Root.Id));
                Assert.That(context.CorrelationId, Is.EqualTo(org.LastOperation.CorrelationId));
                Assert.That(context.OwningExtension.LogicalName, Is.EqualTo("sdkmessageprocessingstep"));
                Assert.That(context.ParentContext, Is.Not.Null);
            });
        }

        [Test]
        public void Update_PluginUpdatingItsOwnTableForever_Should_FailAtDepthNine()
        {
            var depths = new List<int>();
            org.RegisterStep(Plugin.Step("Update", "account", PipelineStage.PostOperation), sp =>
            {
                depths.Add(sp.Context().Depth);
                sp.UserService().Update(new Entity("account", sp.Context().PrimaryEntityId) { ["telephone1"] = depths.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            });
            var id = client.Create(new Entity("account") { ["name"] = "A" });

            var code = Plugin.FaultCode(() => client.Update(new Entity("account", id) { ["name"] = "B" }));

            Assert.That(code, Is.EqualTo(ErrorCodes.SdkCorrelationTokenDepthTooHigh));
            Assert.That(depths.Max(), Is.EqualTo(8));
            Assert.That(org.Get("account", id).GetAttributeValue<string>("name"), Is.EqualTo("A"), "the whole chain rolled back");
        }
    }
}
