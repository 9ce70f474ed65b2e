using System;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Sdk.Tests
{
    [TestFixture]
    public sealed class ExceptionAndFaultTests
    {
        private const int DefaultErrorCode = -2146233088;

        [Test]
        public void InvalidPluginExecutionException_Message_Should_HaveDefaultErrorCodeAndFailedStatus()
        {
            var exception = new InvalidPluginExecutionException("Not allowed.");

            Assert.That(exception.Message, Is.EqualTo("Not allowed."));
            Assert.That(exception.ErrorCode, Is.EqualTo(DefaultErrorCode));
            Assert.That(exception.Status, Is.EqualTo(OperationStatus.Failed));
        }

        [Test]
        public void InvalidPluginExecutionException_MessageAndInner_Should_KeepBoth()
        {
            var inner = new InvalidOperationException("inner");

            var exception = new InvalidPluginExecutionException("outer", inner);

            Assert.That(exception.Message, Is.EqualTo("outer"));
            Assert.That(exception.InnerException, Is.SameAs(inner));
            Assert.That(exception.Status, Is.EqualTo(OperationStatus.Failed));
        }

        [TestCase(OperationStatus.Failed)]
        [TestCase(OperationStatus.Canceled)]
        [TestCase(OperationStatus.Succeeded)]
        public void InvalidPluginExecutionException_StatusAndMessage_Should_KeepTheStatus(OperationStatus status)
        {
            var exception = new InvalidPluginExecutionException(status, "message");

            Assert.That(exception.Status, Is.EqualTo(status));
            Assert.That(exception.Message, Is.EqualTo("message"));
        }

        [Test]
        public void InvalidPluginExecutionException_ErrorCode_Should_BeKept()
        {
            var exception = new InvalidPluginExecutionException(OperationStatus.Failed, unchecked((int)0x80040265), "custom");

            Assert.That(exception.ErrorCode, Is.EqualTo(unchecked((int)0x80040265)));
            Assert.That(exception.Message, Is.EqualTo("custom"));
        }

        [Test]
        public void InvalidPluginExecutionException_HttpStatus_Should_BeKept()
        {
            var exception = new InvalidPluginExecutionException("conflict", PluginHttpStatusCode.Conflict);
            var full = new InvalidPluginExecutionException(OperationStatus.Failed, 42, "gone", PluginHttpStatusCode.Gone);

            Assert.That(exception.HttpStatus, Is.EqualTo(PluginHttpStatusCode.Conflict));
            Assert.That(full.HttpStatus, Is.EqualTo(PluginHttpStatusCode.Gone));
            Assert.That(full.ErrorCode, Is.EqualTo(42));
        }

        [Test]
        public void InvalidPluginExecutionException_Should_BeAnException()
        {
            Exception exception = new InvalidPluginExecutionException();

            Assert.That(exception, Is.InstanceOf<InvalidPluginExecutionException>());
            Assert.That(((InvalidPluginExecutionException)exception).Status, Is.EqualTo(OperationStatus.Failed));
        }

        [Test]
        public void OrganizationServiceFault_Properties_Should_BeReadBack()
        {
            var activity = Guid.NewGuid();
            var timestamp = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            var inner = new OrganizationServiceFault { ErrorCode = 1, Message = "inner" };

            var fault = new OrganizationServiceFault
            {
                ErrorCode = unchecked((int)0x80040237),
                Message = "Duplicate",
                TraceText = "trace",
                InnerFault = inner,
                Timestamp = timestamp,
                ActivityId = activity,
                HelpLink = "https://example.invalid/help",
                ErrorDetails = new ErrorDetailCollection { { "key", "value" } },
            };

            Assert.That(fault.ErrorCode, Is.EqualTo(unchecked((int)0x80040237)));
            Assert.That(fault.Message, Is.EqualTo("Duplicate"));
            Assert.That(fault.TraceText, Is.EqualTo("trace"));
            Assert.That(fault.InnerFault, Is.SameAs(inner));
            Assert.That(fault.Timestamp, Is.EqualTo(timestamp));
            Assert.That(fault.ActivityId, Is.EqualTo(activity));
            Assert.That(fault.HelpLink, Is.EqualTo("https://example.invalid/help"));
            Assert.That(fault.ErrorDetails["key"], Is.EqualTo("value"));
            Assert.That(fault, Is.InstanceOf<BaseServiceFault>());
        }

        [Test]
        public void ExecuteTransactionFault_FaultedRequestIndex_Should_BeReadBack()
        {
            var fault = new ExecuteTransactionFault { FaultedRequestIndex = 3, Message = "failed" };

            Assert.That(fault.FaultedRequestIndex, Is.EqualTo(3));
            Assert.That(fault, Is.InstanceOf<OrganizationServiceFault>());
        }
    }
}
