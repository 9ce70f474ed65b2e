using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Storage
{
    /// <summary>Row writes with the platform's rules: column checks, system columns, ownership, states, keys, lookups.</summary>
    internal sealed class DataOps
    {
        private readonly MetadataCatalog metadata;
        private readonly RowStore store;

        public DataOps(MetadataCatalog metadata, RowStore store)
        {
            this.metadata = metadata;
            this.store = store;
        }

        public TableDefinition Table(string name)
        {
            return metadata.Find(name) ?? throw DataverseFault.Create(ErrorCodes.QueryBuilderNoEntity,
                $"The entity with a name = '{name}' with namemapping = 'Logical' was not found in the MetadataCache.");
        }

        public static ColumnDefinition Column(TableDefinition table, string column)
        {
            return table.Column(column) ?? throw NoAttribute(table.LogicalName, column);
        }

        public static Exception NoAttribute(string table, string column) =>
            DataverseFault.Create(ErrorCodes.QueryBuilderNoAttribute,
                $"'{table}' entity doesn't contain attribute with Name = '{column}' and NameMapping = 'Logical'.");

        public static Exception NotFound(string table, Guid id) =>
            DataverseFault.Create(ErrorCodes.ObjectDoesNotExist, $"{table} With Id = {id:D} Does Not Exist");

        public Entity Require(IRowReader reader, string table, Guid id)
        {
            Table(table);
            return reader.Read(table, id)?.Row ?? throw NotFound(table, id);
        }

        public Entity Find(IRowReader reader, string table, Guid id) => reader.Read(table, id)?.Row;

        /// <summary>The id of the row a reference names: its id, or its alternate key values.</summary>
        public Guid Resolve(IRowReader reader, EntityReference reference)
        {
            if (reference == null) throw DataverseFault.Create(ErrorCodes.InvalidArgument, "Required field 'Target' is missing");
            var table = Table(reference.LogicalName);
            if (reference.Id != Guid.Empty) return reference.Id;
            if (reference.KeyAttributes != null && reference.KeyAttributes.Count > 0)
            {
                return FindByKey(reader, table, reference.KeyAttributes) ?? throw KeyNotFound(table, reference.KeyAttributes);
            }

            throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"Entity Id must be specified for {reference.LogicalName}.");
        }

        /// <summary>The id a target entity names (Id, primary key column or alternate key), or null when it names none / the key finds nothing.</summary>
        public Guid? TryResolve(IRowReader reader, Entity target, out bool byKey)
        {
            var table = Table(target.LogicalName);
            byKey = false;
            if (target.Id != Guid.Empty) return target.Id;
            if (target.Attributes.TryGetValue(table.PrimaryIdColumn, out var pk) && pk is Guid g && g != Guid.Empty) return g;
            if (target.KeyAttributes != null && target.KeyAttributes.Count > 0)
            {
                byKey = true;
                return FindByKey(reader, table, target.KeyAttributes);
            }

            return null;
        }

        public Exception KeyNotFound(TableDefinition table, KeyAttributeCollection keys) =>
            DataverseFault.Create(ErrorCodes.RecordNotFoundByEntityKey,
                $"A record with the specified key values does not exist in {table.LogicalName} entity ({string.Join(", ", keys.Select(k => k.Key + "=" + ValueRules.Describe(k.Value)))}).");

        public Guid? FindByKey(IRowReader reader, TableDefinition table, KeyAttributeCollection keys)
        {
            var columns = keys.Select(k => k.Key).ToList();
            if (columns.Count == 1 && columns[0] == table.PrimaryIdColumn && keys[columns[0]] is Guid id)
            {
                return reader.Read(table.LogicalName, id) != null ? id : (Guid?)null;
            }

            var key = table.AlternateKeys.FirstOrDefault(k => k.Columns.Count == columns.Count && k.Columns.All(columns.Contains));
            if (key == null)
            {
                throw DataverseFault.Create(ErrorCodes.InvalidArgument,
                    $"The specified key attributes ({string.Join(", ", columns)}) are not a defined key for the {table.LogicalName} entity.");
            }

            var normalized = keys.ToDictionary(k => k.Key, k => ValueRules.Normalize(table, Column(table, k.Key), k.Value));
            var row = reader.Scan(table.LogicalName).FirstOrDefault(r => normalized.All(k => ValueRules.ValuesEqual(r.Attributes.TryGetValue(k.Key, out var v) ? v : null, k.Value)));
            return row?.Id;
        }

        /// <summary>Checks every column of a request's entity (unknown columns, value types) without writing.</summary>
        public void CheckColumns(Entity target)
        {
            var table = Table(target.LogicalName);
            foreach (var a in target.Attributes)
            {
                ValueRules.Normalize(table, Column(table, a.Key), a.Value is null ? null : a.Value);
            }
        }

        public Entity Create(Transaction tx, Entity target, WriteInfo w)
        {
            var table = Table(target.LogicalName);
            var id = target.Id;
            if (target.Attributes.TryGetValue(table.PrimaryIdColumn, out var pkValue) && pkValue != null)
            {
                if (!(pkValue is Guid pk)) throw DataverseFault.Create(ErrorCodes.IncorrectAttributeValueType, $"Invalid Attribute Value Type for {table.PrimaryIdColumn}. Expected: Guid, Found: {pkValue.GetType().Name}");
                if (id != Guid.Empty && pk != id) throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"The Id {id} and the {table.PrimaryIdColumn} {pk} of the entity differ.");
                id = pk;
            }

            var source = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var a in target.Attributes) source[a.Key] = a.Value;
            if (target.KeyAttributes != null)
            {
                foreach (var k in target.KeyAttributes)
                {
                    if (!source.ContainsKey(k.Key)) source[k.Key] = k.Value;
                }
            }

            if (id == Guid.Empty) id = Guid.NewGuid();
            var row = new Entity(table.LogicalName, id);
            row[table.PrimaryIdColumn] = id;
            foreach (var a in source)
            {
                if (a.Key == table.PrimaryIdColumn) continue;
                var column = Column(table, a.Key);
                if (!column.IsWritable && !w.Seeding) continue;
                if ((a.Key == "statecode") && !w.Seeding && a.Value != null)
                {
                    throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"statecode is not valid on Create for {table.LogicalName}: create the record, then change its state.");
                }

                var value = ValueRules.Normalize(table, column, a.Value);
                if (value != null) row[a.Key] = value;
            }

            foreach (var column in table.Columns.Values)
            {
                if (column.DefaultValue != null && !row.Contains(column.LogicalName)) row[column.LogicalName] = ValueRules.Clone(column.DefaultValue);
                if (column.IsRequired && !row.Contains(column.LogicalName))
                {
                    throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"Attribute: {column.LogicalName} cannot be set to NULL");
                }
            }

            if (table.HasState)
            {
                var stateValue = row.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? table.States[0].Value;
                var state = table.State(stateValue) ?? throw InvalidState(table, stateValue, null);
                var status = row.GetAttributeValue<OptionSetValue>("statuscode")?.Value ?? state.DefaultStatus;
                if (!state.Statuses.Contains(status)) throw InvalidState(table, stateValue, status);
                row["statecode"] = new OptionSetValue(stateValue);
                row["statuscode"] = new OptionSetValue(status);
            }

            if (table.Ownership == OwnershipType.UserOwned)
            {
                var owner = row.GetAttributeValue<EntityReference>("ownerid") ?? new EntityReference("systemuser", w.UserId);
                ApplyOwner(tx, row, owner);
            }

            row["createdon"] = row.GetAttributeValue<DateTime?>("overriddencreatedon") ?? (w.Seeding ? row.GetAttributeValue<DateTime?>("createdon") : null) ?? w.Now;
            row["modifiedon"] = (w.Seeding ? row.GetAttributeValue<DateTime?>("modifiedon") : null) ?? w.Now;
            if (!w.Seeding || !row.Contains("createdby")) row["createdby"] = new EntityReference("systemuser", w.UserId);
            if (!w.Seeding || !row.Contains("modifiedby")) row["modifiedby"] = new EntityReference("systemuser", w.UserId);
            if (w.OnBehalfOf.HasValue)
            {
                row["createdonbehalfby"] = new EntityReference("systemuser", w.OnBehalfOf.Value);
                row["modifiedonbehalfby"] = new EntityReference("systemuser", w.OnBehalfOf.Value);
            }

            if (w.CheckLookups) CheckLookups(tx, table, row, row.Attributes.Keys);
            StampVersion(row);
            CheckKeys(tx, table, row, row.Attributes.Keys);
            tx.Lock(table.LogicalName, id);
            if (tx.Read(table.LogicalName, id) != null)
            {
                throw DataverseFault.Create(ErrorCodes.DuplicateRecord, $"Cannot insert duplicate key. A record with id {id} already exists in {table.LogicalName}.");
            }

            tx.Write(row, store.NextSequence());
            return row;
        }

        /// <summary>Applies <paramref name="changes"/> to a row (locks it first). Returns the new row.</summary>
        /// <param name="tx">The transaction.</param>
        /// <param name="tableName">The table.</param>
        /// <param name="id">The row id.</param>
        /// <param name="changes">Column values (null removes).</param>
        /// <param name="w">Who and when.</param>
        /// <param name="expectedRowVersion">Optimistic concurrency: the RowVersion the caller read (null: no check).</param>
        /// <param name="platform">True for platform-internal writes (system columns allowed).</param>
        public Entity Update(Transaction tx, string tableName, Guid id, IEnumerable<KeyValuePair<string, object>> changes, WriteInfo w, string expectedRowVersion = null, bool platform = false)
        {
            var table = Table(tableName);
            var normalized = new List<KeyValuePair<string, object>>();
            foreach (var c in changes)
            {
                var column = Column(table, c.Key);
                if (c.Key == table.PrimaryIdColumn)
                {
                    if (c.Value is Guid g && g != id) throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"The {table.PrimaryIdColumn} {g} differs from the record's id {id}.");
                    continue;
                }

                if (!column.IsWritable && !platform && !w.Seeding) continue;
                normalized.Add(new KeyValuePair<string, object>(c.Key, ValueRules.Normalize(table, column, c.Value)));
            }

            tx.Lock(tableName, id);
            var stored = tx.Read(tableName, id) ?? throw NotFound(tableName, id);
            CheckRowVersion(stored.Row, expectedRowVersion);
            var row = ValueRules.CloneEntity(stored.Row);
            foreach (var c in normalized)
            {
                if (c.Value == null) row.Attributes.Remove(c.Key);
                else row[c.Key] = c.Value;
            }

            var changed = normalized.Select(c => c.Key).ToList();
            if (changed.Contains("statecode") || changed.Contains("statuscode"))
            {
                var newState = normalized.Where(c => c.Key == "statecode").Select(c => (c.Value as OptionSetValue)?.Value).FirstOrDefault();
                var newStatus = normalized.Where(c => c.Key == "statuscode").Select(c => (c.Value as OptionSetValue)?.Value).FirstOrDefault();
                var (state, status) = ResolveState(table, stored.Row.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0, newState, newStatus);
                row["statecode"] = new OptionSetValue(state);
                row["statuscode"] = new OptionSetValue(status);
            }

            if (changed.Contains("ownerid") && table.Ownership == OwnershipType.UserOwned)
            {
                var owner = row.GetAttributeValue<EntityReference>("ownerid") ?? throw DataverseFault.Create(ErrorCodes.InvalidArgument, "Attribute: ownerid cannot be set to NULL");
                ApplyOwner(tx, row, owner);
            }

            if (!platform || !changed.Contains("modifiedon")) row["modifiedon"] = w.Now;
            row["modifiedby"] = new EntityReference("systemuser", w.UserId);
            if (w.OnBehalfOf.HasValue) row["modifiedonbehalfby"] = new EntityReference("systemuser", w.OnBehalfOf.Value);
            else row.Attributes.Remove("modifiedonbehalfby");
            if (w.CheckLookups) CheckLookups(tx, table, row, changed);
            CheckKeys(tx, table, row, changed);
            StampVersion(row);
            tx.Write(row, stored.Sequence);
            return row;
        }

        public Entity Delete(Transaction tx, string tableName, Guid id, string expectedRowVersion = null)
        {
            Table(tableName);
            tx.Lock(tableName, id);
            var stored = tx.Read(tableName, id) ?? throw NotFound(tableName, id);
            CheckRowVersion(stored.Row, expectedRowVersion);
            tx.Delete(tableName, id);
            return stored.Row;
        }

        /// <summary>The state and status an Update or SetState asks for, checked against the table's pairs.</summary>
        public static (int State, int Status) ResolveState(TableDefinition table, int currentState, int? newState, int? newStatus)
        {
            if (!table.HasState) throw NoAttribute(table.LogicalName, "statecode");
            int state;
            int status;
            if (newState.HasValue)
            {
                state = newState.Value;
                var def = table.State(state) ?? throw InvalidState(table, state, newStatus);
                status = newStatus == null || newStatus == -1 ? def.DefaultStatus : newStatus.Value;
                if (!def.Statuses.Contains(status)) throw InvalidState(table, state, status);
            }
            else
            {
                status = newStatus ?? table.State(currentState)?.DefaultStatus ?? 1;
                var def = table.StateOfStatus(status) ?? throw InvalidState(table, currentState, status);
                state = def.Value;
            }

            return (state, status);
        }

        public static Exception InvalidState(TableDefinition table, int state, int? status) =>
            DataverseFault.Create(ErrorCodes.InvalidStateCodeStatusCode,
                $"{status?.ToString(CultureInfo.InvariantCulture) ?? "(none)"} is not a valid status code for state code {table.LogicalName}State.{state.ToString(CultureInfo.InvariantCulture)} on {table.LogicalName}.");

        /// <summary>The business unit of a user or team.</summary>
        public Guid BusinessUnitOf(IRowReader reader, EntityReference principal)
        {
            var row = reader.Read(principal.LogicalName, principal.Id)?.Row ?? throw NotFound(principal.LogicalName, principal.Id);
            return row.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? Guid.Empty;
        }

        private void ApplyOwner(IRowReader reader, Entity row, EntityReference owner)
        {
            if (owner.LogicalName != "systemuser" && owner.LogicalName != "team")
            {
                throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"{owner.LogicalName} is not a valid owner type.");
            }

            var bu = BusinessUnitOf(reader, owner);
            row["ownerid"] = new EntityReference(owner.LogicalName, owner.Id);
            if (owner.LogicalName == "systemuser")
            {
                row["owninguser"] = new EntityReference("systemuser", owner.Id);
                row.Attributes.Remove("owningteam");
            }
            else
            {
                row["owningteam"] = new EntityReference("team", owner.Id);
                row.Attributes.Remove("owninguser");
            }

            row["owningbusinessunit"] = new EntityReference("businessunit", bu);
        }

        private void StampVersion(Entity row)
        {
            var v = store.NextVersion();
            row["versionnumber"] = v;
            row.RowVersion = v.ToString(CultureInfo.InvariantCulture);
        }

        private static void CheckRowVersion(Entity current, string expected)
        {
            if (expected != null && !string.Equals(current.RowVersion, expected, StringComparison.Ordinal))
            {
                throw DataverseFault.Create(ErrorCodes.ConcurrencyVersionMismatch,
                    "The version of the existing record doesn't match the RowVersion property provided.");
            }
        }

        private void CheckLookups(IRowReader reader, TableDefinition table, Entity row, IEnumerable<string> columns)
        {
            foreach (var c in columns.ToList())
            {
                var column = table.Column(c);
                if (column == null || !column.IsLookup || !column.IsWritable) continue;
                if (row.Attributes.TryGetValue(c, out var v) && v is EntityReference r && reader.Read(r.LogicalName, r.Id) == null)
                {
                    throw NotFound(r.LogicalName, r.Id);
                }
            }
        }

        private static void CheckKeys(IRowReader reader, TableDefinition table, Entity row, IEnumerable<string> changed)
        {
            var changedSet = new HashSet<string>(changed);
            foreach (var key in table.AlternateKeys)
            {
                if (!key.Columns.Any(changedSet.Contains)) continue;
                if (!key.Columns.All(c => row.Attributes.ContainsKey(c))) continue;
                var clash = reader.Scan(table.LogicalName).FirstOrDefault(r => r.Id != row.Id && key.Columns.All(c => ValueRules.ValuesEqual(r.Attributes.TryGetValue(c, out var v) ? v : null, row[c])));
                if (clash != null)
                {
                    throw DataverseFault.Create(ErrorCodes.DuplicateRecordEntityKey,
                        $"A record that has the attribute values {string.Join(", ", key.Columns.Select(c => ValueRules.Describe(row[c])))} already exists. The entity key {key.Name} requires that this set of attributes contains unique values.");
                }
            }
        }
    }
}
