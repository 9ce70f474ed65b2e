using System;
using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using KamPlugins.Platform.Localization;
using KamPlugins.Tests.Approvals;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Contracts
{
    public class ContractBehaviourTests
    {
        private static readonly object[] Profiles = PlatformProfile.All.Cast<object>().ToArray();

        [TestCaseSource(nameof(Profiles))]
        public void Activate_WithoutApproval_ShouldBeRefusedAndRecorded(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var contract = world.Contract(ContractStatus.Draft);

            var fault = ApprovalWorld.Refused(() => world.SetContractStatus(world.Rep, contract, ContractStatus.Active));

            Assert.That(fault.Message, Does.Contain("needs an approved Contract activation request").And.Contain("your manager Wang Wei"));
            Assert.That(world.ContractStatusOf(contract), Is.EqualTo((int)ContractStatus.Draft));
            Assert.That(world.GuardEvents(GuardEventKind.ContractLifecycle, GuardEventOutcome.Refused), Has.Count.EqualTo(1));
        }

        [TestCaseSource(nameof(Profiles))]
        public void ActivateAndTerminate_WithApprovals_ShouldConsumeThemAndStampTheDates(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var contract = world.Contract(ContractStatus.Draft);
            var activation = world.Approved(ApprovalType.ContractActivation, contract);

            world.SetContractStatus(world.Rep, contract, ContractStatus.Active);

            Assert.That(world.ContractStatusOf(contract), Is.EqualTo((int)ContractStatus.Active));
            Assert.That(world.Org.Get(contract).GetAttributeValue<DateTime?>(ContractTable.ActivatedOn), Is.EqualTo(world.Now));
            Assert.That(world.Status(activation), Is.EqualTo(ApprovalStatus.Consumed));

            Assert.That(ApprovalWorld.Refused(() => world.SetContractStatus(world.Rep, contract, ContractStatus.Terminated)).Message,
                Does.Contain("needs an approved Contract termination request"));
            var termination = world.Approved(ApprovalType.ContractTermination, contract);
            world.SetContractStatus(world.Rep, contract, ContractStatus.Terminated);

            Assert.That(world.ContractStatusOf(contract), Is.EqualTo((int)ContractStatus.Terminated));
            Assert.That(world.Org.Get(contract).GetAttributeValue<DateTime?>(ContractTable.TerminatedOn), Is.EqualTo(world.Now));
            Assert.That(world.Status(termination), Is.EqualTo(ApprovalStatus.Consumed));
            Assert.That(world.GuardEvents(GuardEventKind.ContractLifecycle, GuardEventOutcome.Authorised), Has.Count.EqualTo(2));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Activate_ValueChangedSinceApproval_ShouldBeRefused(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var contract = world.Contract(ContractStatus.Draft, 300000m);
            var id = world.Approved(ApprovalType.ContractActivation, contract);

            var fault = ApprovalWorld.Refused(() => world.Kam.As(world.Rep).Update(new Entity(ContractTable.LogicalName, contract.Id)
            {
                [ContractTable.Value] = new Money(900000m),
                [ContractTable.ContractStatus] = new OptionSetValue((int)ContractStatus.Active),
            }));

            Assert.That(fault.Message, Does.Contain("approved for 300,000, not 900,000"));
            Assert.That(world.Status(id), Is.EqualTo(ApprovalStatus.Approved));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Update_ActiveContract_ShouldBeReadOnlyExceptTheRenewalLink(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var previous = world.Contract(ContractStatus.Expired, name: "Supply 2024");
            var contract = world.Contract(ContractStatus.Active);

            foreach (var user in new[] { world.Rep, world.Administrator })
            {
                var fault = ApprovalWorld.Refused(() => world.Kam.As(user).Update(new Entity(ContractTable.LogicalName, contract.Id) { [ContractTable.Value] = new Money(1m) }));
                Assert.That(fault.Message, Does.Contain("read-only").And.Contain("kam_value"));
            }
            world.Kam.As(world.Rep).Update(new Entity(ContractTable.LogicalName, contract.Id) { [ContractTable.RenewalOfId] = previous });

            Assert.That(world.Org.Get(contract).GetAttributeValue<EntityReference>(ContractTable.RenewalOfId)?.Id, Is.EqualTo(previous.Id));
            Assert.That(world.Org.Get(contract).GetAttributeValue<Money>(ContractTable.Value).Value, Is.EqualTo(300000m));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Expire_BeforeAndAfterTheEndDate_ShouldBeRefusedThenAllowed(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var endDate = world.Now.Date.AddDays(10);
            var contract = world.Contract(ContractStatus.Active, endDate: endDate);

            Assert.That(ApprovalWorld.Refused(() => world.SetContractStatus(world.Rep, contract, ContractStatus.Expired)).Message,
                Does.Contain("cannot be marked Expired yet").And.Contain("Contract termination"));

            world.Org.Clock.Set(endDate.AddDays(1));
            world.SetContractStatus(world.Rep, contract, ContractStatus.Expired);
            Assert.That(world.ContractStatusOf(contract), Is.EqualTo((int)ContractStatus.Expired));
        }

        [TestCase(ContractStatus.Active, ContractStatus.Draft)]
        [TestCase(ContractStatus.Expired, ContractStatus.Active)]
        [TestCase(ContractStatus.Terminated, ContractStatus.Active)]
        [TestCase(ContractStatus.Draft, ContractStatus.Terminated)]
        public void ChangeStatus_InvalidTransition_ShouldBeRefusedForEveryone(ContractStatus from, ContractStatus to)
        {
            foreach (var profile in PlatformProfile.All)
            {
                var world = new ApprovalWorld(profile);
                var contract = world.Contract(from);
                foreach (var user in new[] { world.Rep, world.Administrator })
                    Assert.That(ApprovalWorld.Refused(() => world.SetContractStatus(user, contract, to)).Message, Does.Contain("cannot go from"), profile.Name);
                Assert.That(world.ContractStatusOf(contract), Is.EqualTo((int)from));
            }
        }

        [TestCaseSource(nameof(Profiles))]
        public void Create_Renewal_ShouldBeADraftForTheSameCustomer(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var previous = world.Contract(ContractStatus.Active);

            var id = world.Kam.As(world.Rep).Create(new Entity(ContractTable.LogicalName)
            {
                [ContractTable.Name] = "Supply 2026",
                [ContractTable.RenewalOfId] = previous,
                [ContractTable.Value] = new Money(350000m),
            });

            var renewal = world.Org.Get(ContractTable.LogicalName, id);
            Assert.That(renewal.GetAttributeValue<OptionSetValue>(ContractTable.ContractStatus).Value, Is.EqualTo((int)ContractStatus.Draft));
            Assert.That(renewal.GetAttributeValue<EntityReference>(ContractTable.CustomerId)?.Id, Is.EqualTo(world.Customer.Id));
            Assert.That(world.ContractStatusOf(previous), Is.EqualTo((int)ContractStatus.Active));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Create_ActiveContract_ShouldBeRefusedAndRecorded(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);

            var fault = ApprovalWorld.Refused(() => world.Kam.As(world.Rep).Create(new Entity(ContractTable.LogicalName)
            {
                [ContractTable.Name] = "Back door",
                [ContractTable.CustomerId] = world.Customer,
                [ContractTable.ContractStatus] = new OptionSetValue((int)ContractStatus.Active),
            }));

            Assert.That(fault.Message, Does.Contain("created as Draft"));
            Assert.That(world.Org.Count(ContractTable.LogicalName), Is.Zero);
            Assert.That(world.GuardEvents(GuardEventKind.ContractLifecycle, GuardEventOutcome.Refused), Has.Count.EqualTo(1));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Create_RenewalOfADraftOrForAnotherCustomer_ShouldBeRefused(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var draft = world.Contract(ContractStatus.Draft);
            var active = world.Contract(ContractStatus.Active);
            var other = world.KeyAccount("Other Co");

            Assert.That(ApprovalWorld.Refused(() => world.Kam.As(world.Rep).Create(new Entity(ContractTable.LogicalName)
            {
                [ContractTable.Name] = "r1",
                [ContractTable.RenewalOfId] = draft,
            })).Message, Does.Contain("still a Draft"));
            Assert.That(ApprovalWorld.Refused(() => world.Kam.As(world.Rep).Create(new Entity(ContractTable.LogicalName)
            {
                [ContractTable.Name] = "r2",
                [ContractTable.RenewalOfId] = active,
                [ContractTable.CustomerId] = other,
            })).Message, Does.Contain("same customer"));
            Assert.That(world.Org.Count(ContractTable.LogicalName), Is.EqualTo(2));
        }

        [TestCaseSource(nameof(Profiles))]
        public void UpdateValue_WhileActivationPending_ShouldBeLockedExceptForTheApprover(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var contract = world.Contract(ContractStatus.Draft);
            world.Submit(world.Rep, ApprovalType.ContractActivation, contract);

            Assert.That(ApprovalWorld.Refused(() => world.Kam.As(world.Rep).Update(new Entity(ContractTable.LogicalName, contract.Id) { [ContractTable.Value] = new Money(1m) })).Message,
                Does.Contain("pending Contract activation request"));
            world.Kam.As(world.Rep).Update(new Entity(ContractTable.LogicalName, contract.Id) { [ContractTable.Name] = "renamed draft" });
            world.Kam.As(world.Manager).Update(new Entity(ContractTable.LogicalName, contract.Id) { [ContractTable.Value] = new Money(310000m) });

            Assert.That(world.Org.Get(contract).GetAttributeValue<Money>(ContractTable.Value).Value, Is.EqualTo(310000m));
            Assert.That(world.GuardEvents(GuardEventKind.PendingLock, GuardEventOutcome.Refused), Has.Count.EqualTo(1));
        }

        [TestCase(LocalizedText.English, "is Active and read-only")]
        [TestCase(LocalizedText.SimplifiedChinese, "处于“生效”状态，为只读")]
        public void Update_ActiveContract_ShouldSpeakTheUsersLanguage(int language, string expected)
        {
            var world = new ApprovalWorld(PlatformProfile.Baseline, language);
            var contract = world.Contract(ContractStatus.Active);
            Assert.That(ApprovalWorld.Refused(() => world.Kam.As(world.Rep).Update(new Entity(ContractTable.LogicalName, contract.Id) { [ContractTable.EndDate] = world.Now })).Message,
                Does.Contain(expected));
        }
    }
}
