using System;
using KamPlugins.Guard;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.OwnershipLock
{
    public class ColumnValuesTests
    {
        private static readonly Guid Id = new Guid("40000000-0000-0000-0000-000000000001");

        private static object Value(string kind)
        {
            switch (kind)
            {
                case "null": return null;
                case "user": return new EntityReference("systemuser", Id);
                case "user-named": return new EntityReference("systemuser", Id) { Name = "Li" };
                case "user-upper": return new EntityReference("SystemUser", Id);
                case "team": return new EntityReference("team", Id);
                case "money5": return new Money(5m);
                case "money5b": return new Money(5.00m);
                case "money6": return new Money(6m);
                case "option1": return new OptionSetValue(1);
                case "option1b": return new OptionSetValue(1);
                case "option2": return new OptionSetValue(2);
                case "true": return true;
                case "false": return false;
                default: throw new ArgumentOutOfRangeException(nameof(kind));
            }
        }

        [TestCase("null", "null", true)]
        [TestCase("null", "user", false)]
        [TestCase("user", "null", false)]
        [TestCase("user", "user-named", true)]
        [TestCase("user", "user-upper", true)]
        [TestCase("user", "team", false)]
        [TestCase("money5", "money5b", true)]
        [TestCase("money5", "money6", false)]
        [TestCase("option1", "option1b", true)]
        [TestCase("option1", "option2", false)]
        [TestCase("true", "true", true)]
        [TestCase("true", "false", false)]
        public void AreEqual_Values_ShouldCompareByMeaning(string left, string right, bool expected)
        {
            Assert.That(ColumnValues.AreEqual(Value(left), Value(right)), Is.EqualTo(expected));
        }

        [TestCase(null, "x", ExpectedResult = "NotInRequest")]
        [TestCase("a", null, ExpectedResult = "Unknown")]
        [TestCase("a", "a", ExpectedResult = "Unchanged")]
        [TestCase("a", "b", ExpectedResult = "Changed")]
        public string Of_TargetAgainstPreImage_ShouldJudgeTheChange(string inTarget, string inImage)
        {
            var target = new Entity("account");
            if (inTarget != null) target[AccountTable.Name] = inTarget;
            var image = new Entity("account");
            if (inImage != null) image[AccountTable.Name] = inImage;
            return ColumnChanges.Of(AccountTable.Name, target, image).ToString();
        }

        [Test]
        public void Of_NoPreImage_ShouldBeUnknown()
        {
            var target = new Entity("account") { [CommonColumns.OwnerId] = new EntityReference("systemuser", Id) };
            Assert.That(ColumnChanges.Of(CommonColumns.OwnerId, target, null), Is.EqualTo(ColumnChange.Unknown));
        }

        [Test]
        public void Describe_Values_ShouldBeReadable()
        {
            Assert.Multiple(() =>
            {
                Assert.That(ColumnValues.Describe(null), Is.EqualTo("(empty)"));
                Assert.That(ColumnValues.Describe(new EntityReference("systemuser", Id) { Name = "Li" }), Is.EqualTo("Li (" + Id.ToString("D") + ")"));
                Assert.That(ColumnValues.Describe(new EntityReference("systemuser", Id)), Is.EqualTo("systemuser:" + Id.ToString("D")));
                Assert.That(ColumnValues.Describe(new Money(1234.5m)), Is.EqualTo("1234.5"));
                Assert.That(ColumnValues.Describe(new OptionSetValue(1)), Is.EqualTo("1"));
                Assert.That(ColumnValues.Describe(true), Is.EqualTo("true"));
            });
        }
    }
}
