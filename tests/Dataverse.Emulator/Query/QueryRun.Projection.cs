using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Query
{
    internal sealed partial class QueryRun
    {
        /// <summary>
        /// Builds the returned records: copies (never the stored objects) holding the selected columns that have a value,
        /// the primary key as <see cref="Entity.Id"/> and as its column, and the joined tables' columns as
        /// <see cref="AliasedValue"/> under "alias.column" (or the attribute's own FetchXML alias).
        /// </summary>
        private sealed class Projection
        {
            private readonly QueryRun run;
            private readonly List<Table> tables = new List<Table>();
            private readonly bool includeRootId;

            public Projection(QueryRun run)
            {
                this.run = run;
                tables.Add(new Table(run, run.root, isRoot: true));
                foreach (var join in run.joins)
                {
                    var table = new Table(run, join, isRoot: false);
                    if (table.All || table.Columns.Count > 0)
                    {
                        tables.Add(table);
                    }
                }

                // DISTINCT returns only the selected columns: the primary key only when it is selected.
                var rootTable = tables[0];
                includeRootId = !run.spec.Distinct || rootTable.All || rootTable.Columns.Exists(c => c.Column.IsPrimaryId);
            }

            public Entity Project(Entity[] row)
            {
                var stored = row[0];
                var result = new Entity(run.root.EntityName);
                var id = IdOf(stored, run.root.PrimaryId);
                if (includeRootId)
                {
                    result.Id = id;
                }

                result.RowVersion = stored.RowVersion;
                foreach (var table in tables)
                {
                    table.CopyInto(row, result);
                }

                if (includeRootId && id != Guid.Empty)
                {
                    result.Attributes[run.root.PrimaryId] = id;
                }

                return result;
            }

            public ValueKey[] DistinctKey(Entity[] row)
            {
                var keys = new List<ValueKey>();
                foreach (var table in tables)
                {
                    if (table.All)
                    {
                        var entity = row[table.Entity.Slot];
                        keys.Add(entity == null ? ValueKey.Null : ValueKey.FromGuid(IdOf(entity, table.Entity.PrimaryId)));
                        continue;
                    }

                    foreach (var column in table.Columns)
                    {
                        keys.Add(column.Column.Read(row));
                    }
                }

                return keys.ToArray();
            }

            private static Guid IdOf(Entity entity, string primaryId)
            {
                if (entity.Id != Guid.Empty)
                {
                    return entity.Id;
                }

                return entity.Attributes.TryGetValue(primaryId, out var value) && value is Guid id ? id : Guid.Empty;
            }

            private sealed class Table
            {
                private readonly bool isRoot;
                private readonly bool aliasRenames;

                public Table(QueryRun run, BoundEntity entity, bool isRoot)
                {
                    Entity = entity;
                    this.isRoot = isRoot;
                    aliasRenames = run.spec.FromFetch;
                    All = entity.Spec.AllColumns;
                    foreach (var column in entity.Spec.Columns)
                    {
                        Columns.Add(new Selected(run.Column(entity, column.Name), column.Alias));
                    }
                }

                public BoundEntity Entity { get; }

                public bool All { get; }

                public List<Selected> Columns { get; } = new List<Selected>();

                public void CopyInto(Entity[] row, Entity result)
                {
                    var stored = row[Entity.Slot];
                    if (stored == null)
                    {
                        return;
                    }

                    if (All)
                    {
                        foreach (var attribute in stored.Attributes)
                        {
                            if (attribute.Value != null)
                            {
                                Put(result, attribute.Key, null, attribute.Value);
                            }
                        }

                        if (!isRoot && !stored.Attributes.ContainsKey(Entity.PrimaryId))
                        {
                            var id = IdOf(stored, Entity.PrimaryId);
                            if (id != Guid.Empty)
                            {
                                Put(result, Entity.PrimaryId, null, id);
                            }
                        }
                    }

                    foreach (var column in Columns)
                    {
                        var value = column.Column.ReadRaw(row);
                        if (value != null)
                        {
                            Put(result, column.Column.Name, column.Alias, value);
                        }
                    }
                }

                private void Put(Entity result, string column, string alias, object value)
                {
                    var copy = Values.Clone(value);
                    var renamed = aliasRenames && !string.IsNullOrEmpty(alias);
                    if (isRoot && !renamed)
                    {
                        result.Attributes[column] = copy;
                        return;
                    }

                    var key = renamed ? alias : Entity.Alias + "." + column;
                    result.Attributes[key] = new AliasedValue(Entity.EntityName, column, copy);
                }
            }

            private sealed class Selected
            {
                public Selected(ColumnRef column, string alias)
                {
                    Column = column;
                    Alias = alias;
                }

                public ColumnRef Column { get; }

                public string Alias { get; }
            }
        }
    }

    /// <summary>Copies of column values, so a caller changing a returned record never changes the store.</summary>
    internal static class Values
    {
        public static object Clone(object value)
        {
            switch (value)
            {
                case null:
                    return null;
                case EntityReference reference:
                    var copy = new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name };
                    if (reference.RowVersion != null)
                    {
                        copy.RowVersion = reference.RowVersion;
                    }

                    return copy;
                case Money money:
                    return new Money(money.Value);
                case OptionSetValue option:
                    return new OptionSetValue(option.Value);
                case OptionSetValueCollection options:
                    var list = new List<OptionSetValue>(options.Count);
                    foreach (var option in options)
                    {
                        list.Add(option == null ? null : new OptionSetValue(option.Value));
                    }

                    return new OptionSetValueCollection(list);
                case EntityCollection collection:
                    var entities = new List<Entity>(collection.Entities.Count);
                    foreach (var entity in collection.Entities)
                    {
                        entities.Add(CloneEntity(entity));
                    }

                    return new EntityCollection(entities) { EntityName = collection.EntityName };
                case Entity entity:
                    return CloneEntity(entity);
                case AliasedValue aliased:
                    return new AliasedValue(aliased.EntityLogicalName, aliased.AttributeLogicalName, Clone(aliased.Value));
                case byte[] bytes:
                    return (byte[])bytes.Clone();
                default:
                    return value;
            }
        }

        private static Entity CloneEntity(Entity entity)
        {
            if (entity == null)
            {
                return null;
            }

            var copy = new Entity(entity.LogicalName, entity.Id) { RowVersion = entity.RowVersion };
            foreach (var attribute in entity.Attributes)
            {
                copy.Attributes[attribute.Key] = Clone(attribute.Value);
            }

            return copy;
        }
    }
}
