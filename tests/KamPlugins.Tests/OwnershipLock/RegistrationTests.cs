using System;
using System.Linq;
using System.Reflection;
using KamPlugins.Guard;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using KamPlugins.Plugins;
using NUnit.Framework;

namespace KamPlugins.Tests.OwnershipLock
{
    /// <summary>The lock's steps: every path registered, in both stages, with the columns the code reads.</summary>
    public class RegistrationTests
    {
        private static readonly Type[] Plugins =
        {
            typeof(OwnershipLockOnUpdate), typeof(OwnershipLockOnCreate), typeof(OwnershipLockOnAssign), typeof(OwnershipLockOnSetState),
            typeof(OwnershipLockOnDelete), typeof(OwnershipLockOnMerge), typeof(OwnershipLockOnShare),
        };

        private static PluginStepAttribute[] Steps() => Plugins.SelectMany(p => p.GetCustomAttributes<PluginStepAttribute>()).ToArray();

        [TestCase(MessageNames.Update, AccountTable.LogicalName)]
        [TestCase(MessageNames.Update, OpportunityTable.LogicalName)]
        [TestCase(MessageNames.Update, ContractTable.LogicalName)]
        [TestCase(MessageNames.Create, AccountTable.LogicalName)]
        [TestCase(MessageNames.Create, OpportunityTable.LogicalName)]
        [TestCase(MessageNames.Create, ContractTable.LogicalName)]
        [TestCase(MessageNames.Assign, AccountTable.LogicalName)]
        [TestCase(MessageNames.Assign, OpportunityTable.LogicalName)]
        [TestCase(MessageNames.Assign, ContractTable.LogicalName)]
        [TestCase(MessageNames.Delete, AccountTable.LogicalName)]
        [TestCase(MessageNames.Delete, OpportunityTable.LogicalName)]
        [TestCase(MessageNames.Delete, ContractTable.LogicalName)]
        [TestCase(MessageNames.SetState, AccountTable.LogicalName)]
        [TestCase(MessageNames.SetStateDynamicEntity, AccountTable.LogicalName)]
        [TestCase(MessageNames.Merge, AccountTable.LogicalName)]
        [TestCase(MessageNames.GrantAccess, AccountTable.LogicalName)]
        [TestCase(MessageNames.GrantAccess, OpportunityTable.LogicalName)]
        [TestCase(MessageNames.GrantAccess, ContractTable.LogicalName)]
        [TestCase(MessageNames.ModifyAccess, AccountTable.LogicalName)]
        [TestCase(MessageNames.ModifyAccess, OpportunityTable.LogicalName)]
        [TestCase(MessageNames.ModifyAccess, ContractTable.LogicalName)]
        public void Steps_EveryPath_Should_BeRegisteredInPreValidationAndPreOperation(string message, string table)
        {
            var stages = Steps().Where(s => s.Message == message && s.PrimaryEntity == table).Select(s => s.Stage).ToList();
            Assert.That(stages, Is.EquivalentTo(new[] { PipelineStage.PreValidation, PipelineStage.PreOperation }));
        }

        [Test]
        public void Steps_Update_Should_FilterOnTheWatchedColumnsAndImageTheLockColumns()
        {
            Assert.Multiple(() =>
            {
                foreach (var step in Steps().Where(s => s.Message == MessageNames.Update))
                {
                    Assert.That(step.FilteringAttributes, Is.EquivalentTo(LockedTables.Watched(step.PrimaryEntity)), step.PrimaryEntity);
                    Assert.That(step.PreImage, Is.EquivalentTo(LockedTables.Columns(step.PrimaryEntity)), step.PrimaryEntity);
                }
            });
        }

        [Test]
        public void Steps_WithPreImages_Should_ImageTheLockColumns()
        {
            Assert.Multiple(() =>
            {
                foreach (var step in Steps().Where(s => s.PreImage != null))
                    Assert.That(step.PreImage, Is.EquivalentTo(LockedTables.Columns(step.PrimaryEntity)), step.Message + " " + step.PrimaryEntity);
            });
        }

        [Test]
        public void Steps_Should_NeverBeOnABulkOrRetrieveMessageAndAlwaysSynchronous()
        {
            var forbidden = new[] { MessageNames.CreateMultiple, MessageNames.UpdateMultiple, MessageNames.UpsertMultiple, MessageNames.Retrieve, MessageNames.RetrieveMultiple };
            Assert.Multiple(() =>
            {
                Assert.That(Steps().Select(s => s.Message), Has.None.AnyOf(forbidden));
                Assert.That(Steps().Select(s => s.Mode), Has.All.EqualTo(ExecutionMode.Synchronous));
            });
        }

        [Test]
        public void Plugins_Should_HoldNoStateOfTheirOwn()
        {
            foreach (var plugin in Plugins)
            {
                var fields = plugin.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
                Assert.That(fields.Where(f => !(f.IsStatic && f.IsInitOnly)), Is.Empty, plugin.Name);
            }
        }
    }
}
