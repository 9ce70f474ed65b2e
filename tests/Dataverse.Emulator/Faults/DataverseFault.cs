using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Faults
{
    /// <summary>Builds the exception a client of the real platform receives: <c>FaultException&lt;OrganizationServiceFault&gt;</c>.</summary>
    public static class DataverseFault
    {
        /// <summary>A fault with the given error code and message.</summary>
        public static FaultException<OrganizationServiceFault> Create(int errorCode, string message, Action<ErrorDetailCollection> details = null)
        {
            var fault = new OrganizationServiceFault { ErrorCode = errorCode, Message = message, Timestamp = DateTime.UtcNow };
            details?.Invoke(fault.ErrorDetails);
            return new FaultException<OrganizationServiceFault>(fault, new FaultReason(message));
        }

        /// <summary>The error code of a fault the emulator raised, or null for any other exception.</summary>
        public static int? CodeOf(Exception exception) =>
            exception is FaultException<OrganizationServiceFault> fault ? fault.Detail?.ErrorCode : null;
    }
}
