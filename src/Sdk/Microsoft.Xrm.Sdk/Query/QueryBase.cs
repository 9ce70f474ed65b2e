using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>The base of the query types RetrieveMultiple accepts.</summary>
    public abstract class QueryBase : IExtensibleDataObject
    {
        protected QueryBase()
        {
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>A FetchXML query.</summary>
    public sealed class FetchExpression : QueryBase
    {
        public FetchExpression()
        {
        }

        public FetchExpression(string query)
        {
            Query = query;
        }

        public string Query { get; set; }
    }

    /// <summary>Paging of a query: page size, page number and paging cookie.</summary>
    public sealed class PagingInfo : IExtensibleDataObject
    {
        public int PageNumber { get; set; }

        public int Count { get; set; }

        public string PagingCookie { get; set; }

        public bool ReturnTotalRecordCount { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>A sort order on a column.</summary>
    public sealed class OrderExpression : IExtensibleDataObject
    {
        public OrderExpression()
        {
        }

        public OrderExpression(string attributeName, OrderType orderType)
        {
            AttributeName = attributeName;
            OrderType = orderType;
        }

        public OrderExpression(string attributeName, OrderType orderType, string alias)
            : this(attributeName, orderType)
        {
            Alias = alias;
        }

        public OrderExpression(string attributeName, OrderType orderType, string alias, string entityName)
            : this(attributeName, orderType, alias)
        {
            EntityName = entityName;
        }

        public string AttributeName { get; set; }

        public string Alias { get; set; }

        public string EntityName { get; set; }

        public OrderType OrderType { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
