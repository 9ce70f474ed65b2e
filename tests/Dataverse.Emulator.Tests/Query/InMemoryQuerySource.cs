using System;
using System.Collections.Generic;
using Dataverse.Emulator.Query;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Tests.Query
{
    /// <summary>The smallest <see cref="IQuerySource"/>: tables declared with their columns, rows kept in creation order.</summary>
    internal sealed class InMemoryQuerySource : IQuerySource
    {
        private readonly Dictionary<string, TableData> tables = new Dictionary<string, TableData>(StringComparer.Ordinal);

        /// <summary>Declares a table whose primary key is "{name}id".</summary>
        public InMemoryQuerySource Table(string name, params string[] columns)
        {
            var table = new TableData(name + "id");
            table.Columns.Add(table.PrimaryId);
            foreach (var column in columns)
            {
                table.Columns.Add(column);
            }

            tables.Add(name, table);
            return this;
        }

        /// <summary>Stores a row (with a new id when it has none) and returns it.</summary>
        public Entity Add(Entity entity)
        {
            var table = tables[entity.LogicalName];
            if (entity.Id == Guid.Empty)
            {
                entity.Id = Guid.NewGuid();
            }

            entity[table.PrimaryId] = entity.Id;
            table.Rows.Add(entity);
            return entity;
        }

        public void Remove(Entity entity) => tables[entity.LogicalName].Rows.Remove(entity);

        public bool TableExists(string logicalName) => tables.ContainsKey(logicalName);

        public bool ColumnExists(string logicalName, string column) =>
            tables.TryGetValue(logicalName, out var table) && table.Columns.Contains(column);

        public string PrimaryIdColumn(string logicalName) => tables[logicalName].PrimaryId;

        public IEnumerable<Entity> Rows(string logicalName) => tables[logicalName].Rows;

        private sealed class TableData
        {
            public TableData(string primaryId)
            {
                PrimaryId = primaryId;
            }

            public string PrimaryId { get; }

            public HashSet<string> Columns { get; } = new HashSet<string>(StringComparer.Ordinal);

            public List<Entity> Rows { get; } = new List<Entity>();
        }
    }
}
