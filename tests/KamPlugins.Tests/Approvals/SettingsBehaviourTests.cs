using System;
using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    public class SettingsBehaviourTests
    {
        private static readonly object[] Profiles = PlatformProfile.All.Cast<object>().ToArray();

        [TestCaseSource(nameof(Profiles))]
        public void Approvals_GarbageEnvironmentVariables_ShouldFallBackToDefaults(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            world.Kam.SetEnvironmentVariable(EnvironmentVariables.WinApprovalThreshold, "a lot");
            world.Kam.SetEnvironmentVariable(EnvironmentVariables.SecondLevelThreshold, "-5");
            world.Kam.SetEnvironmentVariable(EnvironmentVariables.ThirdLevelThreshold, "1e99x");
            world.Kam.SetEnvironmentVariable(EnvironmentVariables.ApprovalExpiryDays, "-3");
            world.Kam.SetEnvironmentVariable(EnvironmentVariables.KamAdministratorsTeam, "   ");

            var small = world.Opportunity(999999m, name: "small");
            world.Win(world.Rep, small);
            Assert.That(world.OpportunityState(small), Is.EqualTo(OpportunityTable.State.Won), "the default win threshold (1,000,000) applies");

            var big = world.Opportunity(6000000m);
            Assert.That(ApprovalWorld.Refused(() => world.Win(world.Rep, big)).Message, Does.Contain("1,000,000"));
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, big);
            var request = world.Request(id);
            Assert.That(request.GetAttributeValue<int>(ApprovalRequestTable.RequiredLevels), Is.EqualTo(2), "default second-level threshold 5,000,000");
            Assert.That(request.GetAttributeValue<DateTime>(ApprovalRequestTable.ExpiresOn), Is.EqualTo(world.Now.AddDays(EnvironmentVariables.DefaultApprovalExpiryDays)));

            var loner = world.Kam.User("Sun Li");
            var routed = world.Submit(loner, ApprovalType.OpportunityWin, world.Opportunity(1500000m, owner: loner));
            Assert.That(world.Request(routed).GetAttributeValue<EntityReference>(ApprovalRequestTable.ApproverTeamId)?.Id, Is.EqualTo(world.Kam.KamAdministrators.Id),
                "a blank team name falls back to the default team");
        }

        [TestCaseSource(nameof(Profiles))]
        public void Approvals_ConfiguredValues_ShouldBeUsed(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            world.Kam.SetEnvironmentVariable(EnvironmentVariables.WinApprovalThreshold, "100000");
            world.Kam.SetEnvironmentVariable(EnvironmentVariables.ApprovalExpiryDays, "3");

            var opportunity = world.Opportunity(150000m);
            Assert.That(ApprovalWorld.Refused(() => world.Win(world.Rep, opportunity)).Message, Does.Contain("100,000"));
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);
            Assert.That(world.Request(id).GetAttributeValue<DateTime>(ApprovalRequestTable.ExpiresOn), Is.EqualTo(world.Now.AddDays(3)));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Submit_AdministratorsTeamMissing_ShouldRefuseRatherThanLeaveTheRequestWithoutApprover(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            world.Kam.SetEnvironmentVariable(EnvironmentVariables.KamAdministratorsTeam, "No Such Team");
            var loner = world.Kam.User("Sun Li");

            var fault = ApprovalWorld.Refused(() => world.Submit(loner, ApprovalType.OpportunityWin, world.Opportunity(1500000m, owner: loner)));

            Assert.That(fault.Message, Does.Contain("'No Such Team' does not exist"));
            Assert.That(world.RequestCount, Is.Zero);
        }
    }
}
