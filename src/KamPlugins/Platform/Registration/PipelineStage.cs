namespace KamPlugins.Platform.Registration
{
    /// <summary>The event pipeline stage a step runs in (the values Dataverse stores in sdkmessageprocessingstep.stage).</summary>
    public enum PipelineStage
    {
        /// <summary>Before the platform's security checks; outside the transaction when the operation is top level.</summary>
        PreValidation = 10,

        /// <summary>Inside the transaction, before the main operation.</summary>
        PreOperation = 20,

        /// <summary>After the main operation; inside the transaction when synchronous.</summary>
        PostOperation = 40,
    }

    /// <summary>Whether a step runs in the user's save (synchronous) or after commit as a system job.</summary>
    public enum ExecutionMode
    {
        /// <summary>Runs inside the operation; can refuse it.</summary>
        Synchronous = 0,

        /// <summary>Runs after commit, can be retried or cancelled: never used to enforce anything.</summary>
        Asynchronous = 1,
    }
}
