using KamPlugins.Goals;
using KamPlugins.Goals.Definitions;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Plugins
{
    /// <summary>
    /// Keeps a kept goal's percentage true when a manager changes its target: the percentage is
    /// written into the same save (no service call). Goals the engine does not keep (not
    /// isoverridden) are left to the built-in rollup.
    /// </summary>
    [PluginStep(MessageNames.Update, GoalTable.LogicalName, PipelineStage.PreOperation, Rank = 100,
        FilteringAttributes = new[] { GoalTable.TargetMoney, GoalTable.TargetDecimal, GoalTable.TargetInteger },
        PreImage = new[]
        {
            GoalTable.TargetMoney, GoalTable.TargetDecimal, GoalTable.TargetInteger,
            GoalTable.ActualMoney, GoalTable.ActualDecimal, GoalTable.ActualInteger, GoalTable.IsOverridden,
        },
        Description = "Goals: percentage of a changed target")]
    public sealed class GoalTargetPlugin : PluginBase
    {
        /// <summary>Creates the plugin (the platform passes the step's configuration strings).</summary>
        public GoalTargetPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

        /// <inheritdoc />
        protected override void ExecuteCore(LocalPluginContext context)
        {
            var target = context.Target;
            var goal = context.TargetCoalescedWithPreImage();
            if (target == null || goal.GetAttributeValue<bool?>(GoalTable.IsOverridden) != true) return;
            foreach (var type in GoalColumns.DataTypes)
            {
                // The data type whose target this save sets is the goal's.
                if (!target.Attributes.ContainsKey(GoalColumns.Target(type))) continue;
                var actual = Number(goal, GoalColumns.Value(ContributionBucket.Actual, type));
                target[GoalTable.Percentage] = GoalValueRule.Percentage(actual, Number(goal, GoalColumns.Target(type)));
                target[GoalTable.IsOverride] = true;
                context.Trace("goals: percentage {0} for target {1}", target[GoalTable.Percentage], GoalColumns.Target(type));
                return;
            }
        }

        private static decimal? Number(Entity row, string column)
        {
            switch (row.Attributes.TryGetValue(column, out var value) ? value : null)
            {
                case Money money: return money.Value;
                case decimal number: return number;
                case int number: return number;
                default: return null;
            }
        }
    }
}
