using System;
using Dataverse.Emulator.Faults;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Support
{
    /// <summary>Helpers for inline test plugins.</summary>
    internal static class Plugin
    {
        public static IPluginExecutionContext Context(this IServiceProvider sp) => (IPluginExecutionContext)sp.GetService(typeof(IPluginExecutionContext));

        public static IOrganizationService Service(this IServiceProvider sp, Guid? userId) =>
            ((IOrganizationServiceFactory)sp.GetService(typeof(IOrganizationServiceFactory))).CreateOrganizationService(userId);

        public static IOrganizationService UserService(this IServiceProvider sp) => sp.Service(sp.Context().UserId);

        public static Entity Target(this IServiceProvider sp) => (Entity)sp.Context().InputParameters["Target"];

        public static PluginStepAttribute Step(string message, string entity, PipelineStage stage, int rank = 1) =>
            new PluginStepAttribute(message, entity, stage) { Rank = rank };

        public static int FaultCode(Action action)
        {
            var fault = Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(action);
            return fault.Detail.ErrorCode;
        }

        public static System.ServiceModel.FaultException<OrganizationServiceFault> Fault(Action action) =>
            Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(action);

        public static int? CodeOf(Exception e) => DataverseFault.CodeOf(e);
    }
}
