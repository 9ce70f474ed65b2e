using System;
using System.Globalization;
using Dataverse.Emulator.Query;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Query
{
    public partial class QueryEngineTests
    {
        // Now: Wednesday 2024-05-15 10:00 UTC. Created: Contoso 05-15 08:00, Fabrikam 05-14 12:00, Adventure Works 05-08,
        // Élan Vital 04-20, Northwind 2023-12-31.
        [TestCase(ConditionOperator.Today, null, ExpectedResult = "Contoso")]
        [TestCase(ConditionOperator.Yesterday, null, ExpectedResult = "Fabrikam")]
        [TestCase(ConditionOperator.ThisWeek, null, ExpectedResult = "Contoso,Fabrikam")]
        [TestCase(ConditionOperator.LastWeek, null, ExpectedResult = "Adventure Works")]
        [TestCase(ConditionOperator.ThisMonth, null, ExpectedResult = "Adventure Works,Contoso,Fabrikam")]
        [TestCase(ConditionOperator.LastMonth, null, ExpectedResult = "Élan Vital")]
        [TestCase(ConditionOperator.ThisYear, null, ExpectedResult = "Adventure Works,Contoso,Fabrikam,Élan Vital")]
        [TestCase(ConditionOperator.LastYear, null, ExpectedResult = "Northwind")]
        [TestCase(ConditionOperator.Last7Days, null, ExpectedResult = "Adventure Works,Contoso,Fabrikam")]
        [TestCase(ConditionOperator.LastXDays, 1, ExpectedResult = "Contoso,Fabrikam")]
        [TestCase(ConditionOperator.LastXHours, 3, ExpectedResult = "Contoso")]
        [TestCase(ConditionOperator.LastXWeeks, 1, ExpectedResult = "Adventure Works,Contoso,Fabrikam")]
        [TestCase(ConditionOperator.LastXMonths, 1, ExpectedResult = "Adventure Works,Contoso,Fabrikam,Élan Vital")]
        [TestCase(ConditionOperator.LastXYears, 1, ExpectedResult = "Adventure Works,Contoso,Fabrikam,Northwind,Élan Vital")]
        [TestCase(ConditionOperator.OlderThanXMinutes, 60, ExpectedResult = "Adventure Works,Contoso,Fabrikam,Northwind,Élan Vital")]
        [TestCase(ConditionOperator.OlderThanXHours, 12, ExpectedResult = "Adventure Works,Fabrikam,Northwind,Élan Vital")]
        [TestCase(ConditionOperator.OlderThanXDays, 30, ExpectedResult = "Northwind")]
        [TestCase(ConditionOperator.OlderThanXWeeks, 1, ExpectedResult = "Northwind,Élan Vital")]
        [TestCase(ConditionOperator.OlderThanXMonths, 1, ExpectedResult = "Northwind")]
        [TestCase(ConditionOperator.On, "2024-05-08", ExpectedResult = "Adventure Works")]
        [TestCase(ConditionOperator.NotOn, "2024-05-08", ExpectedResult = "Contoso,Fabrikam,Northwind,Élan Vital")]
        [TestCase(ConditionOperator.OnOrBefore, "2024-05-08", ExpectedResult = "Adventure Works,Northwind,Élan Vital")]
        [TestCase(ConditionOperator.OnOrAfter, "2024-05-14", ExpectedResult = "Contoso,Fabrikam")]
        [TestCase(ConditionOperator.GreaterThan, "2024-05-14T12:00:00Z", ExpectedResult = "Contoso")]
        public string Execute_DateConditionOnPastDates_ShouldUseTheClock(ConditionOperator op, object value) =>
            Names(Execute(Accounts(DateCondition("createdon", op, value))));

        // Follow-ups: Contoso 05-16 09:00, Fabrikam 05-20, Adventure Works 06-10, Élan Vital 2025-01-10.
        [TestCase(ConditionOperator.Tomorrow, null, ExpectedResult = "Contoso")]
        [TestCase(ConditionOperator.NextWeek, null, ExpectedResult = "Fabrikam")]
        [TestCase(ConditionOperator.NextMonth, null, ExpectedResult = "Adventure Works")]
        [TestCase(ConditionOperator.NextYear, null, ExpectedResult = "Élan Vital")]
        [TestCase(ConditionOperator.Next7Days, null, ExpectedResult = "Contoso,Fabrikam")]
        [TestCase(ConditionOperator.NextXDays, 1, ExpectedResult = "Contoso")]
        [TestCase(ConditionOperator.NextXHours, 24, ExpectedResult = "Contoso")]
        [TestCase(ConditionOperator.NextXWeeks, 4, ExpectedResult = "Adventure Works,Contoso,Fabrikam")]
        [TestCase(ConditionOperator.NextXMonths, 1, ExpectedResult = "Adventure Works,Contoso,Fabrikam")]
        [TestCase(ConditionOperator.NextXYears, 1, ExpectedResult = "Adventure Works,Contoso,Fabrikam,Élan Vital")]
        public string Execute_DateConditionOnFutureDates_ShouldUseTheClock(ConditionOperator op, object value) =>
            Names(Execute(Accounts(DateCondition("followupon", op, value))));

        [Test]
        public void Execute_BetweenDates_ShouldIncludeBothEnds()
        {
            var condition = new ConditionExpression(
                "createdon",
                ConditionOperator.Between,
                new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc),
                new DateTime(2024, 5, 8, 0, 0, 0, DateTimeKind.Utc));

            Assert.That(Names(Execute(Accounts(condition))), Is.EqualTo("Adventure Works,Élan Vital"));
        }

        [Test]
        public void Execute_DateConditionWhenTheClockMoves_ShouldFollowTheClock()
        {
            context = new QueryContext(Now.AddDays(1), caller.Id);

            Assert.That(Names(Execute(Accounts(new ConditionExpression("createdon", ConditionOperator.Yesterday)))), Is.EqualTo("Contoso"));
        }

        [TestCase(ConditionOperator.InFiscalYear)]
        [TestCase(ConditionOperator.ThisFiscalPeriod)]
        [TestCase(ConditionOperator.LastXFiscalYears)]
        public void Execute_FiscalOperator_ShouldThrowNotSupportedNamingTheOperator(ConditionOperator op)
        {
            var query = Accounts(new ConditionExpression("createdon", op, 2024));

            Assert.That(() => Execute(query), Throws.TypeOf<NotSupportedException>().With.Message.Contains(op.ToString()));
        }

        private static ConditionExpression DateCondition(string column, ConditionOperator op, object value)
        {
            if (value == null)
            {
                return new ConditionExpression(column, op);
            }

            if (value is string text)
            {
                value = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            }

            return new ConditionExpression(column, op, value);
        }
    }
}
