using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Storage
{
    /// <summary>Reads rows: a transaction (its own writes over committed rows) or the committed store.</summary>
    internal interface IRowReader
    {
        StoredRow Read(string table, Guid id);

        List<Entity> Rows(string table);

        /// <summary>The rows of a table in no particular order (cheaper than <see cref="Rows"/>).</summary>
        IEnumerable<Entity> Scan(string table);
    }

    /// <summary>Reads committed rows only.</summary>
    internal sealed class CommittedReader : IRowReader
    {
        private readonly RowStore store;

        public CommittedReader(RowStore store)
        {
            this.store = store;
        }

        public StoredRow Read(string table, Guid id) => store.Get(table, id);

        public List<Entity> Rows(string table) => store.Snapshot(table).OrderBy(r => r.Sequence).Select(r => r.Row).ToList();

        public IEnumerable<Entity> Scan(string table) => store.Snapshot(table).Select(r => r.Row);
    }

    /// <summary>Who writes, when, and how strictly.</summary>
    internal sealed class WriteInfo
    {
        public WriteInfo(Guid userId, Guid? onBehalfOf, DateTime now, bool seeding, bool checkLookups)
        {
            UserId = userId;
            OnBehalfOf = onBehalfOf;
            Now = now;
            Seeding = seeding;
            CheckLookups = checkLookups;
        }

        /// <summary>The user recorded as createdby/modifiedby and default owner.</summary>
        public Guid UserId { get; }

        /// <summary>The impersonating (authenticated) user, recorded as createdonbehalfby.</summary>
        public Guid? OnBehalfOf { get; }

        public DateTime Now { get; }

        /// <summary>Test setup: statecode may be set on create and system columns may be given.</summary>
        public bool Seeding { get; }

        public bool CheckLookups { get; }
    }
}
