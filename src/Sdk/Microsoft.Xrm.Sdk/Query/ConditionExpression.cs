using System.Collections;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>A condition on a column: operator and values (or another column when CompareColumns).</summary>
    public sealed class ConditionExpression : IExtensibleDataObject
    {
        private DataCollection<object> values;

        public ConditionExpression()
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator)
            : this(attributeName, conditionOperator, new object[0])
        {
        }

        /// <summary>One value; an array passed as object stays one value.</summary>
        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, object value)
            : this(attributeName, conditionOperator, new[] { value })
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, params object[] values)
            : this(null, attributeName, conditionOperator, values)
        {
        }

        /// <summary>Each item of the collection becomes a value (so a typed array is flattened).</summary>
        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, ICollection values)
        {
            AttributeName = attributeName;
            Operator = conditionOperator;
            if (values != null)
            {
                foreach (var value in values)
                {
                    Values.Add(value);
                }
            }
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
            : this(null, attributeName, conditionOperator, compareColumns, new[] { value })
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, params object[] values)
            : this(null, attributeName, conditionOperator, compareColumns, values)
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator)
            : this(entityName, attributeName, conditionOperator, new object[0])
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, object value)
            : this(entityName, attributeName, conditionOperator, new[] { value })
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            EntityName = entityName;
            AttributeName = attributeName;
            Operator = conditionOperator;
            if (values != null)
            {
                Values.AddRange(values);
            }
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
            : this(entityName, attributeName, conditionOperator, compareColumns, new[] { value })
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, params object[] values)
            : this(entityName, attributeName, conditionOperator, values)
        {
            CompareColumns = compareColumns;
        }

        public string EntityName { get; set; }

        public string AttributeName { get; set; }

        public ConditionOperator Operator { get; set; }

        public bool CompareColumns { get; set; }

        public DataCollection<object> Values
        {
            get { return values ?? (values = new DataCollection<object>()); }
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
