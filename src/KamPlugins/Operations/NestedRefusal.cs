using System;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Operations
{
    /// <summary>
    /// A plugin's refusal of a call an operation made (the approval engine refusing a submission)
    /// reaches the operation as the platform's fault — <c>FaultException&lt;OrganizationServiceFault&gt;</c>
    /// with error code IsvAborted and the refusing plugin's message. Passing it on as the same
    /// <see cref="InvalidPluginExecutionException"/> keeps that message for the user instead of the
    /// plugin base's "unexpected error". The fault is read through its public <c>Detail</c> property so
    /// the plugin needs no reference to System.ServiceModel.
    /// </summary>
    internal static class NestedRefusal
    {
        /// <summary>IsvAborted: a plugin threw InvalidPluginExecutionException (−2147220891, 0x80040265).</summary>
        internal const int IsvAborted = -2147220891;

        /// <summary>The refusing plugin's message when <paramref name="failure"/> is a plugin's refusal, else null.</summary>
        internal static string MessageOf(Exception failure)
        {
            if (failure is InvalidPluginExecutionException refusal) return refusal.Message;
            var detail = failure?.GetType().GetProperty("Detail", BindingFlags.Public | BindingFlags.Instance)?.GetValue(failure) as OrganizationServiceFault;
            return detail != null && detail.ErrorCode == IsvAborted && !string.IsNullOrEmpty(detail.Message) ? detail.Message : null;
        }

        /// <summary>The exception that shows the user the refusing plugin's message.</summary>
        internal static InvalidPluginExecutionException ToUser(Exception failure) =>
            failure as InvalidPluginExecutionException ?? new InvalidPluginExecutionException(OperationStatus.Failed, MessageOf(failure));
    }
}
