using System;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Messages
{
    /// <summary>Access rights of a share (the values of Microsoft.Crm.Sdk.Messages.AccessRights).</summary>
    [Flags]
    public enum AccessRights
    {
        /// <summary>No access.</summary>
        None = 0,

        /// <summary>Read.</summary>
        ReadAccess = 1,

        /// <summary>Write.</summary>
        WriteAccess = 2,

        /// <summary>Append.</summary>
        AppendAccess = 4,

        /// <summary>Append to.</summary>
        AppendToAccess = 16,

        /// <summary>Create.</summary>
        CreateAccess = 32,

        /// <summary>Delete.</summary>
        DeleteAccess = 65536,

        /// <summary>Share.</summary>
        ShareAccess = 262144,

        /// <summary>Assign.</summary>
        AssignAccess = 524288,
    }

    /// <summary>
    /// The "PrincipalAccess" parameter of GrantAccess/ModifyAccess, shaped like
    /// Microsoft.Crm.Sdk.Messages.PrincipalAccess (Proxy assembly, not available here): the emulator and
    /// the product read <see cref="Principal"/> and <see cref="AccessMask"/> by name, so either type works.
    /// </summary>
    public sealed class PrincipalAccess
    {
        /// <summary>The user or team the record is shared with.</summary>
        public EntityReference Principal { get; set; }

        /// <summary>The rights.</summary>
        public AccessRights AccessMask { get; set; }
    }

    /// <summary>One share of a record (a principalobjectaccess row).</summary>
    public sealed class Share
    {
        internal Share(EntityReference record, EntityReference principal, AccessRights rights)
        {
            Record = record;
            Principal = principal;
            Rights = rights;
        }

        /// <summary>The shared record.</summary>
        public EntityReference Record { get; }

        /// <summary>The user or team it is shared with.</summary>
        public EntityReference Principal { get; }

        /// <summary>The rights granted.</summary>
        public AccessRights Rights { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Record.LogicalName}({Record.Id}) → {Principal.LogicalName}({Principal.Id}): {Rights}";
    }
}
