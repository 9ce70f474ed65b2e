using System;
using KamPlugins.Guard;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.OwnershipLock
{
    public class GuardEventIdTests
    {
        private static readonly Guid Correlation = new Guid("60000000-0000-0000-0000-000000000001");
        private static readonly EntityReference Account = new EntityReference("account", new Guid("60000000-0000-0000-0000-000000000002"));

        private static GuardEvent Event(string message, GuardEventOutcome outcome, string key) =>
            new GuardEvent(GuardEventKind.OwnerChange, outcome, Guid.Empty, Guid.Empty, message, Account, "Contoso", "ownerid: a → b", null, null,
                new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), Correlation, key);

        [Test]
        public void StableEventId_SameKeyFromUpdateAndAssign_ShouldBeOneEvent()
        {
            Assert.That(Event("Update", GuardEventOutcome.Authorised, "owner:x").StableEventId, Is.EqualTo(Event("Assign", GuardEventOutcome.Authorised, "owner:x").StableEventId));
        }

        [Test]
        public void StableEventId_WithKey_ShouldBeWhatIdForComputes()
        {
            Assert.That(Event("Assign", GuardEventOutcome.AdministratorOverride, "owner:x").StableEventId, Is.EqualTo(GuardEvent.IdFor(Correlation, Account, "owner:x")));
        }

        [Test]
        public void StableEventId_OtherKeyOrOperation_ShouldDiffer()
        {
            Assert.Multiple(() =>
            {
                Assert.That(GuardEvent.IdFor(Correlation, Account, "owner:x"), Is.Not.EqualTo(GuardEvent.IdFor(Correlation, Account, "owner:y")));
                Assert.That(GuardEvent.IdFor(Correlation, Account, "owner:x"), Is.Not.EqualTo(GuardEvent.IdFor(Guid.NewGuid(), Account, "owner:x")));
            });
        }

        [Test]
        public void StableEventId_WithoutKey_ShouldStillDependOnTheMessage()
        {
            Assert.That(Event("Update", GuardEventOutcome.Refused, null).StableEventId, Is.Not.EqualTo(Event("Assign", GuardEventOutcome.Refused, null).StableEventId));
        }
    }
}
