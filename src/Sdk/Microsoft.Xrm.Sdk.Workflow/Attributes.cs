using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>The base of the attributes naming a workflow activity argument.</summary>
    public abstract class ParameterAttribute : Attribute
    {
        protected ParameterAttribute(string name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentNullException(nameof(name));
            }

            Name = name;
        }

        public string Name { get; private set; }
    }

    /// <summary>Marks an InArgument property as an input parameter of a custom workflow activity.</summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class InputAttribute : ParameterAttribute
    {
        public InputAttribute(string name)
            : base(name)
        {
        }
    }

    /// <summary>Marks an OutArgument property as an output parameter of a custom workflow activity.</summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class OutputAttribute : ParameterAttribute
    {
        public OutputAttribute(string name)
            : base(name)
        {
        }
    }

    /// <summary>The table an EntityReference argument refers to.</summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class ReferenceTargetAttribute : Attribute
    {
        public ReferenceTargetAttribute(string entityName)
        {
            if (string.IsNullOrWhiteSpace(entityName))
            {
                throw new ArgumentNullException(nameof(entityName));
            }

            EntityName = entityName;
        }

        public string EntityName { get; private set; }
    }

    /// <summary>The table and choice column whose options an OptionSetValue argument takes.</summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class AttributeTargetAttribute : Attribute
    {
        public AttributeTargetAttribute(string entityName, string attributeName)
        {
            if (string.IsNullOrWhiteSpace(entityName))
            {
                throw new ArgumentNullException(nameof(entityName));
            }

            if (string.IsNullOrWhiteSpace(attributeName))
            {
                throw new ArgumentNullException(nameof(attributeName));
            }

            EntityName = entityName;
            AttributeName = attributeName;
        }

        public string EntityName { get; private set; }

        public string AttributeName { get; private set; }
    }

    /// <summary>The default value of an input argument (and its table for an EntityReference).</summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class DefaultAttribute : Attribute
    {
        public DefaultAttribute(string value)
        {
            Value = value;
        }

        public DefaultAttribute(string value, string entityName)
            : this(value)
        {
            EntityName = entityName;
        }

        public string Value { get; private set; }

        public string EntityName { get; private set; }
    }
}
