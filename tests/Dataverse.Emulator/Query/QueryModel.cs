using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;

namespace Dataverse.Emulator.Query
{
    /// <summary>How a linked table takes part in the query.</summary>
    internal enum LinkKind
    {
        /// <summary>Inner join (also Natural).</summary>
        Inner,

        /// <summary>Left outer join.</summary>
        LeftOuter,

        /// <summary>Inner join keeping only the first matching row (MatchFirstRowUsingCrossApply).</summary>
        MatchFirst,

        /// <summary>Semi-join: the parent row is kept when a related row passes the link's filter (In, Exists, Any).</summary>
        Any,

        /// <summary>Anti-join: the parent row is kept when no related row passes the link's filter (NotAny).</summary>
        NotAny,

        /// <summary>All / NotAll: not emulated.</summary>
        AllOrNotAll,
    }

    /// <summary>The aggregate function of an aggregate column.</summary>
    internal enum AggregateKind
    {
        None,
        Count,
        CountColumn,
        Sum,
        Avg,
        Min,
        Max,
    }

    /// <summary>Date grouping of a group-by column.</summary>
    internal enum DateGrouping
    {
        None,
        Day,
        Week,
        Month,
        Quarter,
        Year,
        FiscalPeriod,
        FiscalYear,
    }

    /// <summary>One selected column (FetchXML attribute, a ColumnSet column, or an aggregate expression).</summary>
    internal sealed class ColumnSpec
    {
        public string Name;
        public string Alias;
        public AggregateKind Aggregate;
        public bool GroupBy;
        public DateGrouping DateGrouping;
        public bool Distinct;
    }

    /// <summary>An order: on a column of a table of the query, or (aggregates) on an alias.</summary>
    internal sealed class OrderSpec
    {
        public string Attribute;
        public string Alias;
        public string EntityName;
        public bool Descending;
    }

    /// <summary>A condition as written, before it is bound to the tables of the query.</summary>
    internal sealed class ConditionSpec
    {
        public string EntityName;
        public string Attribute;
        public ConditionOperator Operator;
        public string OperatorText;
        public List<object> Values = new List<object>();
        public bool CompareColumns;
    }

    /// <summary>A filter: conditions, sub-filters and (FetchXML any/not any) link-entities combined with and/or.</summary>
    internal sealed class FilterSpec
    {
        public bool IsOr;
        public List<ConditionSpec> Conditions = new List<ConditionSpec>();
        public List<FilterSpec> Filters = new List<FilterSpec>();
        public List<EntitySpec> Links = new List<EntitySpec>();

        public bool IsEmpty => Conditions.Count == 0 && Filters.Count == 0 && Links.Count == 0;
    }

    /// <summary>The queried table or a linked one.</summary>
    internal sealed class EntitySpec
    {
        public string EntityName;
        public string ExplicitAlias;

        /// <summary>The column of the parent this link matches (QueryExpression LinkFromAttributeName, FetchXML to).</summary>
        public string ParentAttribute;

        /// <summary>The column of this table matched (QueryExpression LinkToAttributeName, FetchXML from).</summary>
        public string ChildAttribute;

        public LinkKind Kind;
        public bool AllColumns;
        public List<ColumnSpec> Columns = new List<ColumnSpec>();
        public FilterSpec Filter = new FilterSpec();
        public List<EntitySpec> Links = new List<EntitySpec>();
        public List<OrderSpec> Orders = new List<OrderSpec>();
        public EntitySpec Parent;
    }

    /// <summary>A query in one form, whichever of QueryExpression, QueryByAttribute or FetchXML it came from.</summary>
    internal sealed class QuerySpec
    {
        public EntitySpec Root;
        public bool Distinct;
        public int? Top;
        public int PageSize;
        public int PageNumber;
        public string PagingCookie;
        public bool ReturnTotalRecordCount;
        public bool Aggregate;

        /// <summary>True for FetchXML, where an alias on a plain attribute renames it.</summary>
        public bool FromFetch;
    }
}
