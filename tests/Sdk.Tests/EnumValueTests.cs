using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Sdk.Tests
{
    /// <summary>Enum numbers are compiled into callers: each member must carry the official 9.0 number.</summary>
    [TestFixture]
    public sealed class EnumValueTests
    {
        [TestCase("Equal", 0)]
        [TestCase("NotEqual", 1)]
        [TestCase("GreaterThan", 2)]
        [TestCase("LessThan", 3)]
        [TestCase("GreaterEqual", 4)]
        [TestCase("LessEqual", 5)]
        [TestCase("Like", 6)]
        [TestCase("NotLike", 7)]
        [TestCase("In", 8)]
        [TestCase("NotIn", 9)]
        [TestCase("Between", 10)]
        [TestCase("NotBetween", 11)]
        [TestCase("Null", 12)]
        [TestCase("NotNull", 13)]
        [TestCase("Yesterday", 14)]
        [TestCase("Today", 15)]
        [TestCase("Tomorrow", 16)]
        [TestCase("Last7Days", 17)]
        [TestCase("Next7Days", 18)]
        [TestCase("LastWeek", 19)]
        [TestCase("ThisWeek", 20)]
        [TestCase("NextWeek", 21)]
        [TestCase("LastMonth", 22)]
        [TestCase("ThisMonth", 23)]
        [TestCase("NextMonth", 24)]
        [TestCase("On", 25)]
        [TestCase("OnOrBefore", 26)]
        [TestCase("OnOrAfter", 27)]
        [TestCase("LastYear", 28)]
        [TestCase("ThisYear", 29)]
        [TestCase("NextYear", 30)]
        [TestCase("LastXHours", 31)]
        [TestCase("NextXHours", 32)]
        [TestCase("LastXDays", 33)]
        [TestCase("NextXDays", 34)]
        [TestCase("LastXWeeks", 35)]
        [TestCase("NextXWeeks", 36)]
        [TestCase("LastXMonths", 37)]
        [TestCase("NextXMonths", 38)]
        [TestCase("LastXYears", 39)]
        [TestCase("NextXYears", 40)]
        [TestCase("EqualUserId", 41)]
        [TestCase("NotEqualUserId", 42)]
        [TestCase("EqualBusinessId", 43)]
        [TestCase("NotEqualBusinessId", 44)]
        [TestCase("ChildOf", 45)]
        [TestCase("Mask", 46)]
        [TestCase("NotMask", 47)]
        [TestCase("MasksSelect", 48)]
        [TestCase("Contains", 49)]
        [TestCase("DoesNotContain", 50)]
        [TestCase("EqualUserLanguage", 51)]
        [TestCase("NotOn", 52)]
        [TestCase("OlderThanXMonths", 53)]
        [TestCase("BeginsWith", 54)]
        [TestCase("DoesNotBeginWith", 55)]
        [TestCase("EndsWith", 56)]
        [TestCase("DoesNotEndWith", 57)]
        [TestCase("ThisFiscalYear", 58)]
        [TestCase("ThisFiscalPeriod", 59)]
        [TestCase("NextFiscalYear", 60)]
        [TestCase("NextFiscalPeriod", 61)]
        [TestCase("LastFiscalYear", 62)]
        [TestCase("LastFiscalPeriod", 63)]
        [TestCase("LastXFiscalYears", 64)]
        [TestCase("LastXFiscalPeriods", 65)]
        [TestCase("NextXFiscalYears", 66)]
        [TestCase("NextXFiscalPeriods", 67)]
        [TestCase("InFiscalYear", 68)]
        [TestCase("InFiscalPeriod", 69)]
        [TestCase("InFiscalPeriodAndYear", 70)]
        [TestCase("InOrBeforeFiscalPeriodAndYear", 71)]
        [TestCase("InOrAfterFiscalPeriodAndYear", 72)]
        [TestCase("EqualUserTeams", 73)]
        [TestCase("EqualUserOrUserTeams", 74)]
        [TestCase("Under", 75)]
        [TestCase("NotUnder", 76)]
        [TestCase("UnderOrEqual", 77)]
        [TestCase("Above", 78)]
        [TestCase("AboveOrEqual", 79)]
        [TestCase("EqualUserOrUserHierarchy", 80)]
        [TestCase("EqualUserOrUserHierarchyAndTeams", 81)]
        [TestCase("OlderThanXYears", 82)]
        [TestCase("OlderThanXWeeks", 83)]
        [TestCase("OlderThanXDays", 84)]
        [TestCase("OlderThanXHours", 85)]
        [TestCase("OlderThanXMinutes", 86)]
        [TestCase("ContainValues", 87)]
        [TestCase("DoesNotContainValues", 88)]
        public void ConditionOperator_Member_Should_HaveTheOfficialNumber(string member, int expected)
        {
            var value = (int)Enum.Parse(typeof(ConditionOperator), member);

            Assert.That(value, Is.EqualTo(expected));
        }

        [TestCase("Inner", 0)]
        [TestCase("LeftOuter", 1)]
        [TestCase("Natural", 2)]
        [TestCase("MatchFirstRowUsingCrossApply", 3)]
        [TestCase("In", 4)]
        [TestCase("Exists", 5)]
        [TestCase("Any", 6)]
        [TestCase("NotAny", 7)]
        [TestCase("All", 8)]
        [TestCase("NotAll", 9)]
        public void JoinOperator_Member_Should_HaveTheOfficialNumber(string member, int expected)
        {
            var value = (int)Enum.Parse(typeof(JoinOperator), member);

            Assert.That(value, Is.EqualTo(expected));
        }

        [TestCase("And", 0)]
        [TestCase("Or", 1)]
        public void LogicalOperator_Member_Should_HaveTheOfficialNumber(string member, int expected)
        {
            var value = (int)Enum.Parse(typeof(LogicalOperator), member);

            Assert.That(value, Is.EqualTo(expected));
        }

        [TestCase("Ascending", 0)]
        [TestCase("Descending", 1)]
        public void OrderType_Member_Should_HaveTheOfficialNumber(string member, int expected)
        {
            var value = (int)Enum.Parse(typeof(OrderType), member);

            Assert.That(value, Is.EqualTo(expected));
        }

        [TestCase("Failed", 0)]
        [TestCase("Canceled", 1)]
        [TestCase("Retry", 2)]
        [TestCase("Suspended", 3)]
        [TestCase("Succeeded", 4)]
        public void OperationStatus_Member_Should_HaveTheOfficialNumber(string member, int expected)
        {
            var value = (int)Enum.Parse(typeof(OperationStatus), member);

            Assert.That(value, Is.EqualTo(expected));
        }

        [TestCase("Default", 0)]
        [TestCase("IfRowVersionMatches", 1)]
        [TestCase("AlwaysOverwrite", 2)]
        public void ConcurrencyBehavior_Member_Should_HaveTheOfficialNumber(string member, int expected)
        {
            var value = (int)Enum.Parse(typeof(ConcurrencyBehavior), member);

            Assert.That(value, Is.EqualTo(expected));
        }

        [TestCase("Referencing", 0)]
        [TestCase("Referenced", 1)]
        public void EntityRole_Member_Should_HaveTheOfficialNumber(string member, int expected)
        {
            var value = (int)Enum.Parse(typeof(EntityRole), member);

            Assert.That(value, Is.EqualTo(expected));
        }

        [TestCase("Unchanged", 0)]
        [TestCase("Created", 1)]
        [TestCase("Changed", 2)]
        public void EntityState_Member_Should_HaveTheOfficialNumber(string member, int expected)
        {
            var value = (int)Enum.Parse(typeof(EntityState), member);

            Assert.That(value, Is.EqualTo(expected));
        }

        [TestCase("NotSet", 0)]
        [TestCase("BadRequest", 400)]
        [TestCase("Unauthorized", 401)]
        [TestCase("Forbidden", 403)]
        [TestCase("NotFound", 404)]
        [TestCase("MethodNotAllowed", 405)]
        [TestCase("RequestTimeout", 408)]
        [TestCase("Conflict", 409)]
        [TestCase("Gone", 410)]
        [TestCase("PreconditionFailed", 412)]
        [TestCase("RequestEntityTooLarge", 413)]
        [TestCase("FailedDependency", 424)]
        [TestCase("TooManyRequests", 429)]
        [TestCase("InternalServerError", 500)]
        [TestCase("BadGateway", 502)]
        [TestCase("ServiceUnavailable", 503)]
        [TestCase("GatewayTimeout", 504)]
        public void PluginHttpStatusCode_Member_Should_HaveTheOfficialNumber(string member, int expected)
        {
            var value = (int)Enum.Parse(typeof(PluginHttpStatusCode), member);

            Assert.That(value, Is.EqualTo(expected));
        }

        [Test]
        public void CompiledConstants_ThatMatterMost_Should_HaveTheOfficialNumbers()
        {
            Assert.That((int)ConditionOperator.In, Is.EqualTo(8));
            Assert.That((int)ConditionOperator.NotIn, Is.EqualTo(9));
            Assert.That((int)ConditionOperator.Null, Is.EqualTo(12));
            Assert.That((int)JoinOperator.LeftOuter, Is.EqualTo(1));
            Assert.That((int)OperationStatus.Succeeded, Is.EqualTo(4));
            Assert.That((int)OperationStatus.Failed, Is.EqualTo(0));
        }
    }
}
