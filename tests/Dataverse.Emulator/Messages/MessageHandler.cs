using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Metadata;
using Dataverse.Emulator.Pipeline;
using Dataverse.Emulator.Storage;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Messages
{
    /// <summary>Runs one request name.</summary>
    internal abstract class MessageHandler
    {
        protected MessageHandler(Engine engine, string requestName)
        {
            Engine = engine;
            RequestName = requestName;
        }

        public string RequestName { get; }

        protected Engine Engine { get; }

        protected DataOps Data => Engine.Data;

        protected DataverseEmulator Org => Engine.Org;

        protected PlatformProfile Profile => Org.Profile;

        /// <summary>The table the request concerns (for call counting and fault injection).</summary>
        public virtual string TableOf(OrganizationRequest request) =>
            (request.Parameters.TryGetValue("Target", out var t) ? (t as Entity)?.LogicalName ?? (t as EntityReference)?.LogicalName : null);

        public abstract OrganizationResponse Execute(Operation op);

        protected static T Required<T>(ParameterCollection p, string key) where T : class
        {
            if (!p.TryGetValue(key, out var value) || value == null)
            {
                throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"Required field '{key}' is missing");
            }

            return value as T ?? throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"Parameter '{key}' must be a {typeof(T).Name}, not {value.GetType().Name}.");
        }

        protected static T Optional<T>(ParameterCollection p, string key)
        {
            if (!p.TryGetValue(key, out var value) || value == null) return default;
            if (value is T t) return t;
            throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"Parameter '{key}' must be a {typeof(T).Name}, not {value.GetType().Name}.");
        }

        protected static OrganizationResponse Response(string name, ParameterCollection results, OrganizationResponse response = null)
        {
            response = response ?? new OrganizationResponse();
            response.ResponseName = name;
            foreach (var r in results) response.Results[r.Key] = r.Value;
            return response;
        }

        protected static ParameterCollection With(ParameterCollection source, string key, object value)
        {
            var copy = new ParameterCollection();
            foreach (var p in source)
            {
                if (p.Key != "Target" && p.Key != "Targets") copy[p.Key] = p.Value;
            }

            copy[key] = value;
            return copy;
        }

        protected static EntityReference Ref(string table, Guid id) => new EntityReference(table, id);

        /// <summary>Opportunities are closed by Win/Lose only.</summary>
        protected void GuardOpportunityState(string table, int? state, int? status)
        {
            if (table != "opportunity") return;
            var def = Data.Table(table);
            var closing = (state.HasValue && state.Value != 0) || (status.HasValue && status.Value != -1 && def.StateOfStatus(status.Value) is StateDefinition s && s.Value != 0);
            if (closing)
            {
                throw DataverseFault.Create(ErrorCodes.CannotUseOpportunitySetStateMessage,
                    "Cannot close the opportunity with SetState or Update. Use the Win or Lose message.");
            }
        }

        /// <summary>The create unit of one entity (and its image record once created).</summary>
        protected Unit CreateUnit(Operation op, Entity target, ParameterCollection input)
        {
            var unit = new Unit();
            var view = new View("Create", target.LogicalName, target.Id, input, "Target") { PreImagesAllowed = false };
            unit.Views.Add(view);
            unit.Validate = () => Data.Table(target.LogicalName);
            unit.Main = () =>
            {
                var current = input["Target"] as Entity ?? target;
                var row = Data.Create(op.Tx, current, op.WriteInfo());
                current.Id = row.Id;
                view.EntityId = row.Id;
                view.ImageRecords["Target"] = Ref(row.LogicalName, row.Id);
                view.PendingOutput["id"] = row.Id;
            };
            return unit;
        }

        /// <summary>
        /// The update unit(s) of one entity: one, or two under <see cref="PlatformProfile.SplitOwnerStateUpdate"/>
        /// when the Target carries owner/state columns and other columns.
        /// </summary>
        protected List<Unit> UpdateUnits(Operation op, Entity target, ParameterCollection input)
        {
            var table = Data.Table(target.LogicalName);
            var id = Data.TryResolve(op.Reader, target, out var byKey);
            if (id == null)
            {
                if (byKey) throw Data.KeyNotFound(table, target.KeyAttributes);
                throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"Entity Id must be specified for Update ({table.LogicalName}).");
            }

            target.Id = id.Value;
            Data.Require(op.Reader, table.LogicalName, id.Value);
            string expected = null;
            var behavior = Optional<ConcurrencyBehavior>(input, "ConcurrencyBehavior");
            if (behavior == ConcurrencyBehavior.IfRowVersionMatches)
            {
                expected = CheckConcurrency(table, target.RowVersion);
            }

            GuardOpportunityState(table.LogicalName, target.GetAttributeValue<OptionSetValue>("statecode")?.Value, target.GetAttributeValue<OptionSetValue>("statuscode")?.Value);
            var special = new[] { "ownerid", "statecode", "statuscode" };
            var ownerState = target.Attributes.Where(a => special.Contains(a.Key)).ToList();
            var others = target.Attributes.Where(a => !special.Contains(a.Key) && a.Key != table.PrimaryIdColumn).ToList();
            if (Profile.SplitOwnerStateUpdate && ownerState.Count > 0 && others.Count > 0)
            {
                var first = new Entity(table.LogicalName, id.Value) { RowVersion = target.RowVersion };
                foreach (var a in others) first[a.Key] = a.Value;
                var second = new Entity(table.LogicalName, id.Value);
                foreach (var a in ownerState) second[a.Key] = a.Value;
                return new List<Unit>
                {
                    UpdateUnit(op, table, first, With(input, "Target", first), expected),
                    UpdateUnit(op, table, second, With(input, "Target", second), null),
                };
            }

            return new List<Unit> { UpdateUnit(op, table, target, input, expected) };
        }

        protected string CheckConcurrency(TableDefinition table, string rowVersion)
        {
            if (!table.IsOptimisticConcurrencyEnabled)
            {
                throw DataverseFault.Create(ErrorCodes.OptimisticConcurrencyNotEnabled, $"Optimistic concurrency is not enabled for entity type {table.LogicalName}.");
            }

            if (string.IsNullOrEmpty(rowVersion))
            {
                throw DataverseFault.Create(ErrorCodes.ConcurrencyVersionNotProvided, "The RowVersion property must be provided when the value of ConcurrencyBehavior is IfVersionMatches.");
            }

            return rowVersion;
        }

        /// <summary>Cascades an owner change to the children of every relationship with Assign = Cascade, through the pipeline.</summary>
        protected void CascadeOwner(Operation op, View parent, string table, Guid id, EntityReference owner)
        {
            var core = Engine.CoreContext(op, parent);
            foreach (var rel in Org.Metadata.ChildRelationships(table).Where(r => r.Assign == CascadeType.Cascade))
            {
                var children = op.Tx.Candidates(rel.ReferencingTable, rel.ReferencingColumn, id)
                    .Where(r => r.Id != id && r.Attributes.TryGetValue(rel.ReferencingColumn, out var v) && v is EntityReference er && er.Id == id && er.LogicalName == table)
                    .Select(r => r.Id).ToList();
                foreach (var childId in children)
                {
                    var caller = op.PlatformCaller(core);
                    var request = Profile.CascadeChildMessage == CascadeChildMessage.Assign
                        ? new OrganizationRequest("Assign") { ["Target"] = Ref(rel.ReferencingTable, childId), ["Assignee"] = Ref(owner.LogicalName, owner.Id) }
                        : new OrganizationRequest("Update") { ["Target"] = new Entity(rel.ReferencingTable, childId) { ["ownerid"] = Ref(owner.LogicalName, owner.Id) } };
                    Engine.Execute(request, caller);
                }
            }
        }

        private Unit UpdateUnit(Operation op, TableDefinition table, Entity target, ParameterCollection input, string expectedRowVersion)
        {
            var id = target.Id;
            var unit = new Unit();
            var view = new View("Update", table.LogicalName, id, input, "Target");
            view.ImageRecords["Target"] = Ref(table.LogicalName, id);
            unit.Views.Add(view);
            if (Profile.OwnerUpdateRaisesAssign && target.GetAttributeValue<EntityReference>("ownerid") is EntityReference owner)
            {
                var assign = new View("Assign", table.LogicalName, id, new ParameterCollection { ["Target"] = Ref(table.LogicalName, id), ["Assignee"] = Ref(owner.LogicalName, owner.Id) }, "Target");
                assign.ImageRecords["Target"] = Ref(table.LogicalName, id);
                unit.Views.Add(assign);
            }

            unit.Main = () =>
            {
                var current = input["Target"] as Entity ?? target;
                GuardOpportunityState(table.LogicalName, current.GetAttributeValue<OptionSetValue>("statecode")?.Value, current.GetAttributeValue<OptionSetValue>("statuscode")?.Value);
                var before = op.Tx.Read(table.LogicalName, id)?.Row;
                var row = Data.Update(op.Tx, table.LogicalName, id, current.Attributes.ToList(), op.WriteInfo(), expectedRowVersion);
                var oldOwner = before?.GetAttributeValue<EntityReference>("ownerid");
                var newOwner = row.GetAttributeValue<EntityReference>("ownerid");
                if (current.Attributes.ContainsKey("ownerid") && newOwner != null && (oldOwner == null || oldOwner.Id != newOwner.Id))
                {
                    CascadeOwner(op, view, table.LogicalName, id, newOwner);
                }
            };
            return unit;
        }
    }
}
