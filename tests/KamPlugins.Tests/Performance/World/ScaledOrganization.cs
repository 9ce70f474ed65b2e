using System;
using System.Collections.Generic;
using System.Linq;
using Dataverse.Emulator;
using Dataverse.Emulator.Principals;
using KamPlugins.Goals;
using KamPlugins.Goals.Data;
using KamPlugins.Model;
using KamPlugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Tests.Performance.World
{
    /// <summary>
    /// A sales organisation at a given size, for the service-call budget tests and the benchmarks
    /// (tests/KamPlugins.Benchmarks links this file): a director, two sales managers, eight KAMs and a
    /// KAM administrator; one account per ten opportunities (every tenth a key account, as is
    /// <see cref="KeyAccount"/>, which holds up to 1,000 opportunities — the cascade of an account
    /// transfer); <c>opportunities</c> opportunities over the years (about one in ten dated in the
    /// current quarter); a "Revenue" metric (won revenue → actual, open pipeline → in progress) with a
    /// three-level goal tree for the quarter (director → managers → KAMs), its contribution ledger and
    /// goal values exactly as the goal engine keeps them.
    /// <para>
    /// Everything is seeded directly (<see cref="DataverseEmulator.Initialize(IEnumerable{Entity})"/>,
    /// no pipeline), so 100,000 opportunities take seconds; only the measured operations run through the
    /// pipeline. <c>RecalculatedGoals_ShouldEqualTheSeededOnes</c> proves the seeded ledger and goal values
    /// are what the engine itself computes.
    /// </para>
    /// </summary>
    public sealed class ScaledOrganization
    {
        /// <summary>How many opportunities the key account's transfer cascades to.</summary>
        public const int CascadeChildren = 1000;

        /// <summary>The quarter the goals measure (both ends inclusive).</summary>
        public static readonly DateTime PeriodStart = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>The last day of the quarter.</summary>
        public static readonly DateTime PeriodEnd = new DateTime(2025, 3, 31, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>The emulator's clock during the measured operations (inside the quarter).</summary>
        public static readonly DateTime Now = new DateTime(2025, 2, 14, 9, 0, 0, DateTimeKind.Utc);

        private readonly Queue<EntityReference> pool;

        /// <summary>Builds and seeds the organisation.</summary>
        /// <param name="opportunities">Existing opportunities (more than <paramref name="poolSize"/>).</param>
        /// <param name="poolSize">
        /// Open opportunities of the key account owned by <see cref="Rep"/>, dated in the quarter, below
        /// every threshold, that single-use operations (a win, an approved transfer) take one at a time
        /// (<see cref="TakeFromPool"/>); they are part of <paramref name="opportunities"/>.
        /// </param>
        /// <param name="profile">The platform profile (baseline when null).</param>
        /// <param name="seed">The random seed (the same seed gives the same organisation).</param>
        public ScaledOrganization(int opportunities, int poolSize = 0, PlatformProfile profile = null, int seed = 20250214)
        {
            if (opportunities < 1) throw new ArgumentOutOfRangeException(nameof(opportunities));
            if (poolSize < 0 || poolSize > Math.Min(opportunities, CascadeChildren) - 1) throw new ArgumentOutOfRangeException(nameof(poolSize));
            Kam = new KamOrganization(profile, o => o.StartTime = Now);
            var random = new Random(seed);

            Director = Kam.User("Director Chen Jie");
            Managers = new[] { Kam.User("Manager Wang Wei", Director), Kam.User("Manager Sun Li", Director) };
            Kams = Enumerable.Range(0, 8).Select(i => Kam.User("KAM " + i, Managers[i / 4])).ToArray();
            Administrator = Kam.KamAdministrator("Administrator Zhao Min");

            var rows = new List<Entity>();
            KeyAccount = Account(rows, "Key account 000 (cascade)", Rep, isKey: true);
            var accountCount = Math.Max(100, opportunities / 10);
            var accounts = new List<(EntityReference Account, User Owner)>();
            for (var i = 1; i < accountCount; i++)
            {
                var owner = Kams[i % Kams.Count];
                accounts.Add((Account(rows, $"Account {i:D6}", owner, isKey: i % 10 == 0), owner));
            }

            var poolIds = new List<EntityReference>();
            var children = Math.Min(CascadeChildren, opportunities);
            for (var i = 0; i < opportunities; i++)
            {
                Entity row;
                if (i < children)
                {
                    // Opportunity 0 is the repeatable operations' record, 1..poolSize the single-use pool.
                    row = i <= poolSize ? PoolOpportunity(i, KeyAccount, Rep, random) : Opportunity(i, KeyAccount, Rep, random);
                    if (i == 0) LockedOpportunity = row.ToEntityReference();
                    else if (i <= poolSize) poolIds.Add(row.ToEntityReference());
                }
                else
                {
                    var (account, owner) = accounts[random.Next(accounts.Count)];
                    row = Opportunity(i, account, owner, random);
                }
                rows.Add(row);
            }
            OpportunityCount = opportunities;
            Kam.Org.Initialize(rows);
            pool = new Queue<EntityReference>(poolIds);

            SeedGoals(rows.Where(r => r.LogicalName == OpportunityTable.LogicalName).ToList());
        }

        /// <summary>The emulated organisation with the product's plugins.</summary>
        public KamOrganization Kam { get; }

        /// <summary>The emulator.</summary>
        public DataverseEmulator Org => Kam.Org;

        /// <summary>Top of the management chain; owner of the root goal.</summary>
        public User Director { get; }

        /// <summary>The two sales managers (KAMs 0–3 report to the first, 4–7 to the second).</summary>
        public IReadOnlyList<User> Managers { get; }

        /// <summary>The eight key account managers.</summary>
        public IReadOnlyList<User> Kams { get; }

        /// <summary>The KAM who owns <see cref="KeyAccount"/> and the pool (KAM 0).</summary>
        public User Rep => Kams[0];

        /// <summary>A colleague of <see cref="Rep"/> with the same manager (KAM 1): the other side of a transfer.</summary>
        public User Colleague => Kams[1];

        /// <summary>A member of the KAM administrators team.</summary>
        public User Administrator { get; }

        /// <summary>A key account owned by <see cref="Rep"/> with min(1,000, opportunities) opportunities.</summary>
        public EntityReference KeyAccount { get; }

        /// <summary>How many opportunities were seeded.</summary>
        public int OpportunityCount { get; }

        /// <summary>The revenue metric.</summary>
        public EntityReference Metric { get; private set; }

        /// <summary>The director's goal (root of the tree).</summary>
        public EntityReference RootGoal { get; private set; }

        /// <summary>Every goal, by owner.</summary>
        public IReadOnlyDictionary<Guid, EntityReference> GoalByOwner { get; private set; }

        /// <summary>Every goal of the tree.</summary>
        public IReadOnlyList<EntityReference> Goals => GoalByOwner.Values.ToList();

        /// <summary>How many pool opportunities are left.</summary>
        public int PoolRemaining => pool.Count;

        /// <summary>A client acting as <paramref name="user"/>.</summary>
        public IOrganizationService As(User user) => Kam.As(user);

        /// <summary>The next unused pool opportunity (open, in the quarter, of the key account, owned by <see cref="Rep"/>).</summary>
        public EntityReference TakeFromPool()
        {
            if (pool.Count == 0) throw new InvalidOperationException("The pool of single-use opportunities is exhausted: build the organisation with a larger poolSize.");
            return pool.Dequeue();
        }

        /// <summary>
        /// An opportunity like the pool's (open, in the quarter, of the key account, owned by <see cref="Rep"/>)
        /// that is never taken from the pool: for repeatable operations.
        /// </summary>
        public EntityReference LockedOpportunity { get; private set; }

        /// <summary>
        /// Submits an ownership transfer request for <paramref name="record"/> to <paramref name="newOwner"/>
        /// as its owner <paramref name="requester"/> and has the requester's manager approve it (two
        /// operations through the pipeline). Returns the request.
        /// </summary>
        public Guid ApproveTransfer(EntityReference record, User requester, User newOwner)
        {
            var request = new Entity(ApprovalRequestTable.LogicalName)
            {
                [ApprovalRequestTable.RequestType] = new OptionSetValue((int)ApprovalType.OwnershipTransfer),
                [ApprovalRequestTable.ProposedOwnerId] = newOwner.ToEntityReference(),
                [ApprovalRequestTable.Justification] = "customer moved to the colleague's region",
                [RegardingColumn(record)] = record,
            };
            var id = As(requester).Create(request);
            As(requester.Manager).Update(new Entity(ApprovalRequestTable.LogicalName, id)
            {
                [ApprovalRequestTable.RequestedAction] = new OptionSetValue((int)ApprovalAction.Approve),
            });
            var status = Org.Get(ApprovalRequestTable.LogicalName, id).GetAttributeValue<OptionSetValue>(ApprovalRequestTable.Status)?.Value;
            if (status != (int)ApprovalStatus.Approved) throw new InvalidOperationException($"setup: the transfer request is {status}, not approved.");
            return id;
        }

        /// <summary>The kam_approvalrequest lookup that names a record of <paramref name="record"/>'s table.</summary>
        public static string RegardingColumn(EntityReference record)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            switch (record.LogicalName)
            {
                case AccountTable.LogicalName: return ApprovalRequestTable.RegardingAccountId;
                case OpportunityTable.LogicalName: return ApprovalRequestTable.RegardingOpportunityId;
                default: return ApprovalRequestTable.RegardingContractId;
            }
        }

        /// <summary>The goal columns the engine keeps (actual, in progress, percentage) of every goal, by goal id.</summary>
        public IReadOnlyDictionary<Guid, (decimal? Actual, decimal? InProgress, decimal? Percentage)> GoalValues() =>
            Goals.ToDictionary(g => g.Id, g =>
            {
                var row = Org.Get(g);
                return (row.GetAttributeValue<Money>(GoalTable.ActualMoney)?.Value, row.GetAttributeValue<Money>("inprogressmoney")?.Value, row.GetAttributeValue<decimal?>(GoalTable.Percentage));
            });

        private EntityReference Account(List<Entity> rows, string name, User owner, bool isKey)
        {
            var row = new Entity(AccountTable.LogicalName, Guid.NewGuid())
            {
                [AccountTable.Name] = name,
                [AccountTable.IsKeyAccount] = isKey,
                [CommonColumns.OwnerId] = owner.ToEntityReference(),
                [CommonColumns.ApprovedOwnerId] = owner.ToEntityReference(),
            };
            rows.Add(row);
            return row.ToEntityReference();
        }

        // An open opportunity dated in the quarter, below the lock, win and loss thresholds: a win needs no
        // approval, it is locked only because its customer is a key account.
        private static Entity PoolOpportunity(int i, EntityReference account, User owner, Random random)
        {
            var row = Row(i, account, owner);
            row[OpportunityTable.EstimatedValue] = new Money(10000m + random.Next(0, 40) * 10000m);
            row[OpportunityTable.EstimatedCloseDate] = PeriodStart.AddDays(random.Next(0, 90));
            return row;
        }

        // 5% open and 5% won in the quarter (the goals count them), 2% lost in the quarter, 58% closed in
        // earlier years, 30% open with a later estimated close date.
        private static Entity Opportunity(int i, EntityReference account, User owner, Random random)
        {
            var row = Row(i, account, owner);
            var value = 10000m + random.Next(0, 300) * 10000m;
            row[OpportunityTable.EstimatedValue] = new Money(value);
            var kind = random.Next(100);
            if (kind < 5)
            {
                row[OpportunityTable.EstimatedCloseDate] = PeriodStart.AddDays(random.Next(0, 90));
            }
            else if (kind < 10)
            {
                Close(row, OpportunityTable.State.Won, OpportunityTable.Status.Won, value, PeriodStart.AddDays(random.Next(0, 44)));
            }
            else if (kind < 12)
            {
                Close(row, OpportunityTable.State.Lost, OpportunityTable.Status.OutSold, 0m, PeriodStart.AddDays(random.Next(0, 44)));
            }
            else if (kind < 70)
            {
                var won = random.Next(2) == 0;
                Close(row, won ? OpportunityTable.State.Won : OpportunityTable.State.Lost, won ? OpportunityTable.Status.Won : OpportunityTable.Status.Canceled,
                    won ? value : 0m, new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(0, 365 * 3)));
            }
            else
            {
                row[OpportunityTable.EstimatedCloseDate] = PeriodEnd.AddDays(1 + random.Next(0, 365));
            }
            return row;
        }

        private static Entity Row(int i, EntityReference account, User owner)
        {
            var row = new Entity(OpportunityTable.LogicalName, Guid.NewGuid())
            {
                [OpportunityTable.Name] = $"Opportunity {i:D6}",
                [OpportunityTable.CustomerId] = account,
                [CommonColumns.OwnerId] = owner.ToEntityReference(),
                [CommonColumns.ApprovedOwnerId] = owner.ToEntityReference(),
            };
            return row;
        }

        private static void Close(Entity row, int state, int status, decimal actual, DateTime closedOn)
        {
            row[CommonColumns.StateCode] = new OptionSetValue(state);
            row[CommonColumns.StatusCode] = new OptionSetValue(status);
            row[OpportunityTable.ActualValue] = new Money(actual);
            row[OpportunityTable.ActualCloseDate] = closedOn;
        }

        /// <summary>
        /// The metric, the goal tree, the ledger and the goal values, as the goal engine's full
        /// recalculation leaves them: every KAM goal counts its owner's opportunities of the quarter
        /// (won: actual revenue; open: estimated revenue), managers and the director add their children.
        /// </summary>
        private void SeedGoals(IReadOnlyList<Entity> opportunities)
        {
            var metric = new Entity(MetricTable.LogicalName, Guid.NewGuid())
            {
                [MetricTable.Name] = "Revenue",
                [MetricTable.IsAmount] = true,
                [MetricTable.AmountDataType] = new OptionSetValue((int)GoalAmountDataType.Money),
            };
            var actualField = new Entity(RollupFieldTable.LogicalName)
            {
                [RollupFieldTable.MetricId] = metric.ToEntityReference(),
                [RollupFieldTable.GoalAttribute] = GoalTable.ActualMoney,
                [RollupFieldTable.SourceEntity] = OpportunityTable.LogicalName,
                [RollupFieldTable.SourceAttribute] = OpportunityTable.ActualValue,
                [RollupFieldTable.DateAttribute] = OpportunityTable.ActualCloseDate,
                [RollupFieldTable.SourceState] = OpportunityTable.State.Won,
            };
            var inProgressField = new Entity(RollupFieldTable.LogicalName)
            {
                [RollupFieldTable.MetricId] = metric.ToEntityReference(),
                [RollupFieldTable.GoalAttribute] = InProgressMoney,
                [RollupFieldTable.SourceEntity] = OpportunityTable.LogicalName,
                [RollupFieldTable.SourceAttribute] = OpportunityTable.EstimatedValue,
                [RollupFieldTable.DateAttribute] = OpportunityTable.EstimatedCloseDate,
                [RollupFieldTable.SourceState] = OpportunityTable.State.Open,
            };
            Org.Initialize(metric, actualField, inProgressField);
            Metric = metric.ToEntityReference();

            var ledger = new List<LedgerEntry>();
            var goals = new Dictionary<Guid, Entity>();
            var root = Goal(Director, Director, null, 20000000m * Scale(opportunities.Count));
            goals[Director.Id] = root;
            foreach (var manager in Managers) goals[manager.Id] = Goal(manager, Director, root, 10000000m * Scale(opportunities.Count));
            foreach (var kam in Kams) goals[kam.Id] = Goal(kam, kam.Manager, goals[kam.Manager.Id], 2500000m * Scale(opportunities.Count));

            var sums = goals.Keys.ToDictionary(k => k, k => (Actual: (decimal?)null, InProgress: (decimal?)null));
            foreach (var opportunity in opportunities)
            {
                var owner = opportunity.GetAttributeValue<EntityReference>(CommonColumns.OwnerId).Id;
                if (!goals.TryGetValue(owner, out var goal)) continue;
                var state = opportunity.GetAttributeValue<OptionSetValue>(CommonColumns.StateCode)?.Value ?? OpportunityTable.State.Open;
                if (state == OpportunityTable.State.Won && InPeriod(opportunity.GetAttributeValue<DateTime?>(OpportunityTable.ActualCloseDate)))
                {
                    var amount = opportunity.GetAttributeValue<Money>(OpportunityTable.ActualValue).Value;
                    ledger.Add(new LedgerEntry(goal.Id, ContributionBucket.Actual, OpportunityTable.LogicalName, opportunity.Id, amount));
                    sums[owner] = (Add(sums[owner].Actual, amount), sums[owner].InProgress);
                }
                else if (state == OpportunityTable.State.Open && InPeriod(opportunity.GetAttributeValue<DateTime?>(OpportunityTable.EstimatedCloseDate)))
                {
                    var amount = opportunity.GetAttributeValue<Money>(OpportunityTable.EstimatedValue).Value;
                    ledger.Add(new LedgerEntry(goal.Id, ContributionBucket.InProgress, OpportunityTable.LogicalName, opportunity.Id, amount));
                    sums[owner] = (sums[owner].Actual, Add(sums[owner].InProgress, amount));
                }
            }

            // Children before parents: managers add their KAMs, the director adds the managers.
            foreach (var manager in Managers)
                sums[manager.Id] = Sum(sums[manager.Id], Kams.Where(k => k.Manager.Id == manager.Id).Select(k => sums[k.Id]));
            sums[Director.Id] = Sum(sums[Director.Id], Managers.Select(m => sums[m.Id]));

            foreach (var pair in goals)
            {
                var (actual, inProgress) = sums[pair.Key];
                var goal = pair.Value;
                goal[GoalTable.ActualMoney] = GoalWriter.ColumnValue(actual, GoalAmountDataType.Money);
                goal[InProgressMoney] = GoalWriter.ColumnValue(inProgress, GoalAmountDataType.Money);
                goal[GoalTable.Percentage] = GoalValueRule.Percentage(actual, goal.GetAttributeValue<Money>(GoalTable.TargetMoney)?.Value);
                goal[GoalTable.LastRolledUpDate] = Now;
            }
            // Parents first: a goal's parent lookup must point to an existing row.
            Org.Initialize(new[] { goals[Director.Id] }.Concat(Managers.Select(m => goals[m.Id])).Concat(Kams.Select(k => goals[k.Id])));
            Org.Initialize(ledger.Select(LedgerRow));
            RootGoal = root.ToEntityReference();
            GoalByOwner = goals.ToDictionary(p => p.Key, p => p.Value.ToEntityReference());
        }

        private const string InProgressMoney = "inprogressmoney";

        private static decimal Scale(int opportunities) => Math.Max(1m, opportunities / 1000m);

        private static bool InPeriod(DateTime? date) => date.HasValue && date.Value >= PeriodStart && date.Value < PeriodEnd.AddDays(1);

        private static decimal? Add(decimal? sum, decimal amount) => (sum ?? 0m) + amount;

        private static (decimal? Actual, decimal? InProgress) Sum((decimal? Actual, decimal? InProgress) own, IEnumerable<(decimal? Actual, decimal? InProgress)> children)
        {
            var list = children.ToList();
            return (GoalValueRule.NullableSum(new[] { own.Actual }.Concat(list.Select(c => c.Actual))),
                GoalValueRule.NullableSum(new[] { own.InProgress }.Concat(list.Select(c => c.InProgress))));
        }

        private Entity Goal(User owner, User manager, Entity parent, decimal target)
        {
            var goal = new Entity(GoalTable.LogicalName, Guid.NewGuid())
            {
                [GoalTable.Title] = "Q1 2025 revenue — " + owner.FullName,
                [GoalTable.GoalOwnerId] = owner.ToEntityReference(),
                [CommonColumns.OwnerId] = manager.ToEntityReference(),
                [GoalTable.MetricId] = Metric,
                [GoalTable.GoalStartDate] = PeriodStart,
                [GoalTable.GoalEndDate] = PeriodEnd,
                [GoalTable.TargetMoney] = new Money(target),
                [GoalTable.IsOverride] = true,
                [GoalTable.IsOverridden] = true,
                [GoalTable.ConsiderOnlyGoalOwnersRecords] = true,
                [GoalTable.RollupOnlyFromChildGoals] = false,
            };
            if (parent != null) goal[GoalTable.ParentGoalId] = parent.ToEntityReference();
            return goal;
        }

        // The row LedgerStore writes for an entry (kam_goalcontribution).
        private static Entity LedgerRow(LedgerEntry entry) => new Entity(GoalContributionTable.LogicalName, entry.RowId)
        {
            [GoalContributionTable.Name] = $"{entry.SourceTable} {entry.SourceId:D}",
            [GoalContributionTable.GoalId] = new EntityReference(GoalTable.LogicalName, entry.GoalId),
            [GoalContributionTable.Bucket] = new OptionSetValue((int)entry.Bucket),
            [GoalContributionTable.SourceTable] = entry.SourceTable,
            [GoalContributionTable.SourceId] = LedgerStore.SourceIdText(entry.SourceId),
            [GoalContributionTable.Amount] = entry.Amount,
            [GoalContributionTable.OpportunityId] = new EntityReference(OpportunityTable.LogicalName, entry.SourceId),
        };
    }
}
