namespace KamPlugins.Model
{
    // Logical names of Dynamics' own goal tables (goal, metric, rollupfield, goalrollupquery) and of
    // the organisation settings the goal engine reads. The goal engine keeps these tables' rollup
    // columns true in real time; nothing here is a product table.

    /// <summary>goal: a target for one owner (user or team) over one period, with rollup columns.</summary>
    public static class GoalTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "goal";
        /// <summary>Primary key.</summary>
        public const string Id = "goalid";
        /// <summary>Title.</summary>
        public const string Title = "title";
        /// <summary>Goal owner: the user or team whose records the goal counts (owner-only goals).</summary>
        public const string GoalOwnerId = "goalownerid";
        /// <summary>Goal manager (the record's owner).</summary>
        public const string OwnerId = "ownerid";
        /// <summary>Parent goal (its values include this goal's).</summary>
        public const string ParentGoalId = "parentgoalid";
        /// <summary>Goal metric.</summary>
        public const string MetricId = "metricid";
        /// <summary>First day of the period (inclusive).</summary>
        public const string GoalStartDate = "goalstartdate";
        /// <summary>Last day of the period (inclusive).</summary>
        public const string GoalEndDate = "goalenddate";
        /// <summary>True: the period is a fiscal period (start and end dates are still filled by the platform).</summary>
        public const string IsFiscalPeriodGoal = "isfiscalperiodgoal";
        /// <summary>True: only child goals' values roll up (no records of its own).</summary>
        public const string RollupOnlyFromChildGoals = "rolluponlyfromchildgoals";
        /// <summary>True (default): only records owned by the goal owner count; false: all records.</summary>
        public const string ConsiderOnlyGoalOwnersRecords = "consideronlygoalownersrecords";
        /// <summary>Must be true in an Update that writes rollup columns.</summary>
        public const string IsOverride = "isoverride";
        /// <summary>True: the system rollup job does not overwrite the rollup columns.</summary>
        public const string IsOverridden = "isoverridden";
        /// <summary>Actual / target × 100.</summary>
        public const string Percentage = "percentage";
        /// <summary>When the rollup columns were last computed.</summary>
        public const string LastRolledUpDate = "lastrolledupdate";

        /// <summary>Rollup query of the actual money column.</summary>
        public const string RollupQueryActualMoneyId = "rollupqueryactualmoneyid";
        /// <summary>Rollup query of the actual decimal column.</summary>
        public const string RollupQueryActualDecimalId = "rollupqueryactualdecimalid";
        /// <summary>Rollup query of the actual whole-number column.</summary>
        public const string RollupQueryActualIntegerId = "rollupqueryactualintegerid";
        /// <summary>Rollup query of the in-progress money column.</summary>
        public const string RollupQueryInProgressMoneyId = "rollupqueryinprogressmoneyid";
        /// <summary>Rollup query of the in-progress decimal column.</summary>
        public const string RollupQueryInProgressDecimalId = "rollupqueryinprogressdecimalid";
        /// <summary>Rollup query of the in-progress whole-number column.</summary>
        public const string RollupQueryInProgressIntegerId = "rollupqueryinprogressintegerid";
        /// <summary>Rollup query of the custom money column.</summary>
        public const string RollupQueryCustomMoneyId = "rollupquerycustommoneyid";
        /// <summary>Rollup query of the custom decimal column.</summary>
        public const string RollupQueryCustomDecimalId = "rollupquerycustomdecimalid";
        /// <summary>Rollup query of the custom whole-number column.</summary>
        public const string RollupQueryCustomIntegerId = "rollupquerycustomintegerid";

        /// <summary>Target, money.</summary>
        public const string TargetMoney = "targetmoney";
        /// <summary>Target, decimal.</summary>
        public const string TargetDecimal = "targetdecimal";
        /// <summary>Target, whole number.</summary>
        public const string TargetInteger = "targetinteger";
        /// <summary>Actual, money.</summary>
        public const string ActualMoney = "actualmoney";
        /// <summary>Actual, decimal.</summary>
        public const string ActualDecimal = "actualdecimal";
        /// <summary>Actual, whole number.</summary>
        public const string ActualInteger = "actualinteger";

        /// <summary>Column-name prefix of the target columns (targetmoney, targetdecimal, targetinteger).</summary>
        public const string TargetPrefix = "target";
        /// <summary>Column-name prefix of the actual columns.</summary>
        public const string ActualPrefix = "actual";
        /// <summary>Column-name prefix of the in-progress columns.</summary>
        public const string InProgressPrefix = "inprogress";
        /// <summary>Column-name prefix of the custom rollup columns.</summary>
        public const string CustomPrefix = "customrollupfield";
        /// <summary>Column-name prefix of the rollup query lookups (rollupquery{actual|inprogress|custom}{type}id).</summary>
        public const string RollupQueryPrefix = "rollupquery";
        /// <summary>Bucket part of the rollup query lookup of the custom column (rollupquerycustom…id).</summary>
        public const string RollupQueryCustomPart = "custom";
        /// <summary>Column-name suffix of the rollup query lookups.</summary>
        public const string RollupQuerySuffix = "id";

        /// <summary>Data-type suffix of money columns.</summary>
        public const string MoneySuffix = "money";
        /// <summary>Data-type suffix of decimal columns.</summary>
        public const string DecimalSuffix = "decimal";
        /// <summary>Data-type suffix of whole-number columns.</summary>
        public const string IntegerSuffix = "integer";

        /// <summary>statecode values.</summary>
        public static class State
        {
            /// <summary>Active (status Open).</summary>
            public const int Active = 0;
            /// <summary>Inactive (status Closed or Discarded).</summary>
            public const int Inactive = 1;
        }
    }

    /// <summary>metric: what a goal measures (amount or count, and the amount's data type).</summary>
    public static class MetricTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "metric";
        /// <summary>Primary key.</summary>
        public const string Id = "metricid";
        /// <summary>Name.</summary>
        public const string Name = "name";
        /// <summary>True: an amount (sum of a column); false: a count of records.</summary>
        public const string IsAmount = "isamount";
        /// <summary>Amount data type (choice <see cref="GoalAmountDataType"/>).</summary>
        public const string AmountDataType = "amountdatatype";
        /// <summary>True: stretch targets are tracked.</summary>
        public const string IsStretchTracked = "isstretchtracked";
    }

    /// <summary>rollupfield: one of a metric's (up to three) sources: which goal column, from which table and column.</summary>
    public static class RollupFieldTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "rollupfield";
        /// <summary>Primary key.</summary>
        public const string Id = "rollupfieldid";
        /// <summary>The metric.</summary>
        public const string MetricId = "metricid";
        /// <summary>The goal column it fills (actualmoney, inprogressinteger, customrollupfielddecimal, …).</summary>
        public const string GoalAttribute = "goalattribute";
        /// <summary>Source table.</summary>
        public const string SourceEntity = "sourceentity";
        /// <summary>Source column (amount metrics).</summary>
        public const string SourceAttribute = "sourceattribute";
        /// <summary>Date column that places a record in a goal period.</summary>
        public const string DateAttribute = "dateattribute";
        /// <summary>Table that holds the date column (the source table, or its parent).</summary>
        public const string EntityForDateAttribute = "entityfordateattribute";
        /// <summary>Source state filter (integer; null: any).</summary>
        public const string SourceState = "sourcestate";
        /// <summary>Source status filter (integer; null: any).</summary>
        public const string SourceStatus = "sourcestatus";
        /// <summary>True: the state/status belong to the parent table.</summary>
        public const string IsStateParentEntityAttribute = "isstateparententityattribute";
    }

    /// <summary>goalrollupquery: extra criteria (FetchXML) a goal applies to one of its rollup columns.</summary>
    public static class GoalRollupQueryTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "goalrollupquery";
        /// <summary>Primary key.</summary>
        public const string Id = "goalrollupqueryid";
        /// <summary>Name.</summary>
        public const string Name = "name";
        /// <summary>The query (FetchXML on the source table).</summary>
        public const string FetchXml = "fetchxml";
    }

    /// <summary>organization: the organisation's settings (one row).</summary>
    public static class OrganizationTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "organization";
        /// <summary>Primary key.</summary>
        public const string Id = "organizationid";
        /// <summary>Days after a goal's end date after which its rollup stops.</summary>
        public const string GoalRollupExpiryTime = "goalrollupexpirytime";
    }

    /// <summary>metric.amountdatatype (the Goal Type global choice).</summary>
    public enum GoalAmountDataType
    {
        /// <summary>Money.</summary>
        Money = 0,
        /// <summary>Decimal.</summary>
        Decimal = 1,
        /// <summary>Whole number (also every count metric).</summary>
        Integer = 2,
    }
}
