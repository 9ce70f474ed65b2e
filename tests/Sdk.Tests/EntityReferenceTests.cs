using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Sdk.Tests
{
    [TestFixture]
    public sealed class EntityReferenceTests
    {
        private static readonly Guid Id = new Guid("0b8f5c2e-58f4-4f52-9b4a-3c7d0e6a1f10");

        [Test]
        public void Equals_SameLogicalNameAndIdWithDifferentNames_Should_BeEqual()
        {
            var first = new EntityReference("account", Id) { Name = "Contoso" };
            var second = new EntityReference("account", Id) { Name = "Fabrikam" };

            Assert.That(first.Equals(second), Is.True);
            Assert.That(first.GetHashCode(), Is.EqualTo(second.GetHashCode()));
        }

        [TestCase("Account")]
        [TestCase("contact")]
        public void Equals_DifferentLogicalName_Should_NotBeEqual(string otherLogicalName)
        {
            var first = new EntityReference("account", Id);
            var second = new EntityReference(otherLogicalName, Id);

            Assert.That(first.Equals(second), Is.False);
        }

        [Test]
        public void Equals_DifferentId_Should_NotBeEqual()
        {
            var first = new EntityReference("account", Id);
            var second = new EntityReference("account", Guid.NewGuid());

            Assert.That(first.Equals(second), Is.False);
        }

        [Test]
        public void Equals_NullOrOtherType_Should_BeFalse()
        {
            var reference = new EntityReference("account", Id);

            Assert.That(reference.Equals(null), Is.False);
            Assert.That(reference.Equals(Id), Is.False);
        }

        [Test]
        public void HashSet_EqualReferences_Should_KeepOne()
        {
            var set = new HashSet<EntityReference>
            {
                new EntityReference("account", Id),
                new EntityReference("account", Id) { Name = "Contoso" },
                new EntityReference("contact", Id),
            };

            Assert.That(set, Has.Count.EqualTo(2));
        }

        [Test]
        public void Constructor_LogicalNameAndId_Should_SetThemAndLeaveNameNull()
        {
            var reference = new EntityReference("account", Id);

            Assert.That(reference.LogicalName, Is.EqualTo("account"));
            Assert.That(reference.Id, Is.EqualTo(Id));
            Assert.That(reference.Name, Is.Null);
            Assert.That(reference.RowVersion, Is.Null);
        }

        [Test]
        public void Constructor_KeyNameAndValue_Should_SetTheKeyAttribute()
        {
            var reference = new EntityReference("account", "accountnumber", "A-100");

            Assert.That(reference.LogicalName, Is.EqualTo("account"));
            Assert.That(reference.Id, Is.EqualTo(Guid.Empty));
            Assert.That(reference.KeyAttributes["accountnumber"], Is.EqualTo("A-100"));
        }

        [Test]
        public void Constructor_KeyAttributeCollection_Should_UseTheKeys()
        {
            var keys = new KeyAttributeCollection { { "accountnumber", "A-100" } };

            var reference = new EntityReference("account", keys);

            Assert.That(reference.KeyAttributes["accountnumber"], Is.EqualTo("A-100"));
        }

        [Test]
        public void Properties_Set_Should_BeReadBack()
        {
            var reference = new EntityReference { LogicalName = "account", Id = Id, Name = "Contoso", RowVersion = "42" };

            Assert.That(reference.LogicalName, Is.EqualTo("account"));
            Assert.That(reference.Id, Is.EqualTo(Id));
            Assert.That(reference.Name, Is.EqualTo("Contoso"));
            Assert.That(reference.RowVersion, Is.EqualTo("42"));
        }
    }
}
