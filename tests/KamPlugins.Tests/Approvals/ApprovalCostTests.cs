using System.Linq;
using Dataverse.Emulator;
using KamPlugins.Model;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    /// <summary>
    /// Service calls the approval area's own steps make per operation (other areas' steps are not
    /// counted). Constant whatever the organisation's size; the numbers are in docs/approvals.md.
    /// </summary>
    public class ApprovalCostTests
    {
        private static readonly object[] Profiles = PlatformProfile.All.Cast<object>().ToArray();

        [TestCaseSource(nameof(Profiles))]
        public void Submit_WinRequest_ShouldCostAConstantNumberOfCalls(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            for (var i = 0; i < 30; i++) world.Opportunity(2000000m + i, name: "other " + i);
            var opportunity = world.Opportunity(1500000m);

            world.Submit(world.Rep, ApprovalType.OpportunityWin, opportunity);

            var record = world.Org.LastOperation;
            TestContext.Out.WriteLine($"{profile}: submit = {ApprovalWorld.OwnCalls(record)} ({ApprovalWorld.OwnCallsText(record)})");
            Assert.That(ApprovalWorld.OwnCalls(record), Is.EqualTo(Costs.Submit), ApprovalWorld.OwnCallsText(record));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Approve_LastLevel_ShouldCostAConstantNumberOfCalls(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, world.Opportunity(1500000m));

            world.Act(world.Manager, id, ApprovalAction.Approve);

            var record = world.Org.LastOperation;
            TestContext.Out.WriteLine($"{profile}: approve = {ApprovalWorld.OwnCalls(record)} ({ApprovalWorld.OwnCallsText(record)})");
            Assert.That(ApprovalWorld.OwnCalls(record), Is.EqualTo(Costs.ApproveLastLevel), ApprovalWorld.OwnCallsText(record));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Approve_ToNextLevel_ShouldCostAConstantNumberOfCalls(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var id = world.Submit(world.Rep, ApprovalType.OpportunityWin, world.Opportunity(6000000m));

            world.Act(world.Manager, id, ApprovalAction.Approve);

            var record = world.Org.LastOperation;
            TestContext.Out.WriteLine($"{profile}: approve to next level = {ApprovalWorld.OwnCalls(record)} ({ApprovalWorld.OwnCallsText(record)})");
            Assert.That(ApprovalWorld.OwnCalls(record), Is.EqualTo(Costs.ApproveToNextLevel), ApprovalWorld.OwnCallsText(record));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Win_WithApproval_ShouldCostAConstantNumberOfCalls(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            for (var i = 0; i < 30; i++) world.Approved(ApprovalType.OpportunityWin, world.Opportunity(2000000m + i, name: "other " + i));
            var opportunity = world.Opportunity(1500000m);
            world.Approved(ApprovalType.OpportunityWin, opportunity);

            world.Win(world.Rep, opportunity, 1500000m);

            var record = world.Org.LastOperation;
            TestContext.Out.WriteLine($"{profile}: win with approval = {ApprovalWorld.OwnCalls(record)} ({ApprovalWorld.OwnCallsText(record)})");
            Assert.That(ApprovalWorld.OwnCalls(record), Is.EqualTo(Costs.WinWithApproval), ApprovalWorld.OwnCallsText(record));
        }

        [TestCaseSource(nameof(Profiles))]
        public void Win_BelowThreshold_ShouldCostFourReads(PlatformProfile profile)
        {
            var world = new ApprovalWorld(profile);
            var opportunity = world.Opportunity(10000m);

            world.Win(world.Rep, opportunity, 10000m);

            var record = world.Org.LastOperation;
            TestContext.Out.WriteLine($"{profile}: win below threshold = {ApprovalWorld.OwnCalls(record)} ({ApprovalWorld.OwnCallsText(record)})");
            Assert.That(ApprovalWorld.OwnCalls(record), Is.EqualTo(Costs.WinBelowThreshold), ApprovalWorld.OwnCallsText(record));
        }

        /// <summary>The measured budgets (see docs/approvals.md, "Service calls").</summary>
        private static class Costs
        {
            // opportunity, settings, pending requests, requester's manager; Submit history entry
            internal const int Submit = 5;
            // row lock, re-read; history entry
            internal const int ApproveLastLevel = 3;
            // row lock, re-read, approver's manager; history entry
            internal const int ApproveToNextLevel = 4;
            // PreValidation: opportunity, settings, requests; PreOperation: the same, row lock, re-read, consume; Authorised guard event
            internal const int WinWithApproval = 10;
            // opportunity and settings in PreValidation and again in PreOperation
            internal const int WinBelowThreshold = 4;
        }
    }
}
