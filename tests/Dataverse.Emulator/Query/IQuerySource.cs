using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Query
{
    /// <summary>
    /// What the query engine reads: the rows of a table as the querying operation sees them, and the
    /// metadata it needs to fail on unknown tables and columns the way Dataverse fails.
    /// </summary>
    public interface IQuerySource
    {
        /// <summary>True when the table exists.</summary>
        bool TableExists(string logicalName);

        /// <summary>True when the table has the column.</summary>
        bool ColumnExists(string logicalName, string column);

        /// <summary>The primary key column of a table (e.g. accountid).</summary>
        string PrimaryIdColumn(string logicalName);

        /// <summary>
        /// The rows of a table, in a stable order (creation order). The engine must not mutate them; it
        /// copies the columns it returns.
        /// </summary>
        IEnumerable<Entity> Rows(string logicalName);
    }

    /// <summary>
    /// A source that can also narrow a table to the rows whose column (a lookup, the owner, another unique identifier,
    /// or the primary id) holds one of a few ids, through an index. Optional: the engine checks for it and otherwise
    /// reads <see cref="IQuerySource.Rows"/>.
    /// </summary>
    public interface IIndexedQuerySource : IQuerySource
    {
        /// <summary>
        /// Every row of the table (as <see cref="IQuerySource.Rows"/> sees it) whose column holds one of the ids (a Guid,
        /// or an EntityReference with that id), possibly with a few rows more, in the order of
        /// <see cref="IQuerySource.Rows"/>. The engine applies the query's whole filter to them. False when the source
        /// cannot answer for the column; the engine then reads every row.
        /// </summary>
        bool TryRowsWhere(string logicalName, string column, IReadOnlyCollection<Guid> ids, out IEnumerable<Entity> rows);
    }

    /// <summary>Who queries and when: what the date operators and the user operators are evaluated against.</summary>
    public sealed class QueryContext
    {
        /// <summary>Creates a context.</summary>
        public QueryContext(DateTime utcNow, Guid callerId, IReadOnlyCollection<Guid> callerTeamIds = null)
        {
            UtcNow = utcNow;
            CallerId = callerId;
            CallerTeamIds = callerTeamIds ?? Array.Empty<Guid>();
        }

        /// <summary>The current instant (the emulator's clock), UTC.</summary>
        public DateTime UtcNow { get; }

        /// <summary>The querying user (EqualUserId, EqualUserOrUserTeams, …).</summary>
        public Guid CallerId { get; }

        /// <summary>The teams the querying user belongs to.</summary>
        public IReadOnlyCollection<Guid> CallerTeamIds { get; }

        /// <summary>Aggregate record limit (Dataverse: 50,000); exceeding it fails with AggregateQueryRecordLimitExceeded.</summary>
        public int AggregateRecordLimit { get; set; } = 50000;
    }
}
