using KamPlugins.Goals.Definitions;
using KamPlugins.Model;
using NUnit.Framework;

namespace KamPlugins.Tests.Goals.Rules
{
    public class GoalColumnsTests
    {
        [TestCase("actualmoney", ContributionBucket.Actual)]
        [TestCase("actualdecimal", ContributionBucket.Actual)]
        [TestCase("actualinteger", ContributionBucket.Actual)]
        [TestCase("ActualMoney", ContributionBucket.Actual)]
        [TestCase("actual", ContributionBucket.Actual)]
        [TestCase("inprogressmoney", ContributionBucket.InProgress)]
        [TestCase("inprogressinteger", ContributionBucket.InProgress)]
        [TestCase("inprogress", ContributionBucket.InProgress)]
        [TestCase("customrollupfielddecimal", ContributionBucket.Custom)]
        [TestCase("customrollupfield", ContributionBucket.Custom)]
        public void BucketOf_GoalAttribute_Should_NameTheBucket(string goalAttribute, ContributionBucket expected)
        {
            Assert.That(GoalColumns.BucketOf(goalAttribute), Is.EqualTo(expected));
        }

        [TestCase(null)]
        [TestCase("")]
        [TestCase("targetmoney")]
        [TestCase("actualstring")]
        [TestCase("percentage")]
        public void BucketOf_OtherColumn_Should_BeNull(string goalAttribute)
        {
            Assert.That(GoalColumns.BucketOf(goalAttribute), Is.Null);
        }

        [TestCase(ContributionBucket.Actual, GoalAmountDataType.Money, "actualmoney", "rollupqueryactualmoneyid")]
        [TestCase(ContributionBucket.InProgress, GoalAmountDataType.Decimal, "inprogressdecimal", "rollupqueryinprogressdecimalid")]
        [TestCase(ContributionBucket.Custom, GoalAmountDataType.Integer, "customrollupfieldinteger", "rollupquerycustomintegerid")]
        public void Columns_OfBucketAndType_Should_FollowTheGoalTable(ContributionBucket bucket, GoalAmountDataType type, string value, string query)
        {
            Assert.Multiple(() =>
            {
                Assert.That(GoalColumns.Value(bucket, type), Is.EqualTo(value));
                Assert.That(GoalColumns.RollupQuery(bucket, type), Is.EqualTo(query));
            });
        }

        [TestCase(GoalAmountDataType.Money, "targetmoney")]
        [TestCase(GoalAmountDataType.Decimal, "targetdecimal")]
        [TestCase(GoalAmountDataType.Integer, "targetinteger")]
        public void Target_OfType_Should_BeTheTargetColumn(GoalAmountDataType type, string expected)
        {
            Assert.That(GoalColumns.Target(type), Is.EqualTo(expected));
        }

        [Test]
        public void RollupQuery_Should_AgreeWithTheModelsNames()
        {
            Assert.That(new[]
            {
                GoalColumns.RollupQuery(ContributionBucket.Actual, GoalAmountDataType.Money), GoalColumns.RollupQuery(ContributionBucket.Actual, GoalAmountDataType.Decimal),
                GoalColumns.RollupQuery(ContributionBucket.Actual, GoalAmountDataType.Integer), GoalColumns.RollupQuery(ContributionBucket.InProgress, GoalAmountDataType.Money),
                GoalColumns.RollupQuery(ContributionBucket.InProgress, GoalAmountDataType.Decimal), GoalColumns.RollupQuery(ContributionBucket.InProgress, GoalAmountDataType.Integer),
                GoalColumns.RollupQuery(ContributionBucket.Custom, GoalAmountDataType.Money), GoalColumns.RollupQuery(ContributionBucket.Custom, GoalAmountDataType.Decimal),
                GoalColumns.RollupQuery(ContributionBucket.Custom, GoalAmountDataType.Integer),
            }, Is.EqualTo(new[]
            {
                GoalTable.RollupQueryActualMoneyId, GoalTable.RollupQueryActualDecimalId, GoalTable.RollupQueryActualIntegerId,
                GoalTable.RollupQueryInProgressMoneyId, GoalTable.RollupQueryInProgressDecimalId, GoalTable.RollupQueryInProgressIntegerId,
                GoalTable.RollupQueryCustomMoneyId, GoalTable.RollupQueryCustomDecimalId, GoalTable.RollupQueryCustomIntegerId,
            }));
        }

        [Test]
        public void AllRead_Should_HoldEveryValueTargetAndQueryColumnOnce()
        {
            var columns = GoalColumns.AllRead();
            Assert.Multiple(() =>
            {
                Assert.That(columns, Is.Unique);
                Assert.That(columns, Has.Length.EqualTo(10 + 3 + 9 + 9));
                Assert.That(columns, Does.Contain("customrollupfieldmoney").And.Contain("rollupquerycustommoneyid").And.Contain("targetinteger"));
            });
        }
    }
}
