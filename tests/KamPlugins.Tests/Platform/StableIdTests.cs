using System;
using KamPlugins.Platform.Registration;
using NUnit.Framework;

namespace KamPlugins.Tests.Platform
{
    public class StableIdTests
    {
        // Expected values computed independently with Python's uuid.uuid5 (RFC 4122 version 5).
        [TestCase("step:example", "658064a4-ad8a-56c2-a46b-9b117f93d67b")]
        [TestCase("插件", "91642f7e-2359-5df9-91ff-7e8917e75c38")]
        public void For_Name_ShouldBeTheRfc4122Version5Id(string name, string expected)
        {
            Assert.That(StableId.For(name), Is.EqualTo(new Guid(expected)));
        }

        [Test]
        public void For_DifferentNames_ShouldDiffer()
        {
            Assert.That(StableId.For("step:a"), Is.Not.EqualTo(StableId.For("step:b")));
        }
    }
}
