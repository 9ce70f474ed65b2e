using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;
using NUnit.Framework;

namespace Sdk.Tests
{
    [EntityLogicalName("account")]
    public sealed class TestAccount : Entity
    {
        public TestAccount()
            : base("account")
        {
        }
    }

    [TestFixture]
    public sealed class EntityTests
    {
        [Test]
        public void Indexer_MissingColumn_Should_ThrowKeyNotFoundException()
        {
            var entity = new Entity("account");

            Assert.Throws<KeyNotFoundException>(() => _ = entity["name"]);
        }

        [Test]
        public void Indexer_Set_Should_AddThenReplaceTheColumn()
        {
            var entity = new Entity("account");

            entity["name"] = "first";
            entity["name"] = "second";

            Assert.That(entity.Attributes, Has.Count.EqualTo(1));
            Assert.That(entity["name"], Is.EqualTo("second"));
        }

        [Test]
        public void GetAttributeValue_MissingReferenceTypeColumn_Should_ReturnNull()
        {
            var entity = new Entity("account");

            Assert.That(entity.GetAttributeValue<EntityReference>("parentaccountid"), Is.Null);
            Assert.That(entity.GetAttributeValue<string>("name"), Is.Null);
            Assert.That(entity.GetAttributeValue<int?>("numberofemployees"), Is.Null);
        }

        [Test]
        public void GetAttributeValue_MissingValueTypeColumn_Should_ReturnDefault()
        {
            var entity = new Entity("account");

            Assert.That(entity.GetAttributeValue<int>("numberofemployees"), Is.Zero);
            Assert.That(entity.GetAttributeValue<bool>("donotemail"), Is.False);
            Assert.That(entity.GetAttributeValue<DateTime>("createdon"), Is.EqualTo(DateTime.MinValue));
            Assert.That(entity.GetAttributeValue<Guid>("accountid"), Is.EqualTo(Guid.Empty));
            Assert.That(entity.GetAttributeValue<decimal>("revenue"), Is.Zero);
        }

        [Test]
        public void GetAttributeValue_NullColumn_Should_ReturnDefault()
        {
            var entity = new Entity("account");
            entity["numberofemployees"] = null;

            Assert.That(entity.GetAttributeValue<int>("numberofemployees"), Is.Zero);
            Assert.That(entity.GetAttributeValue<int?>("numberofemployees"), Is.Null);
        }

        [Test]
        public void GetAttributeValue_PresentColumn_Should_ReturnTheValue()
        {
            var owner = new EntityReference("systemuser", Guid.NewGuid());
            var entity = new Entity("account");
            entity["ownerid"] = owner;
            entity["numberofemployees"] = 12;

            Assert.That(entity.GetAttributeValue<EntityReference>("ownerid"), Is.SameAs(owner));
            Assert.That(entity.GetAttributeValue<int>("numberofemployees"), Is.EqualTo(12));
            Assert.That(entity.GetAttributeValue<int?>("numberofemployees"), Is.EqualTo(12));
        }

        [Test]
        public void GetAttributeValue_WrongType_Should_ThrowInvalidCastException()
        {
            var entity = new Entity("account");
            entity["name"] = "Contoso";

            Assert.Throws<InvalidCastException>(() => entity.GetAttributeValue<EntityReference>("name"));
        }

        [Test]
        public void TryGetAttributeValue_PresentColumn_Should_ReturnTrueAndTheValue()
        {
            var entity = new Entity("account");
            entity["name"] = "Contoso";

            var found = entity.TryGetAttributeValue("name", out string name);

            Assert.That(found, Is.True);
            Assert.That(name, Is.EqualTo("Contoso"));
        }

        [Test]
        public void TryGetAttributeValue_MissingColumn_Should_ReturnFalseAndDefault()
        {
            var entity = new Entity("account");

            var found = entity.TryGetAttributeValue("numberofemployees", out int count);

            Assert.That(found, Is.False);
            Assert.That(count, Is.Zero);
        }

        [TestCase("name", true)]
        [TestCase("Name", false)]
        [TestCase("telephone1", false)]
        public void Contains_Column_Should_BeCaseSensitiveAndReflectAttributes(string column, bool expected)
        {
            var entity = new Entity("account");
            entity["name"] = "Contoso";

            Assert.That(entity.Contains(column), Is.EqualTo(expected));
            Assert.That(entity.Attributes.Contains(column), Is.EqualTo(expected));
        }

        [Test]
        public void Constructor_LogicalNameAndId_Should_SetThemWithoutAddingAttributes()
        {
            var id = Guid.NewGuid();

            var entity = new Entity("account", id);

            Assert.That(entity.LogicalName, Is.EqualTo("account"));
            Assert.That(entity.Id, Is.EqualTo(id));
            Assert.That(entity.Attributes, Is.Empty);
        }

        [Test]
        public void Constructor_Default_Should_LeaveEmptyCollectionsAndNoState()
        {
            var entity = new Entity();

            Assert.That(entity.LogicalName, Is.Null);
            Assert.That(entity.Id, Is.EqualTo(Guid.Empty));
            Assert.That(entity.Attributes, Is.Empty);
            Assert.That(entity.FormattedValues, Is.Empty);
            Assert.That(entity.KeyAttributes, Is.Empty);
            Assert.That(entity.RelatedEntities, Is.Empty);
            Assert.That(entity.EntityState, Is.Null);
            Assert.That(entity.RowVersion, Is.Null);
        }

        [Test]
        public void Constructor_KeyNameAndValue_Should_SetTheKeyAttribute()
        {
            var entity = new Entity("account", "accountnumber", "A-100");

            Assert.That(entity.KeyAttributes["accountnumber"], Is.EqualTo("A-100"));
            Assert.That(entity.Id, Is.EqualTo(Guid.Empty));
        }

        [Test]
        public void Constructor_KeyAttributeCollection_Should_UseTheKeys()
        {
            var keys = new KeyAttributeCollection { { "accountnumber", "A-100" } };

            var entity = new Entity("account", keys);

            Assert.That(entity.KeyAttributes["accountnumber"], Is.EqualTo("A-100"));
        }

        [Test]
        public void Id_Set_Should_NotAddThePrimaryKeyAttribute()
        {
            var entity = new Entity("account") { Id = Guid.NewGuid() };

            Assert.That(entity.Contains("accountid"), Is.False);
        }

        [Test]
        public void ToEntityReference_Should_CopyLogicalNameAndIdAndLeaveNameNull()
        {
            var id = Guid.NewGuid();
            var entity = new Entity("account", id);
            entity["name"] = "Contoso";

            var reference = entity.ToEntityReference();

            Assert.That(reference.LogicalName, Is.EqualTo("account"));
            Assert.That(reference.Id, Is.EqualTo(id));
            Assert.That(reference.Name, Is.Null);
        }

        [Test]
        public void ToEntity_Entity_Should_CopyLogicalNameIdAndAttributes()
        {
            var id = Guid.NewGuid();
            var entity = new Entity("account", id);
            entity["name"] = "Contoso";

            var copy = entity.ToEntity<Entity>();

            Assert.That(copy.LogicalName, Is.EqualTo("account"));
            Assert.That(copy.Id, Is.EqualTo(id));
            Assert.That(copy["name"], Is.EqualTo("Contoso"));
        }

        [Test]
        public void ToEntity_EarlyBoundType_Should_ReturnThatTypeWithTheAttributes()
        {
            var id = Guid.NewGuid();
            var entity = new Entity("account", id);
            entity["name"] = "Contoso";

            var account = entity.ToEntity<TestAccount>();

            Assert.That(account, Is.InstanceOf<TestAccount>());
            Assert.That(account.Id, Is.EqualTo(id));
            Assert.That(account.GetAttributeValue<string>("name"), Is.EqualTo("Contoso"));
        }

        [Test]
        public void Equals_TwoEntitiesWithSameNameAndId_Should_NotBeEqual()
        {
            var id = Guid.NewGuid();

            var first = new Entity("account", id);
            var second = new Entity("account", id);

            Assert.That(first.Equals(second), Is.False);
            Assert.That(first.Equals(first), Is.True);
        }

        [Test]
        public void FormattedValues_Should_HoldDisplayValuesApartFromAttributes()
        {
            var entity = new Entity("account");
            entity["statecode"] = new OptionSetValue(0);
            entity.FormattedValues["statecode"] = "Active";

            Assert.That(entity.FormattedValues["statecode"], Is.EqualTo("Active"));
            Assert.That(entity["statecode"], Is.EqualTo(new OptionSetValue(0)));
        }

        [Test]
        public void Attributes_Set_Should_ReplaceTheCollection()
        {
            var attributes = new AttributeCollection { { "name", "Contoso" } };
            var entity = new Entity("account") { Attributes = attributes };

            Assert.That(entity.Attributes, Is.SameAs(attributes));
            Assert.That(entity["name"], Is.EqualTo("Contoso"));
        }

        [Test]
        public void RowVersionAndEntityState_Set_Should_BeReadBack()
        {
            var entity = new Entity("account") { RowVersion = "1234", EntityState = EntityState.Changed };

            Assert.That(entity.RowVersion, Is.EqualTo("1234"));
            Assert.That(entity.EntityState, Is.EqualTo(EntityState.Changed));
        }
    }
}
