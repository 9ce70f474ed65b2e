namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>A query built from objects: table, columns, criteria, joins, orders and paging.</summary>
    public sealed class QueryExpression : QueryBase
    {
        private ColumnSet columnSet;
        private FilterExpression criteria;
        private PagingInfo pageInfo;
        private DataCollection<LinkEntity> linkEntities;
        private DataCollection<OrderExpression> orders;

        public QueryExpression()
        {
        }

        public QueryExpression(string entityName)
        {
            EntityName = entityName;
        }

        public string EntityName { get; set; }

        public ColumnSet ColumnSet
        {
            get { return columnSet ?? (columnSet = new ColumnSet()); }
            set { columnSet = value; }
        }

        public FilterExpression Criteria
        {
            get { return criteria ?? (criteria = new FilterExpression()); }
            set { criteria = value; }
        }

        public PagingInfo PageInfo
        {
            get { return pageInfo ?? (pageInfo = new PagingInfo()); }
            set { pageInfo = value; }
        }

        public DataCollection<LinkEntity> LinkEntities
        {
            get { return linkEntities ?? (linkEntities = new DataCollection<LinkEntity>()); }
        }

        public DataCollection<OrderExpression> Orders
        {
            get { return orders ?? (orders = new DataCollection<OrderExpression>()); }
        }

        public bool Distinct { get; set; }

        public bool NoLock { get; set; }

        public int? TopCount { get; set; }

        public string QueryHints { get; set; }

        public QueryExpression SubQueryExpression { get; set; }

        /// <summary>Adds an inner join from the queried table.</summary>
        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        {
            return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
        }

        /// <summary>Adds a join from the queried table.</summary>
        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }

        public void AddOrder(string attributeName, OrderType orderType)
        {
            Orders.Add(new OrderExpression(attributeName, orderType));
        }

        public void AddOrder(string attributeName, OrderType orderType, string alias, string entityName)
        {
            Orders.Add(new OrderExpression(attributeName, orderType, alias, entityName));
        }
    }

    /// <summary>A query of records whose columns equal given values.</summary>
    public sealed class QueryByAttribute : QueryBase
    {
        private ColumnSet columnSet;
        private PagingInfo pageInfo;
        private DataCollection<string> attributes;
        private DataCollection<object> values;
        private DataCollection<OrderExpression> orders;

        public QueryByAttribute()
        {
        }

        public QueryByAttribute(string entityName)
        {
            EntityName = entityName;
        }

        public string EntityName { get; set; }

        public ColumnSet ColumnSet
        {
            get { return columnSet ?? (columnSet = new ColumnSet()); }
            set { columnSet = value; }
        }

        public DataCollection<string> Attributes
        {
            get { return attributes ?? (attributes = new DataCollection<string>()); }
        }

        public DataCollection<object> Values
        {
            get { return values ?? (values = new DataCollection<object>()); }
        }

        public DataCollection<OrderExpression> Orders
        {
            get { return orders ?? (orders = new DataCollection<OrderExpression>()); }
        }

        public PagingInfo PageInfo
        {
            get { return pageInfo ?? (pageInfo = new PagingInfo()); }
            set { pageInfo = value; }
        }

        public int? TopCount { get; set; }

        public void AddAttributeValue(string attributeName, object value)
        {
            Attributes.Add(attributeName);
            Values.Add(value);
        }

        public void AddOrder(string attributeName, OrderType orderType)
        {
            Orders.Add(new OrderExpression(attributeName, orderType));
        }
    }
}
