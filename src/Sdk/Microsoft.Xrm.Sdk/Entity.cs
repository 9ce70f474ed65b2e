using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Client;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A record (row) of a table: logical name, id and columns.</summary>
    public class Entity : IExtensibleDataObject
    {
        private string logicalName;
        private Guid id;
        private AttributeCollection attributes;
        private FormattedValueCollection formattedValues;
        private RelatedEntityCollection relatedEntities;
        private KeyAttributeCollection keyAttributes;

        public Entity()
            : this((string)null)
        {
        }

        public Entity(string entityName)
        {
            logicalName = entityName;
        }

        public Entity(string entityName, Guid id)
            : this(entityName)
        {
            this.id = id;
        }

        public Entity(string entityName, string keyName, object keyValue)
            : this(entityName)
        {
            KeyAttributes[keyName] = keyValue;
        }

        public Entity(string entityName, KeyAttributeCollection keyAttributes)
            : this(entityName)
        {
            this.keyAttributes = keyAttributes;
        }

        /// <summary>The logical name of the table.</summary>
        public string LogicalName
        {
            get { return logicalName; }
            set { logicalName = value; }
        }

        /// <summary>The primary key (not mirrored into <see cref="Attributes"/>).</summary>
        public virtual Guid Id
        {
            get { return id; }
            set { id = value; }
        }

        public AttributeCollection Attributes
        {
            get { return attributes ?? (attributes = new AttributeCollection()); }
            set { attributes = value; }
        }

        public FormattedValueCollection FormattedValues
        {
            get { return formattedValues ?? (formattedValues = new FormattedValueCollection()); }
        }

        public RelatedEntityCollection RelatedEntities
        {
            get { return relatedEntities ?? (relatedEntities = new RelatedEntityCollection()); }
        }

        public KeyAttributeCollection KeyAttributes
        {
            get { return keyAttributes ?? (keyAttributes = new KeyAttributeCollection()); }
            set { keyAttributes = value; }
        }

        public EntityState? EntityState { get; set; }

        public string RowVersion { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        /// <summary>The value of a column; reading a missing column throws <see cref="KeyNotFoundException"/>.</summary>
        public object this[string attributeName]
        {
            get { return Attributes[attributeName]; }
            set { Attributes[attributeName] = value; }
        }

        /// <summary>Whether the column is present in <see cref="Attributes"/>.</summary>
        public bool Contains(string attributeName)
        {
            return Attributes.Contains(attributeName);
        }

        /// <summary>The value of a column cast to <typeparamref name="T"/>, or default(T) when the column is missing or null.</summary>
        public virtual T GetAttributeValue<T>(string attributeLogicalName)
        {
            object value;
            if (!Attributes.TryGetValue(attributeLogicalName, out value) || value == null)
            {
                return default(T);
            }

            return (T)value;
        }

        /// <summary>Gets the value of a column when present and of type <typeparamref name="T"/>.</summary>
        public bool TryGetAttributeValue<T>(string attributeLogicalName, out T value)
        {
            object raw;
            if (Attributes.TryGetValue(attributeLogicalName, out raw) && raw is T)
            {
                value = (T)raw;
                return true;
            }

            value = default(T);
            return false;
        }

        protected virtual void SetAttributeValue(string attributeLogicalName, object value)
        {
            Attributes[attributeLogicalName] = value;
        }

        protected virtual string GetFormattedAttributeValue(string attributeLogicalName)
        {
            string value;
            return FormattedValues.TryGetValue(attributeLogicalName, out value) ? value : null;
        }

        protected virtual IEnumerable<TEntity> GetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
            where TEntity : Entity
        {
            if (string.IsNullOrWhiteSpace(relationshipSchemaName))
            {
                throw new ArgumentNullException(nameof(relationshipSchemaName));
            }

            EntityCollection collection;
            var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
            if (!RelatedEntities.TryGetValue(key, out collection))
            {
                return null;
            }

            return collection.Entities.Select(e => e.ToEntity<TEntity>());
        }

        protected virtual TEntity GetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
            where TEntity : Entity
        {
            var entities = GetRelatedEntities<TEntity>(relationshipSchemaName, primaryEntityRole);
            return entities == null ? null : entities.FirstOrDefault();
        }

        protected virtual void SetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, IEnumerable<TEntity> entities)
            where TEntity : Entity
        {
            if (string.IsNullOrWhiteSpace(relationshipSchemaName))
            {
                throw new ArgumentNullException(nameof(relationshipSchemaName));
            }

            var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
            if (entities == null)
            {
                RelatedEntities.Remove(key);
                return;
            }

            var list = entities.Cast<Entity>().ToList();
            var collection = new EntityCollection(list);
            if (list.Count > 0)
            {
                collection.EntityName = list[0].LogicalName;
            }

            RelatedEntities[key] = collection;
        }

        protected virtual void SetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, TEntity entity)
            where TEntity : Entity
        {
            SetRelatedEntities(relationshipSchemaName, primaryEntityRole, entity == null ? null : new[] { entity });
        }

        /// <summary>A reference to this record (logical name, id, key attributes, row version; Name stays null).</summary>
        public EntityReference ToEntityReference()
        {
            if (string.IsNullOrWhiteSpace(LogicalName))
            {
                throw new NotSupportedException("LogicalName must be set before calling ToEntityReference()");
            }

            var reference = new EntityReference(LogicalName, Id);
            if (keyAttributes != null)
            {
                reference.KeyAttributes = keyAttributes;
            }

            reference.RowVersion = RowVersion;
            return reference;
        }

        /// <summary>A shallow copy of this record as <typeparamref name="T"/> (sharing the attribute collections).</summary>
        public T ToEntity<T>()
            where T : Entity
        {
            if (typeof(T) == typeof(Entity))
            {
                var copy = new Entity();
                ShallowCopyTo(copy);
                return (T)copy;
            }

            if (string.IsNullOrWhiteSpace(LogicalName))
            {
                throw new NotSupportedException("LogicalName must be set before calling ToEntity()");
            }

            var attribute = typeof(T).GetCustomAttributes(typeof(EntityLogicalNameAttribute), true).OfType<EntityLogicalNameAttribute>().FirstOrDefault();
            if (attribute == null)
            {
                throw new NotSupportedException("Cannot convert to type that does not have EntityLogicalNameAttribute");
            }

            if (!string.Equals(attribute.LogicalName, LogicalName, StringComparison.Ordinal))
            {
                throw new NotSupportedException("Cannot convert entity " + LogicalName + " to " + attribute.LogicalName);
            }

            var target = (T)Activator.CreateInstance(typeof(T));
            ShallowCopyTo(target);
            return target;
        }

        private void ShallowCopyTo(Entity target)
        {
            if (target == null || ReferenceEquals(target, this))
            {
                return;
            }

            target.id = id;
            target.logicalName = logicalName;
            target.attributes = Attributes;
            target.formattedValues = FormattedValues;
            target.relatedEntities = RelatedEntities;
            target.keyAttributes = KeyAttributes;
            target.EntityState = EntityState;
            target.RowVersion = RowVersion;
            target.ExtensionData = ExtensionData;
        }
    }
}
