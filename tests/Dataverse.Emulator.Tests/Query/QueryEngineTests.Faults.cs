using System;
using System.ServiceModel;
using Dataverse.Emulator.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Query
{
    public partial class QueryEngineTests
    {
        [Test]
        public void Execute_UnknownTable_ShouldFailWithQueryBuilderNoEntity()
        {
            Assert.That(FaultCode(() => Execute(new QueryExpression("widget"))), Is.EqualTo(ErrorCodes.QueryBuilderNoEntity));
        }

        [Test]
        public void Execute_UnknownLinkedTable_ShouldFailWithQueryBuilderNoEntity()
        {
            var query = Accounts();
            query.AddLink("widget", "accountid", "accountid");

            Assert.That(FaultCode(() => Execute(query)), Is.EqualTo(ErrorCodes.QueryBuilderNoEntity));
        }

        [Test]
        public void Execute_FetchUnknownTable_ShouldFailWithQueryBuilderNoEntity()
        {
            Assert.That(FaultCode(() => Fetch("<fetch><entity name='widget' /></fetch>")), Is.EqualTo(-2147217150));
        }

        [Test]
        public void Execute_UnknownColumnInColumnSet_ShouldFailWithQueryBuilderNoAttributeAndDataverseMessage()
        {
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name", "colour") };

            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Execute(query));

            Assert.That(fault.Detail.ErrorCode, Is.EqualTo(-2147217149));
            Assert.That(fault.Detail.Message, Is.EqualTo("'account' entity doesn't contain attribute with Name = 'colour'."));
        }

        [Test]
        public void Execute_UnknownColumnInCondition_ShouldFailWithQueryBuilderNoAttribute()
        {
            var query = Accounts(new ConditionExpression("colour", ConditionOperator.Equal, "red"));

            Assert.That(FaultCode(() => Execute(query)), Is.EqualTo(ErrorCodes.QueryBuilderNoAttribute));
        }

        [Test]
        public void Execute_UnknownColumnInOrder_ShouldFailWithQueryBuilderNoAttribute()
        {
            var query = Accounts();
            query.AddOrder("colour", OrderType.Ascending);

            Assert.That(FaultCode(() => Execute(query)), Is.EqualTo(ErrorCodes.QueryBuilderNoAttribute));
        }

        [Test]
        public void Execute_UnknownColumnOfLinkedTable_ShouldNameTheLinkedTable()
        {
            var query = Accounts();
            query.AddLink("contact", "accountid", "parentcustomerid").Columns = new ColumnSet("colour");

            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Execute(query));

            Assert.That(fault.Detail.Message, Is.EqualTo("'contact' entity doesn't contain attribute with Name = 'colour'."));
        }

        [Test]
        public void Execute_UnknownJoinColumn_ShouldFailWithQueryBuilderNoAttribute()
        {
            var query = Accounts();
            query.AddLink("contact", "accountid", "accountid");

            Assert.That(FaultCode(() => Execute(query)), Is.EqualTo(ErrorCodes.QueryBuilderNoAttribute));
        }

        [Test]
        public void Execute_FetchUnknownAttribute_ShouldFailWithQueryBuilderNoAttribute()
        {
            const string fetch = "<fetch><entity name='account'><attribute name='colour' /></entity></fetch>";

            Assert.That(FaultCode(() => Fetch(fetch)), Is.EqualTo(ErrorCodes.QueryBuilderNoAttribute));
        }

        [Test]
        public void Execute_ConditionOnUnknownAlias_ShouldFailAsInvalidArgument()
        {
            var query = Accounts(new ConditionExpression("nowhere", "name", ConditionOperator.Null));

            Assert.That(FaultCode(() => Execute(query)), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [TestCase(ConditionOperator.Equal, 0)]
        [TestCase(ConditionOperator.Equal, 2)]
        [TestCase(ConditionOperator.Between, 1)]
        [TestCase(ConditionOperator.In, 0)]
        [TestCase(ConditionOperator.LastXDays, 0)]
        public void Execute_WrongNumberOfValues_ShouldFailAsInvalidArgument(ConditionOperator op, int count)
        {
            var values = new object[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = 1;
            }

            var query = Accounts(new ConditionExpression("numberofemployees", op, values));

            Assert.That(FaultCode(() => Execute(query)), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [Test]
        public void Execute_ValueOfWrongType_ShouldFailAsInvalidArgument()
        {
            var query = Accounts(new ConditionExpression("numberofemployees", ConditionOperator.Equal, Guid.NewGuid()));

            Assert.That(FaultCode(() => Execute(query)), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [Test]
        public void Execute_DuplicateLinkAlias_ShouldFailAsInvalidArgument()
        {
            var query = Accounts();
            query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter).EntityAlias = "c";
            query.AddLink("contact", "primarycontactid", "contactid", JoinOperator.LeftOuter).EntityAlias = "c";

            Assert.That(FaultCode(() => Execute(query)), Is.EqualTo(ErrorCodes.InvalidArgument));
        }

        [TestCase(ConditionOperator.EqualBusinessId)]
        [TestCase(ConditionOperator.Under)]
        [TestCase(ConditionOperator.EqualUserLanguage)]
        public void Execute_OperatorWithoutEmulatedData_ShouldThrowNotSupportedNamingTheOperator(ConditionOperator op)
        {
            var query = Accounts(new ConditionExpression("ownerid", op));

            Assert.That(() => Execute(query), Throws.TypeOf<NotSupportedException>().With.Message.Contains(op.ToString()));
        }

        [Test]
        public void Execute_NullArguments_ShouldThrowArgumentNull()
        {
            Assert.That(() => engine.Execute(null, source, context), Throws.ArgumentNullException);
            Assert.That(() => engine.Execute(Accounts(), null, context), Throws.ArgumentNullException);
            Assert.That(() => engine.Execute(Accounts(), source, null), Throws.ArgumentNullException);
        }
    }
}
