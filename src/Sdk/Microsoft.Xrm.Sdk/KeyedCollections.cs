using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The columns of an <see cref="Entity"/>, by logical name.</summary>
    public sealed class AttributeCollection : DataCollection<string, object>
    {
        public AttributeCollection()
        {
        }

        public AttributeCollection(IDictionary<string, object> dictionary)
            : base(dictionary)
        {
        }
    }

    /// <summary>The formatted (display) values of an entity's columns.</summary>
    public sealed class FormattedValueCollection : DataCollection<string, string>
    {
        public FormattedValueCollection()
        {
        }

        public FormattedValueCollection(IDictionary<string, string> dictionary)
            : base(dictionary)
        {
        }
    }

    /// <summary>Alternate-key values identifying a record.</summary>
    public sealed class KeyAttributeCollection : DataCollection<string, object>
    {
        public KeyAttributeCollection()
        {
        }

        public KeyAttributeCollection(IDictionary<string, object> dictionary)
            : base(dictionary)
        {
        }
    }

    /// <summary>Request/response parameters and plugin shared variables.</summary>
    public sealed class ParameterCollection : DataCollection<string, object>
    {
        public ParameterCollection()
        {
        }

        public ParameterCollection(IDictionary<string, object> dictionary)
            : base(dictionary)
        {
        }

        /// <summary>Sets the value under the key, unless the value is null.</summary>
        public void AddOrUpdateIfNotNull(string key, object value)
        {
            if (value != null)
            {
                this[key] = value;
            }
        }
    }

    /// <summary>Pre/post entity images of a plugin step, by alias.</summary>
    public sealed class EntityImageCollection : DataCollection<string, Entity>
    {
        public EntityImageCollection()
        {
        }

        public EntityImageCollection(IDictionary<string, Entity> dictionary)
            : base(dictionary)
        {
        }
    }

    /// <summary>Extra details of a service fault.</summary>
    public sealed class ErrorDetailCollection : DataCollection<string, object>
    {
        public ErrorDetailCollection()
        {
        }
    }

    /// <summary>Related records of an entity, by relationship.</summary>
    public sealed class RelatedEntityCollection : DataCollection<Relationship, EntityCollection>
    {
        public RelatedEntityCollection()
        {
        }
    }

    /// <summary>Queries for related records, by relationship.</summary>
    public sealed class RelationshipQueryCollection : DataCollection<Relationship, Query.QueryBase>
    {
        public RelationshipQueryCollection()
        {
        }
    }

    /// <summary>A list of entity references (Associate/Disassociate).</summary>
    public sealed class EntityReferenceCollection : DataCollection<EntityReference>
    {
        public EntityReferenceCollection()
        {
        }

        public EntityReferenceCollection(IList<EntityReference> list)
            : base(list)
        {
        }
    }

    /// <summary>The values of a multi-select choice column.</summary>
    public sealed class OptionSetValueCollection : DataCollection<OptionSetValue>
    {
        public OptionSetValueCollection()
        {
        }

        public OptionSetValueCollection(IList<OptionSetValue> list)
            : base(list)
        {
        }
    }

    /// <summary>The requests of an ExecuteMultiple/ExecuteTransaction request.</summary>
    public sealed class OrganizationRequestCollection : DataCollection<OrganizationRequest>
    {
        public OrganizationRequestCollection()
        {
        }
    }

    /// <summary>The responses of an ExecuteTransaction request.</summary>
    public sealed class OrganizationResponseCollection : DataCollection<OrganizationResponse>
    {
        public OrganizationResponseCollection()
        {
        }
    }

    /// <summary>The response items of an ExecuteMultiple request.</summary>
    public sealed class ExecuteMultipleResponseItemCollection : DataCollection<ExecuteMultipleResponseItem>
    {
        public ExecuteMultipleResponseItemCollection()
        {
        }
    }
}
