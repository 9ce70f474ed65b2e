using System;
using System.Linq;
using System.Reflection;
using KamPlugins.Platform;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Platform
{
    /// <summary>
    /// The platform caches plugin instances and calls them from several threads at once: a mutable
    /// field on a plugin, or a mutable static anywhere in the assembly, is a data race in production.
    /// </summary>
    public class StatelessnessTests
    {
        private const BindingFlags AllFields = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

        private static readonly Assembly Product = typeof(PluginBase).Assembly;

        [Test]
        public void PluginTypes_ShouldHaveNoMutableFields()
        {
            var plugins = Product.GetTypes().Where(t => typeof(IPlugin).IsAssignableFrom(t)).ToList();
            var offending = plugins
                .SelectMany(t => HierarchyOf(t).SelectMany(h => h.GetFields(AllFields)))
                .Where(f => !f.IsInitOnly && !f.IsLiteral)
                .Select(f => $"{f.DeclaringType.FullName}.{f.Name}")
                .Distinct()
                .ToList();
            Assert.That(plugins, Is.Not.Empty, "the assembly declares no plugin");
            Assert.That(offending, Is.Empty);
        }

        [Test]
        public void AllTypes_ShouldHaveNoMutableStaticFields()
        {
            // Compiler-generated lambda caches are written once, idempotently, by the runtime's own design.
            var offending = Product.GetTypes()
                .Where(t => !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false))
                .SelectMany(t => t.GetFields(AllFields))
                .Where(f => f.IsStatic && !f.IsInitOnly && !f.IsLiteral)
                .Select(f => $"{f.DeclaringType.FullName}.{f.Name}")
                .ToList();
            Assert.That(offending, Is.Empty);
        }

        private static System.Collections.Generic.IEnumerable<Type> HierarchyOf(Type type)
        {
            for (var t = type; t != null && t != typeof(object); t = t.BaseType) yield return t;
        }
    }
}
