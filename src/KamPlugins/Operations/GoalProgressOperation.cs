using System;
using System.Linq;
using KamPlugins.Goals;
using KamPlugins.Goals.Data;
using KamPlugins.Goals.Definitions;
using KamPlugins.Model;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;

namespace KamPlugins.Operations
{
    /// <summary>A goal's progress in the goal's own unit (money, decimal or whole number, all as decimal). Immutable.</summary>
    internal sealed class GoalProgressResult
    {
        /// <summary>Creates the result.</summary>
        internal GoalProgressResult(decimal actual, decimal inProgress, decimal target, decimal percentage, decimal todaysTarget)
        {
            Actual = actual;
            InProgress = inProgress;
            Target = target;
            Percentage = percentage;
            TodaysTarget = todaysTarget;
        }

        /// <summary>Actual (0 while no record counts).</summary>
        internal decimal Actual { get; }

        /// <summary>In progress (0 while no record counts).</summary>
        internal decimal InProgress { get; }

        /// <summary>Target (0 when none is set).</summary>
        internal decimal Target { get; }

        /// <summary>Actual ÷ target × 100 (0 without a positive target).</summary>
        internal decimal Percentage { get; }

        /// <summary>The target prorated to the operation's day over the goal period.</summary>
        internal decimal TodaysTarget { get; }
    }

    /// <summary>
    /// Get goal progress: reads the goal as the initiating user (a goal they may not see is refused as
    /// "does not exist or no permission") and its metric's data type, and reports the values the goal
    /// engine keeps true in real time, with the percentage and today's target computed at the
    /// operation's time. A closed goal's final values are reported too (reading is not recalculating).
    /// </summary>
    internal static class GoalProgressOperation
    {
        /// <summary>Argument name: the goal.</summary>
        internal const string GoalArgument = "Goal";

        /// <summary>Runs the operation (1 RetrieveMultiple as the initiating user, 1 RetrieveMultiple of the metric as SYSTEM).</summary>
        internal static GoalProgressResult Execute(AutomationContext context, EntityReference goal)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            var row = GoalInputs.ReadVisibleGoal(context, goal, GoalArgument, ProgressColumns());
            var type = GoalInputs.ColumnTypeOf(context, row);

            var values = GoalRowReader.ValuesOf(row);
            decimal? Value(string column) => values.TryGetValue(column, out var value) ? value : null;
            var actual = Value(GoalColumns.Value(ContributionBucket.Actual, type));
            var inProgress = Value(GoalColumns.Value(ContributionBucket.InProgress, type));
            var target = Value(GoalColumns.Target(type));
            var today = GoalProgressRules.TodaysTarget(
                target,
                row.GetAttributeValue<DateTime?>(GoalTable.GoalStartDate),
                row.GetAttributeValue<DateTime?>(GoalTable.GoalEndDate),
                context.Clock.UtcNow,
                type == GoalAmountDataType.Integer);
            return new GoalProgressResult(
                actual ?? 0m,
                inProgress ?? 0m,
                target ?? 0m,
                GoalValueRule.Percentage(actual, target) ?? 0m,
                today ?? 0m);
        }

        private static string[] ProgressColumns()
        {
            var columns = new System.Collections.Generic.List<string>
            {
                GoalTable.Title, GoalTable.MetricId, GoalTable.GoalStartDate, GoalTable.GoalEndDate,
            };
            foreach (var type in GoalColumns.DataTypes)
            {
                columns.Add(GoalColumns.Target(type));
                columns.Add(GoalColumns.Value(ContributionBucket.Actual, type));
                columns.Add(GoalColumns.Value(ContributionBucket.InProgress, type));
            }
            return columns.ToArray();
        }
    }

    /// <summary>Argument checks and reads shared by the goal operations.</summary>
    internal static class GoalInputs
    {
        /// <summary>The goal row as the initiating user sees it; refuses a missing argument, another table, and a goal that does not exist or is hidden.</summary>
        internal static Entity ReadVisibleGoal(AutomationContext context, EntityReference goal, string argumentName, params string[] columns)
        {
            OperationInputs.Required(goal, argumentName);
            if (goal.LogicalName != GoalTable.LogicalName)
                throw new KamException(OperationTexts.NotAGoal.Format(goal.LogicalName));
            return OperationInputs.ReadVisible(context, goal, columns);
        }

        /// <summary>
        /// The column family the goal engine keeps for the goal's metric (1 RetrieveMultiple as SYSTEM:
        /// metrics are configuration): a count metric uses the whole-number columns, an amount metric
        /// those of its amount data type. A goal without a metric the engine understands reads as money.
        /// </summary>
        internal static GoalAmountDataType ColumnTypeOf(AutomationContext context, Entity goal)
        {
            var metric = goal.GetAttributeValue<EntityReference>(GoalTable.MetricId);
            if (metric == null) return GoalAmountDataType.Money;
            var definition = GoalConfigurationReader.MetricsByIds(context.SystemService, new[] { metric.Id }).FirstOrDefault();
            return definition?.ColumnType ?? GoalAmountDataType.Money;
        }
    }
}
