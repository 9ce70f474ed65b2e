using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.ServiceModel;
using System.Threading;
using Dataverse.Emulator.Faults;
using Dataverse.Emulator.Measurement;
using Dataverse.Emulator.Messages;
using Dataverse.Emulator.Metadata;
using Dataverse.Emulator.Pipeline;
using Dataverse.Emulator.Principals;
using Dataverse.Emulator.Storage;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Dataverse.Emulator
{
    /// <summary>
    /// An in-memory Dataverse organization that runs registered plugin steps the way the platform
    /// does. Start with <c>var org = new DataverseEmulator();</c>, define tables with
    /// <see cref="Metadata"/>, add principals (<see cref="Users"/>, <see cref="Teams"/>, <see cref="Roles"/>),
    /// register plugins (<see cref="RegisterPlugin{T}"/>), seed rows (<see cref="Initialize(Entity[])"/>),
    /// then act through <see cref="ServiceFor(User)"/> and assert on what a client sees, on the rows
    /// (<see cref="Get(EntityReference)"/>) and on <see cref="LastOperation"/>.
    /// </summary>
    public sealed class DataverseEmulator
    {
        private readonly object sync = new object();
        private readonly List<OperationRecord> operations = new List<OperationRecord>();
        private readonly List<MeasurementScope> scopes = new List<MeasurementScope>();
        private OperationRecord lastOperation;

        /// <summary>Creates an organization: built-in tables, the root business unit, SYSTEM and an administrator.</summary>
        public DataverseEmulator(EmulatorOptions options = null)
        {
            Options = options ?? new EmulatorOptions();
            Clock = new EmulatorClock(Options.StartTime);
            Metadata = new MetadataCatalog();
            if (Options.IncludeBuiltInTables)
            {
                BuiltInTables.AddTo(Metadata);
            }
            else
            {
                BuiltInTables.AddPrincipalTablesTo(Metadata);
            }

            Store = new RowStore(Options.LockTimeout);
            Store.PrimaryIdColumn = table => Metadata.Find(table)?.PrimaryIdColumn;
            Committed = new CommittedReader(Store);
            Steps = new StepRegistry();
            CustomApis = new CustomApiRegistry();
            Faults = new FaultInjector();
            AsyncJobs = new AsyncJobQueue(this);
            Engine = new Engine(this);
            BusinessUnits = new BusinessUnitCollection(this, Options.OrganizationName);
            Users = new UserCollection(this);
            Teams = new TeamCollection(this);
            Roles = new RoleCollection(this);
            Roles.GetOrAdd(RoleCollection.SystemAdministratorName);
            Users.CreateBuiltIns();

            // The organization row (one, always): goal rollups stop 30 days after a goal's end date by default.
            SeedRow(new Entity("organization", Options.OrganizationId) { ["name"] = Options.OrganizationName, ["goalrollupexpirytime"] = 30 }, null);
        }

        /// <summary>An organization with the given platform profile.</summary>
        public DataverseEmulator(PlatformProfile profile)
            : this(new EmulatorOptions { Profile = profile ?? PlatformProfile.Baseline })
        {
        }

        /// <summary>The settings.</summary>
        public EmulatorOptions Options { get; }

        /// <summary>The platform profile (the variant of the undocumented behaviours).</summary>
        public PlatformProfile Profile => Options.Profile;

        /// <summary>The clock (<c>org.Clock.Set(...)</c>, <c>org.Clock.Advance(...)</c>).</summary>
        public EmulatorClock Clock { get; }

        /// <summary>Tables, columns, relationships (<c>org.Metadata.Table("kam_contract", t =&gt; ...)</c>).</summary>
        public MetadataCatalog Metadata { get; }

        /// <summary>The registered plugin steps.</summary>
        public StepRegistry Steps { get; }

        /// <summary>The registered custom APIs.</summary>
        public CustomApiRegistry CustomApis { get; }

        /// <summary>Fault injection (fail the N-th call of a message).</summary>
        public FaultInjector Faults { get; }

        /// <summary>The asynchronous steps' system jobs.</summary>
        public AsyncJobQueue AsyncJobs { get; }

        /// <summary>Business units (<see cref="BusinessUnitCollection.Root"/> is the organization's).</summary>
        public BusinessUnitCollection BusinessUnits { get; }

        /// <summary>Users (<see cref="UserCollection.System"/>, <see cref="UserCollection.Administrator"/>, and those tests add).</summary>
        public UserCollection Users { get; }

        /// <summary>Teams.</summary>
        public TeamCollection Teams { get; }

        /// <summary>Security roles by name.</summary>
        public RoleCollection Roles { get; }

        /// <summary>The most recent client call (thread-safe: the last one to start).</summary>
        public OperationRecord LastOperation
        {
            get { lock (sync) return lastOperation; }
        }

        /// <summary>The client calls so far (the last <see cref="EmulatorOptions.OperationHistoryLimit"/>).</summary>
        public IReadOnlyList<OperationRecord> Operations
        {
            get { lock (sync) return operations.ToList(); }
        }

        internal RowStore Store { get; }

        internal CommittedReader Committed { get; }

        internal Engine Engine { get; }

        /// <summary>A client acting as <paramref name="user"/>.</summary>
        public EmulatedOrganizationService ServiceFor(User user) => ServiceFor(user?.Id ?? throw new ArgumentNullException(nameof(user)));

        /// <summary>
        /// A client authenticated as <paramref name="userId"/>; with <paramref name="callerId"/> it
        /// impersonates that user (needs prvActOnBehalfOfAnotherUser): the operation runs as, and its
        /// InitiatingUserId is, the impersonated user.
        /// </summary>
        public EmulatedOrganizationService ServiceFor(Guid userId, Guid? callerId = null) => new EmulatedOrganizationService(this, userId, callerId ?? Guid.Empty);

        /// <summary>A client acting as the System Administrator user.</summary>
        public EmulatedOrganizationService AdminService => ServiceFor(Users.Administrator);

        /// <summary>Registers the steps declared on <typeparamref name="TPlugin"/> with <see cref="PluginStepAttribute"/>.</summary>
        /// <param name="configure">Sets deployment details of each step (secure configuration, run-as user, ...).</param>
        public DataverseEmulator RegisterPlugin<TPlugin>(Action<StepRegistration> configure = null) where TPlugin : IPlugin
        {
            Steps.Register(typeof(TPlugin), configure);
            return this;
        }

        /// <summary>Registers every IPlugin type of an assembly that declares <see cref="PluginStepAttribute"/>.</summary>
        public DataverseEmulator RegisterPluginsFrom(Assembly assembly, Action<StepRegistration> configure = null)
        {
            if (assembly == null) throw new ArgumentNullException(nameof(assembly));
            foreach (var type in assembly.GetTypes().Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttributes<PluginStepAttribute>(false).Any()).OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                Steps.Register(type, configure);
            }

            return this;
        }

        /// <summary>Registers an inline test plugin: <c>org.RegisterStep(new PluginStepAttribute("Update", "account", PipelineStage.PreOperation), sp =&gt; { ... })</c>.</summary>
        public StepRegistration RegisterStep(PluginStepAttribute step, Action<IServiceProvider> execute, Action<StepRegistration> configure = null) =>
            Steps.Register(step, execute, configure);

        /// <summary>Counts plugin service calls until disposed.</summary>
        public MeasurementScope Measure()
        {
            var scope = new MeasurementScope(s =>
            {
                lock (sync) scopes.Remove(s);
            });
            lock (sync) scopes.Add(scope);
            return scope;
        }

        /// <summary>
        /// Writes rows directly (test setup, FakeXrmEasy's Initialize): no pipeline, column types checked,
        /// system columns filled (owner: the given ownerid or the administrator), statecode/statuscode and
        /// createdon may be set. Lookup targets need not exist yet.
        /// </summary>
        public void Initialize(params Entity[] rows) => Initialize((IEnumerable<Entity>)rows);

        /// <summary>Writes rows directly (see <see cref="Initialize(Entity[])"/>).</summary>
        public void Initialize(IEnumerable<Entity> rows)
        {
            var tx = new Transaction(Store);
            try
            {
                foreach (var row in rows)
                {
                    var created = Engine.Data.Create(tx, WithDefaultOwner(row), SeedInfo(Users.Administrator?.Id));
                    row.Id = created.Id;
                }

                tx.Commit();
            }
            catch
            {
                tx.Rollback();
                throw;
            }
        }

        /// <summary>Writes one row directly (see <see cref="Initialize(Entity[])"/>) and returns its id.</summary>
        public Guid Seed(Entity row)
        {
            Initialize(row);
            return row.Id;
        }

        /// <summary>The committed row (a copy), or null.</summary>
        public Entity Get(EntityReference record) => record == null ? null : Get(record.LogicalName, record.Id);

        /// <summary>The committed row (a copy), or null.</summary>
        public Entity Get(string table, Guid id) => ValueRules.CloneEntity(Store.Get(table, id)?.Row);

        /// <summary>Every committed row of a table (copies, in creation order).</summary>
        public IReadOnlyList<Entity> All(string table) => Committed.Rows(table).Select(ValueRules.CloneEntity).ToList();

        /// <summary>How many committed rows a table holds.</summary>
        public int Count(string table) => Store.Count(table);

        /// <summary>The shares of a record (GrantAccess/ModifyAccess).</summary>
        public IReadOnlyList<Share> SharesOf(EntityReference record) =>
            Committed.Rows("principalobjectaccess")
                .Where(r => r.GetAttributeValue<Guid>("objectid") == record.Id)
                .Select(r => new Share(record, new EntityReference(r.GetAttributeValue<string>("principaltypecode"), r.GetAttributeValue<Guid>("principalid")), (AccessRights)r.GetAttributeValue<int>("accessrightsmask")))
                .ToList();

        /// <summary>
        /// Runs <paramref name="actions"/> on separate threads released at the same instant and waits for
        /// all; throws an AggregateException with every failure. Plugins run concurrently (no global lock),
        /// so state shared through a plugin instance shows up.
        /// </summary>
        public void RunConcurrently(params Action[] actions)
        {
            var errors = new List<Exception>();
            using (var start = new Barrier(actions.Length))
            {
                var threads = actions.Select(a => new Thread(() =>
                {
                    start.SignalAndWait();
                    try
                    {
                        a();
                    }
                    catch (Exception e)
                    {
                        lock (errors) errors.Add(e);
                    }
                })).ToList();
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());
            }

            if (errors.Count > 0) throw new AggregateException(errors);
        }

        internal OrganizationResponse ExecuteClient(OrganizationRequest request, Guid authenticatedUserId, Guid callerId)
        {
            var userId = callerId != Guid.Empty ? callerId : authenticatedUserId;
            var record = new OperationRecord(request?.RequestName, userId, authenticatedUserId, Guid.NewGuid());
            lock (sync)
            {
                operations.Add(record);
                if (operations.Count > Math.Max(1, Options.OperationHistoryLimit)) operations.RemoveRange(0, operations.Count - Math.Max(1, Options.OperationHistoryLimit));
                lastOperation = record;
                foreach (var s in scopes) s.Operations++;
            }

            try
            {
                if (callerId != Guid.Empty && callerId != authenticatedUserId && !HasPrivilege(authenticatedUserId, Privileges.ActOnBehalfOfAnotherUser))
                {
                    throw DataverseFault.Create(ErrorCodes.PrivilegeDenied, $"Principal user (Id={authenticatedUserId}, type=8) is missing {Privileges.ActOnBehalfOfAnotherUser} privilege (impersonation).");
                }

                if (Users.Find(userId) == null) throw DataverseFault.Create(ErrorCodes.ObjectDoesNotExist, $"systemuser With Id = {userId:D} Does Not Exist");
                var caller = new Caller
                {
                    UserId = userId,
                    InitiatingUserId = userId,
                    AuthenticatedUserId = authenticatedUserId,
                    Depth = 0,
                    Origin = CallOrigin.Client,
                    CorrelationId = record.CorrelationId,
                    Record = record,
                };
                return Engine.Execute(request, caller);
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                record.Fault = fault;
                throw;
            }
            finally
            {
                if (Options.RunAsyncStepsImmediately) AsyncJobs.RunPending();
            }
        }

        internal void CountPluginCall(OperationRecord record, PluginCall call)
        {
            record?.PluginCalls.Add(call);
            lock (sync)
            {
                foreach (var s in scopes) s.PluginCalls.Add(call);
            }
        }

        internal bool HasPrivilege(Guid userId, string privilege)
        {
            if (userId == UserCollection.SystemUserId) return true;
            return Roles.OfUser(userId).Any(r => r.Grants(privilege));
        }

        internal Guid BusinessUnitIdOf(Guid userId) => ReadLookupId("systemuser", userId, "businessunitid") ?? BusinessUnits.Root.Id;

        internal IReadOnlyCollection<Guid> TeamIdsOf(Guid userId) =>
            Committed.Rows("teammembership").Where(r => r.GetAttributeValue<Guid>("systemuserid") == userId).Select(r => r.GetAttributeValue<Guid>("teamid")).ToList();

        internal void SeedRow(Entity row, Guid? userId)
        {
            var tx = new Transaction(Store);
            Engine.Data.Create(tx, row, SeedInfo(userId));
            tx.Commit();
        }

        internal void PatchRow(string table, Guid id, string column, object value)
        {
            var tx = new Transaction(Store);
            Engine.Data.Update(tx, table, id, new[] { new KeyValuePair<string, object>(column, value) }, SeedInfo(null), platform: true);
            tx.Commit();
        }

        internal void DeleteRowDirect(string table, Guid id)
        {
            var tx = new Transaction(Store);
            Engine.Data.Delete(tx, table, id);
            tx.Commit();
        }

        internal Guid? ReadLookupId(string table, Guid id, string column) => Store.Get(table, id)?.Row.GetAttributeValue<EntityReference>(column)?.Id;

        internal T ReadColumn<T>(string table, Guid id, string column) => Store.Get(table, id) is StoredRow r ? r.Row.GetAttributeValue<T>(column) : default;

        internal List<Entity> ReadAll(string table) => Committed.Rows(table);

        /// <summary>A Retrieve's result: the requested non-null columns (copies), the primary key, lookup names filled.</summary>
        internal Entity Project(IRowReader reader, TableDefinition table, Entity row, ColumnSet columns)
        {
            var result = new Entity(row.LogicalName, row.Id) { RowVersion = row.RowVersion };
            IEnumerable<string> names = columns.AllColumns ? row.Attributes.Keys.ToList() : columns.Columns.Concat(new[] { table.PrimaryIdColumn }).Distinct();
            foreach (var name in names)
            {
                if (!row.Attributes.TryGetValue(name, out var value) || value == null) continue;
                var copy = ValueRules.Clone(value);
                if (copy is EntityReference r && Metadata.Find(r.LogicalName) is TableDefinition target && target.PrimaryNameColumn != null)
                {
                    r.Name = reader.Read(r.LogicalName, r.Id)?.Row.GetAttributeValue<string>(target.PrimaryNameColumn);
                }

                result[name] = copy;
            }

            return result;
        }

        private WriteInfo SeedInfo(Guid? userId) => new WriteInfo(userId ?? UserCollection.SystemUserId, null, Clock.UtcNow, true, false);

        private Entity WithDefaultOwner(Entity row)
        {
            var table = Metadata.Find(row.LogicalName);
            if (table != null && table.Ownership == OwnershipType.UserOwned && !row.Contains("ownerid") && Users.Administrator != null)
            {
                row["ownerid"] = Users.Administrator.ToEntityReference();
            }

            return row;
        }
    }
}
