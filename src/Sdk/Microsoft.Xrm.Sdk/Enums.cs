namespace Microsoft.Xrm.Sdk
{
    /// <summary>The role of an entity in a self-referencing relationship.</summary>
    public enum EntityRole
    {
        Referencing = 0,
        Referenced = 1,
    }

    /// <summary>The change-tracking state of an entity.</summary>
    public enum EntityState
    {
        Unchanged = 0,
        Created = 1,
        Changed = 2,
    }

    /// <summary>Optimistic-concurrency behaviour of Update and Delete.</summary>
    public enum ConcurrencyBehavior
    {
        Default = 0,
        IfRowVersionMatches = 1,
        AlwaysOverwrite = 2,
    }

    /// <summary>The status a plugin reports to the platform.</summary>
    public enum OperationStatus
    {
        Failed = 0,
        Canceled = 1,
        Retry = 2,
        Suspended = 3,
        Succeeded = 4,
    }

    /// <summary>HTTP status a plugin exception asks the platform to return.</summary>
    public enum PluginHttpStatusCode
    {
        NotSet = 0,
        BadRequest = 400,
        Unauthorized = 401,
        Forbidden = 403,
        NotFound = 404,
        MethodNotAllowed = 405,
        RequestTimeout = 408,
        Conflict = 409,
        Gone = 410,
        PreconditionFailed = 412,
        RequestEntityTooLarge = 413,
        FailedDependency = 424,
        TooManyRequests = 429,
        InternalServerError = 500,
        BadGateway = 502,
        ServiceUnavailable = 503,
        GatewayTimeout = 504,
    }
}
