using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The exception a plugin throws to fail the operation with a message for the user.</summary>
    [Serializable]
    public sealed class InvalidPluginExecutionException : Exception, ISerializable
    {
        // 0x80131500: the platform's generic "ISV aborted" code, the default error code.
        private const int DefaultErrorCode = -2146233088;

        private readonly OperationStatus status;
        private readonly int errorCode = DefaultErrorCode;
        private readonly PluginHttpStatusCode httpStatus;

        public InvalidPluginExecutionException()
        {
        }

        public InvalidPluginExecutionException(string message)
            : base(message)
        {
        }

        public InvalidPluginExecutionException(string message, Exception inner)
            : base(message, inner)
        {
        }

        public InvalidPluginExecutionException(OperationStatus status)
        {
            this.status = status;
        }

        public InvalidPluginExecutionException(OperationStatus status, string message)
            : base(message)
        {
            this.status = status;
        }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
            : base(message)
        {
            this.status = status;
            this.errorCode = errorCode;
        }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus)
            : base(message)
        {
            this.status = status;
            this.errorCode = errorCode;
            this.httpStatus = httpStatus;
        }

        public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
            : base(message)
        {
            this.httpStatus = httpStatus;
        }

#if NETFRAMEWORK
        private InvalidPluginExecutionException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
            status = (OperationStatus)info.GetInt32("Status");
            errorCode = info.GetInt32("ErrorCode");
            httpStatus = (PluginHttpStatusCode)info.GetInt32("HttpStatus");
        }

        public override void GetObjectData(SerializationInfo info, StreamingContext context)
        {
            base.GetObjectData(info, context);
            info.AddValue("Status", (int)status);
            info.AddValue("ErrorCode", errorCode);
            info.AddValue("HttpStatus", (int)httpStatus);
        }
#endif

        public OperationStatus Status
        {
            get { return status; }
        }

        public int ErrorCode
        {
            get { return errorCode; }
        }

        public PluginHttpStatusCode HttpStatus
        {
            get { return httpStatus; }
        }
    }
}
