using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The value of a choice column; equality compares Value.</summary>
    public sealed class OptionSetValue : IExtensibleDataObject
    {
        public OptionSetValue()
        {
        }

        public OptionSetValue(int value)
        {
            Value = value;
        }

        public int Value { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj)
        {
            var other = obj as OptionSetValue;
            return other != null && other.Value == Value;
        }

        public override int GetHashCode()
        {
            return Value.GetHashCode();
        }
    }

    /// <summary>The value of a currency column; equality compares Value.</summary>
    public sealed class Money : IExtensibleDataObject
    {
        public Money()
        {
        }

        public Money(decimal money)
        {
            Value = money;
        }

        public decimal Value { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj)
        {
            var other = obj as Money;
            return other != null && other.Value == Value;
        }

        public override int GetHashCode()
        {
            return Value.GetHashCode();
        }
    }

    /// <summary>A column value returned from a linked entity or an aggregate.</summary>
    public sealed class AliasedValue : IExtensibleDataObject
    {
        public AliasedValue()
        {
        }

        public AliasedValue(string entityLogicalName, string attributeLogicalName, object value)
        {
            EntityLogicalName = entityLogicalName;
            AttributeLogicalName = attributeLogicalName;
            Value = value;
        }

        public string EntityLogicalName { get; private set; }

        public string AttributeLogicalName { get; private set; }

        public object Value { get; private set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>A relationship by schema name (and role for self-referencing ones).</summary>
    public sealed class Relationship : IExtensibleDataObject
    {
        public Relationship()
        {
        }

        public Relationship(string schemaName)
        {
            SchemaName = schemaName;
        }

        public string SchemaName { get; set; }

        public EntityRole? PrimaryEntityRole { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj)
        {
            var other = obj as Relationship;
            return other != null
                && string.Equals(SchemaName, other.SchemaName, System.StringComparison.Ordinal)
                && PrimaryEntityRole == other.PrimaryEntityRole;
        }

        public override int GetHashCode()
        {
            return (SchemaName == null ? 0 : SchemaName.GetHashCode()) ^ PrimaryEntityRole.GetHashCode();
        }

        public override string ToString()
        {
            return SchemaName;
        }
    }
}
