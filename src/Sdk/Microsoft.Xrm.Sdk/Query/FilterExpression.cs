using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>Conditions and nested filters combined with And/Or.</summary>
    public sealed class FilterExpression : IExtensibleDataObject
    {
        private DataCollection<ConditionExpression> conditions;
        private DataCollection<FilterExpression> filters;

        public FilterExpression()
        {
        }

        public FilterExpression(LogicalOperator filterOperator)
        {
            FilterOperator = filterOperator;
        }

        public LogicalOperator FilterOperator { get; set; }

        public DataCollection<ConditionExpression> Conditions
        {
            get { return conditions ?? (conditions = new DataCollection<ConditionExpression>()); }
        }

        public DataCollection<FilterExpression> Filters
        {
            get { return filters ?? (filters = new DataCollection<FilterExpression>()); }
        }

        public bool IsQuickFindFilter { get; set; }

        public string FilterHint { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public void AddCondition(ConditionExpression condition)
        {
            Conditions.Add(condition);
        }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            Conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));
        }

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));
        }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        {
            Conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, value));
        }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, params object[] values)
        {
            Conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, values));
        }

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        {
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, value));
        }

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, params object[] values)
        {
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, values));
        }

        public FilterExpression AddFilter(LogicalOperator logicalOperator)
        {
            var filter = new FilterExpression(logicalOperator);
            Filters.Add(filter);
            return filter;
        }

        public void AddFilter(FilterExpression childFilter)
        {
            if (childFilter != null)
            {
                Filters.Add(childFilter);
            }
        }
    }
}
