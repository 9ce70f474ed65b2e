using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator;
using Dataverse.Emulator.Faults;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.OwnershipLock
{
    /// <summary>
    /// What no plugin can stop — the bypass parameters — and how it is still seen: the platform refuses
    /// the parameters to users without the privilege; a System Administrator's bypassed owner change
    /// passes (by the platform's design) and then shows up in the column comparison ownerid ≠
    /// kam_approvedownerid that the "owner changed outside the guard" views use.
    /// </summary>
    public class BypassDetectionTests
    {
        public static IEnumerable<TestCaseData> Bypasses() =>
            from profile in PlatformProfile.All
            from parameter in new[] { "BypassCustomPluginExecution", "BypassBusinessLogicExecution" }
            select new TestCaseData(profile, parameter).SetName($"{{m}}With{parameter}Under{profile.Name}");

        private static OrganizationRequest OwnerUpdate(EntityReference record, EntityReference owner, string bypass)
        {
            var request = new OrganizationRequest("Update") { ["Target"] = new Entity(record.LogicalName, record.Id) { [CommonColumns.OwnerId] = owner } };
            return request.With(bypass, bypass == "BypassCustomPluginExecution" ? (object)true : "CustomSync");
        }

        [TestCaseSource(nameof(Bypasses))]
        public void Bypass_FromARepWithoutThePrivilege_Should_BeRefusedByThePlatform(PlatformProfile profile, string bypass)
        {
            var world = new LockWorld(profile);
            var account = world.Account(true);
            var fault = world.Act(Who.OwnerRep, s => s.Execute(OwnerUpdate(account, world.OtherRep.ToEntityReference(), bypass)));
            Assert.Multiple(() =>
            {
                Assert.That(fault?.Detail.ErrorCode, Is.EqualTo(ErrorCodes.PrivilegeDenied));
                Assert.That(world.OwnerOf(account), Is.EqualTo(world.OwnerRep.ToEntityReference()));
                Assert.That(world.OwnerChangedOutsideTheGuard(AccountTable.LogicalName), Is.Empty);
            });
        }

        [TestCaseSource(nameof(Bypasses))]
        public void Bypass_FromASystemAdministrator_Should_PassAndShowInTheOwnerChangedOutsideTheGuardQuery(PlatformProfile profile, string bypass)
        {
            var world = new LockWorld(profile);
            var bypassed = world.Locked(LockedKind.KeyAccount);
            var transferred = world.Locked(LockedKind.KeyAccount);
            world.Locked(LockedKind.KeyAccount); // untouched: must not show up either
            var opportunity = world.Locked(LockedKind.LargeOpportunity);
            world.Approval(transferred, ApprovalType.OwnershipTransfer, ApprovalState.Approved);

            world.Org.AdminService.Execute(OwnerUpdate(bypassed, world.OtherRep.ToEntityReference(), bypass));
            world.Org.AdminService.Execute(OwnerUpdate(opportunity, world.OtherRep.ToEntityReference(), bypass));
            world.Org.ServiceFor(world.OwnerRep).Assign(transferred, world.OtherRep.ToEntityReference());

            Assert.Multiple(() =>
            {
                Assert.That(world.OwnerOf(bypassed), Is.EqualTo(world.OtherRep.ToEntityReference()), "the platform lets the privilege through");
                Assert.That(world.EventsFor(bypassed), Is.Empty, "no plugin saw it");
                Assert.That(world.OwnerChangedOutsideTheGuard(AccountTable.LogicalName), Is.EquivalentTo(new[] { bypassed.Id }), "only the bypassed account, not the authorised or untouched ones");
                Assert.That(world.OwnerChangedOutsideTheGuard(OpportunityTable.LogicalName), Is.EquivalentTo(new[] { opportunity.Id }));
            });
        }

        [TestCaseSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
        public void DisabledStep_OwnerChange_Should_ShowInTheOwnerChangedOutsideTheGuardQuery(PlatformProfile profile)
        {
            var world = new LockWorld(profile);
            var account = world.Locked(LockedKind.KeyAccount);
            foreach (var step in world.Org.Steps.All.Where(s => s.PluginType.Name.StartsWith("OwnershipLock", System.StringComparison.Ordinal))) step.Enabled = false;

            world.Org.ServiceFor(world.OwnerRep).Assign(account, world.OtherRep.ToEntityReference());

            Assert.That(world.OwnerChangedOutsideTheGuard(AccountTable.LogicalName), Is.EquivalentTo(new[] { account.Id }));
        }
    }
}
