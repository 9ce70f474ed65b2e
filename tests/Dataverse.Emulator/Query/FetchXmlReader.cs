using System;
using System.Collections.Generic;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace Dataverse.Emulator.Query
{
    /// <summary>Reads FetchXML into the engine's query form; malformed queries fail with InvalidArgument as Dataverse fails them.</summary>
    internal static class FetchXmlReader
    {
        private static readonly Dictionary<string, ConditionOperator> Operators = new Dictionary<string, ConditionOperator>(StringComparer.Ordinal)
        {
            ["eq"] = ConditionOperator.Equal,
            ["neq"] = ConditionOperator.NotEqual,
            ["ne"] = ConditionOperator.NotEqual,
            ["gt"] = ConditionOperator.GreaterThan,
            ["ge"] = ConditionOperator.GreaterEqual,
            ["lt"] = ConditionOperator.LessThan,
            ["le"] = ConditionOperator.LessEqual,
            ["like"] = ConditionOperator.Like,
            ["not-like"] = ConditionOperator.NotLike,
            ["in"] = ConditionOperator.In,
            ["not-in"] = ConditionOperator.NotIn,
            ["between"] = ConditionOperator.Between,
            ["not-between"] = ConditionOperator.NotBetween,
            ["null"] = ConditionOperator.Null,
            ["not-null"] = ConditionOperator.NotNull,
            ["yesterday"] = ConditionOperator.Yesterday,
            ["today"] = ConditionOperator.Today,
            ["tomorrow"] = ConditionOperator.Tomorrow,
            ["last-seven-days"] = ConditionOperator.Last7Days,
            ["next-seven-days"] = ConditionOperator.Next7Days,
            ["last-week"] = ConditionOperator.LastWeek,
            ["this-week"] = ConditionOperator.ThisWeek,
            ["next-week"] = ConditionOperator.NextWeek,
            ["last-month"] = ConditionOperator.LastMonth,
            ["this-month"] = ConditionOperator.ThisMonth,
            ["next-month"] = ConditionOperator.NextMonth,
            ["on"] = ConditionOperator.On,
            ["on-or-before"] = ConditionOperator.OnOrBefore,
            ["on-or-after"] = ConditionOperator.OnOrAfter,
            ["last-year"] = ConditionOperator.LastYear,
            ["this-year"] = ConditionOperator.ThisYear,
            ["next-year"] = ConditionOperator.NextYear,
            ["last-x-hours"] = ConditionOperator.LastXHours,
            ["next-x-hours"] = ConditionOperator.NextXHours,
            ["last-x-days"] = ConditionOperator.LastXDays,
            ["next-x-days"] = ConditionOperator.NextXDays,
            ["last-x-weeks"] = ConditionOperator.LastXWeeks,
            ["next-x-weeks"] = ConditionOperator.NextXWeeks,
            ["last-x-months"] = ConditionOperator.LastXMonths,
            ["next-x-months"] = ConditionOperator.NextXMonths,
            ["last-x-years"] = ConditionOperator.LastXYears,
            ["next-x-years"] = ConditionOperator.NextXYears,
            ["olderthan-x-minutes"] = ConditionOperator.OlderThanXMinutes,
            ["olderthan-x-hours"] = ConditionOperator.OlderThanXHours,
            ["olderthan-x-days"] = ConditionOperator.OlderThanXDays,
            ["olderthan-x-weeks"] = ConditionOperator.OlderThanXWeeks,
            ["olderthan-x-months"] = ConditionOperator.OlderThanXMonths,
            ["olderthan-x-years"] = ConditionOperator.OlderThanXYears,
            ["eq-userid"] = ConditionOperator.EqualUserId,
            ["ne-userid"] = ConditionOperator.NotEqualUserId,
            ["eq-userteams"] = ConditionOperator.EqualUserTeams,
            ["eq-useroruserteams"] = ConditionOperator.EqualUserOrUserTeams,
            ["eq-useroruserhierarchy"] = ConditionOperator.EqualUserOrUserHierarchy,
            ["eq-useroruserhierarchyandteams"] = ConditionOperator.EqualUserOrUserHierarchyAndTeams,
            ["eq-businessid"] = ConditionOperator.EqualBusinessId,
            ["ne-businessid"] = ConditionOperator.NotEqualBusinessId,
            ["eq-userlanguage"] = ConditionOperator.EqualUserLanguage,
            ["this-fiscal-year"] = ConditionOperator.ThisFiscalYear,
            ["this-fiscal-period"] = ConditionOperator.ThisFiscalPeriod,
            ["next-fiscal-year"] = ConditionOperator.NextFiscalYear,
            ["next-fiscal-period"] = ConditionOperator.NextFiscalPeriod,
            ["last-fiscal-year"] = ConditionOperator.LastFiscalYear,
            ["last-fiscal-period"] = ConditionOperator.LastFiscalPeriod,
            ["last-x-fiscal-years"] = ConditionOperator.LastXFiscalYears,
            ["last-x-fiscal-periods"] = ConditionOperator.LastXFiscalPeriods,
            ["next-x-fiscal-years"] = ConditionOperator.NextXFiscalYears,
            ["next-x-fiscal-periods"] = ConditionOperator.NextXFiscalPeriods,
            ["in-fiscal-year"] = ConditionOperator.InFiscalYear,
            ["in-fiscal-period"] = ConditionOperator.InFiscalPeriod,
            ["in-fiscal-period-and-year"] = ConditionOperator.InFiscalPeriodAndYear,
            ["in-or-before-fiscal-period-and-year"] = ConditionOperator.InOrBeforeFiscalPeriodAndYear,
            ["in-or-after-fiscal-period-and-year"] = ConditionOperator.InOrAfterFiscalPeriodAndYear,
            ["begins-with"] = ConditionOperator.BeginsWith,
            ["not-begin-with"] = ConditionOperator.DoesNotBeginWith,
            ["ends-with"] = ConditionOperator.EndsWith,
            ["not-end-with"] = ConditionOperator.DoesNotEndWith,
            ["under"] = ConditionOperator.Under,
            ["eq-or-under"] = ConditionOperator.UnderOrEqual,
            ["not-under"] = ConditionOperator.NotUnder,
            ["above"] = ConditionOperator.Above,
            ["eq-or-above"] = ConditionOperator.AboveOrEqual,
            ["contain-values"] = ConditionOperator.ContainValues,
            ["not-contain-values"] = ConditionOperator.DoesNotContainValues,
            ["mask"] = ConditionOperator.Mask,
            ["not-mask"] = ConditionOperator.NotMask,
            ["masks-select"] = ConditionOperator.MasksSelect,
        };

        public static QuerySpec Read(string fetchXml)
        {
            if (string.IsNullOrWhiteSpace(fetchXml))
            {
                throw QueryFaults.InvalidArgument("The FetchXML query is empty.");
            }

            XElement fetch;
            try
            {
                fetch = XElement.Parse(fetchXml);
            }
            catch (XmlException exception)
            {
                throw QueryFaults.InvalidArgument("Invalid FetchXML: " + exception.Message);
            }

            if (fetch.Name.LocalName != "fetch")
            {
                throw QueryFaults.InvalidArgument($"The root element of a FetchXML query must be 'fetch', not '{fetch.Name.LocalName}'.");
            }

            var spec = new QuerySpec
            {
                FromFetch = true,
                Distinct = Bool(fetch, "distinct"),
                Aggregate = Bool(fetch, "aggregate"),
                ReturnTotalRecordCount = Bool(fetch, "returntotalrecordcount"),
                PageSize = Int(fetch, "count") ?? 0,
                PageNumber = Int(fetch, "page") ?? 0,
                Top = Int(fetch, "top"),
                PagingCookie = (string)fetch.Attribute("paging-cookie"),
            };

            XElement entity = null;
            foreach (var child in fetch.Elements())
            {
                if (child.Name.LocalName != "entity")
                {
                    throw QueryFaults.InvalidArgument($"The element '{child.Name.LocalName}' is not allowed under 'fetch'.");
                }

                if (entity != null)
                {
                    throw QueryFaults.InvalidArgument("A FetchXML query has exactly one 'entity' element.");
                }

                entity = child;
            }

            if (entity == null)
            {
                throw QueryFaults.InvalidArgument("A FetchXML query needs an 'entity' element.");
            }

            spec.Root = new EntitySpec { EntityName = Required(entity, "name") };
            ReadEntityBody(spec.Root, entity, isRoot: true);
            return spec;
        }

        private static void ReadEntityBody(EntitySpec spec, XElement element, bool isRoot)
        {
            var sawAttribute = false;
            foreach (var child in element.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "attribute":
                        sawAttribute = true;
                        spec.Columns.Add(ReadAttribute(child));
                        break;
                    case "all-attributes":
                        sawAttribute = true;
                        spec.AllColumns = true;
                        break;
                    case "order":
                        spec.Orders.Add(new OrderSpec
                        {
                            Attribute = (string)child.Attribute("attribute"),
                            Alias = (string)child.Attribute("alias"),
                            EntityName = (string)child.Attribute("entityname"),
                            Descending = Bool(child, "descending"),
                        });
                        break;
                    case "filter":
                        var filter = ReadFilter(child, spec);
                        if (spec.Filter.IsEmpty)
                        {
                            spec.Filter = filter;
                        }
                        else
                        {
                            var both = new FilterSpec();
                            both.Filters.Add(spec.Filter);
                            both.Filters.Add(filter);
                            spec.Filter = both;
                        }

                        break;
                    case "link-entity":
                        spec.Links.Add(ReadLink(child, spec, insideFilter: false));
                        break;
                    default:
                        throw QueryFaults.InvalidArgument($"The element '{child.Name.LocalName}' is not allowed under '{element.Name.LocalName}'.");
                }
            }

            // FetchXML: an entity without attribute elements returns all its columns (as all-attributes); a link-entity returns none.
            if (isRoot && !sawAttribute)
            {
                spec.AllColumns = true;
            }
        }

        private static ColumnSpec ReadAttribute(XElement element)
        {
            var column = new ColumnSpec
            {
                Name = Required(element, "name"),
                Alias = (string)element.Attribute("alias"),
                GroupBy = Bool(element, "groupby"),
                Distinct = Bool(element, "distinct"),
            };
            var aggregate = (string)element.Attribute("aggregate");
            if (aggregate != null)
            {
                switch (aggregate)
                {
                    case "count":
                        column.Aggregate = AggregateKind.Count;
                        break;
                    case "countcolumn":
                        column.Aggregate = AggregateKind.CountColumn;
                        break;
                    case "sum":
                        column.Aggregate = AggregateKind.Sum;
                        break;
                    case "avg":
                        column.Aggregate = AggregateKind.Avg;
                        break;
                    case "min":
                        column.Aggregate = AggregateKind.Min;
                        break;
                    case "max":
                        column.Aggregate = AggregateKind.Max;
                        break;
                    default:
                        throw QueryFaults.InvalidArgument($"The aggregate '{aggregate}' is not valid (count, countcolumn, sum, avg, min, max).");
                }
            }

            var grouping = (string)element.Attribute("dategrouping");
            if (grouping != null)
            {
                switch (grouping)
                {
                    case "day":
                        column.DateGrouping = DateGrouping.Day;
                        break;
                    case "week":
                        column.DateGrouping = DateGrouping.Week;
                        break;
                    case "month":
                        column.DateGrouping = DateGrouping.Month;
                        break;
                    case "quarter":
                        column.DateGrouping = DateGrouping.Quarter;
                        break;
                    case "year":
                        column.DateGrouping = DateGrouping.Year;
                        break;
                    case "fiscal-period":
                        column.DateGrouping = DateGrouping.FiscalPeriod;
                        break;
                    case "fiscal-year":
                        column.DateGrouping = DateGrouping.FiscalYear;
                        break;
                    default:
                        throw QueryFaults.InvalidArgument($"The dategrouping '{grouping}' is not valid.");
                }
            }

            return column;
        }

        private static EntitySpec ReadLink(XElement element, EntitySpec parent, bool insideFilter)
        {
            var linkType = (string)element.Attribute("link-type") ?? (insideFilter ? "any" : "inner");
            LinkKind kind;
            switch (linkType)
            {
                case "inner":
                case "natural":
                    kind = LinkKind.Inner;
                    break;
                case "outer":
                    kind = LinkKind.LeftOuter;
                    break;
                case "matchfirstrowusingcrossapply":
                    kind = LinkKind.MatchFirst;
                    break;
                case "in":
                case "exists":
                case "any":
                    kind = LinkKind.Any;
                    break;
                case "not any":
                    kind = LinkKind.NotAny;
                    break;
                case "all":
                case "not all":
                    kind = LinkKind.AllOrNotAll;
                    break;
                default:
                    throw QueryFaults.InvalidArgument($"The link-type '{linkType}' is not valid.");
            }

            if (insideFilter && kind != LinkKind.Any && kind != LinkKind.NotAny && kind != LinkKind.AllOrNotAll)
            {
                throw QueryFaults.InvalidArgument("A link-entity inside a filter must have link-type any, not any, all or not all.");
            }

            var spec = new EntitySpec
            {
                EntityName = Required(element, "name"),
                ExplicitAlias = (string)element.Attribute("alias"),
                ChildAttribute = (string)element.Attribute("from"),
                ParentAttribute = (string)element.Attribute("to"),
                Kind = kind,
                Parent = parent,
            };
            if (string.IsNullOrEmpty(spec.ExplicitAlias))
            {
                spec.ExplicitAlias = null;
            }

            ReadEntityBody(spec, element, isRoot: false);
            return spec;
        }

        private static FilterSpec ReadFilter(XElement element, EntitySpec owner)
        {
            var type = (string)element.Attribute("type") ?? "and";
            if (type != "and" && type != "or")
            {
                throw QueryFaults.InvalidArgument($"The filter type '{type}' is not valid (and, or).");
            }

            var filter = new FilterSpec { IsOr = type == "or" };
            foreach (var child in element.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "condition":
                        filter.Conditions.Add(ReadCondition(child));
                        break;
                    case "filter":
                        filter.Filters.Add(ReadFilter(child, owner));
                        break;
                    case "link-entity":
                        filter.Links.Add(ReadLink(child, owner, insideFilter: true));
                        break;
                    default:
                        throw QueryFaults.InvalidArgument($"The element '{child.Name.LocalName}' is not allowed under 'filter'.");
                }
            }

            return filter;
        }

        private static ConditionSpec ReadCondition(XElement element)
        {
            var operatorText = Required(element, "operator");
            if (!Operators.TryGetValue(operatorText, out var op))
            {
                throw QueryFaults.InvalidArgument($"The condition operator '{operatorText}' is not valid.");
            }

            var condition = new ConditionSpec
            {
                EntityName = (string)element.Attribute("entityname"),
                Attribute = Required(element, "attribute"),
                Operator = op,
                OperatorText = operatorText,
            };
            if (string.IsNullOrEmpty(condition.EntityName))
            {
                condition.EntityName = null;
            }

            var valueOf = (string)element.Attribute("valueof");
            var value = element.Attribute("value");
            if (valueOf != null)
            {
                condition.CompareColumns = true;
                condition.Values.Add(valueOf);
            }
            else if (value != null)
            {
                condition.Values.Add(value.Value);
            }

            foreach (var child in element.Elements())
            {
                if (child.Name.LocalName != "value")
                {
                    throw QueryFaults.InvalidArgument($"The element '{child.Name.LocalName}' is not allowed under 'condition'.");
                }

                condition.Values.Add(child.Value);
            }

            return condition;
        }

        private static string Required(XElement element, string attribute)
        {
            var value = (string)element.Attribute(attribute);
            if (string.IsNullOrEmpty(value))
            {
                throw QueryFaults.InvalidArgument($"The '{element.Name.LocalName}' element requires the '{attribute}' attribute.");
            }

            return value;
        }

        private static bool Bool(XElement element, string attribute)
        {
            var value = (string)element.Attribute(attribute);
            if (value == null)
            {
                return false;
            }

            switch (value.Trim().ToLowerInvariant())
            {
                case "true":
                case "1":
                    return true;
                case "false":
                case "0":
                    return false;
                default:
                    throw QueryFaults.InvalidArgument($"The '{attribute}' attribute must be true or false, not '{value}'.");
            }
        }

        private static int? Int(XElement element, string attribute)
        {
            var value = (string)element.Attribute(attribute);
            if (value == null)
            {
                return null;
            }

            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                throw QueryFaults.InvalidArgument($"The '{attribute}' attribute must be a whole number, not '{value}'.");
            }

            return number;
        }
    }
}
