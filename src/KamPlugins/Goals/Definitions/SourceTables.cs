using System;
using System.Collections.Generic;

namespace KamPlugins.Goals.Definitions
{
    /// <summary>Facts about source tables the engine needs without reading metadata.</summary>
    internal static class SourceTables
    {
        // Activity tables share the activitypointer key; every other table's key is <table>id.
        private static readonly HashSet<string> ActivityTables = new HashSet<string>(StringComparer.Ordinal)
        {
            "activitypointer", "appointment", "campaignactivity", "campaignresponse", "email", "fax", "incidentresolution",
            "letter", "opportunityclose", "orderclose", "phonecall", "quoteclose", "recurringappointmentmaster",
            "serviceappointment", "socialactivity", "task",
        };

        /// <summary>The primary key column of a table.</summary>
        internal static string PrimaryKey(string table) =>
            ActivityTables.Contains(table) ? "activityid" : table + "id";
    }
}
