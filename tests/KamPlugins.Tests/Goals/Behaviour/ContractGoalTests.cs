using System;
using Dataverse.Emulator;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;
using static KamPlugins.Tests.Goals.GoalWorld;

namespace KamPlugins.Tests.Goals.Behaviour
{
    /// <summary>kam_contract through the same generic path: contract value and new contracts by activation date.</summary>
    [TestFixtureSource(typeof(PlatformProfile), nameof(PlatformProfile.All))]
    public class ContractGoalTests
    {
        private readonly PlatformProfile profile;

        public ContractGoalTests(PlatformProfile profile)
        {
            this.profile = profile;
        }

        [Test]
        public void Activation_Should_CountTheContractsValueAndNumberOnItsActivationDay()
        {
            var w = new GoalWorld(profile);
            var value = w.Metric("Contract value", true);
            w.RollupField(value, "actualmoney", ContractTable.LogicalName, ContractTable.Value, ContractTable.ActivatedOn);
            var count = w.Metric("New contracts", false, GoalAmountDataType.Integer);
            w.RollupField(count, "actualinteger", ContractTable.LogicalName, null, ContractTable.ActivatedOn);
            var valueGoal = w.Goal("Li contract value", value, Ref(w.Li), target: 10000m);
            var countGoal = w.Goal("Li new contracts", count, Ref(w.Li), type: GoalAmountDataType.Integer);

            var contract = w.Service.Create(new Entity(ContractTable.LogicalName)
            {
                [ContractTable.Name] = "Contoso 2025",
                [ContractTable.Value] = new Money(4000m),
                [CommonColumns.OwnerId] = Ref(w.Li),
            });
            Assert.That(w.Value(valueGoal, "actualmoney"), Is.Null, "a draft is not counted");

            w.Update(ContractTable.LogicalName, contract, ContractTable.ContractStatus, new OptionSetValue((int)ContractStatus.Active));
            Assert.Multiple(() =>
            {
                Assert.That(w.Org.Get(ContractTable.LogicalName, contract).GetAttributeValue<DateTime?>(ContractTable.ActivatedOn), Is.EqualTo(w.Org.Clock.UtcNow));
                Assert.That(w.Value(valueGoal, "actualmoney"), Is.EqualTo(4000m));
                Assert.That(w.Value(valueGoal, "percentage"), Is.EqualTo(40m));
                Assert.That(w.Value(countGoal, "actualinteger"), Is.EqualTo(1m));
                Assert.That(w.Contributions(valueGoal, ContributionBucket.Actual)[0].GetAttributeValue<EntityReference>(GoalContributionTable.ContractId)?.Id, Is.EqualTo(contract));
            });
            w.AssertEqualsFullRecalculation();
        }
    }
}
