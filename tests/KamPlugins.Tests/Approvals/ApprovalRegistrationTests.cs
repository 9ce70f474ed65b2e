using System;
using System.Linq;
using System.Reflection;
using KamPlugins.Approvals;
using KamPlugins.Contracts;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using KamPlugins.Plugins;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    /// <summary>The approval area's step declarations: valid, and watching exactly the columns the logic compares.</summary>
    public class ApprovalRegistrationTests
    {
        private static readonly Type[] Plugins =
        {
            typeof(ApprovalRequestCreatePlugin), typeof(ApprovalRequestUpdatePlugin), typeof(ApprovalPendingLockPlugin), typeof(ApprovalRecordGuardPlugin),
            typeof(OpportunityCloseGuardPlugin), typeof(ContractLifecyclePlugin),
        };

        [TestCaseSource(nameof(Plugins))]
        public void Steps_OfPlugin_ShouldPassTheRegistrationRules(Type plugin)
        {
            var steps = plugin.GetCustomAttributes<PluginStepAttribute>().ToList();
            Assert.That(steps, Is.Not.Empty);
            foreach (var step in steps) Assert.That(StepRegistrationRules.Problems(plugin, step, null), Is.Empty, step.StepName(plugin));
        }

        [Test]
        public void RequestUpdateSteps_ShouldWatchAndImageEveryProtectedColumnAndTheActionChannel()
        {
            foreach (var step in typeof(ApprovalRequestUpdatePlugin).GetCustomAttributes<PluginStepAttribute>())
            {
                Assert.That(step.FilteringAttributes, Is.EquivalentTo(RequestColumns.Watched));
                Assert.That(step.PreImage, Is.EquivalentTo(RequestColumns.Watched));
            }
            Assert.That(RequestColumns.Watched, Is.EquivalentTo(RequestColumns.Protected.Concat(RequestColumns.ActionChannel)));
        }

        [Test]
        public void ContractUpdateSteps_ShouldWatchAndImageTheLifecycleColumns()
        {
            foreach (var step in typeof(ContractLifecyclePlugin).GetCustomAttributes<PluginStepAttribute>().Where(s => s.Message == MessageNames.Update))
            {
                Assert.That(step.FilteringAttributes, Is.EquivalentTo(ContractChanges.Watched));
                Assert.That(step.PreImage, Is.EquivalentTo(ContractChanges.Watched));
            }
            Assert.That(ContractChanges.Watched, Is.SupersetOf(ContractLifecycle.PendingLocked.Concat(ContractLifecycle.EngineOnly).Concat(ContractLifecycle.EditableWhenInForce)));
        }

        [Test]
        public void PendingLockSteps_ShouldImageWhatTheyFilterOn()
        {
            foreach (var step in typeof(ApprovalPendingLockPlugin).GetCustomAttributes<PluginStepAttribute>())
                Assert.That(step.PreImage, Is.SupersetOf(step.FilteringAttributes));
        }

        [Test]
        public void CloseGuard_ShouldBeRegisteredOnWinLoseAndTheCloseActivity()
        {
            var steps = typeof(OpportunityCloseGuardPlugin).GetCustomAttributes<PluginStepAttribute>().Select(s => (s.Message, s.PrimaryEntity, s.Stage)).ToList();
            Assert.That(steps, Is.EquivalentTo(new[]
            {
                (MessageNames.Win, OpportunityTable.LogicalName, PipelineStage.PreValidation),
                (MessageNames.Win, OpportunityTable.LogicalName, PipelineStage.PreOperation),
                (MessageNames.Lose, OpportunityTable.LogicalName, PipelineStage.PreValidation),
                (MessageNames.Lose, OpportunityTable.LogicalName, PipelineStage.PreOperation),
                (MessageNames.Create, OpportunityCloseTable.LogicalName, PipelineStage.PreOperation),
            }));
        }
    }
}
