using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A reference to a record; equality compares LogicalName (ordinal) and Id, never Name.</summary>
    public sealed class EntityReference : IExtensibleDataObject
    {
        private KeyAttributeCollection keyAttributes;

        public EntityReference()
        {
        }

        public EntityReference(string logicalName)
        {
            LogicalName = logicalName;
        }

        public EntityReference(string logicalName, Guid id)
        {
            LogicalName = logicalName;
            Id = id;
        }

        public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection)
        {
            LogicalName = logicalName;
            keyAttributes = keyAttributeCollection;
        }

        public EntityReference(string logicalName, string keyName, object keyValue)
        {
            LogicalName = logicalName;
            KeyAttributes[keyName] = keyValue;
        }

        public Guid Id { get; set; }

        public string LogicalName { get; set; }

        public string Name { get; set; }

        public KeyAttributeCollection KeyAttributes
        {
            get { return keyAttributes ?? (keyAttributes = new KeyAttributeCollection()); }
            set { keyAttributes = value; }
        }

        public string RowVersion { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj)
        {
            var other = obj as EntityReference;
            if (other == null)
            {
                return false;
            }

            if (ReferenceEquals(this, other))
            {
                return true;
            }

            return Id == other.Id && string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal);
        }

        public override int GetHashCode()
        {
            return Id.GetHashCode() ^ (LogicalName == null ? 0 : LogicalName.GetHashCode());
        }
    }
}
