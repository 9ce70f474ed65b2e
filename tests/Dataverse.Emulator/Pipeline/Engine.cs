using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Measurement;
using Dataverse.Emulator.Messages;
using Dataverse.Emulator.Principals;
using Dataverse.Emulator.Storage;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Pipeline
{
    /// <summary>
    /// Runs requests the way the platform does: depth guard, bypass checks, PreValidation (outside the
    /// transaction at top level), PreOperation, the core operation, PostOperation, commit, then the
    /// asynchronous steps.
    /// </summary>
    internal sealed class Engine
    {
        private static readonly string[] OptionalParameters =
        {
            "tag", "BypassCustomPluginExecution", "BypassBusinessLogicExecution", "BypassBusinessLogicExecutionStepIds",
        };

        private readonly Dictionary<string, MessageHandler> handlers = new Dictionary<string, MessageHandler>(StringComparer.OrdinalIgnoreCase);

        public Engine(DataverseEmulator org)
        {
            Org = org;
            Data = new DataOps(org.Metadata, org.Store);
            foreach (var h in MessageHandlers.All(this)) handlers[h.RequestName] = h;
        }

        public DataverseEmulator Org { get; }

        public DataOps Data { get; }

        public OrganizationResponse Execute(OrganizationRequest request, Caller caller)
        {
            if (request == null) throw DataverseFault.Create(ErrorCodes.InvalidArgument, "The request is null.");
            caller.Transaction?.EnsureUsable();
            var handler = Handler(request.RequestName);
            string table = null;
            try
            {
                table = handler.TableOf(request);
            }
            catch (Exception e) when (!(e is FaultException<OrganizationServiceFault>))
            {
                table = null;
            }

            if (caller.Origin == CallOrigin.Plugin)
            {
                Org.CountPluginCall(caller.Record, new PluginCall(request.RequestName, table, caller.Depth + 1, caller.CallingStep?.Name, caller.Asynchronous));
            }

            var savepoint = caller.Forgiving ? caller.Transaction?.Savepoint() : null;
            Operation op = null;
            try
            {
                if (caller.Origin != CallOrigin.Platform) Org.Faults.Check(request.RequestName, table, caller.Origin == CallOrigin.Plugin);
                var depth = caller.Depth + 1;
                if (depth > Org.Options.MaxDepth)
                {
                    throw DataverseFault.Create(ErrorCodes.SdkCorrelationTokenDepthTooHigh,
                        $"This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again. (Depth {depth} > {Org.Options.MaxDepth} for {request.RequestName}.)");
                }

                var input = ValueRules.CloneParameters(request.Parameters);
                op = new Operation(this, request, input, caller, depth);
                ReadOptionalParameters(op);
                var response = handler.Execute(op);
                if (op.OwnsTx) op.Tx.Commit();
                return response;
            }
            catch (Exception)
            {
                if (op != null && op.OwnsTx) op.Tx.Rollback();
                else if (caller.Transaction != null && !caller.Transaction.Completed)
                {
                    if (caller.Forgiving) caller.Transaction.RollbackTo(savepoint);
                    else caller.Transaction.Doom();
                }

                throw;
            }
        }

        public bool HasHandler(string requestName) => handlers.ContainsKey(requestName) || Org.CustomApis.Find(requestName) != null;

        /// <summary>Runs units (one per record) with their views through the stages; bulk views run once per stage before the units' views.</summary>
        public void Run(Operation op, IReadOnlyList<Unit> units, IReadOnlyList<View> bulkViews = null)
        {
            bulkViews = bulkViews ?? Array.Empty<View>();
            foreach (var u in units) u.Validate?.Invoke();
            var all = bulkViews.Concat(units.SelectMany(u => u.Views)).ToList();
            foreach (var v in all) LoadImages(op, v, v.PreRowsValidation);
            foreach (var v in all) RunStage(op, v, (int)PipelineStage.PreValidation);
            op.EnsureTransaction();
            foreach (var v in all) LoadImages(op, v, v.PreRows);
            foreach (var v in all) RunStage(op, v, (int)PipelineStage.PreOperation);
            foreach (var u in units) u.Main?.Invoke();
            foreach (var v in all)
            {
                LoadImages(op, v, v.PostRows);
                foreach (var o in v.PendingOutput) v.Output[o.Key] = o.Value;
            }

            foreach (var v in all) RunStage(op, v, (int)PipelineStage.PostOperation);
            foreach (var v in all) QueueAsync(op, v);
        }

        /// <summary>The context the platform's own work (core operation) runs in: parent of the operations it starts.</summary>
        public EmulatedExecutionContext CoreContext(Operation op, View view)
        {
            if (view.CoreContext == null)
            {
                var c = NewContext(op, view, null, 30, false);
                c.ParentContext = ValidationContext(op, view);
                c.OutputParameters = view.Output;
                c.SharedVariables = view.SharedMain;
                c.IsInTransaction = true;
                view.CoreContext = c;
            }

            return view.CoreContext;
        }

        /// <summary>Runs a plugin as the core operation (stage 30) of a custom API.</summary>
        public void RunCoreStep(Operation op, View view, StepRegistration step)
        {
            var ctx = NewContext(op, view, step, 30, false);
            ctx.OutputParameters = view.Output;
            ctx.SharedVariables = view.SharedMain;
            ctx.ParentContext = ValidationContext(op, view);
            ctx.IsInTransaction = true;
            Invoke(op, step, ctx, op.Tx, false);
        }

        public void RunStage(Operation op, View view, int stage)
        {
            foreach (var step in Org.Steps.Match(view.Message, view.Entity, stage, ExecutionMode.Synchronous))
            {
                if (!ShouldRun(op, view, step)) continue;
                var ctx = NewContext(op, view, step, stage, false);
                var tx = stage == (int)PipelineStage.PreValidation ? op.Ambient : op.Tx;
                Invoke(op, step, ctx, tx, false);
            }
        }

        public Caller PluginCaller(Operation op, EmulatedExecutionContext ctx, Guid? userId, Transaction tx, bool asynchronous, OperationRecord record)
        {
            var c = op.Caller.Copy();
            c.UserId = userId == null || userId == Guid.Empty ? UserCollection.SystemUserId : userId.Value;
            c.InitiatingUserId = ctx.InitiatingUserId;
            c.ParentContext = ctx;
            c.Depth = ctx.Depth;
            c.Transaction = tx;
            c.Forgiving = asynchronous;
            c.Origin = CallOrigin.Plugin;
            c.Asynchronous = asynchronous;
            c.CallingStep = ctx.Step;
            c.Bypass = op.Bypass;
            c.Record = record;
            c.OperationCreatedOn = null;
            return c;
        }

        /// <summary>Runs one plugin with a context; maps its exceptions to the faults a client sees.</summary>
        public void Invoke(Operation op, StepRegistration step, EmulatedExecutionContext ctx, Transaction tx, bool asynchronous, OperationRecord record = null)
        {
            record = record ?? op.Caller.Record;
            record?.AddStep(new StepExecution(step, ctx));
            var services = new PluginServices(this, op, ctx, tx, asynchronous, record);
            try
            {
                step.Instance.Execute(services);
            }
            catch (FaultException<OrganizationServiceFault>)
            {
                throw;
            }
            catch (InvalidPluginExecutionException e)
            {
                var fault = PluginFault(ErrorCodes.IsvAborted, e.Message, step, ctx, e);
                fault.Detail.ErrorDetails[FaultDetailKeys.OperationStatus] = e.Status.ToString();
                throw fault;
            }
            catch (Exception e)
            {
                throw PluginFault(ErrorCodes.IsvUnExpected, "An unexpected error occurred from ISV code.", step, ctx, e);
            }

            if (tx != null && ctx.IsInTransaction && tx.Doomed)
            {
                throw PluginFault(ErrorCodes.IsvTransactionCount,
                    "ISV code reduced the open transaction count. Custom plug-ins should not catch exceptions from OrganizationService calls and continue processing.", step, ctx, null);
            }
        }

        public static FaultException<OrganizationServiceFault> PluginFault(int code, string message, StepRegistration step, IPluginExecutionContext ctx, Exception inner)
        {
            var fault = DataverseFault.Create(code, message, d =>
            {
                d[FaultDetailKeys.ExceptionSource] = "Plugin/" + step.PluginType.FullName;
                d[FaultDetailKeys.StepId] = step.Id.ToString();
                d[FaultDetailKeys.Depth] = ctx.Depth.ToString(CultureInfo.InvariantCulture);
                d[FaultDetailKeys.ExceptionCategory] = "ClientError";
                d[FaultDetailKeys.StepName] = step.Name;
                d[FaultDetailKeys.Stage] = ctx.Stage.ToString(CultureInfo.InvariantCulture);
                d[FaultDetailKeys.MessageName] = ctx.MessageName;
                if (inner != null) d[FaultDetailKeys.OriginalException] = inner.GetType().FullName;
            });
            if (inner != null) fault.Detail.TraceText = inner.ToString();
            return fault;
        }

        private MessageHandler Handler(string requestName)
        {
            if (!string.IsNullOrEmpty(requestName))
            {
                if (handlers.TryGetValue(requestName, out var h)) return h;
                var api = Org.CustomApis.Find(requestName);
                if (api != null) return new CustomApiHandler(this, api);
            }

            throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"Request '{requestName}' is not supported by the emulator (not a known message or registered custom API).");
        }

        private void ReadOptionalParameters(Operation op)
        {
            var p = op.Input;
            var bypass = op.Caller.Bypass ?? BypassSettings.None;
            var legacy = p.TryGetValue("BypassCustomPluginExecution", out var legacyValue) && legacyValue is bool b && b;
            if (legacy)
            {
                RequirePrivilege(op.Caller.UserId, Privileges.BypassCustomPlugins);
                bypass = bypass.Merge(new BypassSettings(true, true, new HashSet<Guid>()));
            }

            if (p.TryGetValue("BypassBusinessLogicExecution", out var logic) && logic != null)
            {
                var text = logic as string ?? throw DataverseFault.Create(ErrorCodes.InvalidArgument, "BypassBusinessLogicExecution must be a string.");
                var parts = text.Split(',').Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
                if (parts.Count > 0)
                {
                    foreach (var part in parts)
                    {
                        if (part != "CustomSync" && part != "CustomAsync")
                        {
                            throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"BypassBusinessLogicExecution: '{part}' is not CustomSync or CustomAsync.");
                        }
                    }

                    RequirePrivilege(op.Caller.UserId, Privileges.BypassCustomBusinessLogic);
                    bypass = bypass.Merge(new BypassSettings(parts.Contains("CustomSync"), parts.Contains("CustomAsync"), new HashSet<Guid>()));
                }
            }

            if (p.TryGetValue("BypassBusinessLogicExecutionStepIds", out var stepIds) && stepIds != null)
            {
                var text = stepIds as string ?? throw DataverseFault.Create(ErrorCodes.InvalidArgument, "BypassBusinessLogicExecutionStepIds must be a string of comma-separated ids.");
                var ids = new HashSet<Guid>();
                foreach (var part in text.Split(',').Select(x => x.Trim()).Where(x => x.Length > 0))
                {
                    if (!Guid.TryParse(part, out var g)) throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"BypassBusinessLogicExecutionStepIds: '{part}' is not a step id.");
                    ids.Add(g);
                }

                if (ids.Count > Org.Options.MaxBypassStepIds)
                {
                    throw DataverseFault.Create(ErrorCodes.InvalidArgument, $"BypassBusinessLogicExecutionStepIds lists {ids.Count} steps; at most {Org.Options.MaxBypassStepIds} are allowed.");
                }

                if (ids.Count > 0)
                {
                    RequirePrivilege(op.Caller.UserId, Privileges.BypassCustomBusinessLogic);
                    bypass = bypass.Merge(new BypassSettings(false, false, ids));
                }
            }

            op.Bypass = bypass;
            if (p.TryGetValue("tag", out var tag)) op.Tag = tag as string;
            foreach (var name in OptionalParameters) p.Remove(name);
        }

        private void RequirePrivilege(Guid userId, string privilege)
        {
            if (!Org.HasPrivilege(userId, privilege))
            {
                throw DataverseFault.Create(ErrorCodes.PrivilegeDenied,
                    $"Principal user (Id={userId}, type=8) is missing {privilege} privilege.",
                    d => d["MissingPrivilege"] = privilege);
            }
        }

        private static bool ShouldRun(Operation op, View view, StepRegistration step)
        {
            if (op.Bypass.Skips(step)) return false;
            if (string.Equals(view.Message, "Update", StringComparison.OrdinalIgnoreCase) && step.FilteringAttributes != null && step.FilteringAttributes.Count > 0)
            {
                var target = view.Input.TryGetValue("Target", out var t) ? t as Entity : null;
                return target != null && step.FilteringAttributes.Any(a => target.Attributes.ContainsKey(a));
            }

            return true;
        }

        private EmulatedExecutionContext ValidationContext(Operation op, View view)
        {
            if (view.ValidationContext == null)
            {
                var c = NewContext(op, view, null, 10, false);
                c.SharedVariables = view.SharedValidation;
                view.ValidationContext = c;
            }

            return view.ValidationContext;
        }

        private EmulatedExecutionContext NewContext(Operation op, View view, StepRegistration step, int stage, bool asynchronous)
        {
            var userId = step?.RunAsUserId ?? op.Caller.UserId;
            var ctx = new EmulatedExecutionContext
            {
                Mode = asynchronous ? 1 : 0,
                Depth = op.Depth,
                MessageName = view.Message,
                PrimaryEntityName = view.Entity ?? "none",
                RequestId = op.Request.RequestId,
                InputParameters = view.Input,
                OutputParameters = stage >= 30 ? view.Output : new ParameterCollection(),
                SharedVariables = stage == (int)PipelineStage.PreValidation ? view.SharedValidation : view.SharedMain,
                UserId = userId,
                InitiatingUserId = op.Caller.InitiatingUserId,
                BusinessUnitId = Org.BusinessUnitIdOf(userId),
                OrganizationId = Org.Options.OrganizationId,
                OrganizationName = Org.Options.OrganizationName,
                PrimaryEntityId = view.EntityId,
                CorrelationId = op.Caller.CorrelationId,
                IsInTransaction = !asynchronous && (stage != (int)PipelineStage.PreValidation || op.Ambient != null),
                OperationId = op.OperationId,
                OperationCreatedOn = op.CreatedOn,
                Stage = stage,
                ParentContext = stage == (int)PipelineStage.PreValidation ? (IPluginExecutionContext)op.Caller.ParentContext : ValidationContext(op, view),
                Step = step,
            };
            if (op.Tag != null)
            {
                ctx.SharedVariables["tag"] = op.Tag;
            }

            if (step != null)
            {
                ctx.OwningExtension = new EntityReference("sdkmessageprocessingstep", step.Id) { Name = step.Name };
                foreach (var image in step.Images)
                {
                    var property = image.MessagePropertyName ?? view.DefaultImageProperty ?? "Target";
                    var pre = stage == (int)PipelineStage.PreValidation ? view.PreRowsValidation : view.PreRows;
                    if (image.IsPre && view.PreImagesAllowed && pre.TryGetValue(property, out var before) && before != null)
                    {
                        ctx.PreEntityImages[image.Alias] = Project(before, image.Columns);
                    }

                    if (image.IsPost && stage == (int)PipelineStage.PostOperation && view.PostImagesAllowed && view.PostRows.TryGetValue(property, out var after) && after != null)
                    {
                        ctx.PostEntityImages[image.Alias] = Project(after, image.Columns);
                    }
                }
            }

            return ctx;
        }

        private static Entity Project(Entity row, IReadOnlyList<string> columns)
        {
            if (columns == null || columns.Count == 0)
            {
                var all = ValueRules.CloneEntity(row);
                all.RowVersion = row.RowVersion;
                return all;
            }

            return ValueRules.CloneColumns(row, columns);
        }

        private void LoadImages(Operation op, View view, Dictionary<string, Entity> into)
        {
            into.Clear();
            foreach (var r in view.ImageRecords)
            {
                if (r.Value == null || r.Value.Id == Guid.Empty) continue;
                into[r.Key] = op.Reader.Read(r.Value.LogicalName, r.Value.Id)?.Row;
            }
        }

        private void QueueAsync(Operation op, View view)
        {
            var steps = Org.Steps.Match(view.Message, view.Entity, (int)PipelineStage.PostOperation, ExecutionMode.Asynchronous).Where(s => ShouldRun(op, view, s)).ToList();
            if (steps.Count == 0) return;
            var tx = op.EnsureTransaction();
            foreach (var step in steps)
            {
                var ctx = NewContext(op, view, step, (int)PipelineStage.PostOperation, true);
                ctx.InputParameters = ValueRules.CloneParameters(view.Input);
                ctx.OutputParameters = ValueRules.CloneParameters(view.Output);
                ctx.SharedVariables = ValueRules.CloneParameters(view.SharedMain);
                var record = op.Caller.Record;
                tx.AfterCommit(() => Org.AsyncJobs.Enqueue(new AsyncJob(step, ctx, op, record)));
            }
        }
    }

    /// <summary>Keys of <c>OrganizationServiceFault.ErrorDetails</c> on plugin faults (the platform's Api*Key names).</summary>
    public static class FaultDetailKeys
    {
        /// <summary>"Plugin/{plugin type}".</summary>
        public const string ExceptionSource = "ApiExceptionSourceKey";

        /// <summary>The step id.</summary>
        public const string StepId = "ApiStepKey";

        /// <summary>The depth.</summary>
        public const string Depth = "ApiDepthKey";

        /// <summary>"ClientError".</summary>
        public const string ExceptionCategory = "ApiExceptionCategory";

        /// <summary>The type of the exception the plugin threw.</summary>
        public const string OriginalException = "ApiOriginalExceptionKey";

        /// <summary>The step's name (emulator).</summary>
        public const string StepName = "EmulatorStepName";

        /// <summary>The stage (emulator).</summary>
        public const string Stage = "EmulatorStage";

        /// <summary>The OperationStatus of the plugin's InvalidPluginExecutionException (emulator).</summary>
        public const string OperationStatus = "EmulatorOperationStatus";

        /// <summary>The message name.</summary>
        public const string MessageName = "ApiExceptionMesageName";
    }
}
