using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>The columns a query or Retrieve returns: all of them, or the listed ones.</summary>
    public sealed class ColumnSet : IExtensibleDataObject
    {
        private DataCollection<string> columns;
        private DataCollection<XrmAttributeExpression> attributeExpressions;

        public ColumnSet()
        {
        }

        public ColumnSet(bool allColumns)
        {
            AllColumns = allColumns;
        }

        public ColumnSet(params string[] columns)
        {
            Columns.AddRange(columns);
        }

        public bool AllColumns { get; set; }

        public DataCollection<string> Columns
        {
            get { return columns ?? (columns = new DataCollection<string>()); }
        }

        public DataCollection<XrmAttributeExpression> AttributeExpressions
        {
            get { return attributeExpressions ?? (attributeExpressions = new DataCollection<XrmAttributeExpression>()); }
        }

        public ExtensionDataObject ExtensionData { get; set; }

        public void AddColumn(string column)
        {
            Columns.Add(column);
        }

        public void AddColumns(params string[] columns)
        {
            Columns.AddRange(columns);
        }
    }

    /// <summary>A column with an aggregate or grouping (aggregate queries).</summary>
    public sealed class XrmAttributeExpression : IExtensibleDataObject
    {
        public XrmAttributeExpression()
        {
        }

        public XrmAttributeExpression(string attributeName)
        {
            AttributeName = attributeName;
        }

        public XrmAttributeExpression(string attributeName, XrmAggregateType aggregateType)
            : this(attributeName)
        {
            AggregateType = aggregateType;
        }

        public XrmAttributeExpression(string attributeName, XrmAggregateType aggregateType, string alias)
            : this(attributeName, aggregateType)
        {
            Alias = alias;
        }

        public XrmAttributeExpression(string attributeName, XrmAggregateType aggregateType, string alias, XrmDateTimeGrouping dateTimeGrouping)
            : this(attributeName, aggregateType, alias)
        {
            DateTimeGrouping = dateTimeGrouping;
        }

        public string AttributeName { get; set; }

        public XrmAggregateType AggregateType { get; set; }

        public string Alias { get; set; }

        public XrmDateTimeGrouping DateTimeGrouping { get; set; }

        public bool HasGroupBy { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
