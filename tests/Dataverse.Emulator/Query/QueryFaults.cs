using System;
using System.ServiceModel;
using Dataverse.Emulator.Faults;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Query
{
    /// <summary>The faults the query engine raises, with the codes and texts Dataverse reports.</summary>
    internal static class QueryFaults
    {
        public static FaultException<OrganizationServiceFault> NoEntity(string entityName) =>
            DataverseFault.Create(
                ErrorCodes.QueryBuilderNoEntity,
                $"The entity with a name = '{entityName}' with namemapping = 'Logical' was not found in the MetadataCache.");

        public static FaultException<OrganizationServiceFault> NoAttribute(string entityName, string attributeName) =>
            DataverseFault.Create(
                ErrorCodes.QueryBuilderNoAttribute,
                $"'{entityName}' entity doesn't contain attribute with Name = '{attributeName}'.");

        public static FaultException<OrganizationServiceFault> InvalidArgument(string message) =>
            DataverseFault.Create(ErrorCodes.InvalidArgument, message);

        public static FaultException<OrganizationServiceFault> AggregateLimitExceeded() =>
            DataverseFault.Create(
                ErrorCodes.AggregateQueryRecordLimitExceeded,
                "AggregateQueryRecordLimit exceeded. Cannot perform this operation.");

        public static FaultException<OrganizationServiceFault> WrongValueType(string entityName, string attributeName, string expected, string received) =>
            InvalidArgument(
                $"Condition for attribute '{entityName}.{attributeName}': expected argument(s) of type '{expected}' but received '{received}'.");

        public static FaultException<OrganizationServiceFault> WrongValueCount(string entityName, string attributeName, string operatorName, string expected, int received) =>
            InvalidArgument(
                $"Condition for attribute '{entityName}.{attributeName}': operator '{operatorName}' expects {expected} value(s) but received {received}.");

        /// <summary>The one kind of operator the emulator declines: it has no fiscal calendar, business units, languages or hierarchies.</summary>
        public static NotSupportedException NotEmulated(string what, string why) =>
            new NotSupportedException($"The Dataverse emulator does not support {what}: {why}.");
    }
}
