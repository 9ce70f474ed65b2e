using System;
using Dataverse.Emulator.Messages;
using KamPlugins.Guard;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.OwnershipLock
{
    public class SharedAccessTests
    {
        private static readonly EntityReference Colleague = new EntityReference("systemuser", new Guid("50000000-0000-0000-0000-000000000001"));

        private sealed class OtherShape
        {
            public EntityReference Principal { get; set; }

            public long AccessMask { get; set; }
        }

        private sealed class NoMask
        {
            public EntityReference Principal { get; set; }
        }

        [Test]
        public void TryRead_EmulatorPrincipalAccess_ShouldReadPrincipalAndMask()
        {
            var access = new PrincipalAccess { Principal = Colleague, AccessMask = AccessRights.ReadAccess | AccessRights.WriteAccess };
            Assert.That(SharedAccess.TryRead(access, out var principal, out var mask), Is.True);
            Assert.Multiple(() =>
            {
                Assert.That(principal, Is.EqualTo(Colleague));
                Assert.That(mask, Is.EqualTo(SharedAccess.ReadAccess | SharedAccess.WriteAccess));
            });
        }

        [Test]
        public void TryRead_AnyTypeOfTheSameShape_ShouldRead()
        {
            Assert.That(SharedAccess.TryRead(new OtherShape { Principal = Colleague, AccessMask = SharedAccess.AssignAccess }, out _, out var mask), Is.True);
            Assert.That(mask, Is.EqualTo(SharedAccess.AssignAccess));
        }

        [Test]
        public void TryRead_WrongShapes_ShouldBeFalse()
        {
            Assert.Multiple(() =>
            {
                Assert.That(SharedAccess.TryRead(null, out _, out _), Is.False);
                Assert.That(SharedAccess.TryRead("text", out _, out _), Is.False);
                Assert.That(SharedAccess.TryRead(new NoMask { Principal = Colleague }, out _, out _), Is.False);
                Assert.That(SharedAccess.TryRead(new PrincipalAccess { AccessMask = AccessRights.WriteAccess }, out _, out _), Is.False);
            });
        }

        [Test]
        public void Constants_ShouldBeTheDocumentedAccessRights()
        {
            Assert.Multiple(() =>
            {
                Assert.That(SharedAccess.ReadAccess, Is.EqualTo((long)AccessRights.ReadAccess));
                Assert.That(SharedAccess.WriteAccess, Is.EqualTo((long)AccessRights.WriteAccess));
                Assert.That(SharedAccess.AppendAccess, Is.EqualTo((long)AccessRights.AppendAccess));
                Assert.That(SharedAccess.AppendToAccess, Is.EqualTo((long)AccessRights.AppendToAccess));
                Assert.That(SharedAccess.CreateAccess, Is.EqualTo((long)AccessRights.CreateAccess));
                Assert.That(SharedAccess.DeleteAccess, Is.EqualTo((long)AccessRights.DeleteAccess));
                Assert.That(SharedAccess.ShareAccess, Is.EqualTo((long)AccessRights.ShareAccess));
                Assert.That(SharedAccess.AssignAccess, Is.EqualTo((long)AccessRights.AssignAccess));
            });
        }

        [TestCase(0L, ExpectedResult = false)]
        [TestCase(SharedAccess.ReadAccess, ExpectedResult = false)]
        [TestCase(SharedAccess.ReadAccess | SharedAccess.AppendAccess | SharedAccess.AppendToAccess | SharedAccess.DeleteAccess, ExpectedResult = false)]
        [TestCase(SharedAccess.WriteAccess, ExpectedResult = true)]
        [TestCase(SharedAccess.ShareAccess, ExpectedResult = true)]
        [TestCase(SharedAccess.AssignAccess, ExpectedResult = true)]
        public bool GivesControl_Mask_ShouldBeWriteAssignOrShare(long mask) => SharedAccess.GivesControl(mask);

        [TestCase(0L, ExpectedResult = "None")]
        [TestCase(SharedAccess.ReadAccess | SharedAccess.WriteAccess, ExpectedResult = "ReadAccess, WriteAccess")]
        public string Describe_Mask_ShouldNameTheRights(long mask) => SharedAccess.Describe(mask);
    }
}
