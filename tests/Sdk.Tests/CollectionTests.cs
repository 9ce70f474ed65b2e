using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Sdk.Tests
{
    [TestFixture]
    public sealed class CollectionTests
    {
        [Test]
        public void Indexer_MissingKey_Should_ThrowKeyNotFoundException()
        {
            var parameters = new ParameterCollection();

            Assert.Throws<KeyNotFoundException>(() => _ = parameters["Target"]);
        }

        [Test]
        public void Add_DuplicateKey_Should_ThrowArgumentException()
        {
            var attributes = new AttributeCollection { { "name", "Contoso" } };

            Assert.Throws<ArgumentException>(() => attributes.Add("name", "Fabrikam"));
        }

        [Test]
        public void Indexer_Set_Should_AddOrReplace()
        {
            var attributes = new AttributeCollection();

            attributes["name"] = "Contoso";
            attributes["name"] = "Fabrikam";

            Assert.That(attributes, Has.Count.EqualTo(1));
            Assert.That(attributes["name"], Is.EqualTo("Fabrikam"));
        }

        [TestCase("name", true)]
        [TestCase("NAME", false)]
        [TestCase("telephone1", false)]
        public void ContainsAndContainsKey_Should_BeCaseSensitive(string key, bool expected)
        {
            var attributes = new AttributeCollection { { "name", "Contoso" } };

            Assert.That(attributes.Contains(key), Is.EqualTo(expected));
            Assert.That(attributes.ContainsKey(key), Is.EqualTo(expected));
        }

        [Test]
        public void Contains_KeyValuePair_Should_CompareKeyAndValue()
        {
            var attributes = new AttributeCollection { { "name", "Contoso" } };

            Assert.That(attributes.Contains(new KeyValuePair<string, object>("name", "Contoso")), Is.True);
            Assert.That(attributes.Contains(new KeyValuePair<string, object>("name", "Fabrikam")), Is.False);
        }

        [Test]
        public void TryGetValue_Should_ReportPresence()
        {
            var attributes = new AttributeCollection { { "name", "Contoso" } };

            Assert.That(attributes.TryGetValue("name", out var name), Is.True);
            Assert.That(name, Is.EqualTo("Contoso"));
            Assert.That(attributes.TryGetValue("telephone1", out var phone), Is.False);
            Assert.That(phone, Is.Null);
        }

        [Test]
        public void Remove_Should_ReturnWhetherTheKeyWasPresent()
        {
            var attributes = new AttributeCollection { { "name", "Contoso" } };

            Assert.That(attributes.Remove("name"), Is.True);
            Assert.That(attributes.Remove("name"), Is.False);
            Assert.That(attributes, Has.Count.Zero);
        }

        [Test]
        public void KeysValuesAndEnumeration_Should_ExposeTheEntries()
        {
            var attributes = new AttributeCollection { { "name", "Contoso" }, { "numberofemployees", 12 } };

            Assert.That(attributes.Keys, Is.EquivalentTo(new[] { "name", "numberofemployees" }));
            Assert.That(attributes.Values, Is.EquivalentTo(new object[] { "Contoso", 12 }));
            Assert.That(
                attributes.ToList(),
                Is.EquivalentTo(new[] { new KeyValuePair<string, object>("name", "Contoso"), new KeyValuePair<string, object>("numberofemployees", 12) }));
        }

        [Test]
        public void AddRange_Should_AddEveryPair()
        {
            var parameters = new ParameterCollection();

            parameters.AddRange(new KeyValuePair<string, object>("Target", 1), new KeyValuePair<string, object>("ColumnSet", 2));
            parameters.AddRange(new List<KeyValuePair<string, object>> { new KeyValuePair<string, object>("Query", 3) });

            Assert.That(parameters, Has.Count.EqualTo(3));
            Assert.That(parameters["Query"], Is.EqualTo(3));
        }

        [Test]
        public void Clear_Should_RemoveEverything()
        {
            var attributes = new AttributeCollection { { "name", "Contoso" } };

            attributes.Clear();

            Assert.That(attributes, Has.Count.Zero);
            Assert.That(attributes.IsReadOnly, Is.False);
        }

        [Test]
        public void Constructor_Dictionary_Should_TakeTheEntries()
        {
            var source = new Dictionary<string, object> { { "name", "Contoso" } };

            var attributes = new AttributeCollection(source);
            var keys = new KeyAttributeCollection(source);
            var parameters = new ParameterCollection(source);
            var formatted = new FormattedValueCollection(new Dictionary<string, string> { { "statecode", "Active" } });

            Assert.That(attributes["name"], Is.EqualTo("Contoso"));
            Assert.That(keys["name"], Is.EqualTo("Contoso"));
            Assert.That(parameters["name"], Is.EqualTo("Contoso"));
            Assert.That(formatted["statecode"], Is.EqualTo("Active"));
        }

        [Test]
        public void CopyTo_Should_CopyThePairs()
        {
            var attributes = new AttributeCollection { { "name", "Contoso" } };
            var array = new KeyValuePair<string, object>[2];

            attributes.CopyTo(array, 1);

            Assert.That(array[1], Is.EqualTo(new KeyValuePair<string, object>("name", "Contoso")));
        }

        [Test]
        public void AddOrUpdateIfNotNull_Should_SkipNullAndUpsertOtherwise()
        {
            var parameters = new ParameterCollection { { "Target", "old" } };

            parameters.AddOrUpdateIfNotNull("Missing", null);
            parameters.AddOrUpdateIfNotNull("Target", "new");
            parameters.AddOrUpdateIfNotNull("Other", 1);

            Assert.That(parameters.Contains("Missing"), Is.False);
            Assert.That(parameters["Target"], Is.EqualTo("new"));
            Assert.That(parameters["Other"], Is.EqualTo(1));
        }

        [Test]
        public void EntityImageCollection_Should_HoldEntitiesByAlias()
        {
            var image = new Entity("account");
            var images = new EntityImageCollection { { "PreImage", image } };

            Assert.That(images["PreImage"], Is.SameAs(image));
        }

        [Test]
        public void EntityReferenceCollection_AddRangeAndToArray_Should_KeepOrder()
        {
            var first = new EntityReference("contact", Guid.NewGuid());
            var second = new EntityReference("contact", Guid.NewGuid());
            var references = new EntityReferenceCollection();

            references.AddRange(first, second);

            Assert.That(references.ToArray(), Is.EqualTo(new[] { first, second }));
        }

        [Test]
        public void EntityReferenceCollection_ListConstructor_Should_ContainTheItems()
        {
            var first = new EntityReference("contact", Guid.NewGuid());

            var references = new EntityReferenceCollection(new List<EntityReference> { first });

            Assert.That(references, Has.Count.EqualTo(1));
            Assert.That(references[0], Is.SameAs(first));
        }

        [Test]
        public void OptionSetValueCollection_Should_HoldTheValues()
        {
            var values = new OptionSetValueCollection(new List<OptionSetValue> { new OptionSetValue(1) });

            values.Add(new OptionSetValue(2));

            Assert.That(values.Select(v => v.Value), Is.EqualTo(new[] { 1, 2 }));
        }

        [Test]
        public void EntityCollection_ListConstructor_Should_ExposeEntitiesAndIndexer()
        {
            var account = new Entity("account", Guid.NewGuid());

            var collection = new EntityCollection(new List<Entity> { account }) { EntityName = "account" };

            Assert.That(collection.Entities, Has.Count.EqualTo(1));
            Assert.That(collection[0], Is.SameAs(account));
            Assert.That(collection.EntityName, Is.EqualTo("account"));
        }

        [Test]
        public void EntityCollection_Default_Should_BeEmptyWithoutMoreRecords()
        {
            var collection = new EntityCollection();

            Assert.That(collection.Entities, Is.Empty);
            Assert.That(collection.MoreRecords, Is.False);
            Assert.That(collection.PagingCookie, Is.Null);
        }

        [Test]
        public void EntityCollection_PagingProperties_Should_BeReadBack()
        {
            var collection = new EntityCollection { MoreRecords = true, PagingCookie = "<cookie page=\"1\"/>", TotalRecordCount = 7, TotalRecordCountLimitExceeded = true };

            collection.Entities.Add(new Entity("account"));

            Assert.That(collection.MoreRecords, Is.True);
            Assert.That(collection.PagingCookie, Is.EqualTo("<cookie page=\"1\"/>"));
            Assert.That(collection.TotalRecordCount, Is.EqualTo(7));
            Assert.That(collection.TotalRecordCountLimitExceeded, Is.True);
            Assert.That(collection.Entities, Has.Count.EqualTo(1));
        }
    }
}
