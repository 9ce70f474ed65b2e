using System;

namespace KamPlugins.Platform.Registration
{
    /// <summary>How a custom API is bound (customapi.bindingtype).</summary>
    public enum CustomApiBinding
    {
        /// <summary>Unbound (global).</summary>
        Global = 0,
        /// <summary>Bound to one record of <see cref="CustomApiAttribute.BoundEntity"/>.</summary>
        Entity = 1,
        /// <summary>Bound to a collection.</summary>
        EntityCollection = 2,
    }

    /// <summary>Type of a custom API request parameter or response property (customapirequestparameter.type).</summary>
    public enum CustomApiParameterType
    {
        /// <summary>Boolean.</summary>
        Boolean = 0,
        /// <summary>DateTime.</summary>
        DateTime = 1,
        /// <summary>Decimal.</summary>
        Decimal = 2,
        /// <summary>Entity.</summary>
        Entity = 3,
        /// <summary>EntityCollection.</summary>
        EntityCollection = 4,
        /// <summary>EntityReference.</summary>
        EntityReference = 5,
        /// <summary>Float.</summary>
        Float = 6,
        /// <summary>Integer.</summary>
        Integer = 7,
        /// <summary>Money.</summary>
        Money = 8,
        /// <summary>Picklist (OptionSetValue).</summary>
        Picklist = 9,
        /// <summary>String.</summary>
        String = 10,
        /// <summary>String array.</summary>
        StringArray = 11,
        /// <summary>Guid.</summary>
        Guid = 12,
    }

    /// <summary>
    /// Declares that the decorated plugin implements a custom API message. The packer generates the
    /// customapi, its request parameters and response properties from this and the parameter attributes;
    /// the emulator registers the message from the same declarations.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class CustomApiAttribute : Attribute
    {
        /// <summary>Declares a custom API.</summary>
        /// <param name="uniqueName">The message name (with the publisher prefix, e.g. kam_CheckOwnershipLock).</param>
        /// <param name="displayName">English display name.</param>
        /// <param name="chineseDisplayName">Simplified Chinese display name.</param>
        public CustomApiAttribute(string uniqueName, string displayName, string chineseDisplayName)
        {
            UniqueName = uniqueName;
            DisplayName = displayName;
            ChineseDisplayName = chineseDisplayName;
        }

        /// <summary>The message name.</summary>
        public string UniqueName { get; }

        /// <summary>English display name.</summary>
        public string DisplayName { get; }

        /// <summary>Simplified Chinese display name.</summary>
        public string ChineseDisplayName { get; }

        /// <summary>English description.</summary>
        public string Description { get; set; }

        /// <summary>Binding.</summary>
        public CustomApiBinding Binding { get; set; } = CustomApiBinding.Global;

        /// <summary>Bound table, when <see cref="Binding"/> is Entity or EntityCollection.</summary>
        public string BoundEntity { get; set; }

        /// <summary>True: a function (GET, no data change); false: an action.</summary>
        public bool IsFunction { get; set; }

        /// <summary>Privilege a caller needs (null: none beyond what the logic checks).</summary>
        public string ExecutePrivilegeName { get; set; }
    }

    /// <summary>A request parameter of the custom API declared on the same class.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class CustomApiRequestParameterAttribute : Attribute
    {
        /// <summary>Declares a request parameter.</summary>
        public CustomApiRequestParameterAttribute(string uniqueName, CustomApiParameterType type)
        {
            UniqueName = uniqueName;
            Type = type;
        }

        /// <summary>Parameter name (the key in InputParameters).</summary>
        public string UniqueName { get; }

        /// <summary>Type.</summary>
        public CustomApiParameterType Type { get; }

        /// <summary>True when the caller may leave it out.</summary>
        public bool IsOptional { get; set; }

        /// <summary>Table of an Entity/EntityReference parameter (null: any table).</summary>
        public string LogicalEntityName { get; set; }

        /// <summary>English description.</summary>
        public string Description { get; set; }
    }

    /// <summary>A response property of the custom API declared on the same class.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class CustomApiResponsePropertyAttribute : Attribute
    {
        /// <summary>Declares a response property.</summary>
        public CustomApiResponsePropertyAttribute(string uniqueName, CustomApiParameterType type)
        {
            UniqueName = uniqueName;
            Type = type;
        }

        /// <summary>Property name (the key in OutputParameters).</summary>
        public string UniqueName { get; }

        /// <summary>Type.</summary>
        public CustomApiParameterType Type { get; }

        /// <summary>Table of an Entity/EntityReference property (null: any table).</summary>
        public string LogicalEntityName { get; set; }

        /// <summary>English description.</summary>
        public string Description { get; set; }
    }

    /// <summary>
    /// Declares a custom workflow activity's name and group as the classic workflow designer shows
    /// them (the packer writes them into the plugin type registration).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class WorkflowActivityAttribute : Attribute
    {
        /// <summary>The group every KamPlugins activity appears under.</summary>
        public const string KamGroup = "KAM";

        /// <summary>Declares the activity's friendly name (English).</summary>
        public WorkflowActivityAttribute(string friendlyName)
        {
            FriendlyName = friendlyName;
        }

        /// <summary>Friendly name in the designer.</summary>
        public string FriendlyName { get; }

        /// <summary>Group in the designer.</summary>
        public string Group { get; set; } = KamGroup;

        /// <summary>English description.</summary>
        public string Description { get; set; }
    }
}
