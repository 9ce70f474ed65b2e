namespace KamPlugins.Model
{
    /// <summary>
    /// The environment variables the solution ships, by schema name, with the defaults the code falls
    /// back to when a value is missing or not a valid value (the solution's default values are the
    /// same; a test checks it).
    /// </summary>
    public static class EnvironmentVariables
    {
        /// <summary>Opportunity value (estimated or actual) from which a Win needs approval.</summary>
        public const string WinApprovalThreshold = "kam_WinApprovalThreshold";
        /// <summary>Default of <see cref="WinApprovalThreshold"/>.</summary>
        public const decimal DefaultWinApprovalThreshold = 1000000m;

        /// <summary>Opportunity value from which a Lose needs a verified loss (key accounts always do).</summary>
        public const string LossVerificationThreshold = "kam_LossVerificationThreshold";
        /// <summary>Default of <see cref="LossVerificationThreshold"/>.</summary>
        public const decimal DefaultLossVerificationThreshold = 500000m;

        /// <summary>Amount from which a request needs a second level (the approver's manager).</summary>
        public const string SecondLevelThreshold = "kam_SecondLevelThreshold";
        /// <summary>Default of <see cref="SecondLevelThreshold"/>.</summary>
        public const decimal DefaultSecondLevelThreshold = 5000000m;

        /// <summary>Amount from which a request needs a third level.</summary>
        public const string ThirdLevelThreshold = "kam_ThirdLevelThreshold";
        /// <summary>Default of <see cref="ThirdLevelThreshold"/>.</summary>
        public const decimal DefaultThirdLevelThreshold = 20000000m;

        /// <summary>Estimated value from which an opportunity is ownership-locked even if its customer is not a key account.</summary>
        public const string OpportunityLockThreshold = "kam_OpportunityLockThreshold";
        /// <summary>Default of <see cref="OpportunityLockThreshold"/>.</summary>
        public const decimal DefaultOpportunityLockThreshold = 1000000m;

        /// <summary>Days an approval request stays valid after submission.</summary>
        public const string ApprovalExpiryDays = "kam_ApprovalExpiryDays";
        /// <summary>Default of <see cref="ApprovalExpiryDays"/>.</summary>
        public const int DefaultApprovalExpiryDays = 14;

        /// <summary>Name of the team whose members are KAM administrators (and approve when a chain runs out).</summary>
        public const string KamAdministratorsTeam = "kam_KamAdministratorsTeam";
        /// <summary>Default of <see cref="KamAdministratorsTeam"/>.</summary>
        public const string DefaultKamAdministratorsTeam = "KAM Administrators";
    }
}
