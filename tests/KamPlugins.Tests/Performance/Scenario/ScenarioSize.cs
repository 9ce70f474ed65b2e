namespace KamPlugins.Tests.Performance.Scenario
{
    /// <summary>How big the replayed quarter is.</summary>
    public sealed class ScenarioSize
    {
        /// <summary>The full quarter (tests/KamPlugins.Scenario): 30 KAMs under 6 managers and 2 directors, 300 accounts, about 3,000 opportunities and 1,000 contracts over 90 days.</summary>
        public static ScenarioSize Quarter { get; } = new ScenarioSize
        {
            Name = "quarter",
            Directors = 2,
            ManagersPerDirector = 3,
            KamsPerManager = 5,
            AccountsPerKam = 10,
            InitialOpportunitiesPerKam = 50,
            NewOpportunitiesPerDay = 16,
            LegacyContractsPerKam = 12,
            Days = 90,
            AttemptsPerDay = 5,
        };

        /// <summary>A small version for the test suite (a few seconds): 4 KAMs, 40 accounts, two weeks.</summary>
        public static ScenarioSize Small { get; } = new ScenarioSize
        {
            Name = "small",
            Directors = 1,
            ManagersPerDirector = 2,
            KamsPerManager = 2,
            AccountsPerKam = 10,
            InitialOpportunitiesPerKam = 15,
            NewOpportunitiesPerDay = 3,
            LegacyContractsPerKam = 3,
            Days = 21,
            AttemptsPerDay = 4,
        };

        /// <summary>A name for the report.</summary>
        public string Name { get; set; }

        /// <summary>Sales directors reporting to the vice president.</summary>
        public int Directors { get; set; }

        /// <summary>Sales managers per director.</summary>
        public int ManagersPerDirector { get; set; }

        /// <summary>Key account managers per sales manager.</summary>
        public int KamsPerManager { get; set; }

        /// <summary>Accounts each KAM owns at the start (15% of them key accounts).</summary>
        public int AccountsPerKam { get; set; }

        /// <summary>Opportunities each KAM imports on the first day (CreateMultiple).</summary>
        public int InitialOpportunitiesPerKam { get; set; }

        /// <summary>Opportunities created one by one per day.</summary>
        public int NewOpportunitiesPerDay { get; set; }

        /// <summary>Active contracts from last year per KAM (seeded).</summary>
        public int LegacyContractsPerKam { get; set; }

        /// <summary>Days replayed from 1 January.</summary>
        public int Days { get; set; }

        /// <summary>Attempts per day at something the product must refuse (飞单 transfers and the like).</summary>
        public int AttemptsPerDay { get; set; }
    }
}
