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

        /// <summary>
        /// Candidate rows for an equality on a Guid/EntityReference column (or the primary id), through the store's
        /// index, in creation order: every row whose column holds one of the ids, and possibly a few more (the caller
        /// filters). False when the index cannot answer (then scan).
        /// </summary>
        bool TryFind(string table, string column, IReadOnlyCollection<Guid> ids, out List<Entity> rows);
    }

    /// <summary>Index-assisted reads over any <see cref="IRowReader"/>.</summary>
    internal static class RowReaderExtensions
    {
        /// <summary>
        /// The rows that may hold <paramref name="id"/> in <paramref name="column"/>: through the index when it can
        /// answer, otherwise every row (<see cref="IRowReader.Scan"/>). The caller still tests each row.
        /// </summary>
        public static IEnumerable<Entity> Candidates(this IRowReader reader, string table, string column, Guid id) =>
            reader.TryFind(table, column, new[] { id }, out var rows) ? rows : reader.Scan(table);
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

        public bool TryFind(string table, string column, IReadOnlyCollection<Guid> ids, out List<Entity> rows)
        {
            var found = new List<StoredRow>();
            if (!store.TryLookup(table, column, ids, found))
            {
                rows = null;
                return false;
            }

            found.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
            rows = found.ConvertAll(r => r.Row);
            return true;
        }
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
