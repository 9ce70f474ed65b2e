using System;

namespace KamPlugins.Platform.Registration
{
    /// <summary>
    /// Declares one processing step of the plugin class it decorates: the single source both the
    /// emulator's pipeline (tests) and the packed solution's SdkMessageProcessingStep entries are
    /// generated from, so tests and deployment cannot drift apart.
    /// </summary>
    /// <remarks>
    /// Images are registered under the aliases <see cref="PreImageAlias"/> and <see cref="PostImageAlias"/>
    /// with exactly the columns listed; the platform leaves out a column whose value is null.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class PluginStepAttribute : Attribute
    {
        /// <summary>Alias of the pre-image, when <see cref="PreImage"/> lists columns.</summary>
        public const string PreImageAlias = "PreImage";

        /// <summary>Alias of the post-image, when <see cref="PostImage"/> lists columns.</summary>
        public const string PostImageAlias = "PostImage";

        /// <summary>Declares a step.</summary>
        /// <param name="message">The message name (see <see cref="MessageNames"/>).</param>
        /// <param name="primaryEntity">The table's logical name, or null for a message that has no table (custom APIs that are unbound).</param>
        /// <param name="stage">The pipeline stage.</param>
        public PluginStepAttribute(string message, string primaryEntity, PipelineStage stage)
        {
            Message = message;
            PrimaryEntity = primaryEntity;
            Stage = stage;
        }

        /// <summary>The message the step is registered on.</summary>
        public string Message { get; }

        /// <summary>The primary table's logical name (null: any / none).</summary>
        public string PrimaryEntity { get; }

        /// <summary>The pipeline stage.</summary>
        public PipelineStage Stage { get; }

        /// <summary>Synchronous (default) or asynchronous.</summary>
        public ExecutionMode Mode { get; set; } = ExecutionMode.Synchronous;

        /// <summary>Order among the steps of one stage (lower first).</summary>
        public int Rank { get; set; } = 1;

        /// <summary>Update steps: the columns whose presence in the request raises the step.</summary>
        public string[] FilteringAttributes { get; set; }

        /// <summary>Columns of the pre-image (null: no pre-image).</summary>
        public string[] PreImage { get; set; }

        /// <summary>Columns of the post-image (null: no post-image; PostOperation only).</summary>
        public string[] PostImage { get; set; }

        /// <summary>Unsecure configuration passed to the plugin's constructor.</summary>
        public string Configuration { get; set; }

        /// <summary>A short description shown to administrators in the solution (English).</summary>
        public string Description { get; set; }

        /// <summary>Asynchronous steps: delete the system job when it succeeds.</summary>
        public bool AsyncAutoDelete { get; set; } = true;

        /// <summary>
        /// The step's unique name in the solution: plugin type, message, table and stage. Component ids
        /// are derived from it, so renaming a plugin class replaces its steps on upgrade.
        /// </summary>
        /// <param name="pluginType">The plugin class the attribute decorates.</param>
        public string StepName(Type pluginType) =>
            $"{pluginType.FullName}: {Message} of {PrimaryEntity ?? "any table"} ({Stage}{(Mode == ExecutionMode.Asynchronous ? ", asynchronous" : string.Empty)})";
    }
}
