using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>A join from one table to another in a QueryExpression.</summary>
    public sealed class LinkEntity : IExtensibleDataObject
    {
        private ColumnSet columns;
        private FilterExpression linkCriteria;
        private DataCollection<LinkEntity> linkEntities;
        private DataCollection<OrderExpression> orders;

        public LinkEntity()
        {
        }

        public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            LinkFromEntityName = linkFromEntityName;
            LinkToEntityName = linkToEntityName;
            LinkFromAttributeName = linkFromAttributeName;
            LinkToAttributeName = linkToAttributeName;
            JoinOperator = joinOperator;
        }

        public string LinkFromEntityName { get; set; }

        public string LinkToEntityName { get; set; }

        public string LinkFromAttributeName { get; set; }

        public string LinkToAttributeName { get; set; }

        public JoinOperator JoinOperator { get; set; }

        public string EntityAlias { get; set; }

        public ColumnSet Columns
        {
            get { return columns ?? (columns = new ColumnSet()); }
            set { columns = value; }
        }

        public FilterExpression LinkCriteria
        {
            get { return linkCriteria ?? (linkCriteria = new FilterExpression()); }
            set { linkCriteria = value; }
        }

        public DataCollection<LinkEntity> LinkEntities
        {
            get { return linkEntities ?? (linkEntities = new DataCollection<LinkEntity>()); }
        }

        public DataCollection<OrderExpression> Orders
        {
            get { return orders ?? (orders = new DataCollection<OrderExpression>()); }
        }

        public ExtensionDataObject ExtensionData { get; set; }

        /// <summary>Adds an inner join from this link's table.</summary>
        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        {
            return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
        }

        /// <summary>Adds a join from this link's table.</summary>
        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(LinkToEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }
    }
}
