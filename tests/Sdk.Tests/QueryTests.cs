using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Sdk.Tests
{
    [TestFixture]
    public sealed class QueryTests
    {
        [Test]
        public void ConditionExpression_IntArray_Should_FlattenIntoValues()
        {
            var condition = new ConditionExpression("statecode", ConditionOperator.In, new[] { 0, 1 });

            Assert.That(condition.Values, Is.EqualTo(new object[] { 0, 1 }));
        }

        [Test]
        public void ConditionExpression_StringArray_Should_FlattenIntoValues()
        {
            var condition = new ConditionExpression("name", ConditionOperator.In, new[] { "Value1", "Value2" });

            Assert.That(condition.Values, Has.Count.EqualTo(2));
        }

        [Test]
        public void ConditionExpression_ArrayPassedAsObject_Should_StayOneValue()
        {
            object value = new[] { "Value1", "Value2" };

            var condition = new ConditionExpression("name", ConditionOperator.In, value);

            Assert.That(condition.Values, Has.Count.EqualTo(1));
            Assert.That(condition.Values[0], Is.SameAs(value));
        }

        [Test]
        public void ConditionExpression_Collection_Should_FlattenIntoValues()
        {
            var condition = new ConditionExpression("statecode", ConditionOperator.In, new List<int> { 0, 1, 2 });

            Assert.That(condition.Values, Is.EqualTo(new object[] { 0, 1, 2 }));
        }

        [Test]
        public void ConditionExpression_ParamsValues_Should_KeepEachValue()
        {
            var condition = new ConditionExpression("revenue", ConditionOperator.Between, 10, 20);

            Assert.That(condition.AttributeName, Is.EqualTo("revenue"));
            Assert.That(condition.Operator, Is.EqualTo(ConditionOperator.Between));
            Assert.That(condition.Values, Is.EqualTo(new object[] { 10, 20 }));
        }

        [Test]
        public void ConditionExpression_SingleValue_Should_HoldOneValue()
        {
            var condition = new ConditionExpression("name", ConditionOperator.Equal, "Contoso");

            Assert.That(condition.Values, Is.EqualTo(new object[] { "Contoso" }));
            Assert.That(condition.EntityName, Is.Null);
            Assert.That(condition.CompareColumns, Is.False);
        }

        [Test]
        public void ConditionExpression_NoValue_Should_HaveEmptyValues()
        {
            var condition = new ConditionExpression("parentaccountid", ConditionOperator.Null);

            Assert.That(condition.Values, Is.Empty);
        }

        [Test]
        public void ConditionExpression_EntityName_Should_BeSet()
        {
            var condition = new ConditionExpression("contact", "lastname", ConditionOperator.Equal, "Smith");

            Assert.That(condition.EntityName, Is.EqualTo("contact"));
            Assert.That(condition.AttributeName, Is.EqualTo("lastname"));
            Assert.That(condition.Values, Is.EqualTo(new object[] { "Smith" }));
        }

        [Test]
        public void ConditionExpression_CompareColumns_Should_HoldTheOtherColumnName()
        {
            var condition = new ConditionExpression("firstname", ConditionOperator.Equal, true, (object)"lastname");

            Assert.That(condition.CompareColumns, Is.True);
            Assert.That(condition.Values, Is.EqualTo(new object[] { "lastname" }));
        }

        [Test]
        public void ConditionExpression_Default_Should_HaveEmptyValues()
        {
            var condition = new ConditionExpression();

            Assert.That(condition.Values, Is.Empty);
            Assert.That(condition.Operator, Is.EqualTo(ConditionOperator.Equal));
        }

        [Test]
        public void FilterExpression_Default_Should_BeAndWithNothing()
        {
            var filter = new FilterExpression();

            Assert.That(filter.FilterOperator, Is.EqualTo(LogicalOperator.And));
            Assert.That(filter.Conditions, Is.Empty);
            Assert.That(filter.Filters, Is.Empty);
        }

        [Test]
        public void FilterExpression_AddCondition_Should_AppendConditions()
        {
            var filter = new FilterExpression(LogicalOperator.Or);
            var explicitCondition = new ConditionExpression("name", ConditionOperator.NotNull);

            filter.AddCondition(explicitCondition);
            filter.AddCondition("statecode", ConditionOperator.Equal, 0);
            filter.AddCondition("contact", "lastname", ConditionOperator.In, "Smith", "Jones");

            Assert.That(filter.FilterOperator, Is.EqualTo(LogicalOperator.Or));
            Assert.That(filter.Conditions, Has.Count.EqualTo(3));
            Assert.That(filter.Conditions[0], Is.SameAs(explicitCondition));
            Assert.That(filter.Conditions[1].Values, Is.EqualTo(new object[] { 0 }));
            Assert.That(filter.Conditions[2].EntityName, Is.EqualTo("contact"));
            Assert.That(filter.Conditions[2].Values, Is.EqualTo(new object[] { "Smith", "Jones" }));
        }

        [Test]
        public void FilterExpression_AddFilter_Should_AppendChildFilters()
        {
            var filter = new FilterExpression();
            var explicitChild = new FilterExpression(LogicalOperator.And);

            var created = filter.AddFilter(LogicalOperator.Or);
            filter.AddFilter(explicitChild);

            Assert.That(created.FilterOperator, Is.EqualTo(LogicalOperator.Or));
            Assert.That(filter.Filters, Is.EqualTo(new[] { created, explicitChild }));
        }

        [Test]
        public void ColumnSet_Default_Should_HaveNoColumns()
        {
            var columns = new ColumnSet();

            Assert.That(columns.AllColumns, Is.False);
            Assert.That(columns.Columns, Is.Empty);
        }

        [Test]
        public void ColumnSet_AllColumns_Should_BeSet()
        {
            Assert.That(new ColumnSet(true).AllColumns, Is.True);
        }

        [Test]
        public void ColumnSet_ColumnsAndAddColumns_Should_ListThemInOrder()
        {
            var columns = new ColumnSet("name", "telephone1");

            columns.AddColumn("emailaddress1");
            columns.AddColumns("address1_city", "revenue");

            Assert.That(columns.Columns, Is.EqualTo(new[] { "name", "telephone1", "emailaddress1", "address1_city", "revenue" }));
            Assert.That(columns.AllColumns, Is.False);
        }

        [Test]
        public void QueryExpression_Constructor_Should_SetEntityNameAndEmptyParts()
        {
            var query = new QueryExpression("account");

            Assert.That(query.EntityName, Is.EqualTo("account"));
            Assert.That(query.ColumnSet, Is.Not.Null);
            Assert.That(query.ColumnSet.AllColumns, Is.False);
            Assert.That(query.Criteria, Is.Not.Null);
            Assert.That(query.Criteria.Conditions, Is.Empty);
            Assert.That(query.PageInfo, Is.Not.Null);
            Assert.That(query.LinkEntities, Is.Empty);
            Assert.That(query.Orders, Is.Empty);
            Assert.That(query.TopCount, Is.Null);
            Assert.That(query.Distinct, Is.False);
            Assert.That(query.NoLock, Is.False);
        }

        [Test]
        public void QueryExpression_AddLink_Should_JoinFromTheQueriedTableInnerByDefault()
        {
            var query = new QueryExpression("account");

            var link = query.AddLink("contact", "primarycontactid", "contactid");

            Assert.That(query.LinkEntities, Is.EqualTo(new[] { link }));
            Assert.That(link.LinkFromEntityName, Is.EqualTo("account"));
            Assert.That(link.LinkToEntityName, Is.EqualTo("contact"));
            Assert.That(link.LinkFromAttributeName, Is.EqualTo("primarycontactid"));
            Assert.That(link.LinkToAttributeName, Is.EqualTo("contactid"));
            Assert.That(link.JoinOperator, Is.EqualTo(JoinOperator.Inner));
        }

        [Test]
        public void QueryExpression_AddLinkWithJoin_Should_UseTheJoin()
        {
            var query = new QueryExpression("account");

            var link = query.AddLink("contact", "primarycontactid", "contactid", JoinOperator.LeftOuter);

            Assert.That(link.JoinOperator, Is.EqualTo(JoinOperator.LeftOuter));
        }

        [Test]
        public void QueryExpression_AddOrder_Should_AppendOrders()
        {
            var query = new QueryExpression("account");

            query.AddOrder("name", OrderType.Ascending);
            query.AddOrder("createdon", OrderType.Descending);

            Assert.That(query.Orders.Select(o => o.AttributeName), Is.EqualTo(new[] { "name", "createdon" }));
            Assert.That(query.Orders.Select(o => o.OrderType), Is.EqualTo(new[] { OrderType.Ascending, OrderType.Descending }));
        }

        [Test]
        public void LinkEntity_Constructor_Should_SetEveryPartAndEmptyChildren()
        {
            var link = new LinkEntity("account", "contact", "primarycontactid", "contactid", JoinOperator.LeftOuter) { EntityAlias = "pc" };

            Assert.That(link.LinkFromEntityName, Is.EqualTo("account"));
            Assert.That(link.LinkToEntityName, Is.EqualTo("contact"));
            Assert.That(link.LinkFromAttributeName, Is.EqualTo("primarycontactid"));
            Assert.That(link.LinkToAttributeName, Is.EqualTo("contactid"));
            Assert.That(link.JoinOperator, Is.EqualTo(JoinOperator.LeftOuter));
            Assert.That(link.EntityAlias, Is.EqualTo("pc"));
            Assert.That(link.Columns, Is.Not.Null);
            Assert.That(link.LinkCriteria, Is.Not.Null);
            Assert.That(link.LinkEntities, Is.Empty);
        }

        [Test]
        public void LinkEntity_AddLink_Should_JoinFromTheLinkedTable()
        {
            var link = new LinkEntity("account", "contact", "primarycontactid", "contactid", JoinOperator.Inner);

            var nested = link.AddLink("systemuser", "owninguser", "systemuserid");

            Assert.That(link.LinkEntities, Is.EqualTo(new[] { nested }));
            Assert.That(nested.LinkFromEntityName, Is.EqualTo("contact"));
            Assert.That(nested.LinkToEntityName, Is.EqualTo("systemuser"));
            Assert.That(nested.JoinOperator, Is.EqualTo(JoinOperator.Inner));
        }

        [Test]
        public void PagingInfo_Properties_Should_BeReadBack()
        {
            var paging = new PagingInfo { Count = 50, PageNumber = 2, PagingCookie = "<cookie/>", ReturnTotalRecordCount = true };

            Assert.That(paging.Count, Is.EqualTo(50));
            Assert.That(paging.PageNumber, Is.EqualTo(2));
            Assert.That(paging.PagingCookie, Is.EqualTo("<cookie/>"));
            Assert.That(paging.ReturnTotalRecordCount, Is.True);
        }

        [Test]
        public void OrderExpression_Constructor_Should_SetAttributeAndOrder()
        {
            var order = new OrderExpression("name", OrderType.Descending);

            Assert.That(order.AttributeName, Is.EqualTo("name"));
            Assert.That(order.OrderType, Is.EqualTo(OrderType.Descending));
        }

        [Test]
        public void QueryByAttribute_AddAttributeValue_Should_PairAttributesAndValues()
        {
            var query = new QueryByAttribute("account") { ColumnSet = new ColumnSet("name") };

            query.AddAttributeValue("statecode", 0);
            query.AddAttributeValue("name", "Contoso");
            query.AddOrder("name", OrderType.Ascending);

            Assert.That(query.EntityName, Is.EqualTo("account"));
            Assert.That(query.Attributes, Is.EqualTo(new[] { "statecode", "name" }));
            Assert.That(query.Values, Is.EqualTo(new object[] { 0, "Contoso" }));
            Assert.That(query.Orders, Has.Count.EqualTo(1));
        }

        [Test]
        public void FetchExpression_Constructor_Should_KeepTheFetchXml()
        {
            const string fetchXml = "<fetch><entity name='account'/></fetch>";

            var query = new FetchExpression(fetchXml);

            Assert.That(query.Query, Is.EqualTo(fetchXml));
            Assert.That(query, Is.InstanceOf<QueryBase>());
        }
    }
}
