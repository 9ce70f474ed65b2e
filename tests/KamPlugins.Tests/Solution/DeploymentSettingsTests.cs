using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using KamPlugins.Model;
using KamPlugins.Tests.Infrastructure;
using NUnit.Framework;

namespace KamPlugins.Tests.Solution
{
    /// <summary>pac-config: the deployment settings `pac solution import --settings-file` reads, and the pack map.</summary>
    [TestFixture]
    public sealed class DeploymentSettingsTests
    {
        private static string PacConfig => Path.Combine(SolutionSchema.FindRepositoryRoot(), "pac-config");

        private static string[] SchemaNames() => typeof(EnvironmentVariables).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && !f.Name.StartsWith("Default", StringComparison.Ordinal))
            .Select(f => (string)f.GetValue(null)).ToArray();

        [TestCase("dev")]
        [TestCase("test")]
        [TestCase("prod")]
        public void SettingsFile_SetsEveryEnvironmentVariable_WithAValidValue(string environment)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(PacConfig, environment + ".settings.json")));
            var variables = json.RootElement.GetProperty("EnvironmentVariables").EnumerateArray()
                .ToDictionary(v => v.GetProperty("SchemaName").GetString(), v => v.GetProperty("Value").GetString());
            Assert.That(json.RootElement.GetProperty("ConnectionReferences").GetArrayLength(), Is.Zero);
            Assert.That(variables.Keys, Is.EquivalentTo(SchemaNames()), "exactly the solution's environment variables");
            foreach (var (name, value) in variables)
            {
                if (name == EnvironmentVariables.KamAdministratorsTeam) Assert.That(value, Is.Not.Empty, name);
                else if (name == EnvironmentVariables.ApprovalExpiryDays) Assert.That(int.Parse(value, CultureInfo.InvariantCulture), Is.Positive, name);
                else Assert.That(decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture), Is.Positive, name);
            }
            decimal Amount(string n) => decimal.Parse(variables[n], CultureInfo.InvariantCulture);
            Assert.That(Amount(EnvironmentVariables.ThirdLevelThreshold), Is.GreaterThan(Amount(EnvironmentVariables.SecondLevelThreshold)), "levels grow with the amount");
        }

        [Test]
        public void ProductionSettings_KeepTheCodesDefaults()
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(PacConfig, "prod.settings.json")));
            var variables = json.RootElement.GetProperty("EnvironmentVariables").EnumerateArray()
                .ToDictionary(v => v.GetProperty("SchemaName").GetString(), v => v.GetProperty("Value").GetString());
            Assert.That(decimal.Parse(variables[EnvironmentVariables.WinApprovalThreshold], CultureInfo.InvariantCulture), Is.EqualTo(EnvironmentVariables.DefaultWinApprovalThreshold));
            Assert.That(int.Parse(variables[EnvironmentVariables.ApprovalExpiryDays], CultureInfo.InvariantCulture), Is.EqualTo(EnvironmentVariables.DefaultApprovalExpiryDays));
            Assert.That(variables[EnvironmentVariables.KamAdministratorsTeam], Is.EqualTo(EnvironmentVariables.DefaultKamAdministratorsTeam));
        }

        [Test]
        public void PackMap_MapsThePluginAssemblyToTheBuiltNetFrameworkDll()
        {
            var map = XElement.Load(Path.Combine(PacConfig, "map.xml"));
            var file = map.Elements("FileToFile").Single();
            Assert.That((string)file.Attribute("map"), Does.EndWith("KamPlugins.dll").And.StartWith("PluginAssemblies"));
            Assert.That(((string)file.Attribute("to")).Replace('\\', '/'), Is.EqualTo("src/KamPlugins/bin/Release/net462/KamPlugins.dll"));
        }
    }
}
