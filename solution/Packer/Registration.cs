using System;
using System.Collections.Generic;

namespace KamPlugins.SolutionPacker
{
    /// <summary>What the packed assembly registers, read from its attributes: the input of the generated solution components.</summary>
    internal sealed class AssemblyRegistration
    {
        public string Name { get; set; }
        public string FullName { get; set; }
        public string FileVersion { get; set; }
        public Guid AssemblyId { get; set; }
        public List<PluginTypeRegistration> Types { get; } = new List<PluginTypeRegistration>();
    }

    /// <summary>A plugin (IPlugin) or custom workflow activity (CodeActivity) class.</summary>
    internal sealed class PluginTypeRegistration
    {
        public string FullName { get; set; }
        public string AssemblyQualifiedName { get; set; }
        public Guid PluginTypeId { get; set; }
        public bool IsWorkflowActivity { get; set; }
        public string FriendlyName { get; set; }
        public string WorkflowGroup { get; set; }
        public string Description { get; set; }
        public List<StepRegistration> Steps { get; } = new List<StepRegistration>();
        public CustomApiRegistration CustomApi { get; set; }
    }

    /// <summary>One SdkMessageProcessingStep (from a PluginStepAttribute).</summary>
    internal sealed class StepRegistration
    {
        public string Name { get; set; }
        public Guid StepId { get; set; }
        public string Message { get; set; }
        public Guid MessageId { get; set; }
        public string PrimaryEntity { get; set; }
        public int Stage { get; set; }
        public int Mode { get; set; }
        public int Rank { get; set; }
        public IReadOnlyList<string> FilteringAttributes { get; set; } = Array.Empty<string>();
        public string Configuration { get; set; }
        public string Description { get; set; }
        public bool AsyncAutoDelete { get; set; }
        public List<ImageRegistration> Images { get; } = new List<ImageRegistration>();
    }

    /// <summary>A pre- or post-image of a step.</summary>
    internal sealed class ImageRegistration
    {
        public Guid ImageId { get; set; }
        public string Alias { get; set; }
        /// <summary>0 pre-image, 1 post-image.</summary>
        public int ImageType { get; set; }
        public string MessagePropertyName { get; set; }
        public IReadOnlyList<string> Attributes { get; set; } = Array.Empty<string>();
    }

    /// <summary>A custom API implemented by a plugin type.</summary>
    internal sealed class CustomApiRegistration
    {
        public string UniqueName { get; set; }
        public string DisplayName { get; set; }
        public string ChineseDisplayName { get; set; }
        public string Description { get; set; }
        public int BindingType { get; set; }
        public string BoundEntity { get; set; }
        public bool IsFunction { get; set; }
        public string ExecutePrivilegeName { get; set; }
        public List<CustomApiParameterRegistration> RequestParameters { get; } = new List<CustomApiParameterRegistration>();
        public List<CustomApiParameterRegistration> ResponseProperties { get; } = new List<CustomApiParameterRegistration>();
    }

    /// <summary>A custom API request parameter or response property.</summary>
    internal sealed class CustomApiParameterRegistration
    {
        public string UniqueName { get; set; }
        public int Type { get; set; }
        public bool IsOptional { get; set; }
        public string LogicalEntityName { get; set; }
        public string Description { get; set; }
    }
}
