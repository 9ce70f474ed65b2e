using System;
using KamPlugins.Approvals;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    public class ChangedColumnsTests
    {
        private static readonly Guid Id = new Guid("00000000-0000-0000-0000-000000000001");

        private static object Value(string kind, int variant) => kind switch
        {
            "money" => new Money(100m * variant),
            "option" => new OptionSetValue(variant),
            "lookup" => new EntityReference(AccountTable.LogicalName, variant == 1 ? Id : Guid.NewGuid()) { Name = "name " + Guid.NewGuid() },
            "text" => "text " + variant,
            "int" => variant,
            "date" => new DateTime(2025, 1, variant, 0, 0, 0, DateTimeKind.Utc),
            "bool" => variant == 1,
            _ => null,
        };

        [TestCase("money")]
        [TestCase("option")]
        [TestCase("lookup")]
        [TestCase("text")]
        [TestCase("int")]
        [TestCase("date")]
        [TestCase("bool")]
        public void SameValue_EqualContentInNewInstances_ShouldBeTrue(string kind) => Assert.That(ChangedColumns.SameValue(Value(kind, 1), Value(kind, 1)), Is.True);

        [TestCase("money")]
        [TestCase("option")]
        [TestCase("lookup")]
        [TestCase("text")]
        [TestCase("int")]
        [TestCase("date")]
        [TestCase("bool")]
        public void SameValue_DifferentContent_ShouldBeFalse(string kind) => Assert.That(ChangedColumns.SameValue(Value(kind, 1), Value(kind, 2)), Is.False);

        [TestCase(null, null, true)]
        [TestCase(null, "", true)]
        [TestCase("x", null, false)]
        [TestCase(null, "x", false)]
        public void SameValue_NullAndEmpty_ShouldBe(string a, string b, bool expected) => Assert.That(ChangedColumns.SameValue(a, b), Is.EqualTo(expected));

        [Test]
        public void Changed_ColumnsPresentWithSameValue_ShouldNotBeChanges()
        {
            var pre = new Entity("kam_approvalrequest", Id) { ["a"] = new Money(1m), ["b"] = "x" };
            var target = new Entity("kam_approvalrequest", Id) { ["a"] = new Money(1m), ["b"] = "y", ["c"] = null, ["d"] = 5 };
            Assert.That(ChangedColumns.Changed(target, pre, new[] { "a", "b", "c", "d", "e" }), Is.EqualTo(new[] { "b", "d" }));
        }

        [Test]
        public void Changed_NoPreImage_ShouldTreatEveryValueAsNew()
        {
            var target = new Entity("kam_approvalrequest", Id) { ["a"] = 1, ["b"] = null };
            Assert.That(ChangedColumns.Changed(target, null, new[] { "a", "b" }), Is.EqualTo(new[] { "a" }));
        }
    }
}
