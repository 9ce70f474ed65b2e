namespace Dataverse.Emulator.Metadata
{
    /// <summary>
    /// A 1:N relationship: rows of <see cref="ReferencingTable"/> point to a row of
    /// <see cref="ReferencedTable"/> through <see cref="ReferencingColumn"/>, with the cascade
    /// behaviour of each action.
    /// </summary>
    public sealed class RelationshipDefinition
    {
        internal RelationshipDefinition(string schemaName, string referencedTable, string referencingTable, string referencingColumn)
        {
            SchemaName = schemaName;
            ReferencedTable = referencedTable;
            ReferencingTable = referencingTable;
            ReferencingColumn = referencingColumn;
        }

        /// <summary>The relationship's schema name (e.g. opportunity_customer_accounts).</summary>
        public string SchemaName { get; }

        /// <summary>The parent ("one") table.</summary>
        public string ReferencedTable { get; }

        /// <summary>The child ("many") table.</summary>
        public string ReferencingTable { get; }

        /// <summary>The lookup column on the child table.</summary>
        public string ReferencingColumn { get; }

        /// <summary>What assigning the parent does to the children (Cascade: each child is assigned through the pipeline).</summary>
        public CascadeType Assign { get; set; } = CascadeType.NoCascade;

        /// <summary>What deleting the parent does (Cascade, RemoveLink or Restrict).</summary>
        public CascadeType Delete { get; set; } = CascadeType.RemoveLink;

        /// <summary>What merging the parent into a master does (Cascade: children are re-pointed to the master).</summary>
        public CascadeType Merge { get; set; } = CascadeType.Cascade;

        /// <inheritdoc />
        public override string ToString() => $"{SchemaName}: {ReferencedTable} 1:N {ReferencingTable}.{ReferencingColumn}";
    }

    /// <summary>An N:N relationship through an intersect table (for Associate / Disassociate).</summary>
    public sealed class ManyToManyDefinition
    {
        internal ManyToManyDefinition(string schemaName, string intersectTable, string table1, string column1, string table2, string column2)
        {
            SchemaName = schemaName;
            IntersectTable = intersectTable;
            Table1 = table1;
            Column1 = column1;
            Table2 = table2;
            Column2 = column2;
        }

        /// <summary>The relationship's schema name (e.g. teammembership_association).</summary>
        public string SchemaName { get; }

        /// <summary>The intersect table (e.g. teammembership).</summary>
        public string IntersectTable { get; }

        /// <summary>The first table.</summary>
        public string Table1 { get; }

        /// <summary>The intersect column holding the first table's id.</summary>
        public string Column1 { get; }

        /// <summary>The second table.</summary>
        public string Table2 { get; }

        /// <summary>The intersect column holding the second table's id.</summary>
        public string Column2 { get; }
    }
}
