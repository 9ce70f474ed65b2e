using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using KamPlugins.Platform.Registration;
using Microsoft.Xrm.Sdk;

namespace Dataverse.Emulator.Pipeline
{
    /// <summary>Which image(s) an image registration produces.</summary>
    public enum ImageType
    {
        /// <summary>The record before the core operation.</summary>
        PreImage = 0,

        /// <summary>The record after the core operation (PostOperation only).</summary>
        PostImage = 1,

        /// <summary>Both.</summary>
        Both = 2,
    }

    /// <summary>An entity image registered on a step (sdkmessageprocessingstepimage).</summary>
    public sealed class ImageRegistration
    {
        /// <summary>Creates an image registration.</summary>
        /// <param name="alias">The key in PreEntityImages/PostEntityImages (EntityAlias).</param>
        /// <param name="type">Pre, post or both.</param>
        /// <param name="columns">The columns (null or empty: all columns).</param>
        /// <param name="messagePropertyName">The message property the image is taken of (null: the message's default, e.g. Target or EntityMoniker).</param>
        public ImageRegistration(string alias, ImageType type, IEnumerable<string> columns, string messagePropertyName = null)
        {
            Alias = alias ?? throw new ArgumentNullException(nameof(alias));
            Type = type;
            Columns = columns?.ToList();
            MessagePropertyName = messagePropertyName;
        }

        /// <summary>The key in the image collections.</summary>
        public string Alias { get; }

        /// <summary>Pre, post or both.</summary>
        public ImageType Type { get; }

        /// <summary>The registered columns (null or empty: all columns).</summary>
        public IReadOnlyList<string> Columns { get; }

        /// <summary>The message property the image is taken of (null: the message's default).</summary>
        public string MessagePropertyName { get; }

        internal bool IsPre => Type == ImageType.PreImage || Type == ImageType.Both;

        internal bool IsPost => Type == ImageType.PostImage || Type == ImageType.Both;
    }

    /// <summary>
    /// One registered processing step (sdkmessageprocessingstep): plugin type, message, table, stage,
    /// mode, rank, filtering attributes, images, configuration and "run as" user. The plugin is
    /// instantiated once per step, on first use, and reused by every operation and thread.
    /// </summary>
    public sealed class StepRegistration
    {
        private readonly object sync = new object();
        private readonly Func<StepRegistration, IPlugin> factory;
        private IPlugin instance;

        internal StepRegistration(Guid id, string name, Type pluginType, string message, string primaryEntity, PipelineStage stage, Func<StepRegistration, IPlugin> factory)
        {
            Id = id;
            Name = name;
            PluginType = pluginType;
            Message = message;
            PrimaryEntity = primaryEntity;
            Stage = stage;
            this.factory = factory;
        }

        /// <summary>The step's id (for BypassBusinessLogicExecutionStepIds and fault details).</summary>
        public Guid Id { get; }

        /// <summary>The step's name.</summary>
        public string Name { get; }

        /// <summary>The plugin class.</summary>
        public Type PluginType { get; }

        /// <summary>The message (Create, Update, Win, a custom API name, ...).</summary>
        public string Message { get; }

        /// <summary>The table, or null for any table / unbound messages.</summary>
        public string PrimaryEntity { get; }

        /// <summary>The stage.</summary>
        public PipelineStage Stage { get; }

        /// <summary>Synchronous or asynchronous.</summary>
        public ExecutionMode Mode { get; set; } = ExecutionMode.Synchronous;

        /// <summary>Order within the stage (lower first; ties in registration order).</summary>
        public int Rank { get; set; } = 1;

        /// <summary>Update steps: columns whose presence in Target raises the step (null/empty: any update).</summary>
        public IReadOnlyList<string> FilteringAttributes { get; set; }

        /// <summary>The step's images.</summary>
        public IList<ImageRegistration> Images { get; } = new List<ImageRegistration>();

        /// <summary>Unsecure configuration (first constructor argument).</summary>
        public string UnsecureConfiguration { get; set; }

        /// <summary>Secure configuration (second constructor argument).</summary>
        public string SecureConfiguration { get; set; }

        /// <summary>"Run in user's context": the step's UserId (null: the calling user).</summary>
        public Guid? RunAsUserId { get; set; }

        /// <summary>False: the step is disabled and never runs.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>Order of registration (ties within a rank).</summary>
        internal long Sequence { get; set; }

        /// <summary>The plugin instance (created on first use with the configuration strings, then reused).</summary>
        public IPlugin Instance
        {
            get
            {
                lock (sync)
                {
                    return instance ?? (instance = factory(this));
                }
            }
        }

        /// <summary>Adds an image and returns the step.</summary>
        public StepRegistration WithImage(string alias, ImageType type, params string[] columns)
        {
            Images.Add(new ImageRegistration(alias, type, columns));
            return this;
        }

        /// <inheritdoc />
        public override string ToString() => Name;

        internal static IPlugin Construct(Type type, string unsecure, string secure)
        {
            var two = type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, null, new[] { typeof(string), typeof(string) }, null);
            if (two != null) return (IPlugin)two.Invoke(new object[] { unsecure, secure });
            var one = type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, null, new[] { typeof(string) }, null);
            if (one != null) return (IPlugin)one.Invoke(new object[] { unsecure });
            var none = type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
            if (none != null) return (IPlugin)none.Invoke(Array.Empty<object>());
            throw new StepRegistrationException($"{type.FullName} has no public constructor (string, string), (string) or ().");
        }
    }

    /// <summary>A registration the platform would refuse (wrong image for the stage, non-event message, ...).</summary>
    public sealed class StepRegistrationException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public StepRegistrationException(string message)
            : base(message)
        {
        }
    }
}
