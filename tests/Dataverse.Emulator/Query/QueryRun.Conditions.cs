using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk.Query;

namespace Dataverse.Emulator.Query
{
    internal sealed partial class QueryRun
    {
        /// <summary>Compiles one condition into a predicate, checking its column and its number of values.</summary>
        private RowPredicate CompileCondition(ConditionSpec condition, BoundEntity owner)
        {
            var entity = Resolve(condition.EntityName, owner);
            var column = Column(entity, condition.Attribute);
            var values = condition.Values;
            var name = condition.OperatorText ?? condition.Operator.ToString();

            if (condition.CompareColumns)
            {
                return CompileColumnComparison(condition, entity, column, name);
            }

            switch (condition.Operator)
            {
                case ConditionOperator.Equal:
                    return Compare(column, Comparison.Equal, condition, name);
                case ConditionOperator.NotEqual:
                    return Compare(column, Comparison.NotEqual, condition, name);
                case ConditionOperator.GreaterThan:
                    return Compare(column, Comparison.GreaterThan, condition, name);
                case ConditionOperator.GreaterEqual:
                    return Compare(column, Comparison.GreaterEqual, condition, name);
                case ConditionOperator.LessThan:
                    return Compare(column, Comparison.LessThan, condition, name);
                case ConditionOperator.LessEqual:
                    return Compare(column, Comparison.LessEqual, condition, name);

                case ConditionOperator.Like:
                    return Like(column, condition, name, "{0}", negate: false);
                case ConditionOperator.NotLike:
                    return Like(column, condition, name, "{0}", negate: true);
                case ConditionOperator.BeginsWith:
                    return Like(column, condition, name, "{0}%", negate: false);
                case ConditionOperator.DoesNotBeginWith:
                    return Like(column, condition, name, "{0}%", negate: true);
                case ConditionOperator.EndsWith:
                    return Like(column, condition, name, "%{0}", negate: false);
                case ConditionOperator.DoesNotEndWith:
                    return Like(column, condition, name, "%{0}", negate: true);
                case ConditionOperator.Contains:
                    return Like(column, condition, name, "%{0}%", negate: false);
                case ConditionOperator.DoesNotContain:
                    return Like(column, condition, name, "%{0}%", negate: true);

                case ConditionOperator.In:
                case ConditionOperator.NotIn:
                    ExpectAtLeastOne(column, condition, name);
                    return new InPredicate(column, Operands(values), condition.Operator == ConditionOperator.NotIn);

                case ConditionOperator.Between:
                case ConditionOperator.NotBetween:
                    Expect(column, condition, name, 2);
                    return new BetweenPredicate(column, new Operand(values[0]), new Operand(values[1]), condition.Operator == ConditionOperator.NotBetween);

                case ConditionOperator.Null:
                    return new NullPredicate(column, isNull: true);
                case ConditionOperator.NotNull:
                    return new NullPredicate(column, isNull: false);

                case ConditionOperator.EqualUserId:
                case ConditionOperator.NotEqualUserId:
                    return new IdSetPredicate(column, new HashSet<Guid> { context.CallerId }, condition.Operator == ConditionOperator.NotEqualUserId);
                case ConditionOperator.EqualUserTeams:
                    return new IdSetPredicate(column, new HashSet<Guid>(context.CallerTeamIds), negate: false);
                case ConditionOperator.EqualUserOrUserTeams:
                    var ids = new HashSet<Guid>(context.CallerTeamIds) { context.CallerId };
                    return new IdSetPredicate(column, ids, negate: false);

                case ConditionOperator.ContainValues:
                case ConditionOperator.DoesNotContainValues:
                    ExpectAtLeastOne(column, condition, name);
                    var options = new HashSet<int>();
                    foreach (var operand in Operands(values))
                    {
                        if (!operand.TryGetInt(out var option))
                        {
                            throw QueryFaults.WrongValueType(column.EntityName, column.Name, "Int32", operand.DescribeType());
                        }

                        options.Add(option);
                    }

                    return new ContainValuesPredicate(column, options, condition.Operator == ConditionOperator.DoesNotContainValues);

                case ConditionOperator.ThisFiscalYear:
                case ConditionOperator.ThisFiscalPeriod:
                case ConditionOperator.NextFiscalYear:
                case ConditionOperator.NextFiscalPeriod:
                case ConditionOperator.LastFiscalYear:
                case ConditionOperator.LastFiscalPeriod:
                case ConditionOperator.LastXFiscalYears:
                case ConditionOperator.LastXFiscalPeriods:
                case ConditionOperator.NextXFiscalYears:
                case ConditionOperator.NextXFiscalPeriods:
                case ConditionOperator.InFiscalYear:
                case ConditionOperator.InFiscalPeriod:
                case ConditionOperator.InFiscalPeriodAndYear:
                case ConditionOperator.InOrBeforeFiscalPeriodAndYear:
                case ConditionOperator.InOrAfterFiscalPeriodAndYear:
                    throw QueryFaults.NotEmulated($"the condition operator {condition.Operator}", "the emulator has no fiscal calendar (organisation fiscal year settings)");

                case ConditionOperator.EqualBusinessId:
                case ConditionOperator.NotEqualBusinessId:
                    throw QueryFaults.NotEmulated($"the condition operator {condition.Operator}", "the query context carries no business unit of the caller");
                case ConditionOperator.EqualUserLanguage:
                    throw QueryFaults.NotEmulated($"the condition operator {condition.Operator}", "the query context carries no user language");
                case ConditionOperator.Under:
                case ConditionOperator.NotUnder:
                case ConditionOperator.UnderOrEqual:
                case ConditionOperator.Above:
                case ConditionOperator.AboveOrEqual:
                case ConditionOperator.EqualUserOrUserHierarchy:
                case ConditionOperator.EqualUserOrUserHierarchyAndTeams:
                case ConditionOperator.ChildOf:
                    throw QueryFaults.NotEmulated($"the condition operator {condition.Operator}", "the source exposes no hierarchical relationships");
                case ConditionOperator.Mask:
                case ConditionOperator.NotMask:
                case ConditionOperator.MasksSelect:
                    throw QueryFaults.NotEmulated($"the condition operator {condition.Operator}", "bit-mask operators are internal to Dataverse system tables");

                default:
                    return CompileDateCondition(column, condition, name);
            }
        }

        private RowPredicate CompileColumnComparison(ConditionSpec condition, BoundEntity entity, ColumnRef column, string name)
        {
            Comparison comparison;
            switch (condition.Operator)
            {
                case ConditionOperator.Equal:
                    comparison = Comparison.Equal;
                    break;
                case ConditionOperator.NotEqual:
                    comparison = Comparison.NotEqual;
                    break;
                case ConditionOperator.GreaterThan:
                    comparison = Comparison.GreaterThan;
                    break;
                case ConditionOperator.GreaterEqual:
                    comparison = Comparison.GreaterEqual;
                    break;
                case ConditionOperator.LessThan:
                    comparison = Comparison.LessThan;
                    break;
                case ConditionOperator.LessEqual:
                    comparison = Comparison.LessEqual;
                    break;
                default:
                    throw QueryFaults.InvalidArgument(
                        $"Column comparison supports only the operators eq, ne, gt, ge, lt and le, not '{name}'.");
            }

            if (condition.Values.Count != 1 || !(condition.Values[0] is string other) || other.Length == 0)
            {
                throw QueryFaults.InvalidArgument(
                    $"A column comparison on '{column.EntityName}.{column.Name}' needs exactly one value: the name of the other column.");
            }

            var otherEntity = entity;
            var dot = other.IndexOf('.');
            if (dot > 0)
            {
                otherEntity = Resolve(other.Substring(0, dot), entity);
                other = other.Substring(dot + 1);
            }

            return new ColumnComparePredicate(column, comparison, Column(otherEntity, other));
        }

        private static RowPredicate Compare(ColumnRef column, Comparison comparison, ConditionSpec condition, string name)
        {
            Expect(column, condition, name, 1);
            return new ComparePredicate(column, comparison, new Operand(condition.Values[0]));
        }

        private static RowPredicate Like(ColumnRef column, ConditionSpec condition, string name, string shape, bool negate)
        {
            Expect(column, condition, name, 1);
            var value = condition.Values[0];
            var text = value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            var pattern = string.Format(CultureInfo.InvariantCulture, shape, text);
            return new LikePredicate(column, new LikePattern(pattern), negate);
        }

        /// <summary>
        /// The date operators, as ranges [from, to) in UTC (the emulator's users are all in UTC; weeks start on Sunday).
        /// Last X …: from the start of the day X units ago up to now. Next X …: from now to the end of the day X units
        /// ahead. Older than X minutes/hours: before now minus X; older than X days/weeks/months/years: before the start
        /// of today minus X.
        /// </summary>
        private RowPredicate CompileDateCondition(ColumnRef column, ConditionSpec condition, string name)
        {
            var now = Dates.ToUtc(context.UtcNow);
            var today = now.Date;
            var justAfterNow = now.AddTicks(1);
            DateTime? from = null;
            DateTime? to = null;
            var negate = false;
            switch (condition.Operator)
            {
                case ConditionOperator.On:
                case ConditionOperator.NotOn:
                    var day = DateValue(column, condition, name).Date;
                    from = day;
                    to = day.AddDays(1);
                    negate = condition.Operator == ConditionOperator.NotOn;
                    break;
                case ConditionOperator.OnOrBefore:
                    to = DateValue(column, condition, name).Date.AddDays(1);
                    break;
                case ConditionOperator.OnOrAfter:
                    from = DateValue(column, condition, name).Date;
                    break;
                case ConditionOperator.Today:
                    from = today;
                    to = today.AddDays(1);
                    break;
                case ConditionOperator.Yesterday:
                    from = today.AddDays(-1);
                    to = today;
                    break;
                case ConditionOperator.Tomorrow:
                    from = today.AddDays(1);
                    to = today.AddDays(2);
                    break;
                case ConditionOperator.Last7Days:
                    from = today.AddDays(-7);
                    to = justAfterNow;
                    break;
                case ConditionOperator.Next7Days:
                    from = now;
                    to = today.AddDays(8);
                    break;
                case ConditionOperator.ThisWeek:
                case ConditionOperator.LastWeek:
                case ConditionOperator.NextWeek:
                    var week = Dates.StartOfWeek(today).AddDays(condition.Operator == ConditionOperator.LastWeek ? -7 : condition.Operator == ConditionOperator.NextWeek ? 7 : 0);
                    from = week;
                    to = week.AddDays(7);
                    break;
                case ConditionOperator.ThisMonth:
                case ConditionOperator.LastMonth:
                case ConditionOperator.NextMonth:
                    var month = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc)
                        .AddMonths(condition.Operator == ConditionOperator.LastMonth ? -1 : condition.Operator == ConditionOperator.NextMonth ? 1 : 0);
                    from = month;
                    to = month.AddMonths(1);
                    break;
                case ConditionOperator.ThisYear:
                case ConditionOperator.LastYear:
                case ConditionOperator.NextYear:
                    var year = new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc)
                        .AddYears(condition.Operator == ConditionOperator.LastYear ? -1 : condition.Operator == ConditionOperator.NextYear ? 1 : 0);
                    from = year;
                    to = year.AddYears(1);
                    break;
                case ConditionOperator.LastXHours:
                    from = now.AddHours(-CountValue(column, condition, name));
                    to = justAfterNow;
                    break;
                case ConditionOperator.NextXHours:
                    from = now;
                    to = now.AddHours(CountValue(column, condition, name)).AddTicks(1);
                    break;
                case ConditionOperator.LastXDays:
                    from = today.AddDays(-CountValue(column, condition, name));
                    to = justAfterNow;
                    break;
                case ConditionOperator.NextXDays:
                    from = now;
                    to = today.AddDays(CountValue(column, condition, name) + 1);
                    break;
                case ConditionOperator.LastXWeeks:
                    from = today.AddDays(-7 * CountValue(column, condition, name));
                    to = justAfterNow;
                    break;
                case ConditionOperator.NextXWeeks:
                    from = now;
                    to = today.AddDays((7 * CountValue(column, condition, name)) + 1);
                    break;
                case ConditionOperator.LastXMonths:
                    from = today.AddMonths(-CountValue(column, condition, name));
                    to = justAfterNow;
                    break;
                case ConditionOperator.NextXMonths:
                    from = now;
                    to = today.AddMonths(CountValue(column, condition, name)).AddDays(1);
                    break;
                case ConditionOperator.LastXYears:
                    from = today.AddYears(-CountValue(column, condition, name));
                    to = justAfterNow;
                    break;
                case ConditionOperator.NextXYears:
                    from = now;
                    to = today.AddYears(CountValue(column, condition, name)).AddDays(1);
                    break;
                case ConditionOperator.OlderThanXMinutes:
                    to = now.AddMinutes(-CountValue(column, condition, name));
                    break;
                case ConditionOperator.OlderThanXHours:
                    to = now.AddHours(-CountValue(column, condition, name));
                    break;
                case ConditionOperator.OlderThanXDays:
                    to = today.AddDays(-CountValue(column, condition, name));
                    break;
                case ConditionOperator.OlderThanXWeeks:
                    to = today.AddDays(-7 * CountValue(column, condition, name));
                    break;
                case ConditionOperator.OlderThanXMonths:
                    to = today.AddMonths(-CountValue(column, condition, name));
                    break;
                case ConditionOperator.OlderThanXYears:
                    to = today.AddYears(-CountValue(column, condition, name));
                    break;
                default:
                    throw QueryFaults.InvalidArgument($"The condition operator {(int)condition.Operator} is not valid.");
            }

            return new DateRangePredicate(column, from, to, negate);
        }

        private static DateTime DateValue(ColumnRef column, ConditionSpec condition, string name)
        {
            Expect(column, condition, name, 1);
            var operand = new Operand(condition.Values[0]);
            if (!operand.TryGetDate(out var value))
            {
                throw QueryFaults.WrongValueType(column.EntityName, column.Name, "DateTime", operand.DescribeType());
            }

            return value;
        }

        private static int CountValue(ColumnRef column, ConditionSpec condition, string name)
        {
            Expect(column, condition, name, 1);
            var operand = new Operand(condition.Values[0]);
            if (!operand.TryGetInt(out var value))
            {
                throw QueryFaults.WrongValueType(column.EntityName, column.Name, "Int32", operand.DescribeType());
            }

            return value;
        }

        private static void Expect(ColumnRef column, ConditionSpec condition, string name, int count)
        {
            if (condition.Values.Count != count)
            {
                throw QueryFaults.WrongValueCount(column.EntityName, column.Name, name, count.ToString(CultureInfo.InvariantCulture), condition.Values.Count);
            }
        }

        private static void ExpectAtLeastOne(ColumnRef column, ConditionSpec condition, string name)
        {
            if (condition.Values.Count == 0)
            {
                throw QueryFaults.WrongValueCount(column.EntityName, column.Name, name, "at least 1", 0);
            }
        }

        private static Operand[] Operands(List<object> values)
        {
            var operands = new Operand[values.Count];
            for (var i = 0; i < values.Count; i++)
            {
                operands[i] = new Operand(values[i]);
            }

            return operands;
        }
    }
}
