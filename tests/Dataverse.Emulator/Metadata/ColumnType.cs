namespace Dataverse.Emulator.Metadata
{
    /// <summary>The Dataverse column types the emulator stores, with the SDK value type each accepts.</summary>
    public enum ColumnType
    {
        /// <summary>Single line of text (<see cref="string"/>).</summary>
        String,

        /// <summary>Multiple lines of text (<see cref="string"/>).</summary>
        Memo,

        /// <summary>Whole number (<see cref="int"/>).</summary>
        Integer,

        /// <summary>Big integer (<see cref="long"/>).</summary>
        BigInt,

        /// <summary>Decimal number (<see cref="decimal"/>).</summary>
        Decimal,

        /// <summary>Floating point number (<see cref="double"/>).</summary>
        Double,

        /// <summary>Currency (<c>Money</c>).</summary>
        Money,

        /// <summary>Yes/No (<see cref="bool"/>).</summary>
        Boolean,

        /// <summary>Date and time (<see cref="System.DateTime"/>, stored as UTC).</summary>
        DateTime,

        /// <summary>Lookup to one or more tables (<c>EntityReference</c>).</summary>
        Lookup,

        /// <summary>Customer: a lookup to account or contact (<c>EntityReference</c>).</summary>
        Customer,

        /// <summary>Owner: a lookup to systemuser or team (<c>EntityReference</c>).</summary>
        Owner,

        /// <summary>Choice / option set (<c>OptionSetValue</c>).</summary>
        Choice,

        /// <summary>Multi-select choice (<c>OptionSetValueCollection</c>).</summary>
        MultiChoice,

        /// <summary>statecode (<c>OptionSetValue</c>).</summary>
        State,

        /// <summary>statuscode (<c>OptionSetValue</c>).</summary>
        Status,

        /// <summary>Unique identifier (<see cref="System.Guid"/>), including the primary key.</summary>
        UniqueIdentifier,
    }

    /// <summary>Who owns the rows of a table.</summary>
    public enum OwnershipType
    {
        /// <summary>User or team owned: ownerid, owninguser/owningteam, owningbusinessunit.</summary>
        UserOwned,

        /// <summary>Organization owned: no owner columns.</summary>
        OrganizationOwned,
    }

    /// <summary>The cascade behaviour of one action (Assign, Delete, Merge, ...) on a 1:N relationship.</summary>
    public enum CascadeType
    {
        /// <summary>Nothing happens to the related rows.</summary>
        NoCascade,

        /// <summary>The action is applied to every related row (through the pipeline).</summary>
        Cascade,

        /// <summary>Delete: the related rows' lookup is cleared.</summary>
        RemoveLink,

        /// <summary>Delete: refused while related rows exist.</summary>
        Restrict,
    }
}
