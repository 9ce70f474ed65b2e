using System;
using System.Collections.Generic;
using System.Linq;
using KamPlugins.Goals.Definitions;
using KamPlugins.Goals.Recalculation;
using KamPlugins.Goals.RollupQueries;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Goals.Data
{
    /// <summary>Reads source records for the goal engine.</summary>
    internal static class SourceReader
    {
        /// <summary>
        /// The record with exactly the named columns (1 Retrieve). Called only where the record exists:
        /// PostOperation of Create, Update, Assign, SetState, Win and Lose, PreOperation of Delete.
        /// </summary>
        internal static SourceRecord Read(IOrganizationService service, string table, Guid id, IEnumerable<string> columns)
        {
            var names = columns.Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal).ToArray();
            var row = service.Retrieve(table, id, new ColumnSet(names));
            return new SourceRecord(table, id, names, row.Attributes);
        }

        /// <summary>
        /// Asks the platform whether the record meets a rollup query the engine cannot evaluate in
        /// memory (1 RetrieveMultiple of at most one row): the query with one more condition, the
        /// record's id.
        /// </summary>
        internal static bool MeetsQuery(IOrganizationService service, RollupQuery query, string table, Guid id) =>
            service.RetrieveMultiple(new FetchExpression(FetchXmlQueries.RecordMatch(query, table, id))).Entities.Count > 0;
    }
}
