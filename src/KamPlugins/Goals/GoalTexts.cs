using KamPlugins.Platform.Localization;

namespace KamPlugins.Goals
{
    /// <summary>Messages of the goal engine, in English and Simplified Chinese.</summary>
    internal static class GoalTexts
    {
        internal static readonly LocalizedText InvalidRollupQuery = new LocalizedText(
            "The goal rollup query {0} is not a valid FetchXML query on one table, so goal progress cannot be kept true. Ask your administrator to correct the rollup query; nothing was saved.",
            "目标汇总查询 {0} 不是针对单个表的有效 FetchXML 查询，无法保证目标进度准确。请联系管理员更正该汇总查询；未保存任何内容。");

        internal static readonly LocalizedText AmountNotNumeric = new LocalizedText(
            "The goal metric's source column {0}.{1} does not hold a number, so goal progress cannot be computed. Ask your administrator to correct the metric's rollup field; nothing was saved.",
            "目标度量的源列 {0}.{1} 不是数值，无法计算目标进度。请联系管理员更正该度量的汇总字段；未保存任何内容。");

        internal static readonly LocalizedText GoalNotFound = new LocalizedText(
            "The goal {0} does not exist.",
            "目标 {0} 不存在。");

        internal static readonly LocalizedText PartitionTooLarge = new LocalizedText(
            "Goal {0} cannot be recalculated: more than {1} of its records share the same date and creation time, which the platform cannot add up in one query.",
            "无法重新计算目标 {0}：其中超过 {1} 条记录的日期和创建时间完全相同，平台无法在一次查询中汇总。");

        internal static readonly LocalizedText GoalCycle = new LocalizedText(
            "Goal {0} is its own ancestor (the parent goals form a loop). Ask your administrator to correct the goal hierarchy.",
            "目标 {0} 是其自身的上级目标（上级目标形成循环）。请联系管理员更正目标层级。");
    }
}
