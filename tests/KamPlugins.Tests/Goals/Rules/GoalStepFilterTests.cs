using System;
using System.Collections.Generic;
using KamPlugins.Goals;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Goals.Rules
{
    /// <summary>A step skips only when the request provably changes nothing that counts.</summary>
    public class GoalStepFilterTests
    {
        private static readonly Guid Li = Guid.NewGuid();
        private static readonly HashSet<string> Relevant = new HashSet<string> { "estimatedvalue", "ownerid", "statecode" };

        private static Entity Pre() => new Entity("opportunity", Guid.NewGuid())
        {
            ["estimatedvalue"] = new Money(100m),
            ["ownerid"] = new EntityReference("systemuser", Li),
            ["statecode"] = new OptionSetValue(0),
            ["statuscode"] = new OptionSetValue(1),
        };

        [Test]
        public void UpdateChangesNothing_SameValues_Should_BeTrue()
        {
            var target = new Entity("opportunity") { ["estimatedvalue"] = new Money(100m), ["ownerid"] = new EntityReference("systemuser", Li), ["name"] = "x" };
            Assert.That(GoalStepFilter.UpdateChangesNothing(target, Pre(), Relevant), Is.True);
        }

        [Test]
        public void UpdateChangesNothing_ChangedAmount_Should_BeFalse()
        {
            var target = new Entity("opportunity") { ["estimatedvalue"] = new Money(101m) };
            Assert.That(GoalStepFilter.UpdateChangesNothing(target, Pre(), Relevant), Is.False);
        }

        [Test]
        public void UpdateChangesNothing_ColumnMissingFromThePreImage_Should_BeFalseBecauseItIsUnknown()
        {
            var pre = Pre();
            pre.Attributes.Remove("estimatedvalue");
            var target = new Entity("opportunity") { ["estimatedvalue"] = null };
            Assert.That(GoalStepFilter.UpdateChangesNothing(target, pre, Relevant), Is.False);
        }

        [Test]
        public void UpdateChangesNothing_WithoutPreImage_Should_BeFalse()
        {
            Assert.That(GoalStepFilter.UpdateChangesNothing(new Entity("opportunity") { ["estimatedvalue"] = new Money(100m) }, null, Relevant), Is.False);
        }

        [Test]
        public void UpdateChangesNothing_UnlistedTableWithAnyUnknownColumn_Should_BeFalse()
        {
            var target = new Entity("new_visit") { ["new_units"] = 3 };
            Assert.That(GoalStepFilter.UpdateChangesNothing(target, new Entity("new_visit"), null), Is.False);
        }

        [Test]
        public void AssignChangesNothing_ToTheCurrentOwner_Should_BeTrue_AndToAnother_False()
        {
            Assert.Multiple(() =>
            {
                Assert.That(GoalStepFilter.AssignChangesNothing(new EntityReference("systemuser", Li), Pre()), Is.True);
                Assert.That(GoalStepFilter.AssignChangesNothing(new EntityReference("systemuser", Guid.NewGuid()), Pre()), Is.False);
                Assert.That(GoalStepFilter.AssignChangesNothing(new EntityReference("systemuser", Li), null), Is.False);
            });
        }

        [TestCase(0, 1, true)]
        [TestCase(0, 2, false)]
        [TestCase(1, 3, false)]
        [TestCase(0, -1, false)]
        public void SetStateChangesNothing_Should_RequireTheSameStateAndExplicitStatus(int state, int status, bool expected)
        {
            Assert.That(GoalStepFilter.SetStateChangesNothing(new OptionSetValue(state), new OptionSetValue(status), Pre()), Is.EqualTo(expected));
        }

        [Test]
        public void SameValue_Should_CompareDataverseValuesByContent()
        {
            var id = Guid.NewGuid();
            var date = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            Assert.Multiple(() =>
            {
                Assert.That(GoalStepFilter.SameValue(new Money(1m), new Money(1.00m)), Is.True);
                Assert.That(GoalStepFilter.SameValue(new EntityReference("team", id), new EntityReference("team", id)), Is.True);
                Assert.That(GoalStepFilter.SameValue(new EntityReference("team", id), new EntityReference("systemuser", id)), Is.False);
                Assert.That(GoalStepFilter.SameValue(new OptionSetValue(1), new OptionSetValue(2)), Is.False);
                Assert.That(GoalStepFilter.SameValue(date, date.ToLocalTime()), Is.True);
                Assert.That(GoalStepFilter.SameValue(null, null), Is.True);
                Assert.That(GoalStepFilter.SameValue(null, 0), Is.False);
            });
        }
    }
}
