using System;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>Marks an early-bound property with the logical name of its column.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
    public sealed class AttributeLogicalNameAttribute : Attribute
    {
        public AttributeLogicalNameAttribute(string logicalName)
        {
            if (string.IsNullOrWhiteSpace(logicalName))
            {
                throw new ArgumentNullException(nameof(logicalName));
            }

            LogicalName = logicalName;
        }

        public string LogicalName { get; private set; }
    }

    /// <summary>Marks an early-bound property with the schema name of its relationship.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
    public sealed class RelationshipSchemaNameAttribute : Attribute
    {
        public RelationshipSchemaNameAttribute(string schemaName)
        {
            if (string.IsNullOrWhiteSpace(schemaName))
            {
                throw new ArgumentNullException(nameof(schemaName));
            }

            SchemaName = schemaName;
        }

        public RelationshipSchemaNameAttribute(string schemaName, EntityRole primaryEntityRole)
            : this(schemaName)
        {
            PrimaryEntityRole = primaryEntityRole;
        }

        public string SchemaName { get; private set; }

        public EntityRole? PrimaryEntityRole { get; private set; }
    }
}
