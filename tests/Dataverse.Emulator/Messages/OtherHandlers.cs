using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Metadata;
using Dataverse.Emulator.Pipeline;
using Dataverse.Emulator.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace Dataverse.Emulator.Messages
{
    internal sealed class CloseOpportunityHandler : MessageHandler
    {
        private readonly string stepMessage;

        public CloseOpportunityHandler(Engine e, string requestName, string stepMessage)
            : base(e, requestName)
        {
            this.stepMessage = stepMessage;
        }

        private bool IsWin => stepMessage == "Win";

        public override string TableOf(OrganizationRequest request) => "opportunity";

        public override OrganizationResponse Execute(Operation op)
        {
            var close = Required<Entity>(op.Input, "OpportunityClose");
            var status = Required<OptionSetValue>(op.Input, "Status");
            var opportunity = close.GetAttributeValue<EntityReference>("opportunityid")
                ?? throw DataverseFault.Create(ErrorCodes.InvalidArgument, "The OpportunityClose entity must carry opportunityid.");
            var table = Data.Table("opportunity");
            var id = Data.Resolve(op.Reader, opportunity);
            var current = Data.Require(op.Reader, "opportunity", id);
            CheckOpen(current);
            var newState = IsWin ? 1 : 2;
            var (state, newStatus) = DataOps.ResolveState(table, 0, newState, status.Value);
            var unit = new Unit();
            var view = new View(stepMessage, "opportunity", id, op.Input) { PreImagesAllowed = false, PostImagesAllowed = false };
            unit.Views.Add(view);
            if (Profile.WinLoseRaisesSetStateAndUpdate)
            {
                var setState = new View("SetState", "opportunity", id, new ParameterCollection
                {
                    ["EntityMoniker"] = Ref("opportunity", id),
                    ["State"] = new OptionSetValue(state),
                    ["Status"] = new OptionSetValue(newStatus),
                }, "EntityMoniker");
                setState.ImageRecords["EntityMoniker"] = Ref("opportunity", id);
                var update = new View("Update", "opportunity", id, new ParameterCollection
                {
                    ["Target"] = new Entity("opportunity", id) { ["statecode"] = new OptionSetValue(state), ["statuscode"] = new OptionSetValue(newStatus) },
                }, "Target");
                update.ImageRecords["Target"] = Ref("opportunity", id);
                unit.Views.Add(setState);
                unit.Views.Add(update);
            }

            unit.Main = () =>
            {
                op.Tx.Lock("opportunity", id);
                CheckOpen(Data.Require(op.Tx, "opportunity", id));
                var activity = ValueRules.CloneEntity(view.Input["OpportunityClose"] as Entity ?? close);
                activity.LogicalName = "opportunityclose";
                if (!activity.Contains("subject")) activity["subject"] = IsWin ? "Opportunity Closed: Won" : "Opportunity Closed: Lost";
                if (!activity.Contains("actualend")) activity["actualend"] = Org.Clock.UtcNow.Date;
                var create = Engine.Execute(new OrganizationRequest("Create") { ["Target"] = activity }, op.PlatformCaller(Engine.CoreContext(op, view)));
                var closeId = (Guid)create.Results["id"];
                Data.Update(op.Tx, "opportunityclose", closeId, new[]
                {
                    new KeyValuePair<string, object>("statecode", new OptionSetValue(1)),
                    new KeyValuePair<string, object>("statuscode", new OptionSetValue(2)),
                }, op.WriteInfo(), platform: true);
                var changes = new List<KeyValuePair<string, object>>
                {
                    new KeyValuePair<string, object>("statecode", new OptionSetValue(state)),
                    new KeyValuePair<string, object>("statuscode", new OptionSetValue(newStatus)),
                    new KeyValuePair<string, object>("actualclosedate", activity.GetAttributeValue<DateTime?>("actualend") ?? Org.Clock.UtcNow.Date),
                };
                if (activity.GetAttributeValue<Money>("actualrevenue") is Money revenue) changes.Add(new KeyValuePair<string, object>("actualvalue", new Money(revenue.Value)));
                Data.Update(op.Tx, "opportunity", id, changes, op.WriteInfo(), platform: true);
            };
            Engine.Run(op, new[] { unit });
            return Response(RequestName, new ParameterCollection());
        }

        private static void CheckOpen(Entity opportunity)
        {
            if ((opportunity.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0) != 0)
            {
                throw DataverseFault.Create(ErrorCodes.OpportunityIsAlreadyClosed, "The opportunity is already closed.");
            }
        }
    }

    internal sealed class MergeHandler : MessageHandler
    {
        public MergeHandler(Engine e)
            : base(e, "Merge")
        {
        }

        public override OrganizationResponse Execute(Operation op)
        {
            var target = Required<EntityReference>(op.Input, "Target");
            if (!op.Input.TryGetValue("SubordinateId", out var sub) || !(sub is Guid subordinateId))
            {
                throw DataverseFault.Create(ErrorCodes.InvalidArgument, "Required field 'SubordinateId' is missing");
            }

            var content = Optional<Entity>(op.Input, "UpdateContent") ?? new Entity(target.LogicalName);
            var parenting = Optional<bool>(op.Input, "PerformParentingChecks");
            var table = Data.Table(target.LogicalName);
            if (table.Column("merged") == null || table.Column("masterid") == null)
            {
                throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"Merge is not supported for {table.LogicalName}.");
            }

            var masterId = Data.Resolve(op.Reader, target);
            if (masterId == subordinateId) throw DataverseFault.Create(ErrorCodes.InvalidArgument, "The master and the subordinate are the same record.");
            Data.Require(op.Reader, table.LogicalName, masterId);
            Data.Require(op.Reader, table.LogicalName, subordinateId);
            var unit = new Unit();
            var view = new View("Merge", table.LogicalName, masterId, op.Input, "Target");
            view.ImageRecords["Target"] = Ref(table.LogicalName, masterId);
            view.ImageRecords["SubordinateId"] = Ref(table.LogicalName, subordinateId);
            unit.Views.Add(view);
            var updateTarget = new Entity(table.LogicalName, masterId);
            foreach (var a in content.Attributes) updateTarget[a.Key] = a.Value;
            if (Profile.MergeContentRaisesUpdate && updateTarget.Attributes.Count > 0)
            {
                var update = new View("Update", table.LogicalName, masterId, new ParameterCollection { ["Target"] = updateTarget }, "Target");
                update.ImageRecords["Target"] = Ref(table.LogicalName, masterId);
                unit.Views.Add(update);
            }

            unit.Main = () =>
            {
                var w = op.WriteInfo();
                var master = Data.Require(op.Tx, table.LogicalName, masterId);
                var subordinate = Data.Require(op.Tx, table.LogicalName, subordinateId);
                if (parenting)
                {
                    var parentColumn = table.LogicalName == "contact" ? "parentcustomerid" : "parentaccountid";
                    var a = master.GetAttributeValue<EntityReference>(parentColumn);
                    var b = subordinate.GetAttributeValue<EntityReference>(parentColumn);
                    if (a != null && b != null && a.Id != b.Id)
                    {
                        throw DataverseFault.Create(ErrorCodes.InvalidArgument, "The parent of the subordinate differs from the parent of the master (PerformParentingChecks).");
                    }
                }

                var currentContent = view.Input["UpdateContent"] as Entity ?? content;
                if (currentContent.Attributes.Count > 0)
                {
                    Data.Update(op.Tx, table.LogicalName, masterId, currentContent.Attributes.Where(x => x.Key != table.PrimaryIdColumn).ToList(), w);
                }

                foreach (var rel in Org.Metadata.ChildRelationships(table.LogicalName).Where(r => r.Merge == CascadeType.Cascade))
                {
                    var children = op.Tx.Scan(rel.ReferencingTable)
                        .Where(r => r.Attributes.TryGetValue(rel.ReferencingColumn, out var v) && v is EntityReference er && er.Id == subordinateId && er.LogicalName == table.LogicalName)
                        .Select(r => r.Id).ToList();
                    foreach (var child in children)
                    {
                        var value = child == masterId ? null : Ref(table.LogicalName, masterId);
                        Data.Update(op.Tx, rel.ReferencingTable, child, new[] { new KeyValuePair<string, object>(rel.ReferencingColumn, value) }, w, platform: true);
                    }
                }

                var inactive = table.States.FirstOrDefault(s => s.Value == 1);
                var changes = new List<KeyValuePair<string, object>>
                {
                    new KeyValuePair<string, object>("merged", true),
                    new KeyValuePair<string, object>("masterid", Ref(table.LogicalName, masterId)),
                };
                if (inactive != null)
                {
                    changes.Add(new KeyValuePair<string, object>("statecode", new OptionSetValue(inactive.Value)));
                    changes.Add(new KeyValuePair<string, object>("statuscode", new OptionSetValue(inactive.DefaultStatus)));
                }

                Data.Update(op.Tx, table.LogicalName, subordinateId, changes, w, platform: true);
            };
            Engine.Run(op, new[] { unit });
            return Response("Merge", new ParameterCollection());
        }
    }

    internal sealed class AccessHandler : MessageHandler
    {
        public AccessHandler(Engine e, string name)
            : base(e, name)
        {
        }

        public override OrganizationResponse Execute(Operation op)
        {
            var target = Required<EntityReference>(op.Input, "Target");
            var table = Data.Table(target.LogicalName);
            var id = Data.Resolve(op.Reader, target);
            Data.Require(op.Reader, table.LogicalName, id);
            EntityReference principal;
            var mask = 0;
            if (RequestName == "RevokeAccess")
            {
                principal = Required<EntityReference>(op.Input, "Revokee");
            }
            else
            {
                var access = Required<object>(op.Input, "PrincipalAccess");
                principal = access.GetType().GetProperty("Principal")?.GetValue(access) as EntityReference
                    ?? throw DataverseFault.Create(ErrorCodes.InvalidArgument, "PrincipalAccess.Principal is missing.");
                var raw = access.GetType().GetProperty("AccessMask")?.GetValue(access)
                    ?? throw DataverseFault.Create(ErrorCodes.InvalidArgument, "PrincipalAccess.AccessMask is missing.");
                mask = Convert.ToInt32(raw, System.Globalization.CultureInfo.InvariantCulture);
            }

            if (principal.LogicalName != "systemuser" && principal.LogicalName != "team")
            {
                throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"A record can be shared with a systemuser or team, not {principal.LogicalName}.");
            }

            Data.Require(op.Reader, principal.LogicalName, principal.Id);
            var unit = new Unit();
            var view = new View(RequestName, table.LogicalName, id, op.Input, "Target");
            view.ImageRecords["Target"] = Ref(table.LogicalName, id);
            unit.Views.Add(view);
            unit.Main = () =>
            {
                var w = op.WriteInfo();
                var existing = op.Tx.Scan("principalobjectaccess").FirstOrDefault(r => r.GetAttributeValue<Guid>("objectid") == id && r.GetAttributeValue<Guid>("principalid") == principal.Id);
                if (RequestName == "RevokeAccess")
                {
                    if (existing != null) Data.Delete(op.Tx, "principalobjectaccess", existing.Id);
                    return;
                }

                var newMask = RequestName == "GrantAccess" && existing != null ? existing.GetAttributeValue<int>("accessrightsmask") | mask : mask;
                if (existing != null)
                {
                    Data.Update(op.Tx, "principalobjectaccess", existing.Id, new[] { new KeyValuePair<string, object>("accessrightsmask", newMask) }, w, platform: true);
                }
                else
                {
                    Data.Create(op.Tx, new Entity("principalobjectaccess")
                    {
                        ["objectid"] = id,
                        ["objecttypecode"] = table.LogicalName,
                        ["principalid"] = principal.Id,
                        ["principaltypecode"] = principal.LogicalName,
                        ["accessrightsmask"] = newMask,
                    }, w);
                }
            };
            Engine.Run(op, new[] { unit });
            return Response(RequestName, new ParameterCollection());
        }
    }

    internal sealed class BulkHandler : MessageHandler
    {
        public BulkHandler(Engine e, string name)
            : base(e, name)
        {
        }

        public override string TableOf(OrganizationRequest request) =>
            request.Parameters.TryGetValue("Targets", out var t) && t is EntityCollection c ? c.EntityName ?? c.Entities.FirstOrDefault()?.LogicalName : null;

        public override OrganizationResponse Execute(Operation op)
        {
            var targets = Required<EntityCollection>(op.Input, "Targets");
            var table = targets.EntityName ?? targets.Entities.FirstOrDefault()?.LogicalName;
            if (string.IsNullOrEmpty(table)) throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"{RequestName}: Targets.EntityName is required.");
            if (targets.Entities.Count == 0) throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"{RequestName}: Targets is empty.");
            if (targets.Entities.Any(e => e.LogicalName != table))
            {
                throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"{RequestName}: every entity in Targets must be a {table}.");
            }

            Data.Table(table);
            switch (RequestName)
            {
                case "CreateMultiple":
                {
                    var units = targets.Entities.Select(t => CreateUnit(op, t, With(op.Input, "Target", t))).ToList();
                    var bulk = new View("CreateMultiple", table, Guid.Empty, op.Input);
                    var outputs = new Unit { Main = () => bulk.PendingOutput["Ids"] = units.Select(u => u.Primary.EntityId).ToArray() };
                    Engine.Run(op, units.Concat(new[] { outputs }).ToList(), new[] { bulk });
                    return Response(RequestName, bulk.Output);
                }

                case "UpdateMultiple":
                {
                    var units = targets.Entities.SelectMany(t => UpdateUnits(op, t, With(op.Input, "Target", t))).ToList();
                    var bulk = new View("UpdateMultiple", table, Guid.Empty, op.Input);
                    Engine.Run(op, units, new[] { bulk });
                    return Response(RequestName, new ParameterCollection());
                }

                default:
                {
                    var units = new List<Unit>();
                    var results = new List<(Unit Unit, bool Created, Entity Target)>();
                    foreach (var t in targets.Entities)
                    {
                        var (unitsOfOne, created) = UpsertHandler.Prepare(this, op, t, With(op.Input, "Target", t));
                        units.AddRange(unitsOfOne);
                        results.Add((unitsOfOne[0], created, t));
                    }

                    Engine.Run(op, units);
                    var responses = results.Select(r =>
                    {
                        var response = new UpsertResponse();
                        response.Results["RecordCreated"] = r.Created;
                        response.Results["Target"] = Ref(r.Target.LogicalName, r.Unit.Primary.EntityId);
                        return response;
                    }).ToArray();
                    return Response(RequestName, new ParameterCollection { ["Results"] = responses });
                }
            }
        }

        internal Unit Create(Operation op, Entity target, ParameterCollection input) => CreateUnit(op, target, input);

        internal List<Unit> Update(Operation op, Entity target, ParameterCollection input) => UpdateUnits(op, target, input);
    }

    internal sealed class UpsertHandler : MessageHandler
    {
        public UpsertHandler(Engine e)
            : base(e, "Upsert")
        {
        }

        public override OrganizationResponse Execute(Operation op)
        {
            var target = Required<Entity>(op.Input, "Target");
            var bulk = new BulkHandler(Engine, "UpsertMultiple");
            var (units, created) = Prepare(bulk, op, target, With(op.Input, "Target", target));
            Engine.Run(op, units);
            var response = new UpsertResponse();
            response.Results["RecordCreated"] = created;
            response.Results["Target"] = Ref(target.LogicalName, units[0].Primary.EntityId);
            return Response("Upsert", response.Results, response);
        }

        /// <summary>Upsert of standard tables: the Update pipeline (key columns stripped) when the record exists, else Create (key columns copied in).</summary>
        internal static (List<Unit> Units, bool Created) Prepare(BulkHandler handler, Operation op, Entity target, ParameterCollection input)
        {
            var data = op.Engine.Data;
            var table = data.Table(target.LogicalName);
            var id = data.TryResolve(op.Reader, target, out var byKey);
            var exists = id.HasValue && op.Reader.Read(table.LogicalName, id.Value) != null;
            if (exists)
            {
                target.Id = id.Value;
                if (byKey)
                {
                    foreach (var k in target.KeyAttributes.Select(k => k.Key).ToList()) target.Attributes.Remove(k);
                }

                target.KeyAttributes = new KeyAttributeCollection();
                return (handler.Update(op, target, input), false);
            }

            if (target.KeyAttributes != null)
            {
                foreach (var k in target.KeyAttributes)
                {
                    if (!target.Attributes.ContainsKey(k.Key)) target[k.Key] = k.Value;
                }

                target.KeyAttributes = new KeyAttributeCollection();
            }

            if (id.HasValue && !byKey) target.Id = id.Value;
            return (new List<Unit> { handler.Create(op, target, input) }, true);
        }
    }

    internal sealed class ExecuteMultipleHandler : MessageHandler
    {
        public ExecuteMultipleHandler(Engine e)
            : base(e, "ExecuteMultiple")
        {
        }

        public override string TableOf(OrganizationRequest request) => null;

        public override OrganizationResponse Execute(Operation op)
        {
            var requests = Required<OrganizationRequestCollection>(op.Request.Parameters, "Requests");
            var settings = Required<ExecuteMultipleSettings>(op.Request.Parameters, "Settings");
            if (requests.Count > Org.Options.ExecuteMultipleMaxRequests)
            {
                throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"The number of requests ({requests.Count}) exceeds the ExecuteMultiple maximum batch size of {Org.Options.ExecuteMultipleMaxRequests}.");
            }

            if (op.Caller.ParentContext?.MessageName == "ExecuteMultiple" || requests.Any(r => r?.RequestName == "ExecuteMultiple"))
            {
                throw DataverseFault.Create(ErrorCodes.InvalidArgument, "ExecuteMultiple cannot contain ExecuteMultiple.");
            }

            var items = new ExecuteMultipleResponseItemCollection();
            var faulted = false;
            for (var i = 0; i < requests.Count; i++)
            {
                var caller = op.Caller.Copy();
                caller.CorrelationId = op.Caller.Origin == CallOrigin.Client ? Guid.NewGuid() : op.Caller.CorrelationId;
                try
                {
                    var response = Engine.Execute(requests[i], caller);
                    if (settings.ReturnResponses) items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = response });
                }
                catch (FaultException<OrganizationServiceFault> fault)
                {
                    faulted = true;
                    items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Fault = fault.Detail });
                    if (!settings.ContinueOnError) break;
                }
            }

            var result = new ExecuteMultipleResponse();
            result.Results["Responses"] = items;
            result.Results["IsFaulted"] = faulted;
            return Response("ExecuteMultiple", result.Results, result);
        }
    }

    internal sealed class ExecuteTransactionHandler : MessageHandler
    {
        public ExecuteTransactionHandler(Engine e)
            : base(e, "ExecuteTransaction")
        {
        }

        public override string TableOf(OrganizationRequest request) => null;

        public override OrganizationResponse Execute(Operation op)
        {
            var requests = Required<OrganizationRequestCollection>(op.Request.Parameters, "Requests");
            var returnResponses = Optional<bool>(op.Request.Parameters, "ReturnResponses");
            var tx = op.EnsureTransaction();
            var responses = new OrganizationResponseCollection();
            for (var i = 0; i < requests.Count; i++)
            {
                var caller = op.Caller.Copy();
                caller.Transaction = tx;
                try
                {
                    var response = Engine.Execute(requests[i], caller);
                    if (returnResponses) responses.Add(response);
                }
                catch (FaultException<OrganizationServiceFault> fault)
                {
                    var detail = new ExecuteTransactionFault
                    {
                        ErrorCode = fault.Detail.ErrorCode,
                        Message = fault.Detail.Message,
                        FaultedRequestIndex = i,
                        InnerFault = fault.Detail,
                    };
                    throw new FaultException<OrganizationServiceFault>(detail, new FaultReason(fault.Detail.Message));
                }
            }

            var result = new ExecuteTransactionResponse();
            result.Results["Responses"] = responses;
            return Response("ExecuteTransaction", result.Results, result);
        }
    }

    internal sealed class AssociateHandler : MessageHandler
    {
        public AssociateHandler(Engine e, string name)
            : base(e, name)
        {
        }

        public override OrganizationResponse Execute(Operation op)
        {
            var target = Required<EntityReference>(op.Input, "Target");
            var relationship = Required<Relationship>(op.Input, "Relationship");
            var related = Required<EntityReferenceCollection>(op.Input, "RelatedEntities");
            var id = Data.Resolve(op.Reader, target);
            Data.Require(op.Reader, target.LogicalName, id);
            foreach (var r in related) Data.Require(op.Reader, r.LogicalName, r.Id);
            var nn = Org.Metadata.ManyToManyRelationship(relationship.SchemaName);
            var oneToMany = Org.Metadata.Relationship(relationship.SchemaName);
            if (nn == null && oneToMany == null)
            {
                throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"Relationship {relationship.SchemaName} is not defined.");
            }

            var unit = new Unit();
            var view = new View(RequestName, target.LogicalName, id, op.Input) { PreImagesAllowed = false, PostImagesAllowed = false };
            unit.Views.Add(view);
            unit.Main = () =>
            {
                var w = op.WriteInfo();
                foreach (var r in related)
                {
                    if (nn != null)
                    {
                        var (id1, id2) = target.LogicalName == nn.Table1 ? (id, r.Id) : (r.Id, id);
                        var existing = op.Tx.Scan(nn.IntersectTable).FirstOrDefault(x => x.GetAttributeValue<Guid>(nn.Column1) == id1 && x.GetAttributeValue<Guid>(nn.Column2) == id2);
                        if (RequestName == "Associate")
                        {
                            if (existing != null) throw DataverseFault.Create(ErrorCodes.DuplicateRecord, "Cannot insert duplicate key: the records are already associated.");
                            Data.Create(op.Tx, new Entity(nn.IntersectTable) { [nn.Column1] = id1, [nn.Column2] = id2 }, w);
                        }
                        else if (existing != null)
                        {
                            Data.Delete(op.Tx, nn.IntersectTable, existing.Id);
                        }
                    }
                    else
                    {
                        var (child, parent) = target.LogicalName == oneToMany.ReferencedTable ? (r, Ref(target.LogicalName, id)) : (Ref(target.LogicalName, id), r);
                        var value = RequestName == "Associate" ? Ref(parent.LogicalName, parent.Id) : null;
                        Data.Update(op.Tx, child.LogicalName, child.Id, new[] { new KeyValuePair<string, object>(oneToMany.ReferencingColumn, value) }, w);
                    }
                }
            };
            Engine.Run(op, new[] { unit });
            return Response(RequestName, new ParameterCollection());
        }
    }

    internal sealed class CustomApiHandler : MessageHandler
    {
        private static readonly HashSet<string> PlatformParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "SolutionUniqueName", "SuppressDuplicateDetection" };
        private readonly CustomApiDefinition api;

        public CustomApiHandler(Engine e, CustomApiDefinition api)
            : base(e, api.UniqueName)
        {
            this.api = api;
        }

        public override string TableOf(OrganizationRequest request) => api.BoundEntity;

        public override OrganizationResponse Execute(Operation op)
        {
            if (!string.IsNullOrEmpty(api.ExecutePrivilegeName) && !Org.HasPrivilege(op.Caller.UserId, api.ExecutePrivilegeName))
            {
                throw DataverseFault.Create(ErrorCodes.PrivilegeDenied,
                    $"Principal user (Id={op.Caller.UserId}, type=8) is missing {api.ExecutePrivilegeName} privilege.",
                    d => d["MissingPrivilege"] = api.ExecutePrivilegeName);
            }

            var targetId = Guid.Empty;
            if (api.BoundEntity != null)
            {
                var target = Required<EntityReference>(op.Input, "Target");
                if (target.LogicalName != api.BoundEntity) throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"{api.UniqueName} is bound to {api.BoundEntity}, not {target.LogicalName}.");
                targetId = Data.Resolve(op.Reader, target);
                Data.Require(op.Reader, api.BoundEntity, targetId);
            }

            foreach (var p in api.RequestParameters)
            {
                if (!op.Input.TryGetValue(p.Name, out var value) || value == null)
                {
                    if (!p.IsOptional) throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"Required parameter '{p.Name}' of {api.UniqueName} is missing.");
                    continue;
                }

                if (!p.Type.IsInstanceOfType(value))
                {
                    throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"Parameter '{p.Name}' of {api.UniqueName} must be a {p.Type.Name}, not {value.GetType().Name}.");
                }
            }

            foreach (var key in op.Input.Keys)
            {
                if (key == "Target" && api.BoundEntity != null) continue;
                if (PlatformParameters.Contains(key)) continue;
                if (!api.RequestParameters.Any(p => p.Name == key))
                {
                    throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"{api.UniqueName} has no request parameter '{key}'.");
                }
            }

            var unit = new Unit();
            var view = new View(api.UniqueName, api.BoundEntity, targetId, op.Input) { PreImagesAllowed = false, PostImagesAllowed = false };
            unit.Views.Add(view);
            unit.Main = () =>
            {
                if (api.CoreStep != null)
                {
                    Engine.RunCoreStep(op, view, api.CoreStep);
                }
                else if (api.Handler != null)
                {
                    var core = Engine.CoreContext(op, view);
                    var service = new ServiceClient(Engine, Engine.PluginCaller(op, core, op.Caller.UserId, op.Tx, false, op.Caller.Record));
                    try
                    {
                        api.Handler(new CustomApiInvocation(core, service));
                    }
                    catch (FaultException<OrganizationServiceFault>)
                    {
                        throw;
                    }
                    catch (InvalidPluginExecutionException e)
                    {
                        throw DataverseFault.Create(ErrorCodes.IsvAborted, e.Message);
                    }
                }
            };
            Engine.Run(op, new[] { unit });
            return Response(api.UniqueName, view.Output);
        }
    }
}
