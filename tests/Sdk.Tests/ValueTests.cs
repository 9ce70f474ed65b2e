using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Sdk.Tests
{
    [TestFixture]
    public sealed class ValueTests
    {
        [TestCase(1, 1, true)]
        [TestCase(100000000, 100000000, true)]
        [TestCase(1, 2, false)]
        public void OptionSetValue_Equals_Should_CompareValues(int first, int second, bool expected)
        {
            var a = new OptionSetValue(first);
            var b = new OptionSetValue(second);

            Assert.That(a.Equals(b), Is.EqualTo(expected));
            if (expected)
            {
                Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
            }
        }

        [Test]
        public void OptionSetValue_EqualsNullOrInteger_Should_BeFalse()
        {
            var value = new OptionSetValue(1);

            Assert.That(value.Equals(null), Is.False);
            Assert.That(value.Equals(1), Is.False);
        }

        [TestCase("10.5", "10.5", true)]
        [TestCase("10.50", "10.5", true)]
        [TestCase("10.5", "10.6", false)]
        public void Money_Equals_Should_CompareValues(string first, string second, bool expected)
        {
            var a = new Money(decimal.Parse(first, System.Globalization.CultureInfo.InvariantCulture));
            var b = new Money(decimal.Parse(second, System.Globalization.CultureInfo.InvariantCulture));

            Assert.That(a.Equals(b), Is.EqualTo(expected));
            if (expected)
            {
                Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
            }
        }

        [Test]
        public void Money_EqualsNullOrDecimal_Should_BeFalse()
        {
            var money = new Money(1m);

            Assert.That(money.Equals(null), Is.False);
            Assert.That(money.Equals(1m), Is.False);
        }

        [Test]
        public void Money_DefaultConstructor_Should_BeZero()
        {
            Assert.That(new Money().Value, Is.Zero);
            Assert.That(new OptionSetValue().Value, Is.Zero);
        }

        [Test]
        public void AliasedValue_Constructor_Should_SetAllProperties()
        {
            var value = new AliasedValue("contact", "fullname", "Ada Lovelace");

            Assert.That(value.EntityLogicalName, Is.EqualTo("contact"));
            Assert.That(value.AttributeLogicalName, Is.EqualTo("fullname"));
            Assert.That(value.Value, Is.EqualTo("Ada Lovelace"));
        }

        [Test]
        public void Relationship_Equals_Should_CompareSchemaNames()
        {
            var first = new Relationship("account_primary_contact");
            var same = new Relationship("account_primary_contact");
            var other = new Relationship("contact_customer_accounts");

            Assert.That(first.Equals(same), Is.True);
            Assert.That(first.GetHashCode(), Is.EqualTo(same.GetHashCode()));
            Assert.That(first.Equals(other), Is.False);
        }

        [Test]
        public void Relationship_PrimaryEntityRole_Should_DefaultToNull()
        {
            var relationship = new Relationship("account_parent_account");

            Assert.That(relationship.SchemaName, Is.EqualTo("account_parent_account"));
            Assert.That(relationship.PrimaryEntityRole, Is.Null);
        }
    }
}
