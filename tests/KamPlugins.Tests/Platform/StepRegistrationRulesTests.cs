using System;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Platform
{
    public class StepRegistrationRulesTests
    {
        private sealed class ValidPlugin : IPlugin
        {
            public ValidPlugin(string unsecure, string secure)
            {
            }

            public void Execute(IServiceProvider serviceProvider)
            {
            }
        }

        private sealed class NoConfigurationConstructor : IPlugin
        {
            public void Execute(IServiceProvider serviceProvider)
            {
            }
        }

        private static PluginStepAttribute Step(string message, PipelineStage stage, string[] filtering = null, string[] pre = null, string[] post = null) =>
            new PluginStepAttribute(message, "account", stage) { FilteringAttributes = filtering, PreImage = pre, PostImage = post };

        [Test]
        public void Problems_ValidUpdateStep_ShouldBeNone()
        {
            var step = Step(MessageNames.Update, PipelineStage.PostOperation, new[] { "ownerid" }, new[] { "ownerid" }, new[] { "ownerid" });
            Assert.That(StepRegistrationRules.Problems(typeof(ValidPlugin), step, null), Is.Empty);
        }

        [TestCase(MessageNames.Update, PipelineStage.PreOperation, null, null, null, "filtering attributes")]
        [TestCase(MessageNames.Retrieve, PipelineStage.PreOperation, null, null, null, "Retrieve")]
        [TestCase(MessageNames.RetrieveMultiple, PipelineStage.PreOperation, null, null, null, "Retrieve")]
        [TestCase(MessageNames.UpdateMultiple, PipelineStage.PreOperation, null, null, null, "single message")]
        [TestCase(MessageNames.CreateMultiple, PipelineStage.PreOperation, null, null, null, "single message")]
        [TestCase("kam_NoSuchMessage", PipelineStage.PreOperation, null, null, null, "sdkmessage id")]
        [TestCase(MessageNames.Create, PipelineStage.PreOperation, null, "name", null, "no pre-image")]
        [TestCase(MessageNames.Delete, PipelineStage.PostOperation, null, null, "name", "no post-image")]
        [TestCase(MessageNames.Update, PipelineStage.PreOperation, "name", null, "name", "only in PostOperation")]
        [TestCase(MessageNames.Win, PipelineStage.PreOperation, null, "name", null, "no pre-image")]
        [TestCase(MessageNames.Assign, PipelineStage.PreOperation, "ownerid", null, null, "Create and Update only")]
        [TestCase(MessageNames.Update, PipelineStage.PreOperation, "name", "", null, "empty pre-image")]
        public void Problems_InvalidStep_ShouldNameTheProblem(string message, PipelineStage stage, string filtering, string pre, string post, string expected)
        {
            string[] Split(string columns) => columns == null ? null : columns.Length == 0 ? new string[0] : columns.Split(',');
            var step = Step(message, stage, Split(filtering), Split(pre), Split(post));
            Assert.That(StepRegistrationRules.Problems(typeof(ValidPlugin), step, null), Has.Some.Contains(expected));
        }

        [Test]
        public void Problems_AsynchronousPreOperation_ShouldBeRefused()
        {
            var step = Step(MessageNames.Create, PipelineStage.PreOperation);
            step.Mode = ExecutionMode.Asynchronous;
            Assert.That(StepRegistrationRules.Problems(typeof(ValidPlugin), step, null), Has.Some.Contains("asynchronous"));
        }

        [Test]
        public void Problems_CustomApiMessage_ShouldBeAccepted()
        {
            var step = new PluginStepAttribute("kam_Custom", null, PipelineStage.PostOperation);
            Assert.That(StepRegistrationRules.Problems(typeof(ValidPlugin), step, new[] { "kam_Custom" }), Is.Empty);
        }

        [Test]
        public void Problems_ClassWithoutConfigurationConstructor_ShouldBeRefused()
        {
            var step = Step(MessageNames.Create, PipelineStage.PreOperation);
            Assert.That(StepRegistrationRules.Problems(typeof(NoConfigurationConstructor), step, null), Has.Some.Contains("constructor"));
        }

        [Test]
        public void Problems_ClassThatIsNotAPlugin_ShouldBeRefused()
        {
            var step = Step(MessageNames.Create, PipelineStage.PreOperation);
            Assert.That(StepRegistrationRules.Problems(typeof(string), step, null), Has.Some.Contains("IPlugin"));
        }

        [Test]
        public void Problems_TheProductAssembly_ShouldBeNone()
        {
            Assert.That(StepRegistrationRules.Problems(typeof(PluginBase).Assembly), Is.Empty);
        }
    }
}
