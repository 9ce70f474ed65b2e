namespace KamPlugins.Model
{
    // Logical names of the Dynamics tables and columns the product reads or guards. One place for
    // every name: rules, plugins, the emulator's metadata and the packed solution all use these.

    /// <summary>Columns every owned table has.</summary>
    public static class CommonColumns
    {
        /// <summary>Owner (systemuser or team).</summary>
        public const string OwnerId = "ownerid";
        /// <summary>State (0 Active / Open).</summary>
        public const string StateCode = "statecode";
        /// <summary>Status reason.</summary>
        public const string StatusCode = "statuscode";
        /// <summary>Created on (UTC).</summary>
        public const string CreatedOn = "createdon";
        /// <summary>Modified on (UTC).</summary>
        public const string ModifiedOn = "modifiedon";
        /// <summary>Business unit of the owner.</summary>
        public const string OwningBusinessUnit = "owningbusinessunit";
        /// <summary>Owning user, when a user owns the record.</summary>
        public const string OwningUser = "owninguser";
        /// <summary>Owning team, when a team owns the record.</summary>
        public const string OwningTeam = "owningteam";
        /// <summary>The owner the last authorised transfer approved (detects changes made outside the guard).</summary>
        public const string ApprovedOwnerId = "kam_approvedownerid";
    }

    /// <summary>account.</summary>
    public static class AccountTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "account";
        /// <summary>Primary key.</summary>
        public const string Id = "accountid";
        /// <summary>Account name.</summary>
        public const string Name = "name";
        /// <summary>Parent account (child accounts cascade on Assign).</summary>
        public const string ParentAccountId = "parentaccountid";
        /// <summary>The key-account flag this product adds.</summary>
        public const string IsKeyAccount = "kam_iskeyaccount";

        /// <summary>statecode values.</summary>
        public static class State
        {
            /// <summary>Active.</summary>
            public const int Active = 0;
            /// <summary>Inactive (deactivated, or merged away).</summary>
            public const int Inactive = 1;
        }
    }

    /// <summary>opportunity.</summary>
    public static class OpportunityTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "opportunity";
        /// <summary>Primary key.</summary>
        public const string Id = "opportunityid";
        /// <summary>Topic.</summary>
        public const string Name = "name";
        /// <summary>Potential customer (account or contact).</summary>
        public const string CustomerId = "customerid";
        /// <summary>Account.</summary>
        public const string ParentAccountId = "parentaccountid";
        /// <summary>Estimated revenue (money).</summary>
        public const string EstimatedValue = "estimatedvalue";
        /// <summary>Estimated close date.</summary>
        public const string EstimatedCloseDate = "estimatedclosedate";
        /// <summary>Actual revenue (money), set on close.</summary>
        public const string ActualValue = "actualvalue";
        /// <summary>Actual close date, set on close.</summary>
        public const string ActualCloseDate = "actualclosedate";
        /// <summary>Probability (whole number, 0–100): a common source of whole-number goal metrics.</summary>
        public const string CloseProbability = "closeprobability";

        /// <summary>statecode values.</summary>
        public static class State
        {
            /// <summary>Open.</summary>
            public const int Open = 0;
            /// <summary>Won.</summary>
            public const int Won = 1;
            /// <summary>Lost.</summary>
            public const int Lost = 2;
        }

        /// <summary>statuscode values.</summary>
        public static class Status
        {
            /// <summary>In Progress (Open).</summary>
            public const int InProgress = 1;
            /// <summary>On Hold (Open).</summary>
            public const int OnHold = 2;
            /// <summary>Won (Won).</summary>
            public const int Won = 3;
            /// <summary>Canceled (Lost).</summary>
            public const int Canceled = 4;
            /// <summary>Out-Sold (Lost).</summary>
            public const int OutSold = 5;
        }
    }

    /// <summary>opportunityclose: the activity Win and Lose create.</summary>
    public static class OpportunityCloseTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "opportunityclose";
        /// <summary>Primary key.</summary>
        public const string Id = "activityid";
        /// <summary>The opportunity closed.</summary>
        public const string OpportunityId = "opportunityid";
        /// <summary>Actual revenue.</summary>
        public const string ActualRevenue = "actualrevenue";
        /// <summary>Actual end (close date).</summary>
        public const string ActualEnd = "actualend";
        /// <summary>Subject.</summary>
        public const string Subject = "subject";
    }

    /// <summary>contact.</summary>
    public static class ContactTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "contact";
        /// <summary>Primary key.</summary>
        public const string Id = "contactid";
        /// <summary>Full name.</summary>
        public const string FullName = "fullname";
    }

    /// <summary>systemuser.</summary>
    public static class SystemUserTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "systemuser";
        /// <summary>Primary key.</summary>
        public const string Id = "systemuserid";
        /// <summary>Full name.</summary>
        public const string FullName = "fullname";
        /// <summary>Manager.</summary>
        public const string ParentSystemUserId = "parentsystemuserid";
        /// <summary>Business unit.</summary>
        public const string BusinessUnitId = "businessunitid";
        /// <summary>Disabled users cannot approve.</summary>
        public const string IsDisabled = "isdisabled";
    }

    /// <summary>team.</summary>
    public static class TeamTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "team";
        /// <summary>Primary key.</summary>
        public const string Id = "teamid";
        /// <summary>Team name.</summary>
        public const string Name = "name";
    }

    /// <summary>teammembership (intersect of team and systemuser).</summary>
    public static class TeamMembershipTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "teammembership";
        /// <summary>Team id.</summary>
        public const string TeamId = "teamid";
        /// <summary>User id.</summary>
        public const string SystemUserId = "systemuserid";
    }

    /// <summary>usersettings: the user's UI language.</summary>
    public static class UserSettingsTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "usersettings";
        /// <summary>Primary key (= systemuserid).</summary>
        public const string SystemUserId = "systemuserid";
        /// <summary>UI language (LCID, e.g. 1033, 2052).</summary>
        public const string UiLanguageId = "uilanguageid";
    }

    /// <summary>environmentvariabledefinition.</summary>
    public static class EnvironmentVariableDefinitionTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "environmentvariabledefinition";
        /// <summary>Primary key.</summary>
        public const string Id = "environmentvariabledefinitionid";
        /// <summary>Schema name (e.g. kam_WinApprovalThreshold).</summary>
        public const string SchemaName = "schemaname";
        /// <summary>Default value.</summary>
        public const string DefaultValue = "defaultvalue";
    }

    /// <summary>environmentvariablevalue.</summary>
    public static class EnvironmentVariableValueTable
    {
        /// <summary>Logical name.</summary>
        public const string LogicalName = "environmentvariablevalue";
        /// <summary>The definition.</summary>
        public const string DefinitionId = "environmentvariabledefinitionid";
        /// <summary>Current value.</summary>
        public const string Value = "value";
    }
}
