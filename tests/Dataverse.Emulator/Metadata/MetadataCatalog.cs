using System;
using System.Collections.Generic;
using System.Linq;

namespace Dataverse.Emulator.Metadata
{
    /// <summary>
    /// The emulator's table, column and relationship definitions. Starts with the built-in catalogue
    /// (<see cref="BuiltInTables"/>); product tests add their own tables and columns with
    /// <see cref="Table(string, Action{TableBuilder}, string)"/>. Define metadata before operations run.
    /// </summary>
    public sealed class MetadataCatalog
    {
        private readonly object sync = new object();
        private readonly Dictionary<string, TableDefinition> tables = new Dictionary<string, TableDefinition>(StringComparer.Ordinal);
        private readonly List<RelationshipDefinition> relationships = new List<RelationshipDefinition>();
        private readonly List<ManyToManyDefinition> manyToMany = new List<ManyToManyDefinition>();

        internal MetadataCatalog()
        {
        }

        /// <summary>All tables.</summary>
        public IReadOnlyCollection<TableDefinition> Tables
        {
            get { lock (sync) return tables.Values.ToList(); }
        }

        /// <summary>All 1:N relationships.</summary>
        public IReadOnlyList<RelationshipDefinition> Relationships
        {
            get { lock (sync) return relationships.ToList(); }
        }

        /// <summary>All N:N relationships.</summary>
        public IReadOnlyList<ManyToManyDefinition> ManyToManyRelationships
        {
            get { lock (sync) return manyToMany.ToList(); }
        }

        /// <summary>
        /// Defines a table (user owned, primary key <c>{name}id</c>, system columns, Active/Inactive
        /// states) or extends an existing one, then applies <paramref name="configure"/>.
        /// </summary>
        /// <param name="logicalName">The table's logical name.</param>
        /// <param name="configure">Adds columns, keys, states, relationships.</param>
        /// <param name="primaryIdColumn">The primary key column when it is not <c>{name}id</c> (activities: activityid).</param>
        public TableDefinition Table(string logicalName, Action<TableBuilder> configure = null, string primaryIdColumn = null)
        {
            if (string.IsNullOrWhiteSpace(logicalName)) throw new ArgumentException("A table needs a logical name.", nameof(logicalName));
            TableDefinition table;
            lock (sync)
            {
                if (!tables.TryGetValue(logicalName, out table))
                {
                    table = new TableDefinition(logicalName, primaryIdColumn ?? logicalName + "id");
                    tables.Add(logicalName, table);
                    var builder = new TableBuilder(this, table);
                    AddSystemColumns(builder);
                }
                else if (primaryIdColumn != null && primaryIdColumn != table.PrimaryIdColumn)
                {
                    throw new InvalidOperationException($"Table {logicalName} already has primary key {table.PrimaryIdColumn}.");
                }

                configure?.Invoke(new TableBuilder(this, table));
            }

            return table;
        }

        /// <summary>The table's definition, or null when it does not exist.</summary>
        public TableDefinition Find(string logicalName)
        {
            if (logicalName == null) return null;
            lock (sync) return tables.TryGetValue(logicalName, out var t) ? t : null;
        }

        /// <summary>True when the table exists.</summary>
        public bool Contains(string logicalName) => Find(logicalName) != null;

        /// <summary>Adds an N:N relationship through an intersect table (the intersect table is defined if missing).</summary>
        public ManyToManyDefinition ManyToMany(string schemaName, string intersectTable, string table1, string column1, string table2, string column2)
        {
            lock (sync)
            {
                var existing = manyToMany.FirstOrDefault(m => m.SchemaName == schemaName);
                if (existing != null) return existing;
                Table(intersectTable, t => t.NoState().OrganizationOwned().Guid(column1).Guid(column2));
                var m2 = new ManyToManyDefinition(schemaName, intersectTable, table1, column1, table2, column2);
                manyToMany.Add(m2);
                return m2;
            }
        }

        /// <summary>The 1:N relationship with this schema name, or null.</summary>
        public RelationshipDefinition Relationship(string schemaName)
        {
            lock (sync) return relationships.FirstOrDefault(r => r.SchemaName == schemaName);
        }

        /// <summary>The N:N relationship with this schema name, or null.</summary>
        public ManyToManyDefinition ManyToManyRelationship(string schemaName)
        {
            lock (sync) return manyToMany.FirstOrDefault(r => r.SchemaName == schemaName);
        }

        /// <summary>The relationships whose parent is <paramref name="referencedTable"/> (its children).</summary>
        public IReadOnlyList<RelationshipDefinition> ChildRelationships(string referencedTable)
        {
            lock (sync) return relationships.Where(r => r.ReferencedTable == referencedTable).ToList();
        }

        internal RelationshipDefinition FindRelationship(string referenced, string referencing, string column)
        {
            lock (sync)
            {
                return relationships.FirstOrDefault(r => r.ReferencedTable == referenced && r.ReferencingTable == referencing && r.ReferencingColumn == column);
            }
        }

        internal RelationshipDefinition EnsureRelationship(string referenced, string referencing, string column, string schemaName = null)
        {
            lock (sync)
            {
                var r = FindRelationship(referenced, referencing, column);
                if (r == null)
                {
                    r = new RelationshipDefinition(schemaName ?? $"{referencing}_{column}_{referenced}", referenced, referencing, column);
                    relationships.Add(r);
                }

                return r;
            }
        }

        internal void RenameRelationship(string referenced, string referencing, string column, string schemaName)
        {
            lock (sync)
            {
                var old = FindRelationship(referenced, referencing, column);
                var renamed = new RelationshipDefinition(schemaName, referenced, referencing, column);
                if (old != null)
                {
                    renamed.Assign = old.Assign;
                    renamed.Delete = old.Delete;
                    renamed.Merge = old.Merge;
                    relationships.Remove(old);
                }

                relationships.Add(renamed);
            }
        }

        private static void AddSystemColumns(TableBuilder t)
        {
            var table = t.Definition;
            var id = table.AddColumn(table.PrimaryIdColumn, ColumnType.UniqueIdentifier);
            id.IsPrimaryId = true;
            foreach (var c in new[] { "createdon", "modifiedon" })
            {
                table.AddColumn(c, ColumnType.DateTime).IsWritable = false;
            }

            table.AddColumn("overriddencreatedon", ColumnType.DateTime);
            foreach (var c in new[] { "createdby", "modifiedby", "createdonbehalfby", "modifiedonbehalfby" })
            {
                var col = table.AddColumn(c, ColumnType.Lookup);
                col.AddTargets(new[] { "systemuser" });
                col.IsWritable = false;
            }

            table.AddColumn("versionnumber", ColumnType.BigInt).IsWritable = false;
            var owner = table.AddColumn("ownerid", ColumnType.Owner);
            owner.AddTargets(new[] { "systemuser", "team" });
            foreach (var (c, target) in new[] { ("owninguser", "systemuser"), ("owningteam", "team"), ("owningbusinessunit", "businessunit") })
            {
                var col = table.AddColumn(c, ColumnType.Lookup);
                col.AddTargets(new[] { target });
                col.IsWritable = false;
            }

            t.State(0, "Active", 1, 1);
            t.State(1, "Inactive", 2, 2);
        }
    }
}
