using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using KamPlugins.Model;
using KamPlugins.Platform;
using KamPlugins.Platform.Registration;
using KamPlugins.Plugins;
using KamPlugins.Tests.Infrastructure;
using NUnit.Framework;

namespace KamPlugins.Tests.Api
{
    /// <summary>
    /// The five custom APIs as declared in code — the declarations the solution packer and the emulator
    /// both read: typed parameters, functions for the reads, privileges where data changes, and no
    /// processing step (a custom API's plugin is its main operation, linked by customapi.plugintypeid).
    /// </summary>
    public class CustomApiDeclarationTests
    {
        private static readonly IReadOnlyDictionary<string, Type> Expected = new Dictionary<string, Type>
        {
            [ApiNames.SubmitApproval] = typeof(ApiSubmitApproval),
            [ApiNames.GetApprovalStatus] = typeof(ApiGetApprovalStatus),
            [ApiNames.CheckOwnershipLock] = typeof(ApiCheckOwnershipLock),
            [ApiNames.GetGoalProgress] = typeof(ApiGetGoalProgress),
            [ApiNames.RecalculateGoals] = typeof(ApiRecalculateGoals),
        };

        private static IEnumerable<Type> ApiPlugins => Expected.Values;

        [Test]
        public void Assembly_Should_DeclareExactlyTheFiveCustomApis()
        {
            var declared = CustomApiRegistration.CustomApiPlugins().ToDictionary(t => t.GetCustomAttribute<CustomApiAttribute>().UniqueName, t => t);

            Assert.That(declared, Is.EquivalentTo(Expected));
        }

        [TestCaseSource(nameof(ApiPlugins))]
        public void ApiPlugin_Should_BeAPublicSealedPluginWithoutSteps(Type plugin)
        {
            Assert.Multiple(() =>
            {
                Assert.That(plugin.IsPublic && plugin.IsSealed, Is.True);
                Assert.That(typeof(PluginBase).IsAssignableFrom(plugin), Is.True);
                Assert.That(plugin.GetConstructor(new[] { typeof(string), typeof(string) }), Is.Not.Null);
                Assert.That(plugin.GetCustomAttributes<PluginStepAttribute>(), Is.Empty, "runs as the API's main operation, not as a step");
                Assert.That(plugin.GetCustomAttribute<CustomApiAttribute>().ChineseDisplayName, Is.Not.Empty);
            });
        }

        [TestCase(typeof(ApiSubmitApproval), false, ApiNames.CreateApprovalRequestPrivilege)]
        [TestCase(typeof(ApiGetApprovalStatus), true, null)]
        [TestCase(typeof(ApiCheckOwnershipLock), true, null)]
        [TestCase(typeof(ApiGetGoalProgress), true, null)]
        [TestCase(typeof(ApiRecalculateGoals), false, ApiNames.WriteGoalPrivilege)]
        public void ApiPlugin_Should_BeAFunctionOnlyWhenItReadsAndNeedAPrivilegeWhenItWrites(Type plugin, bool isFunction, string privilege)
        {
            var api = plugin.GetCustomAttribute<CustomApiAttribute>();

            Assert.That(api.IsFunction, Is.EqualTo(isFunction));
            Assert.That(api.ExecutePrivilegeName, Is.EqualTo(privilege));
            Assert.That(api.Binding, Is.EqualTo(CustomApiBinding.Global), "unbound: a missing and a hidden record must get the same answer from our code");
        }

        [TestCase(typeof(ApiSubmitApproval), "Comment:String?,ProposedOwner:EntityReference?,Record:EntityReference,RequestType:Picklist")]
        [TestCase(typeof(ApiGetApprovalStatus), "Record:EntityReference,RequestType:Picklist")]
        [TestCase(typeof(ApiCheckOwnershipLock), "Record:EntityReference")]
        [TestCase(typeof(ApiGetGoalProgress), "Goal:EntityReference")]
        [TestCase(typeof(ApiRecalculateGoals), "Goal:EntityReference")]
        public void ApiPlugin_Should_DeclareTypedRequestParameters(Type plugin, string expected)
        {
            var parameters = plugin.GetCustomAttributes<CustomApiRequestParameterAttribute>()
                .OrderBy(p => p.UniqueName, StringComparer.Ordinal)
                .Select(p => $"{p.UniqueName}:{p.Type}{(p.IsOptional ? "?" : string.Empty)}");

            Assert.That(string.Join(",", parameters), Is.EqualTo(expected));
        }

        [TestCase(typeof(ApiSubmitApproval), "ApprovalRequest:EntityReference")]
        [TestCase(typeof(ApiGetApprovalStatus), "ApprovalRequest:EntityReference,ApproverTeam:EntityReference,CurrentApprover:EntityReference,DecidedOn:DateTime,HasRequest:Boolean,Status:Picklist")]
        [TestCase(typeof(ApiCheckOwnershipLock), "IsLocked:Boolean,Reason:String")]
        [TestCase(typeof(ApiGetGoalProgress), "Actual:Decimal,InProgress:Decimal,Percentage:Decimal,TargetValue:Decimal,TodaysTarget:Decimal")]
        [TestCase(typeof(ApiRecalculateGoals), "GoalsRecalculated:Integer")]
        public void ApiPlugin_Should_DeclareTypedResponseProperties(Type plugin, string expected)
        {
            var properties = plugin.GetCustomAttributes<CustomApiResponsePropertyAttribute>()
                .OrderBy(p => p.UniqueName, StringComparer.Ordinal)
                .Select(p => $"{p.UniqueName}:{p.Type}");

            Assert.That(string.Join(",", properties), Is.EqualTo(expected));
        }

        [Test]
        public void EntityReferenceParameters_OfASingleTable_Should_NameIt()
        {
            var named = ApiPlugins
                .SelectMany(t => t.GetCustomAttributes<CustomApiRequestParameterAttribute>())
                .Where(p => p.Type == CustomApiParameterType.EntityReference && p.UniqueName != ApiNames.Record)
                .Select(p => p.LogicalEntityName)
                .Distinct();

            Assert.That(named, Is.EquivalentTo(new[] { SystemUserTable.LogicalName, GoalTable.LogicalName }));
        }

        [Test]
        public void Emulator_Should_RegisterEveryApiFromItsDeclaration()
        {
            var kam = new KamOrganization();

            Assert.Multiple(() =>
            {
                foreach (var pair in Expected)
                {
                    var definition = kam.Org.CustomApis.Find(pair.Key);
                    Assert.That(definition, Is.Not.Null, pair.Key);
                    if (definition == null) continue;
                    Assert.That(definition.PluginType, Is.EqualTo(pair.Value));
                    Assert.That(definition.BoundEntity, Is.Null);
                    var declared = pair.Value.GetCustomAttributes<CustomApiRequestParameterAttribute>().ToDictionary(p => p.UniqueName);
                    Assert.That(definition.RequestParameters.Select(p => p.Name), Is.EquivalentTo(declared.Keys));
                    foreach (var parameter in definition.RequestParameters)
                    {
                        Assert.That(parameter.Type, Is.EqualTo(CustomApiRegistration.SdkTypeOf(declared[parameter.Name].Type)), $"{pair.Key}.{parameter.Name}");
                        Assert.That(parameter.IsOptional, Is.EqualTo(declared[parameter.Name].IsOptional), $"{pair.Key}.{parameter.Name}");
                    }
                    Assert.That(definition.ResponseProperties.Select(p => p.Name),
                        Is.EquivalentTo(pair.Value.GetCustomAttributes<CustomApiResponsePropertyAttribute>().Select(p => p.UniqueName)));
                }
            });
        }

        [Test]
        public void StepRegistrationRules_Should_FindNoProblemWithTheApiPlugins()
        {
            var problems = StepRegistrationRules.Problems(typeof(PluginBase).Assembly)
                .Where(p => ApiPlugins.Any(t => p.Contains(t.FullName, StringComparison.Ordinal)));

            Assert.That(problems, Is.Empty);
        }
    }
}
