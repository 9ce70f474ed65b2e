using System;
using System.Globalization;
using System.Runtime.Serialization;
using System.Text;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The common part of the faults the services return.</summary>
    public class BaseServiceFault : IExtensibleDataObject
    {
        private ErrorDetailCollection errorDetails;

        public BaseServiceFault()
        {
            Timestamp = DateTime.UtcNow;
        }

        public int ErrorCode { get; set; }

        public ErrorDetailCollection ErrorDetails
        {
            get { return errorDetails ?? (errorDetails = new ErrorDetailCollection()); }
            set { errorDetails = value; }
        }

        public string Message { get; set; }

        public DateTime Timestamp { get; set; }

        public Guid ActivityId { get; set; }

        public string HelpLink { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>The fault of an organization service call (FaultException&lt;OrganizationServiceFault&gt;).</summary>
    public class OrganizationServiceFault : BaseServiceFault
    {
        public OrganizationServiceFault()
        {
        }

        public string TraceText { get; set; }

        public OrganizationServiceFault InnerFault { get; set; }

        public override string ToString()
        {
            var text = new StringBuilder();
            var fault = this;
            var depth = 0;
            while (fault != null)
            {
                if (depth > 0)
                {
                    text.AppendLine().Append("Inner fault: ");
                }

                text.Append("OrganizationServiceFault ErrorCode: ")
                    .Append(fault.ErrorCode.ToString(CultureInfo.InvariantCulture))
                    .Append(" (0x")
                    .Append(fault.ErrorCode.ToString("X8", CultureInfo.InvariantCulture))
                    .Append("), Message: ")
                    .Append(fault.Message);
                fault = fault.InnerFault;
                depth++;
            }

            return text.ToString();
        }
    }

    /// <summary>The fault of an ExecuteTransaction request: which request failed.</summary>
    public sealed class ExecuteTransactionFault : OrganizationServiceFault
    {
        public ExecuteTransactionFault()
        {
        }

        public int FaultedRequestIndex { get; set; }
    }
}
