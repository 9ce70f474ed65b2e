using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.ServiceModel;
using Dataverse.Emulator;
using Dataverse.Emulator.Messages;
using Dataverse.Emulator.Principals;
using KamPlugins.Model;
using KamPlugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace KamPlugins.Tests.Performance.Scenario
{
    /// <summary>
    /// Replays a sales quarter (1 January – 31 March 2025, day by day on the emulator's clock) through the
    /// emulator with the product's real plugins: a vice president, directors, managers and KAMs, two KAM
    /// administrators and an outside "partner"; accounts (15% key accounts) and last year's contracts
    /// seeded as existing data; then everything else as Dataverse messages — pipeline imports
    /// (CreateMultiple / UpdateMultiple), new opportunities, wins and losses (with win and verified-loss
    /// approvals above the thresholds), contracts drafted from wins and activated or terminated on
    /// approval, ownership transfers and account transfers (cascades) on approval, approval decisions
    /// (approve, reject, recall, left to expire, an approval used too late), administrator overrides, and
    /// every day a few 飞单 attempts and other operations the product must refuse. Two goal trees (won
    /// revenue with open pipeline; contract value) follow everything in real time.
    /// <para>
    /// Deterministic: a fixed random seed, the emulator's clock, choices made in creation order. Checks,
    /// reported in <see cref="ScenarioResult"/>: every refused operation was refused and left nothing
    /// behind but its refusal event (each table's row count and highest row version compared before and
    /// after); every allowed operation succeeded; every goal equals a full recalculation and the sum of
    /// its source records computed here independently.
    /// </para>
    /// Only public surfaces are used (messages, the emulator's API, the model's names), so the console
    /// runner (tests/KamPlugins.Scenario) compiles these files as they are.
    /// </summary>
    public sealed class QuarterScenario
    {
        private static readonly DateTime QuarterStart = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        private static readonly DateTime QuarterEnd = new DateTime(2025, 3, 31, 0, 0, 0, DateTimeKind.Utc);
        private const decimal WinThreshold = 1000000m;
        private const decimal LossThreshold = 500000m;
        private const int ExpiryDays = 14;
        private const string InProgressMoney = "inprogressmoney";

        private readonly ScenarioSize size;
        private readonly Random random;
        private readonly TextWriter log;
        private readonly ScenarioResult result = new ScenarioResult();
        private readonly List<User> kams = new List<User>();
        private readonly List<User> managers = new List<User>();
        private readonly List<User> directors = new List<User>();
        private readonly List<User> administrators = new List<User>();
        private readonly List<EntityReference> accounts = new List<EntityReference>();
        private readonly List<Guid> openOpportunities = new List<Guid>();
        private readonly List<Guid> legacyContracts = new List<Guid>();
        private readonly List<Guid> draftContracts = new List<Guid>();
        private readonly Queue<Guid> wonForContract = new Queue<Guid>();
        private readonly List<Request> requests = new List<Request>();
        private readonly HashSet<Guid> busy = new HashSet<Guid>();
        private readonly List<(string Metric, EntityReference Goal, User Owner, int Level)> goals = new List<(string, EntityReference, User, int)>();
        private User vicePresident;
        private User outsider;
        private EntityReference shellAccount;
        private EntityReference revenueMetric;
        private EntityReference contractMetric;
        private int day;
        private int opportunityNumber;

        /// <summary>Prepares a scenario.</summary>
        /// <param name="size">How big.</param>
        /// <param name="seed">The random seed: the same seed replays the same quarter.</param>
        /// <param name="profile">The platform profile (baseline when null).</param>
        /// <param name="log">Progress lines (may be null).</param>
        public QuarterScenario(ScenarioSize size, int seed = 20250101, PlatformProfile profile = null, TextWriter log = null)
        {
            this.size = size ?? throw new ArgumentNullException(nameof(size));
            random = new Random(seed);
            this.log = log ?? TextWriter.Null;
            Kam = new KamOrganization(profile, o => o.StartTime = QuarterStart.AddHours(8));
        }

        /// <summary>The organisation (inspect it after <see cref="Run"/>).</summary>
        public KamOrganization Kam { get; }

        private DataverseEmulator Org => Kam.Org;

        private DateTime Today => QuarterStart.AddDays(day);

        /// <summary>Replays the quarter and checks the outcome.</summary>
        public ScenarioResult Run()
        {
            var watch = Stopwatch.StartNew();
            result.Size = $"{size.Name}: {size.Directors * size.ManagersPerDirector * size.KamsPerManager} KAMs, {size.Days} days, seed-driven";
            SeedExistingData();
            CreateGoals();
            for (day = 0; day < size.Days; day++)
            {
                Org.Clock.Set(Today.AddHours(9));
                if (day == 0) InitialImport();
                if (day % 7 == 5) WeeklyImports();
                NewOpportunities();
                Decisions();
                UseApprovals();
                Closings();
                Transfers();
                Contracts();
                Attempts();
                AdministratorChores();
                if (day % 10 == 9) log.WriteLine($"  day {day + 1}: {result.Operations:N0} operations, {watch.Elapsed.TotalSeconds:N0} s");
            }
            // The checks run on the evening of the last day replayed (inside the quarter: see docs/performance.md
            // on goals whose period has ended).
            day = size.Days - 1;
            Org.Clock.Set(Today.AddHours(18));
            Report();
            CheckGoals();
            result.Elapsed = watch.Elapsed;
            return result;
        }

        // ------------------------------------------------------------------ existing data (seeded)

        private void SeedExistingData()
        {
            vicePresident = Kam.User("VP Sales Liang Hong");
            for (var d = 0; d < size.Directors; d++)
            {
                var director = Kam.User($"Director {Name(d)}", vicePresident, d % 2 == 0 ? 2052 : 1033);
                directors.Add(director);
                for (var m = 0; m < size.ManagersPerDirector; m++)
                {
                    var manager = Kam.User($"Manager {Name(d * 10 + m + 3)}", director, m % 2 == 0 ? 2052 : 1033);
                    managers.Add(manager);
                    for (var k = 0; k < size.KamsPerManager; k++)
                        kams.Add(Kam.User($"KAM {Name(kams.Count + 17)} {kams.Count + 1:D2}", manager, k % 3 == 0 ? 1033 : 2052));
                }
            }
            administrators.Add(Kam.KamAdministrator("KAM admin Zhao Min"));
            administrators.Add(Kam.KamAdministrator("KAM admin Qian Yu", vicePresident));
            outsider = Kam.User("Partner Xu (external reseller)");

            var rows = new List<Entity>();
            foreach (var kam in kams)
            {
                var own = new List<EntityReference>();
                for (var a = 0; a < size.AccountsPerKam; a++)
                {
                    var isKey = random.Next(100) < 15;
                    var account = new Entity(AccountTable.LogicalName, Guid.NewGuid())
                    {
                        [AccountTable.Name] = $"{(isKey ? "Key " : string.Empty)}Customer {accounts.Count + 1:D4}",
                        [AccountTable.IsKeyAccount] = isKey,
                        [CommonColumns.OwnerId] = kam.ToEntityReference(),
                        [CommonColumns.ApprovedOwnerId] = kam.ToEntityReference(),
                    };
                    rows.Add(account);
                    accounts.Add(account.ToEntityReference());
                    own.Add(account.ToEntityReference());
                }
                for (var c = 0; c < size.LegacyContractsPerKam; c++)
                {
                    // Last year's framework agreements: some end during the quarter (and are marked Expired).
                    var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(10, 330));
                    var contract = new Entity(ContractTable.LogicalName, Guid.NewGuid())
                    {
                        [ContractTable.Name] = $"Framework agreement {legacyContracts.Count + 1:D4}",
                        [ContractTable.CustomerId] = own[random.Next(own.Count)],
                        [ContractTable.Value] = new Money(50000m + random.Next(0, 60) * 10000m),
                        [ContractTable.StartDate] = start,
                        [ContractTable.EndDate] = start.AddDays(364),
                        [ContractTable.ContractStatus] = new OptionSetValue((int)ContractStatus.Active),
                        [ContractTable.ActivatedOn] = start,
                        [CommonColumns.OwnerId] = kam.ToEntityReference(),
                        [CommonColumns.ApprovedOwnerId] = kam.ToEntityReference(),
                    };
                    rows.Add(contract);
                    legacyContracts.Add(contract.Id);
                }
            }
            var shell = new Entity(AccountTable.LogicalName, Guid.NewGuid())
            {
                [AccountTable.Name] = "Shell Trading Co. (registered last month)",
                [CommonColumns.OwnerId] = outsider.ToEntityReference(),
            };
            rows.Add(shell);
            shellAccount = shell.ToEntityReference();
            Org.Initialize(rows);
        }

        private static string Name(int i)
        {
            var names = new[] { "Wang Wei", "Li Na", "Zhang Min", "Liu Yang", "Chen Jie", "Yang Fan", "Huang Lei", "Zhao Jing", "Wu Hao", "Zhou Xin", "Xu Lin", "Sun Tao", "Ma Li", "Zhu Kai", "Hu Yan", "Guo Peng", "He Ying", "Lin Bo", "Gao Xia", "Luo Qiang" };
            return names[i % names.Length];
        }

        /// <summary>Metrics, rollup fields and two goal trees, created through the pipeline (each goal is recalculated on creation).</summary>
        private void CreateGoals()
        {
            var admin = Org.AdminService;
            revenueMetric = new EntityReference(MetricTable.LogicalName, admin.Create(new Entity(MetricTable.LogicalName)
            {
                [MetricTable.Name] = "Revenue (won; open pipeline in progress)",
                [MetricTable.IsAmount] = true,
                [MetricTable.AmountDataType] = new OptionSetValue((int)GoalAmountDataType.Money),
            }));
            RollupField(revenueMetric, GoalTable.ActualMoney, OpportunityTable.LogicalName, OpportunityTable.ActualValue, OpportunityTable.ActualCloseDate, OpportunityTable.State.Won);
            RollupField(revenueMetric, InProgressMoney, OpportunityTable.LogicalName, OpportunityTable.EstimatedValue, OpportunityTable.EstimatedCloseDate, OpportunityTable.State.Open);
            contractMetric = new EntityReference(MetricTable.LogicalName, admin.Create(new Entity(MetricTable.LogicalName)
            {
                [MetricTable.Name] = "Contract value activated",
                [MetricTable.IsAmount] = true,
                [MetricTable.AmountDataType] = new OptionSetValue((int)GoalAmountDataType.Money),
            }));
            RollupField(contractMetric, GoalTable.ActualMoney, ContractTable.LogicalName, ContractTable.Value, ContractTable.ActivatedOn, null);

            foreach (var (metric, name, kamTarget) in new[] { (revenueMetric, "Revenue", 40000000m), (contractMetric, "Contracts", 8000000m) })
            {
                var perManager = kamTarget * size.KamsPerManager;
                var root = Goal(metric, name, vicePresident, vicePresident, null, perManager * size.ManagersPerDirector * size.Directors, 0);
                foreach (var director in directors)
                {
                    var directorGoal = Goal(metric, name, director, vicePresident, root, perManager * size.ManagersPerDirector, 1);
                    foreach (var manager in managers.Where(m => m.Manager.Id == director.Id))
                    {
                        var managerGoal = Goal(metric, name, manager, director, directorGoal, perManager, 2);
                        foreach (var kam in kams.Where(k => k.Manager.Id == manager.Id)) Goal(metric, name, kam, manager, managerGoal, kamTarget, 3);
                    }
                }
            }
        }

        private void RollupField(EntityReference metric, string goalColumn, string table, string amount, string date, int? state)
        {
            var row = new Entity(RollupFieldTable.LogicalName)
            {
                [RollupFieldTable.MetricId] = metric,
                [RollupFieldTable.GoalAttribute] = goalColumn,
                [RollupFieldTable.SourceEntity] = table,
                [RollupFieldTable.SourceAttribute] = amount,
                [RollupFieldTable.DateAttribute] = date,
            };
            if (state.HasValue) row[RollupFieldTable.SourceState] = state.Value;
            Org.AdminService.Create(row);
        }

        private EntityReference Goal(EntityReference metric, string name, User owner, User manager, EntityReference parent, decimal target, int level)
        {
            var row = new Entity(GoalTable.LogicalName)
            {
                [GoalTable.Title] = $"Q1 2025 {name} — {owner.FullName}",
                [GoalTable.MetricId] = metric,
                [GoalTable.GoalOwnerId] = owner.ToEntityReference(),
                [CommonColumns.OwnerId] = manager.ToEntityReference(),
                [GoalTable.GoalStartDate] = QuarterStart,
                [GoalTable.GoalEndDate] = QuarterEnd,
                [GoalTable.TargetMoney] = new Money(target),
            };
            if (parent != null) row[GoalTable.ParentGoalId] = parent;
            var goal = new EntityReference(GoalTable.LogicalName, Org.AdminService.Create(row));
            goals.Add((name, goal, owner, level));
            return goal;
        }

        // ------------------------------------------------------------------ the day's business

        private void InitialImport()
        {
            foreach (var kam in kams)
            {
                var rows = Enumerable.Range(0, size.InitialOpportunitiesPerKam).Select(_ => NewOpportunity(kam, QuarterStart.AddDays(random.Next(3, 110)))).ToList();
                for (var start = 0; start < rows.Count; start += 50)
                {
                    var batch = rows.Skip(start).Take(50).ToList();
                    Allowed($"import: CreateMultiple (≤50 opportunities)", kam, s => Track(s.CreateMultiple(batch)));
                }
            }
        }

        private void WeeklyImports()
        {
            foreach (var kam in Pick(kams, 2))
            {
                var rows = Enumerable.Range(0, 30).Select(_ => NewOpportunity(kam, Today.AddDays(random.Next(5, 80)))).ToList();
                Allowed("import: CreateMultiple (30 opportunities)", kam, s => Track(s.CreateMultiple(rows)));
            }
            foreach (var kam in Pick(kams, 3))
            {
                var updates = OpenOpportunitiesOf(kam).Take(25).Select(o => new Entity(OpportunityTable.LogicalName, o.Id)
                {
                    [OpportunityTable.EstimatedValue] = new Money(Math.Round(o.GetAttributeValue<Money>(OpportunityTable.EstimatedValue).Value * (0.8m + random.Next(0, 41) / 100m), 0)),
                    [OpportunityTable.EstimatedCloseDate] = Later(o.GetAttributeValue<DateTime?>(OpportunityTable.EstimatedCloseDate), random.Next(0, 15)),
                }).ToList();
                if (updates.Count > 0) Allowed("import: UpdateMultiple (≤25 estimates)", kam, s => s.UpdateMultiple(updates));
            }
        }

        private void NewOpportunities()
        {
            for (var i = 0; i < size.NewOpportunitiesPerDay; i++)
            {
                var kam = kams[random.Next(kams.Count)];
                var row = NewOpportunity(kam, Today.AddDays(random.Next(7, 75)));
                Allowed("create opportunity", kam, s => Track(new[] { s.Create(row) }));
            }
        }

        private Entity NewOpportunity(User kam, DateTime estimatedClose)
        {
            var own = accounts.Where(a => OwnerOf(a)?.Id == kam.Id).ToList();
            var customer = own.Count > 0 ? own[random.Next(own.Count)] : accounts[random.Next(accounts.Count)];
            var r = random.Next(100);
            var value = r < 70 ? 20000m + random.Next(0, 79) * 10000m
                : r < 90 ? 800000m + random.Next(0, 23) * 100000m
                : r < 98 ? 3000000m + random.Next(0, 51) * 100000m
                : 8000000m + random.Next(0, 18) * 1000000m;
            return new Entity(OpportunityTable.LogicalName)
            {
                [OpportunityTable.Name] = $"Deal {++opportunityNumber:D5}",
                [OpportunityTable.CustomerId] = customer,
                [OpportunityTable.EstimatedValue] = new Money(value),
                [OpportunityTable.EstimatedCloseDate] = estimatedClose,
                [CommonColumns.OwnerId] = kam.ToEntityReference(),
            };
        }

        private void Track(IEnumerable<Guid> created) => openOpportunities.AddRange(created);

        /// <summary>Opportunities due today: won or lost, directly or after an approval.</summary>
        private void Closings()
        {
            var due = openOpportunities.Where(id => !busy.Contains(id)).Select(id => Org.Get(OpportunityTable.LogicalName, id))
                .Where(o => o != null && State(o) == OpportunityTable.State.Open && o.GetAttributeValue<DateTime?>(OpportunityTable.EstimatedCloseDate) <= Today.AddHours(23))
                .Take(size.NewOpportunitiesPerDay + 4).ToList();
            foreach (var opportunity in due)
            {
                var owner = Org.Users.Find(opportunity.GetAttributeValue<EntityReference>(CommonColumns.OwnerId).Id);
                var value = opportunity.GetAttributeValue<Money>(OpportunityTable.EstimatedValue).Value;
                var reference = opportunity.ToEntityReference();
                if (random.Next(100) < 55)
                {
                    if (value >= WinThreshold) Submit(ApprovalType.OpportunityWin, reference, owner);
                    else if (Allowed("win", owner, s => s.WinOpportunity(opportunity.Id, value))) Won(opportunity.Id);
                }
                else
                {
                    if (value >= LossThreshold || IsKeyCustomer(opportunity)) Submit(ApprovalType.OpportunityLoss, reference, owner);
                    else if (Allowed("lose", owner, s => s.LoseOpportunity(opportunity.Id, status: OpportunityTable.Status.OutSold))) openOpportunities.Remove(opportunity.Id);
                }
            }
        }

        private void Won(Guid opportunity)
        {
            openOpportunities.Remove(opportunity);
            if (random.Next(100) < 65) wonForContract.Enqueue(opportunity);
        }

        /// <summary>Ownership transfers (deals and whole accounts) and key-account releases, submitted for approval.</summary>
        private void Transfers()
        {
            if (random.Next(100) < 60)
            {
                var kam = kams[random.Next(kams.Count)];
                var deal = OpenOpportunitiesOf(kam).FirstOrDefault(IsKeyCustomer);
                if (deal != null) Submit(ApprovalType.OwnershipTransfer, deal.ToEntityReference(), kam, Colleague(kam));
            }
            if (day % 9 == 4)
            {
                var account = accounts.FirstOrDefault(a => IsKey(a) && !busy.Contains(a.Id) && !ChildrenBusy(a) && kams.Any(k => k.Id == OwnerOf(a)?.Id));
                if (account != null)
                {
                    var owner = OwnerOf(account);
                    Submit(ApprovalType.OwnershipTransfer, account, owner, Colleague(owner));
                }
            }
            if (day % 15 == 7)
            {
                var account = accounts.Skip(accounts.Count / 2).FirstOrDefault(a => IsKey(a) && !busy.Contains(a.Id) && !ChildrenBusy(a) && kams.Any(k => k.Id == OwnerOf(a)?.Id));
                if (account != null) Submit(ApprovalType.KeyAccountRelease, account, OwnerOf(account));
            }
        }

        /// <summary>Contracts drafted from recent wins and submitted for activation; last year's contracts terminated on approval.</summary>
        private void Contracts()
        {
            for (var i = 0; i < 3 && wonForContract.Count > 0; i++)
            {
                var opportunity = Org.Get(OpportunityTable.LogicalName, wonForContract.Peek());
                var owner = Org.Users.Find(opportunity.GetAttributeValue<EntityReference>(CommonColumns.OwnerId).Id);
                var customer = opportunity.GetAttributeValue<EntityReference>(OpportunityTable.CustomerId);
                // While the customer's account transfer is pending, its contracts wait.
                if (busy.Contains(customer.Id)) break;
                wonForContract.Dequeue();
                var start = Today.AddDays(7);
                var contract = new Entity(ContractTable.LogicalName)
                {
                    [ContractTable.Name] = "Contract for " + opportunity.GetAttributeValue<string>(OpportunityTable.Name),
                    [ContractTable.CustomerId] = new EntityReference(AccountTable.LogicalName, customer.Id),
                    [ContractTable.OpportunityId] = opportunity.ToEntityReference(),
                    [ContractTable.Value] = opportunity.GetAttributeValue<Money>(OpportunityTable.ActualValue),
                    [ContractTable.StartDate] = start,
                    [ContractTable.EndDate] = start.AddDays(364),
                    [ContractTable.ContractStatus] = new OptionSetValue((int)ContractStatus.Draft),
                    [CommonColumns.OwnerId] = owner.ToEntityReference(),
                };
                var id = Guid.Empty;
                if (!Allowed("create contract (draft)", owner, s => id = s.Create(contract))) continue;
                draftContracts.Add(id);
                Submit(ApprovalType.ContractActivation, new EntityReference(ContractTable.LogicalName, id), owner);
            }
            if (day % 4 == 2)
            {
                var contract = legacyContracts.Where(c => !busy.Contains(c)).Select(c => Org.Get(ContractTable.LogicalName, c))
                    .FirstOrDefault(c => ContractStatusOf(c) == ContractStatus.Active && c.GetAttributeValue<DateTime>(ContractTable.EndDate) > Today.AddDays(30)
                        && !busy.Contains(c.GetAttributeValue<EntityReference>(ContractTable.CustomerId).Id)
                        && kams.Any(k => k.Id == c.GetAttributeValue<EntityReference>(CommonColumns.OwnerId).Id));
                if (contract != null) Submit(ApprovalType.ContractTermination, contract.ToEntityReference(), Org.Users.Find(contract.GetAttributeValue<EntityReference>(CommonColumns.OwnerId).Id));
            }
        }

        /// <summary>Contracts past their end date are marked Expired by a KAM administrator; every two weeks an administrator reassigns a locked deal (an override).</summary>
        private void AdministratorChores()
        {
            var admin = administrators[0];
            foreach (var contract in legacyContracts.Where(c => !busy.Contains(c)).Select(c => Org.Get(ContractTable.LogicalName, c))
                .Where(c => ContractStatusOf(c) == ContractStatus.Active && c.GetAttributeValue<DateTime>(ContractTable.EndDate).AddDays(1) <= Today).ToList())
            {
                Allowed("expire contract past its end date (administrator)", admin, s => s.Update(new Entity(ContractTable.LogicalName, contract.Id)
                {
                    [ContractTable.ContractStatus] = new OptionSetValue((int)ContractStatus.Expired),
                }));
            }
            if (day % 14 == 10)
            {
                var kam = kams[random.Next(kams.Count)];
                var deal = OpenOpportunitiesOf(kam).FirstOrDefault(IsKeyCustomer);
                if (deal != null)
                {
                    var to = Colleague(kam);
                    Allowed("reassign a locked deal (KAM administrator override)", administrators[1], s => s.Update(new Entity(OpportunityTable.LogicalName, deal.Id) { [CommonColumns.OwnerId] = to.ToEntityReference() }));
                }
            }
        }

        // ------------------------------------------------------------------ approvals

        private enum Fate
        {
            Approve,
            Reject,
            Recall,
            Expire,
            ApproveButUseTooLate,
        }

        private sealed class Request
        {
            internal Guid Id { get; set; }
            internal ApprovalType Type { get; set; }
            internal EntityReference Record { get; set; }
            internal User Requester { get; set; }
            internal User ProposedOwner { get; set; }
            internal Fate Fate { get; set; }
            internal int Submitted { get; set; }
            internal int Due { get; set; }
            internal bool Open { get; set; } = true;
        }

        private void Submit(ApprovalType type, EntityReference record, User requester, User proposedOwner = null)
        {
            var row = new Entity(ApprovalRequestTable.LogicalName)
            {
                [ApprovalRequestTable.RequestType] = new OptionSetValue((int)type),
                [ApprovalRequestTable.Justification] = type == ApprovalType.OwnershipTransfer ? "customer moved to a colleague's region" : "as agreed with the customer",
                [RegardingColumn(record)] = record,
            };
            if (proposedOwner != null) row[ApprovalRequestTable.ProposedOwnerId] = proposedOwner.ToEntityReference();
            var id = Guid.Empty;
            if (!Allowed($"submit request: {TypeName(type)}", requester, s => id = s.Create(row))) return;
            var r = random.Next(100);
            var fate = r < 70 ? Fate.Approve : r < 82 ? Fate.Reject : r < 90 ? Fate.Recall : r < 96 ? Fate.Expire : Fate.ApproveButUseTooLate;
            if (fate == Fate.ApproveButUseTooLate && type != ApprovalType.OwnershipTransfer) fate = Fate.Approve;
            requests.Add(new Request { Id = id, Type = type, Record = record, Requester = requester, ProposedOwner = proposedOwner, Fate = fate, Submitted = day, Due = day + random.Next(0, 4) });
            busy.Add(record.Id);
        }

        private void Decisions()
        {
            foreach (var request in requests.Where(r => r.Open && r.Due <= day).ToList())
            {
                var row = Org.Get(ApprovalRequestTable.LogicalName, request.Id);
                var status = (ApprovalStatus)row.GetAttributeValue<OptionSetValue>(ApprovalRequestTable.Status).Value;
                if (status != ApprovalStatus.Pending) continue;
                switch (request.Fate)
                {
                    case Fate.Expire:
                        // Nobody decides; once it has expired, the record is free again and the deal moves on.
                        if (day >= request.Submitted + ExpiryDays + 1) Release(request, reschedule: true);
                        continue;
                    case Fate.Recall:
                        if (Allowed($"recall request: {TypeName(request.Type)}", request.Requester, s => Act(s, request.Id, ApprovalAction.Recall, "no longer needed")))
                            Release(request, reschedule: true);
                        continue;
                }
                var approver = CurrentApprover(row);
                var action = request.Fate == Fate.Reject ? ApprovalAction.Reject : ApprovalAction.Approve;
                var label = action == ApprovalAction.Reject ? "reject request" : "approve request";
                if (!Allowed($"{label}: {TypeName(request.Type)}", approver, s => Act(s, request.Id, action, action == ApprovalAction.Reject ? "please discuss with me first" : "ok")))
                {
                    Release(request, reschedule: true);
                    continue;
                }
                var after = (ApprovalStatus)Org.Get(ApprovalRequestTable.LogicalName, request.Id).GetAttributeValue<OptionSetValue>(ApprovalRequestTable.Status).Value;
                if (after == ApprovalStatus.Pending) request.Due = day + 1; // the next level decides tomorrow
                else if (after == ApprovalStatus.Rejected) Release(request, reschedule: true);
                else if (after == ApprovalStatus.Approved) request.Due = request.Fate == Fate.ApproveButUseTooLate ? request.Submitted + ExpiryDays + 2 : day + random.Next(0, 2);
            }
        }

        private void UseApprovals()
        {
            foreach (var request in requests.Where(r => r.Open && r.Due <= day).ToList())
            {
                var status = (ApprovalStatus)Org.Get(ApprovalRequestTable.LogicalName, request.Id).GetAttributeValue<OptionSetValue>(ApprovalRequestTable.Status).Value;
                if (status != ApprovalStatus.Approved) continue;
                var owner = OwnerOf(request.Record);
                var type = TypeName(request.Type);
                if (request.Fate == Fate.ApproveButUseTooLate)
                {
                    Refused("use an approved transfer after it expired", owner, s => s.Update(new Entity(request.Record.LogicalName, request.Record.Id) { [CommonColumns.OwnerId] = request.ProposedOwner.ToEntityReference() }));
                    Release(request, reschedule: false);
                    continue;
                }
                switch (request.Type)
                {
                    case ApprovalType.OpportunityWin:
                        var value = Org.Get(request.Record).GetAttributeValue<Money>(OpportunityTable.EstimatedValue).Value;
                        if (Allowed("win (approved)", owner, s => s.WinOpportunity(request.Record.Id, value))) Won(request.Record.Id);
                        break;
                    case ApprovalType.OpportunityLoss:
                        if (Allowed("lose (verified loss approved)", owner, s => s.LoseOpportunity(request.Record.Id, status: OpportunityTable.Status.OutSold))) openOpportunities.Remove(request.Record.Id);
                        break;
                    case ApprovalType.OwnershipTransfer:
                        var label = request.Record.LogicalName == AccountTable.LogicalName ? "account transfer (approved; cascades to its deals and contracts)" : "transfer a deal (approved)";
                        Allowed(label, owner, s => s.Update(new Entity(request.Record.LogicalName, request.Record.Id) { [CommonColumns.OwnerId] = request.ProposedOwner.ToEntityReference() }));
                        break;
                    case ApprovalType.KeyAccountRelease:
                        Allowed("release a key account (approved)", owner, s => s.Update(new Entity(AccountTable.LogicalName, request.Record.Id) { [AccountTable.IsKeyAccount] = false }));
                        break;
                    case ApprovalType.ContractActivation:
                        if (Allowed("activate contract (approved)", owner, s => s.Update(new Entity(ContractTable.LogicalName, request.Record.Id) { [ContractTable.ContractStatus] = new OptionSetValue((int)ContractStatus.Active) })))
                            draftContracts.Remove(request.Record.Id);
                        break;
                    case ApprovalType.ContractTermination:
                        Allowed("terminate contract (approved)", owner, s => s.Update(new Entity(ContractTable.LogicalName, request.Record.Id) { [ContractTable.ContractStatus] = new OptionSetValue((int)ContractStatus.Terminated) }));
                        break;
                    default:
                        throw new InvalidOperationException(type);
                }
                Release(request, reschedule: false);
            }
        }

        private void Release(Request request, bool reschedule)
        {
            request.Open = false;
            busy.Remove(request.Record.Id);
            if (!reschedule || request.Record.LogicalName != OpportunityTable.LogicalName) return;
            var opportunity = Org.Get(request.Record);
            if (State(opportunity) != OpportunityTable.State.Open) return;
            // Not closed this time: the owner moves the expected close date on.
            var owner = OwnerOf(request.Record);
            Allowed("update estimated close date", owner, s => s.Update(new Entity(OpportunityTable.LogicalName, request.Record.Id)
            {
                [OpportunityTable.EstimatedCloseDate] = Today.AddDays(10 + random.Next(0, 20)),
            }));
        }

        private static void Act(IOrganizationService service, Guid request, ApprovalAction action, string comment) =>
            service.Update(new Entity(ApprovalRequestTable.LogicalName, request)
            {
                [ApprovalRequestTable.RequestedAction] = new OptionSetValue((int)action),
                [ApprovalRequestTable.ActionComment] = comment,
            });

        private User CurrentApprover(Entity request)
        {
            var approver = request.GetAttributeValue<EntityReference>(ApprovalRequestTable.CurrentApproverId);
            return approver != null ? Org.Users.Find(approver.Id) : administrators[0];
        }

        // ------------------------------------------------------------------ what the product must refuse

        private void Attempts()
        {
            var kinds = new Action[]
            {
                () => OnKeyDeal("飞单: hand a key-account deal to a colleague (Update owner)", (kam, deal) => Refused("飞单: hand a key-account deal to a colleague (Update owner)", kam, s => s.Update(new Entity(OpportunityTable.LogicalName, deal.Id) { [CommonColumns.OwnerId] = Colleague(kam).ToEntityReference() }))),
                () => OnKeyDeal("飞单: assign a key-account deal to an outside partner", (kam, deal) => Refused("飞单: assign a key-account deal to an outside partner", kam, s => s.Assign(deal.ToEntityReference(), outsider.ToEntityReference()))),
                () => OnKeyDeal("飞单: move a deal to a shell company (customer)", (kam, deal) => Refused("飞单: move a deal to a shell company (customer)", kam, s => s.Update(new Entity(OpportunityTable.LogicalName, deal.Id) { [OpportunityTable.CustomerId] = shellAccount }))),
                () => OnKeyDeal("delete a protected deal", (kam, deal) => Refused("delete a protected deal", kam, s => s.Delete(OpportunityTable.LogicalName, deal.Id))),
                () => OnKeyDeal("share a key-account deal with write access", (kam, deal) => Refused("share a key-account deal with write access", kam, s => s.GrantAccess(deal.ToEntityReference(), outsider.ToEntityReference(), AccessRights.ReadAccess | AccessRights.WriteAccess))),
                () => OnKeyDeal("lose a key-account deal without a verified loss", (kam, deal) => Refused("lose a key-account deal without a verified loss", kam, s => s.LoseOpportunity(deal.Id, status: OpportunityTable.Status.OutSold))),
                () => OnKeyDeal("飞单: the manager moves a KAM's key deal to another KAM", (kam, deal) => Refused("飞单: the manager moves a KAM's key deal to another KAM", kam.Manager, s => s.Update(new Entity(OpportunityTable.LogicalName, deal.Id) { [CommonColumns.OwnerId] = Colleague(kam).ToEntityReference() }))),
                () => OnKeyAccount((kam, account) => Refused("deactivate a key account", kam, s => s.SetState(account, AccountTable.State.Inactive, 2))),
                () => OnKeyAccount((kam, account) => Refused("clear the key-account flag without a release", kam, s => s.Update(new Entity(AccountTable.LogicalName, account.Id) { [AccountTable.IsKeyAccount] = false }))),
                () => OnKeyAccount((kam, account) => Refused("飞单: transfer a key account without approval", kam, s => s.Update(new Entity(AccountTable.LogicalName, account.Id) { [CommonColumns.OwnerId] = Colleague(kam).ToEntityReference() }))),
                HiddenTransferInBulkImport,
                WinWithoutApproval,
                ApproveOwnRequest,
                ChangeAmountWhilePending,
                ActivateWithoutApproval,
            };
            for (var i = 0; i < size.AttemptsPerDay; i++) kinds[random.Next(kinds.Length)]();
        }

        private void OnKeyDeal(string name, Action<User, Entity> attempt)
        {
            var kam = kams[random.Next(kams.Count)];
            var deal = OpenOpportunitiesOf(kam).FirstOrDefault(IsKeyCustomer);
            if (deal != null) attempt(kam, deal);
        }

        private void OnKeyAccount(Action<User, EntityReference> attempt)
        {
            var kam = kams[random.Next(kams.Count)];
            var account = accounts.FirstOrDefault(a => IsKey(a) && OwnerOf(a)?.Id == kam.Id && !busy.Contains(a.Id));
            if (account != null) attempt(kam, account);
        }

        private void HiddenTransferInBulkImport()
        {
            var kam = kams[random.Next(kams.Count)];
            var open = OpenOpportunitiesOf(kam).ToList();
            var locked = open.FirstOrDefault(IsKeyCustomer);
            if (locked == null) return;
            var batch = open.Where(o => o.Id != locked.Id).Take(9).Select(o => new Entity(OpportunityTable.LogicalName, o.Id)
            {
                [OpportunityTable.EstimatedCloseDate] = Later(o.GetAttributeValue<DateTime?>(OpportunityTable.EstimatedCloseDate), 7),
            }).ToList();
            batch.Insert(batch.Count / 2, new Entity(OpportunityTable.LogicalName, locked.Id) { [CommonColumns.OwnerId] = Colleague(kam).ToEntityReference() });
            Refused("飞单: a bulk import (UpdateMultiple) hiding one owner change", kam, s => s.UpdateMultiple(batch));
        }

        private void WinWithoutApproval()
        {
            var kam = kams[random.Next(kams.Count)];
            var deal = OpenOpportunitiesOf(kam).FirstOrDefault(o => o.GetAttributeValue<Money>(OpportunityTable.EstimatedValue).Value >= WinThreshold);
            if (deal != null) Refused("win a deal above the threshold without approval", kam, s => s.WinOpportunity(deal.Id, deal.GetAttributeValue<Money>(OpportunityTable.EstimatedValue).Value));
        }

        private void ApproveOwnRequest()
        {
            var request = requests.FirstOrDefault(r => r.Open && IsPending(r.Id) && !administrators.Contains(r.Requester));
            if (request != null) Refused("approve one's own request", request.Requester, s => Act(s, request.Id, ApprovalAction.Approve, "approving myself"));
        }

        private void ChangeAmountWhilePending()
        {
            var request = requests.FirstOrDefault(r => r.Open && r.Type == ApprovalType.OpportunityWin && IsPending(r.Id));
            if (request == null) return;
            var owner = OwnerOf(request.Record);
            var value = Org.Get(request.Record).GetAttributeValue<Money>(OpportunityTable.EstimatedValue).Value;
            Refused("change a deal's amount while its win approval is pending", owner, s => s.Update(new Entity(OpportunityTable.LogicalName, request.Record.Id) { [OpportunityTable.EstimatedValue] = new Money(value + 250000m) }));
        }

        private void ActivateWithoutApproval()
        {
            var contract = draftContracts.Where(c => !busy.Contains(c)).Select(c => Org.Get(ContractTable.LogicalName, c)).FirstOrDefault(c => ContractStatusOf(c) == ContractStatus.Draft);
            if (contract == null) return;
            var owner = Org.Users.Find(contract.GetAttributeValue<EntityReference>(CommonColumns.OwnerId).Id);
            Refused("activate a contract without approval", owner, s => s.Update(new Entity(ContractTable.LogicalName, contract.Id) { [ContractTable.ContractStatus] = new OptionSetValue((int)ContractStatus.Active) }));
        }

        // ------------------------------------------------------------------ running operations

        /// <summary>Runs an operation that must succeed; records its service calls, or the unexpected refusal.</summary>
        private bool Allowed(string operation, User actor, Action<IOrganizationService> action)
        {
            try
            {
                action(Kam.As(actor));
                result.Calls(operation, Org.LastOperation.PluginCalls.Total);
                return true;
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                result.Calls(operation, Org.LastOperation.PluginCalls.Total);
                result.Unexpectedly($"day {day + 1}, {operation} by {actor.FullName}: refused — {FirstLine(fault.Detail.Message)}");
                return false;
            }
        }

        /// <summary>
        /// Runs an operation the product must refuse; checks that it was refused and that nothing was
        /// written but refusal events: every table keeps its row count and its highest row version.
        /// </summary>
        private void Refused(string attempt, User actor, Action<IOrganizationService> action)
        {
            var before = Fingerprint();
            try
            {
                action(Kam.As(actor));
                result.Calls("refused: " + attempt, Org.LastOperation.PluginCalls.Total);
                result.Unexpectedly($"day {day + 1}, {attempt} by {actor.FullName}: allowed, should have been refused");
                return;
            }
            catch (FaultException<OrganizationServiceFault>)
            {
                result.Calls("refused: " + attempt, Org.LastOperation.PluginCalls.Total);
                result.Refused(attempt);
            }
            result.RefusedChecked++;
            var after = Fingerprint();
            foreach (var table in before.Keys)
            {
                var (count, version) = before[table];
                var (countAfter, versionAfter) = after[table];
                if (table == GuardEventTable.LogicalName)
                {
                    var written = NewerThan(table, version);
                    if (written.Any(e => e.GetAttributeValue<OptionSetValue>(GuardEventTable.Outcome)?.Value != (int)GuardEventOutcome.Refused))
                        result.WroteWhileRefused($"day {day + 1}, {attempt}: a guard event other than the refusal was committed");
                    continue;
                }
                if (count != countAfter || version != versionAfter)
                    result.WroteWhileRefused($"day {day + 1}, {attempt}: {table} changed (rows {count} → {countAfter}, highest version {version} → {versionAfter})");
            }
        }

        private Dictionary<string, (int Count, long Version)> Fingerprint()
        {
            var tables = Org.Metadata.Tables.Where(t => t.Columns.ContainsKey("versionnumber")).Select(t => t.LogicalName).ToList();
            return tables.ToDictionary(t => t, t => (Org.Count(t), HighestVersion(t)), StringComparer.Ordinal);
        }

        private long HighestVersion(string table)
        {
            if (Org.Count(table) == 0) return 0;
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet("versionnumber"), TopCount = 1 };
            query.AddOrder("versionnumber", OrderType.Descending);
            var row = Org.AdminService.RetrieveMultiple(query).Entities.FirstOrDefault();
            return row?.GetAttributeValue<long?>("versionnumber") ?? 0;
        }

        private IReadOnlyList<Entity> NewerThan(string table, long version)
        {
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(true) };
            query.Criteria.AddCondition("versionnumber", ConditionOperator.GreaterThan, version);
            return Org.AdminService.RetrieveMultiple(query).Entities;
        }

        // ------------------------------------------------------------------ the end: report and checks

        private void Report()
        {
            var now = Org.Clock.UtcNow;
            result.Rows = new[] { AccountTable.LogicalName, OpportunityTable.LogicalName, ContractTable.LogicalName, ApprovalRequestTable.LogicalName, ApprovalDecisionTable.LogicalName, GuardEventTable.LogicalName, GoalContributionTable.LogicalName, GoalTable.LogicalName }
                .ToDictionary(t => t, t => Org.Count(t));
            var events = Org.All(GuardEventTable.LogicalName);
            result.RecordedRefusals = events.Where(e => e.GetAttributeValue<OptionSetValue>(GuardEventTable.Outcome)?.Value == (int)GuardEventOutcome.Refused)
                .GroupBy(e => ((GuardEventKind)e.GetAttributeValue<OptionSetValue>(GuardEventTable.Kind).Value).ToString())
                .ToDictionary(g => g.Key, g => g.Count());
            result.RecordedOverrides = events.Count(e => e.GetAttributeValue<OptionSetValue>(GuardEventTable.Outcome)?.Value == (int)GuardEventOutcome.AdministratorOverride);
            result.Approvals = Org.All(ApprovalRequestTable.LogicalName)
                .GroupBy(r => TypeName((ApprovalType)r.GetAttributeValue<OptionSetValue>(ApprovalRequestTable.RequestType).Value))
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.GroupBy(r => Outcome(r, now)).ToDictionary(o => o.Key, o => o.Count()));
            result.Goals = goals.Select(g =>
            {
                var row = Org.Get(g.Goal);
                return new GoalLine(g.Metric, g.Owner.FullName, g.Level, row.GetAttributeValue<Money>(GoalTable.ActualMoney)?.Value, row.GetAttributeValue<Money>(InProgressMoney)?.Value,
                    row.GetAttributeValue<Money>(GoalTable.TargetMoney)?.Value, row.GetAttributeValue<decimal?>(GoalTable.Percentage));
            }).Where(l => l.Level <= 2 || l.Metric == "Revenue").ToList();
        }

        private static string Outcome(Entity request, DateTime now)
        {
            var status = (ApprovalStatus)request.GetAttributeValue<OptionSetValue>(ApprovalRequestTable.Status).Value;
            var expired = request.GetAttributeValue<DateTime?>(ApprovalRequestTable.ExpiresOn) <= now;
            switch (status)
            {
                case ApprovalStatus.Consumed: return "used";
                case ApprovalStatus.Approved: return expired ? "expired" : "approved";
                case ApprovalStatus.Pending: return expired ? "expired" : "pending";
                default: return status.ToString().ToLowerInvariant();
            }
        }

        /// <summary>Every goal against a full recalculation (values and ledger) and against the sum of its records computed here.</summary>
        private void CheckGoals()
        {
            var before = goals.ToDictionary(g => g.Goal.Id, g => Values(Org.Get(g.Goal)));
            var ledgerBefore = Ledger();
            CheckAgainstSources(before);
            foreach (var root in goals.Where(g => g.Level == 0))
            {
                try
                {
                    Org.AdminService.Execute(new OrganizationRequest("kam_RecalculateGoals") { ["Goal"] = root.Goal });
                }
                catch (FaultException<OrganizationServiceFault> fault)
                {
                    var traces = string.Join(" | ", Org.LastOperation.Traces.Reverse().Take(6).Reverse());
                    result.GoalDiffers($"{root.Metric}: the recalculation failed — {FirstLine(fault.Detail.Message)} (trace: {traces})");
                }
            }
            foreach (var goal in goals)
            {
                var after = Values(Org.Get(goal.Goal));
                if (!after.Equals(before[goal.Goal.Id])) result.GoalDiffers($"{goal.Metric} goal of {goal.Owner.FullName}: real time {before[goal.Goal.Id]}, recalculated {after}");
            }
            var ledgerAfter = Ledger();
            foreach (var key in ledgerBefore.Keys.Union(ledgerAfter.Keys))
            {
                ledgerBefore.TryGetValue(key, out var was);
                ledgerAfter.TryGetValue(key, out var @is);
                if (was != @is) result.GoalDiffers($"contribution {key}: real time {was?.ToString() ?? "none"}, recalculated {@is?.ToString() ?? "none"}");
            }
            result.GoalsChecked = goals.Count;
        }

        private void CheckAgainstSources(IReadOnlyDictionary<Guid, (decimal? Actual, decimal? InProgress, decimal? Percentage)> values)
        {
            var from = QuarterStart;
            var until = QuarterEnd.AddDays(1);
            bool InPeriod(DateTime? date) => date.HasValue && date.Value >= from && date.Value < until;
            var opportunities = Org.All(OpportunityTable.LogicalName);
            var contracts = Org.All(ContractTable.LogicalName);
            var own = new Dictionary<Guid, (decimal? Actual, decimal? InProgress)>();
            foreach (var goal in goals)
            {
                var owner = goal.Owner.Id;
                decimal? actual = null;
                decimal? inProgress = null;
                if (goal.Metric == "Revenue")
                {
                    foreach (var o in opportunities.Where(o => o.GetAttributeValue<EntityReference>(CommonColumns.OwnerId).Id == owner))
                    {
                        if (State(o) == OpportunityTable.State.Won && InPeriod(o.GetAttributeValue<DateTime?>(OpportunityTable.ActualCloseDate)) && o.GetAttributeValue<Money>(OpportunityTable.ActualValue) is Money a)
                            actual = (actual ?? 0m) + a.Value;
                        if (State(o) == OpportunityTable.State.Open && InPeriod(o.GetAttributeValue<DateTime?>(OpportunityTable.EstimatedCloseDate)) && o.GetAttributeValue<Money>(OpportunityTable.EstimatedValue) is Money e)
                            inProgress = (inProgress ?? 0m) + e.Value;
                    }
                }
                else
                {
                    foreach (var c in contracts.Where(c => c.GetAttributeValue<EntityReference>(CommonColumns.OwnerId).Id == owner))
                        if (InPeriod(c.GetAttributeValue<DateTime?>(ContractTable.ActivatedOn)) && c.GetAttributeValue<Money>(ContractTable.Value) is Money v)
                            actual = (actual ?? 0m) + v.Value;
                }
                own[goal.Goal.Id] = (actual, inProgress);
            }
            (decimal? Actual, decimal? InProgress) Total((string Metric, EntityReference Goal, User Owner, int Level) goal)
            {
                var (actual, inProgress) = own[goal.Goal.Id];
                foreach (var child in goals.Where(g => g.Metric == goal.Metric && g.Level == goal.Level + 1 && g.Owner.Manager?.Id == goal.Owner.Id))
                {
                    var sub = Total(child);
                    if (sub.Actual.HasValue) actual = (actual ?? 0m) + sub.Actual.Value;
                    if (sub.InProgress.HasValue) inProgress = (inProgress ?? 0m) + sub.InProgress.Value;
                }
                return (actual, inProgress);
            }
            foreach (var goal in goals)
            {
                var expected = Total(goal);
                var actual = values[goal.Goal.Id];
                if (expected.Actual != actual.Actual || expected.InProgress != actual.InProgress)
                    result.SourceDiffers($"{goal.Metric} goal of {goal.Owner.FullName}: goal {actual.Actual}/{actual.InProgress}, records {expected.Actual}/{expected.InProgress} (actual/in progress)");
            }
        }

        private Dictionary<Guid, decimal?> Ledger() =>
            Org.All(GoalContributionTable.LogicalName).ToDictionary(r => r.Id, r => r.GetAttributeValue<decimal?>(GoalContributionTable.Amount));

        private static (decimal? Actual, decimal? InProgress, decimal? Percentage) Values(Entity goal) =>
            (goal.GetAttributeValue<Money>(GoalTable.ActualMoney)?.Value, goal.GetAttributeValue<Money>(InProgressMoney)?.Value, goal.GetAttributeValue<decimal?>(GoalTable.Percentage));

        // ------------------------------------------------------------------ helpers

        private IEnumerable<Entity> OpenOpportunitiesOf(User kam) =>
            openOpportunities.Where(id => !busy.Contains(id)).Select(id => Org.Get(OpportunityTable.LogicalName, id))
                .Where(o => o != null && State(o) == OpportunityTable.State.Open && o.GetAttributeValue<EntityReference>(CommonColumns.OwnerId).Id == kam.Id
                    && !busy.Contains(o.GetAttributeValue<EntityReference>(OpportunityTable.CustomerId).Id));

        private bool IsKeyCustomer(Entity opportunity) => IsKey(opportunity.GetAttributeValue<EntityReference>(OpportunityTable.CustomerId));

        private bool IsKey(EntityReference account) => account != null && account.LogicalName == AccountTable.LogicalName && Org.Get(account)?.GetAttributeValue<bool?>(AccountTable.IsKeyAccount) == true;

        private bool ChildrenBusy(EntityReference account) =>
            requests.Any(r => r.Open && r.Record.LogicalName != AccountTable.LogicalName
                && (Org.Get(r.Record)?.GetAttributeValue<EntityReference>(r.Record.LogicalName == OpportunityTable.LogicalName ? OpportunityTable.CustomerId : ContractTable.CustomerId))?.Id == account.Id);

        private User OwnerOf(EntityReference record)
        {
            var owner = Org.Get(record)?.GetAttributeValue<EntityReference>(CommonColumns.OwnerId);
            return owner == null ? null : Org.Users.Find(owner.Id);
        }

        private User Colleague(User kam)
        {
            var peers = kams.Where(k => k.Id != kam.Id && k.Manager?.Id == kam.Manager?.Id).ToList();
            if (peers.Count == 0) peers = kams.Where(k => k.Id != kam.Id).ToList();
            return peers[random.Next(peers.Count)];
        }

        private IEnumerable<T> Pick<T>(IReadOnlyList<T> items, int count) => Enumerable.Range(0, count).Select(_ => items[random.Next(items.Count)]).Distinct();

        /// <summary>Pending and not yet expired (an expired request locks and authorises nothing).</summary>
        private bool IsPending(Guid request)
        {
            var row = Org.Get(ApprovalRequestTable.LogicalName, request);
            return row.GetAttributeValue<OptionSetValue>(ApprovalRequestTable.Status).Value == (int)ApprovalStatus.Pending
                && row.GetAttributeValue<DateTime?>(ApprovalRequestTable.ExpiresOn) > Org.Clock.UtcNow;
        }

        private static int State(Entity row) => row.GetAttributeValue<OptionSetValue>(CommonColumns.StateCode)?.Value ?? 0;

        private static ContractStatus ContractStatusOf(Entity contract) => (ContractStatus)(contract.GetAttributeValue<OptionSetValue>(ContractTable.ContractStatus)?.Value ?? (int)ContractStatus.Draft);

        private DateTime Later(DateTime? date, int days) => (date.HasValue && date.Value > Today ? date.Value : Today).Date.AddDays(days + 1);

        private static string RegardingColumn(EntityReference record) =>
            record.LogicalName == AccountTable.LogicalName ? ApprovalRequestTable.RegardingAccountId
            : record.LogicalName == OpportunityTable.LogicalName ? ApprovalRequestTable.RegardingOpportunityId
            : ApprovalRequestTable.RegardingContractId;

        private static string TypeName(ApprovalType type)
        {
            switch (type)
            {
                case ApprovalType.OwnershipTransfer: return "ownership transfer";
                case ApprovalType.KeyAccountRelease: return "key account release";
                case ApprovalType.OpportunityWin: return "opportunity win";
                case ApprovalType.OpportunityLoss: return "verified loss";
                case ApprovalType.ContractActivation: return "contract activation";
                case ApprovalType.ContractTermination: return "contract termination";
                default: return type.ToString();
            }
        }

        private static string FirstLine(string text) => (text ?? string.Empty).Split('\n')[0].Trim();
    }
}
