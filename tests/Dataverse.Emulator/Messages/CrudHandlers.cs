using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Metadata;
using Dataverse.Emulator.Pipeline;
using Dataverse.Emulator.Query;
using Dataverse.Emulator.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Dataverse.Emulator.Messages
{
    /// <summary>Every built-in handler.</summary>
    internal static class MessageHandlers
    {
        public static IEnumerable<MessageHandler> All(Engine e) => new MessageHandler[]
        {
            new CreateHandler(e), new RetrieveHandler(e), new RetrieveMultipleHandler(e), new UpdateHandler(e), new DeleteHandler(e),
            new AssignHandler(e), new SetStateHandler(e, "SetState"), new SetStateHandler(e, "SetStateDynamicEntity"),
            new CloseOpportunityHandler(e, "WinOpportunity", "Win"), new CloseOpportunityHandler(e, "LoseOpportunity", "Lose"),
            new MergeHandler(e), new AccessHandler(e, "GrantAccess"), new AccessHandler(e, "ModifyAccess"), new AccessHandler(e, "RevokeAccess"),
            new BulkHandler(e, "CreateMultiple"), new BulkHandler(e, "UpdateMultiple"), new BulkHandler(e, "UpsertMultiple"),
            new UpsertHandler(e), new ExecuteMultipleHandler(e), new ExecuteTransactionHandler(e), new WhoAmIHandler(e),
            new AssociateHandler(e, "Associate"), new AssociateHandler(e, "Disassociate"),
        };
    }

    internal sealed class CreateHandler : MessageHandler
    {
        public CreateHandler(Engine e)
            : base(e, "Create")
        {
        }

        public override OrganizationResponse Execute(Operation op)
        {
            var target = Required<Entity>(op.Input, "Target");
            var unit = CreateUnit(op, target, op.Input);
            var bulk = new View("CreateMultiple", target.LogicalName, Guid.Empty,
                new ParameterCollection { ["Targets"] = new EntityCollection(new List<Entity> { target }) { EntityName = target.LogicalName } });
            var outputs = new Unit { Main = () => bulk.PendingOutput["Ids"] = new[] { unit.Primary.EntityId } };
            Engine.Run(op, new[] { unit, outputs }, new[] { bulk });
            return Response("Create", unit.Primary.Output, new CreateResponse());
        }
    }

    internal sealed class UpdateHandler : MessageHandler
    {
        public UpdateHandler(Engine e)
            : base(e, "Update")
        {
        }

        public override OrganizationResponse Execute(Operation op)
        {
            var target = Required<Entity>(op.Input, "Target");
            var units = UpdateUnits(op, target, op.Input);
            foreach (var unit in units)
            {
                var bulk = new View("UpdateMultiple", target.LogicalName, Guid.Empty,
                    new ParameterCollection { ["Targets"] = new EntityCollection(new List<Entity> { (Entity)unit.Primary.Input["Target"] }) { EntityName = target.LogicalName } });
                Engine.Run(op, new[] { unit }, new[] { bulk });
            }

            return Response("Update", new ParameterCollection(), new UpdateResponse());
        }
    }

    internal sealed class RetrieveHandler : MessageHandler
    {
        public RetrieveHandler(Engine e)
            : base(e, "Retrieve")
        {
        }

        public override OrganizationResponse Execute(Operation op)
        {
            var target = Required<EntityReference>(op.Input, "Target");
            var columns = Required<ColumnSet>(op.Input, "ColumnSet");
            var table = Data.Table(target.LogicalName);
            var id = Data.Resolve(op.Reader, target);
            foreach (var c in columns.AllColumns ? Enumerable.Empty<string>() : columns.Columns) DataOps.Column(table, c);
            var unit = new Unit();
            var view = new View("Retrieve", table.LogicalName, id, op.Input) { PreImagesAllowed = false, PostImagesAllowed = false };
            unit.Views.Add(view);
            unit.Main = () =>
            {
                var cs = view.Input["ColumnSet"] as ColumnSet ?? columns;
                var row = Data.Require(op.Tx, table.LogicalName, id);
                view.PendingOutput["BusinessEntity"] = Org.Project(op.Tx, table, row, cs);
            };
            Engine.Run(op, new[] { unit });
            return Response("Retrieve", new ParameterCollection { ["Entity"] = view.Output["BusinessEntity"] }, new RetrieveResponse());
        }
    }

    internal sealed class RetrieveMultipleHandler : MessageHandler
    {
        public RetrieveMultipleHandler(Engine e)
            : base(e, "RetrieveMultiple")
        {
        }

        public override string TableOf(OrganizationRequest request) =>
            request.Parameters.TryGetValue("Query", out var q) ? EntityOf(q as QueryBase) : null;

        public override OrganizationResponse Execute(Operation op)
        {
            var query = Required<QueryBase>(op.Input, "Query");
            var table = EntityOf(query);
            var unit = new Unit();
            var view = new View("RetrieveMultiple", table, Guid.Empty, op.Input) { PreImagesAllowed = false, PostImagesAllowed = false };
            unit.Views.Add(view);
            unit.Main = () =>
            {
                var q = view.Input["Query"] as QueryBase ?? query;
                var context = new QueryContext(Org.Clock.UtcNow, op.Caller.UserId, Org.TeamIdsOf(op.Caller.UserId)) { AggregateRecordLimit = Org.Options.AggregateRecordLimit };
                view.PendingOutput["BusinessEntityCollection"] = QueryBridge.Execute(q, new StoreQuerySource(op.Tx, Org.Metadata), context);
            };
            Engine.Run(op, new[] { unit });
            return Response("RetrieveMultiple", new ParameterCollection { ["EntityCollection"] = view.Output["BusinessEntityCollection"] }, new RetrieveMultipleResponse());
        }

        internal static string EntityOf(QueryBase query)
        {
            switch (query)
            {
                case QueryExpression qe: return qe.EntityName;
                case QueryByAttribute qa: return qa.EntityName;
                case FetchExpression fe:
                    try
                    {
                        return XDocument.Parse(fe.Query).Root?.Element("entity")?.Attribute("name")?.Value;
                    }
                    catch (System.Xml.XmlException)
                    {
                        return null;
                    }

                default: return null;
            }
        }
    }

    internal sealed class DeleteHandler : MessageHandler
    {
        public DeleteHandler(Engine e)
            : base(e, "Delete")
        {
        }

        public override OrganizationResponse Execute(Operation op)
        {
            var target = Required<EntityReference>(op.Input, "Target");
            var table = Data.Table(target.LogicalName);
            var id = Data.Resolve(op.Reader, target);
            Data.Require(op.Reader, table.LogicalName, id);
            string expected = null;
            if (Optional<ConcurrencyBehavior>(op.Input, "ConcurrencyBehavior") == ConcurrencyBehavior.IfRowVersionMatches)
            {
                expected = CheckConcurrency(table, target.RowVersion);
            }

            var unit = new Unit();
            var view = new View("Delete", table.LogicalName, id, op.Input, "Target") { PostImagesAllowed = false };
            view.ImageRecords["Target"] = Ref(table.LogicalName, id);
            unit.Views.Add(view);
            unit.Main = () =>
            {
                var relationships = Org.Metadata.ChildRelationships(table.LogicalName);
                foreach (var rel in relationships.Where(r => r.Delete == CascadeType.Restrict))
                {
                    if (Children(op, rel, table.LogicalName, id).Any())
                    {
                        throw DataverseFault.Create(ErrorCodes.InvalidArgument,
                            $"The object you tried to delete is associated with another object and cannot be deleted ({rel.SchemaName}: {rel.ReferencingTable} rows refer to it).");
                    }
                }

                var core = Engine.CoreContext(op, view);
                foreach (var rel in relationships.Where(r => r.Delete == CascadeType.Cascade))
                {
                    foreach (var child in Children(op, rel, table.LogicalName, id))
                    {
                        if (op.Tx.Read(rel.ReferencingTable, child) == null) continue;
                        Engine.Execute(new OrganizationRequest("Delete") { ["Target"] = Ref(rel.ReferencingTable, child) }, op.PlatformCaller(core));
                    }
                }

                foreach (var rel in relationships.Where(r => r.Delete == CascadeType.RemoveLink))
                {
                    foreach (var child in Children(op, rel, table.LogicalName, id))
                    {
                        Data.Update(op.Tx, rel.ReferencingTable, child, new[] { new KeyValuePair<string, object>(rel.ReferencingColumn, null) }, op.WriteInfo(), platform: true);
                    }
                }

                foreach (var share in op.Tx.Candidates("principalobjectaccess", "objectid", id).Where(r => r.GetAttributeValue<Guid>("objectid") == id).ToList())
                {
                    Data.Delete(op.Tx, "principalobjectaccess", share.Id);
                }

                Data.Delete(op.Tx, table.LogicalName, id, expected);
            };
            Engine.Run(op, new[] { unit });
            return Response("Delete", new ParameterCollection(), new DeleteResponse());
        }

        private static List<Guid> Children(Operation op, RelationshipDefinition rel, string table, Guid id) =>
            op.Tx.Candidates(rel.ReferencingTable, rel.ReferencingColumn, id)
                .Where(r => r.Id != id && r.Attributes.TryGetValue(rel.ReferencingColumn, out var v) && v is EntityReference er && er.Id == id && er.LogicalName == table)
                .Select(r => r.Id).ToList();
    }

    internal sealed class AssignHandler : MessageHandler
    {
        public AssignHandler(Engine e)
            : base(e, "Assign")
        {
        }

        public override OrganizationResponse Execute(Operation op)
        {
            var target = Required<EntityReference>(op.Input, "Target");
            var assignee = Required<EntityReference>(op.Input, "Assignee");
            var table = Data.Table(target.LogicalName);
            if (table.Ownership != OwnershipType.UserOwned)
            {
                throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"{table.LogicalName} is not user or team owned and cannot be assigned.");
            }

            var id = Data.Resolve(op.Reader, target);
            Data.Require(op.Reader, table.LogicalName, id);
            if (assignee.LogicalName != "systemuser" && assignee.LogicalName != "team")
            {
                throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"Assignee must be a systemuser or team, not {assignee.LogicalName}.");
            }

            Data.Require(op.Reader, assignee.LogicalName, assignee.Id);
            var unit = new Unit();
            var view = new View("Assign", table.LogicalName, id, op.Input, "Target");
            view.ImageRecords["Target"] = Ref(table.LogicalName, id);
            unit.Views.Add(view);
            if (Profile.AssignRaisesUpdate)
            {
                var update = new View("Update", table.LogicalName, id, new ParameterCollection { ["Target"] = new Entity(table.LogicalName, id) { ["ownerid"] = Ref(assignee.LogicalName, assignee.Id) } }, "Target");
                update.ImageRecords["Target"] = Ref(table.LogicalName, id);
                unit.Views.Add(update);
            }

            unit.Main = () =>
            {
                var owner = view.Input["Assignee"] as EntityReference ?? assignee;
                Data.Update(op.Tx, table.LogicalName, id, new[] { new KeyValuePair<string, object>("ownerid", Ref(owner.LogicalName, owner.Id)) }, op.WriteInfo());
                CascadeOwner(op, view, table.LogicalName, id, owner);
            };
            Engine.Run(op, new[] { unit });
            return Response("Assign", new ParameterCollection());
        }
    }

    internal sealed class SetStateHandler : MessageHandler
    {
        public SetStateHandler(Engine e, string name)
            : base(e, name)
        {
        }

        public override string TableOf(OrganizationRequest request) =>
            request.Parameters.TryGetValue("EntityMoniker", out var t) ? (t as EntityReference)?.LogicalName : null;

        public override OrganizationResponse Execute(Operation op)
        {
            var moniker = Required<EntityReference>(op.Input, "EntityMoniker");
            var state = Required<OptionSetValue>(op.Input, "State");
            var status = Required<OptionSetValue>(op.Input, "Status");
            var table = Data.Table(moniker.LogicalName);
            var id = Data.Resolve(op.Reader, moniker);
            var current = Data.Require(op.Reader, table.LogicalName, id);
            GuardOpportunityState(table.LogicalName, state.Value, null);
            var (newState, newStatus) = DataOps.ResolveState(table, current.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0, state.Value, status.Value);
            var unit = new Unit();
            var view = new View(RequestName, table.LogicalName, id, op.Input, "EntityMoniker");
            view.ImageRecords["EntityMoniker"] = Ref(table.LogicalName, id);
            unit.Views.Add(view);
            if (Profile.SetStateRaisesUpdate)
            {
                var update = new View("Update", table.LogicalName, id, new ParameterCollection
                {
                    ["Target"] = new Entity(table.LogicalName, id) { ["statecode"] = new OptionSetValue(newState), ["statuscode"] = new OptionSetValue(newStatus) },
                }, "Target");
                update.ImageRecords["Target"] = Ref(table.LogicalName, id);
                unit.Views.Add(update);
            }

            unit.Main = () => Data.Update(op.Tx, table.LogicalName, id, new[]
            {
                new KeyValuePair<string, object>("statecode", new OptionSetValue(newState)),
                new KeyValuePair<string, object>("statuscode", new OptionSetValue(newStatus)),
            }, op.WriteInfo());
            Engine.Run(op, new[] { unit });
            return Response(RequestName, new ParameterCollection());
        }
    }

    internal sealed class WhoAmIHandler : MessageHandler
    {
        public WhoAmIHandler(Engine e)
            : base(e, "WhoAmI")
        {
        }

        public override OrganizationResponse Execute(Operation op)
        {
            var unit = new Unit();
            var view = new View("WhoAmI", null, Guid.Empty, op.Input) { PreImagesAllowed = false, PostImagesAllowed = false };
            unit.Views.Add(view);
            unit.Main = () =>
            {
                view.PendingOutput["UserId"] = op.Caller.UserId;
                view.PendingOutput["BusinessUnitId"] = Org.BusinessUnitIdOf(op.Caller.UserId);
                view.PendingOutput["OrganizationId"] = Org.Options.OrganizationId;
            };
            Engine.Run(op, new[] { unit });
            return Response("WhoAmI", view.Output);
        }
    }

    /// <summary>The query engine (stateless, shared by threads).</summary>
    internal static class QueryBridge
    {
        private static readonly QueryEngine Engine = new QueryEngine();

        public static EntityCollection Execute(QueryBase query, IQuerySource source, QueryContext context) => Engine.Execute(query, source, context);
    }

    /// <summary>The store as the query engine sees it: one operation's view of the rows, and the metadata.</summary>
    internal sealed class StoreQuerySource : IIndexedQuerySource
    {
        private readonly IRowReader reader;
        private readonly MetadataCatalog metadata;

        public StoreQuerySource(IRowReader reader, MetadataCatalog metadata)
        {
            this.reader = reader;
            this.metadata = metadata;
        }

        public bool TableExists(string logicalName) => metadata.Find(logicalName) != null;

        public bool ColumnExists(string logicalName, string column) => metadata.Find(logicalName)?.Column(column) != null;

        public string PrimaryIdColumn(string logicalName) => metadata.Find(logicalName)?.PrimaryIdColumn;

        public IEnumerable<Entity> Rows(string logicalName) => reader.Rows(logicalName);

        public bool TryRowsWhere(string logicalName, string column, IReadOnlyCollection<Guid> ids, out IEnumerable<Entity> rows)
        {
            var found = reader.TryFind(logicalName, column, ids, out var list);
            rows = list;
            return found;
        }
    }
}
