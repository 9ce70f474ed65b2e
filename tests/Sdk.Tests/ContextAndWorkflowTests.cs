using System;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Extensions;
using Microsoft.Xrm.Sdk.Workflow;
using NUnit.Framework;

namespace Sdk.Tests
{
    [TestFixture]
    public sealed class ContextAndWorkflowTests
    {
        [TestCase(typeof(IPluginExecutionContext), typeof(IExecutionContext))]
        [TestCase(typeof(IPluginExecutionContext2), typeof(IPluginExecutionContext))]
        [TestCase(typeof(IWorkflowContext), typeof(IExecutionContext))]
        [TestCase(typeof(RemoteExecutionContext), typeof(IPluginExecutionContext))]
        public void ContextType_Should_DeriveFromItsBase(Type type, Type baseType)
        {
            Assert.That(baseType.IsAssignableFrom(type), Is.True);
        }

        [Test]
        public void RemoteExecutionContext_Should_ExposeItsValuesThroughThePluginContext()
        {
            var parent = new RemoteExecutionContext { MessageName = "Update" };
            var context = new RemoteExecutionContext { MessageName = "Create", PrimaryEntityName = "account", Stage = 40, Depth = 2, ParentContext = parent };
            context.InputParameters["Target"] = new Entity("account");

            IPluginExecutionContext pluginContext = context;

            Assert.That(pluginContext.MessageName, Is.EqualTo("Create"));
            Assert.That(pluginContext.PrimaryEntityName, Is.EqualTo("account"));
            Assert.That(pluginContext.Stage, Is.EqualTo(40));
            Assert.That(pluginContext.Depth, Is.EqualTo(2));
            Assert.That(pluginContext.InputParameters.Contains("Target"), Is.True);
            Assert.That(pluginContext.ParentContext, Is.SameAs(parent));
            Assert.That(pluginContext.PreEntityImages, Is.Empty);
            Assert.That(pluginContext.SharedVariables, Is.Empty);
        }

        [Test]
        public void ServiceProviderGet_Should_ReturnTheRequestedService()
        {
            var tracing = new RecordingTracingService();
            var provider = new SingleServiceProvider(typeof(ITracingService), tracing);

            var resolved = provider.Get<ITracingService>();
            resolved.Trace("{0}-{1}", "a", 1);

            Assert.That(resolved, Is.SameAs(tracing));
            Assert.That(tracing.Last, Is.EqualTo("a-1"));
        }

        [Test]
        public void InputAndOutputAttributes_Should_KeepTheParameterName()
        {
            var input = new InputAttribute("Amount");
            var output = new OutputAttribute("Total");

            Assert.That(input.Name, Is.EqualTo("Amount"));
            Assert.That(output.Name, Is.EqualTo("Total"));
            Assert.That(input, Is.InstanceOf<ParameterAttribute>());
            Assert.That(output, Is.InstanceOf<ParameterAttribute>());
        }

        [Test]
        public void ReferenceTargetAttribute_Should_KeepTheEntityName()
        {
            Assert.That(new ReferenceTargetAttribute("account").EntityName, Is.EqualTo("account"));
        }

        [Test]
        public void AttributeTargetAttribute_Should_KeepEntityAndAttribute()
        {
            var attribute = new AttributeTargetAttribute("account", "industrycode");

            Assert.That(attribute.EntityName, Is.EqualTo("account"));
            Assert.That(attribute.AttributeName, Is.EqualTo("industrycode"));
        }

        [Test]
        public void DefaultAttribute_Should_KeepValueAndEntityName()
        {
            var plain = new DefaultAttribute("42");
            var reference = new DefaultAttribute("{0B8F5C2E-58F4-4F52-9B4A-3C7D0E6A1F10}", "account");

            Assert.That(plain.Value, Is.EqualTo("42"));
            Assert.That(plain.EntityName, Is.Null);
            Assert.That(reference.Value, Is.EqualTo("{0B8F5C2E-58F4-4F52-9B4A-3C7D0E6A1F10}"));
            Assert.That(reference.EntityName, Is.EqualTo("account"));
        }

        [Test]
        public void WorkflowAttributes_OnAProperty_Should_BeReadableByReflection()
        {
            var property = typeof(ActivityArguments).GetProperty(nameof(ActivityArguments.Customer));

            Assert.That(property.GetCustomAttribute<InputAttribute>().Name, Is.EqualTo("Customer"));
            Assert.That(property.GetCustomAttribute<ReferenceTargetAttribute>().EntityName, Is.EqualTo("account"));
        }

        private sealed class ActivityArguments
        {
            [Input("Customer")]
            [ReferenceTarget("account")]
            public EntityReference Customer { get; set; }
        }

        private sealed class RecordingTracingService : ITracingService
        {
            public string Last { get; private set; }

            public void Trace(string format, params object[] args)
            {
                Last = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
            }
        }

        private sealed class SingleServiceProvider : IServiceProvider
        {
            private readonly Type type;
            private readonly object service;

            public SingleServiceProvider(Type type, object service)
            {
                this.type = type;
                this.service = service;
            }

            public object GetService(Type serviceType)
            {
                return serviceType == type ? service : null;
            }
        }
    }
}
