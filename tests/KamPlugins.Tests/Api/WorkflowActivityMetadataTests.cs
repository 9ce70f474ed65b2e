using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using KamPlugins.Model;
using KamPlugins.Platform.Registration;
using NUnit.Framework;

namespace KamPlugins.Tests.Api
{
    /// <summary>
    /// The custom workflow activities exist only in the net462 build (System.Activities). This reads
    /// that build with MetadataLoadContext — the path comes from MSBuild (see the test project) — and
    /// checks what the classic workflow designer needs: every argument named by [Input]/[Output], a
    /// table on every lookup argument, [RequiredArgument] exactly on the required ones, the friendly
    /// name and KAM group, and no state besides the argument properties.
    /// </summary>
    [NonParallelizable]
    public class WorkflowActivityMetadataTests
    {
        private const string WorkflowNamespace = "Microsoft.Xrm.Sdk.Workflow.";
        private const string ActivitiesNamespace = "System.Activities.";
        private const BindingFlags AllDeclared = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

        // The activities and their required arguments (the workflow designer refuses to save a step without them).
        private static readonly IReadOnlyDictionary<string, string[]> Expected = new Dictionary<string, string[]>
        {
            ["KamPlugins.Workflows.SubmitApprovalRequestActivity"] = new[] { "RequestType" },
            ["KamPlugins.Workflows.GetLatestApprovalStatusActivity"] = new[] { "RequestType" },
            ["KamPlugins.Workflows.CheckOwnershipLockActivity"] = Array.Empty<string>(),
            ["KamPlugins.Workflows.GetGoalProgressActivity"] = new[] { "Goal" },
            ["KamPlugins.Workflows.RecalculateGoalTreeActivity"] = new[] { "Goal" },
        };

        private static readonly HashSet<string> KnownTables = new HashSet<string>(StringComparer.Ordinal)
        {
            AccountTable.LogicalName, OpportunityTable.LogicalName, ContractTable.LogicalName, GoalTable.LogicalName,
            SystemUserTable.LogicalName, TeamTable.LogicalName, ApprovalRequestTable.LogicalName,
        };

        private MetadataLoadContext loadContext;
        private IReadOnlyList<Type> activities;

        [OneTimeSetUp]
        public void LoadNet462Build()
        {
            var metadata = typeof(WorkflowActivityMetadataTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
            Assert.That(metadata.ContainsKey("KamPlugins.net462"), "the test project records the net462 build's path (target RecordKamPluginsNet462Paths)");
            var assemblyPath = metadata["KamPlugins.net462"];
            Assert.That(File.Exists(assemblyPath), Is.True, $"net462 build not found at {assemblyPath}");
            var paths = metadata["KamPlugins.net462.References"].Split('|', StringSplitOptions.RemoveEmptyEntries)
                .Where(File.Exists)
                .Append(assemblyPath)
                .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.Last())
                .ToList();
            loadContext = new MetadataLoadContext(new PathAssemblyResolver(paths), "mscorlib");
            var product = loadContext.LoadFromAssemblyPath(assemblyPath);
            activities = product.GetTypes().Where(t => t.IsClass && !t.IsAbstract && DerivesFrom(t, ActivitiesNamespace + "CodeActivity")).ToList();
        }

        [OneTimeTearDown]
        public void Unload() => loadContext?.Dispose();

        [Test]
        public void Net462Build_Should_DeclareExactlyTheFiveActivities()
        {
            Assert.That(activities.Select(t => t.FullName), Is.EquivalentTo(Expected.Keys));
        }

        [Test]
        public void Activities_Should_BePublicSealedWithParameterlessConstructor()
        {
            Assert.Multiple(() =>
            {
                foreach (var activity in activities)
                {
                    Assert.That(activity.IsPublic && activity.IsSealed, Is.True, $"{activity.Name} must be public and sealed");
                    Assert.That(activity.GetConstructor(Type.EmptyTypes), Is.Not.Null, $"{activity.Name} needs a public parameterless constructor");
                }
            });
        }

        [Test]
        public void Activities_Should_CarryFriendlyNameInKamGroup()
        {
            Assert.Multiple(() =>
            {
                foreach (var activity in activities)
                {
                    var attribute = activity.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.FullName == typeof(WorkflowActivityAttribute).FullName);
                    Assert.That(attribute, Is.Not.Null, $"{activity.Name} has no [WorkflowActivity]");
                    if (attribute == null) continue;
                    Assert.That(attribute.ConstructorArguments[0].Value as string, Is.Not.Empty, $"{activity.Name}: friendly name");
                    var group = attribute.NamedArguments.Where(n => n.MemberName == nameof(WorkflowActivityAttribute.Group)).Select(n => n.TypedValue.Value as string).SingleOrDefault();
                    Assert.That(group, Is.EqualTo(WorkflowActivityAttribute.KamGroup), $"{activity.Name}: group");
                }
            });
        }

        [Test]
        public void Activities_Should_HaveDistinctFriendlyNames()
        {
            var names = activities
                .Select(t => t.GetCustomAttributesData().Single(a => a.AttributeType.FullName == typeof(WorkflowActivityAttribute).FullName).ConstructorArguments[0].Value as string)
                .ToList();
            Assert.That(names, Is.Unique);
        }

        [Test]
        public void Arguments_Should_CarryInputOrOutputNames()
        {
            Assert.Multiple(() =>
            {
                foreach (var activity in activities)
                {
                    var arguments = ArgumentProperties(activity).ToList();
                    Assert.That(arguments, Is.Not.Empty, $"{activity.Name} has no arguments");
                    foreach (var property in arguments)
                    {
                        var where = $"{activity.Name}.{property.Name}";
                        var kind = property.PropertyType.GetGenericTypeDefinition().FullName;
                        var input = NameOf(property, "InputAttribute");
                        var output = NameOf(property, "OutputAttribute");
                        if (kind == ActivitiesNamespace + "InArgument`1")
                        {
                            Assert.That(input, Is.Not.Null.And.Not.Empty, $"{where}: an InArgument needs [Input(\"name\")]");
                            Assert.That(output, Is.Null, $"{where}: an InArgument cannot be an [Output]");
                        }
                        else if (kind == ActivitiesNamespace + "OutArgument`1")
                        {
                            Assert.That(output, Is.Not.Null.And.Not.Empty, $"{where}: an OutArgument needs [Output(\"name\")]");
                            Assert.That(input, Is.Null, $"{where}: an OutArgument cannot be an [Input]");
                        }
                        else
                        {
                            Assert.That(input, Is.Not.Null.And.Not.Empty, $"{where}: needs [Input]");
                            Assert.That(output, Is.Not.Null.And.Not.Empty, $"{where}: needs [Output]");
                        }
                        Assert.That(property.CanRead && property.CanWrite && property.GetMethod.IsPublic && property.SetMethod.IsPublic, Is.True, $"{where}: the designer binds public get/set properties");
                    }
                }
            });
        }

        [Test]
        public void ArgumentNames_Should_BeUniquePerDirection()
        {
            Assert.Multiple(() =>
            {
                foreach (var activity in activities)
                {
                    var arguments = ArgumentProperties(activity).ToList();
                    Assert.That(arguments.Select(p => NameOf(p, "InputAttribute")).Where(n => n != null), Is.Unique, $"{activity.Name}: input names");
                    Assert.That(arguments.Select(p => NameOf(p, "OutputAttribute")).Where(n => n != null), Is.Unique, $"{activity.Name}: output names");
                }
            });
        }

        [Test]
        public void EntityReferenceArguments_Should_CarryReferenceTargetOfAKnownTable()
        {
            var lookups = 0;
            Assert.Multiple(() =>
            {
                foreach (var activity in activities)
                    foreach (var property in ArgumentProperties(activity))
                    {
                        var valueType = property.PropertyType.GetGenericArguments()[0].FullName;
                        var target = Attribute(property, WorkflowNamespace + "ReferenceTargetAttribute");
                        if (valueType == "Microsoft.Xrm.Sdk.EntityReference")
                        {
                            lookups++;
                            Assert.That(target, Is.Not.Null, $"{activity.Name}.{property.Name}: an EntityReference argument needs [ReferenceTarget]");
                            if (target != null)
                                Assert.That(KnownTables, Does.Contain(target.ConstructorArguments[0].Value as string), $"{activity.Name}.{property.Name}: table");
                        }
                        else
                        {
                            Assert.That(target, Is.Null, $"{activity.Name}.{property.Name}: [ReferenceTarget] on a {valueType}");
                        }
                    }
            });
            Assert.That(lookups, Is.GreaterThan(0));
        }

        [Test]
        public void OptionSetArguments_Should_CarryAttributeTarget()
        {
            Assert.Multiple(() =>
            {
                foreach (var activity in activities)
                    foreach (var property in ArgumentProperties(activity).Where(p => p.PropertyType.GetGenericArguments()[0].FullName == "Microsoft.Xrm.Sdk.OptionSetValue"))
                    {
                        var target = Attribute(property, WorkflowNamespace + "AttributeTargetAttribute");
                        Assert.That(target, Is.Not.Null, $"{activity.Name}.{property.Name}: an OptionSetValue argument needs [AttributeTarget(table, column)]");
                        if (target != null)
                            Assert.That(target.ConstructorArguments[0].Value, Is.EqualTo(ApprovalRequestTable.LogicalName), $"{activity.Name}.{property.Name}: table");
                    }
            });
        }

        [Test]
        public void RequiredArguments_Should_BeMarkedExactly()
        {
            Assert.Multiple(() =>
            {
                foreach (var activity in activities)
                {
                    var required = ArgumentProperties(activity)
                        .Where(p => Attribute(p, ActivitiesNamespace + "RequiredArgumentAttribute") != null)
                        .Select(p => p.Name);
                    Assert.That(required, Is.EquivalentTo(Expected[activity.FullName]), $"{activity.Name}: [RequiredArgument] properties");
                }
            });
        }

        [Test]
        public void RequiredArguments_Should_BeInputs()
        {
            Assert.Multiple(() =>
            {
                foreach (var activity in activities)
                    foreach (var property in ArgumentProperties(activity).Where(p => Attribute(p, ActivitiesNamespace + "RequiredArgumentAttribute") != null))
                        Assert.That(property.PropertyType.GetGenericTypeDefinition().FullName, Is.EqualTo(ActivitiesNamespace + "InArgument`1"), $"{activity.Name}.{property.Name}");
            });
        }

        [Test]
        public void Activities_Should_HaveNoFieldsBesidesArgumentProperties()
        {
            // The platform caches activity instances: the only per-instance members are the argument
            // properties the designer binds (their compiler-generated backing fields); anything else is state.
            var offending = new List<string>();
            foreach (var activity in activities)
                for (var type = activity; type != null && type.FullName != ActivitiesNamespace + "CodeActivity"; type = type.BaseType)
                {
                    var argumentBackingFields = new HashSet<string>(ArgumentProperties(type, declaredOnly: true).Select(p => $"<{p.Name}>k__BackingField"), StringComparer.Ordinal);
                    offending.AddRange(type.GetFields(AllDeclared)
                        .Where(f => !f.IsLiteral && !(f.IsStatic && f.IsInitOnly) && !argumentBackingFields.Contains(f.Name))
                        .Select(f => $"{type.FullName}.{f.Name}"));
                }
            Assert.That(offending.Distinct(), Is.Empty);
        }

        private static IEnumerable<PropertyInfo> ArgumentProperties(Type type, bool declaredOnly = false)
        {
            var flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | (declaredOnly ? BindingFlags.DeclaredOnly : 0);
            return type.GetProperties(flags).Where(p => p.PropertyType.IsGenericType && DerivesFrom(p.PropertyType, ActivitiesNamespace + "Argument"));
        }

        private static string NameOf(PropertyInfo property, string attributeName)
        {
            var data = Attribute(property, WorkflowNamespace + attributeName);
            return data == null ? null : data.ConstructorArguments[0].Value as string ?? string.Empty;
        }

        private static CustomAttributeData Attribute(PropertyInfo property, string fullName) =>
            property.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.FullName == fullName);

        private static bool DerivesFrom(Type type, string fullName)
        {
            for (var t = type.BaseType; t != null; t = t.BaseType)
                if (t.FullName == fullName) return true;
            return false;
        }
    }
}
