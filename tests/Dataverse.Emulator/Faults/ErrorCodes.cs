namespace Dataverse.Emulator.Faults
{
    /// <summary>
    /// The Dataverse error codes the emulator reports (platform-facts.md, "Error codes a client sees"),
    /// as the <c>OrganizationServiceFault.ErrorCode</c> a client of the real platform receives.
    /// </summary>
    public static class ErrorCodes
    {
        /// <summary>A plugin threw InvalidPluginExecutionException (its message is shown).</summary>
        public const int IsvAborted = unchecked((int)0x80040265);
        /// <summary>A plugin threw anything else.</summary>
        public const int IsvUnExpected = unchecked((int)0x80040224);
        /// <summary>A plugin swallowed a failed service call inside the transaction.</summary>
        public const int IsvTransactionCount = unchecked((int)0x8009000C);
        /// <summary>A call after a failed call inside the transaction.</summary>
        public const int TransactionNotStarted = unchecked((int)0x80040251);
        /// <summary>Record not found.</summary>
        public const int ObjectDoesNotExist = unchecked((int)0x80040217);
        /// <summary>Alternate key not found.</summary>
        public const int RecordNotFoundByEntityKey = unchecked((int)0x80060891);
        /// <summary>Duplicate id on create.</summary>
        public const int DuplicateRecord = unchecked((int)0x80040237);
        /// <summary>Duplicate alternate key.</summary>
        public const int DuplicateRecordEntityKey = unchecked((int)0x80060892);
        /// <summary>Unknown column.</summary>
        public const int QueryBuilderNoAttribute = unchecked((int)0x80041103);
        /// <summary>Unknown table.</summary>
        public const int QueryBuilderNoEntity = unchecked((int)0x80041102);
        /// <summary>Wrong value type for a column.</summary>
        public const int IncorrectAttributeValueType = unchecked((int)0x80044354);
        /// <summary>Bad argument (including a required column set to null).</summary>
        public const int InvalidArgument = unchecked((int)0x80040203);
        /// <summary>Invalid state/status pair.</summary>
        public const int InvalidStateCodeStatusCode = unchecked((int)0x80048408);
        /// <summary>Opportunity set to Won/Lost by SetState/Update.</summary>
        public const int CannotUseOpportunitySetStateMessage = unchecked((int)0x80100005);
        /// <summary>Closing an already closed opportunity.</summary>
        public const int OpportunityIsAlreadyClosed = unchecked((int)0x80040515);
        /// <summary>Aggregate over 50,000 records.</summary>
        public const int AggregateQueryRecordLimitExceeded = unchecked((int)0x8004E023);
        /// <summary>RowVersion mismatch.</summary>
        public const int ConcurrencyVersionMismatch = -2147088254;
        /// <summary>RowVersion required but missing.</summary>
        public const int ConcurrencyVersionNotProvided = -2147088253;
        /// <summary>Optimistic concurrency not enabled on the table.</summary>
        public const int OptimisticConcurrencyNotEnabled = -2147088243;
        /// <summary>Depth over 8.</summary>
        public const int SdkCorrelationTokenDepthTooHigh = unchecked((int)0x80044182);
        /// <summary>Missing privilege (including the bypass privileges).</summary>
        public const int PrivilegeDenied = unchecked((int)0x80040220);
        /// <summary>No access to the record.</summary>
        public const int AccessDenied = unchecked((int)0x80048306);
        /// <summary>Assignee lacks privileges.</summary>
        public const int PrincipalPrivilegeDenied = unchecked((int)0x80040231);
        /// <summary>Generic SQL error (deadlock).</summary>
        public const int SqlError = unchecked((int)0x80044150);
    }
}
