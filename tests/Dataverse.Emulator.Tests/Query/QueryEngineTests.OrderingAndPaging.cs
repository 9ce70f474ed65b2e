using System;
using System.Collections.Generic;
using System.Data.SqlTypes;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Dataverse.Emulator.Tests.Query
{
    public partial class QueryEngineTests
    {
        [Test]
        public void Execute_OrderAscending_ShouldPutNullsFirstAndUseTheCollation()
        {
            var query = Accounts();
            query.AddOrder("name", OrderType.Ascending);

            Assert.That(NamesInOrder(Execute(query)), Is.EqualTo("(no name),Adventure Works,Contoso,Élan Vital,Fabrikam,Northwind"));
        }

        [Test]
        public void Execute_OrderDescending_ShouldPutNullsLast()
        {
            var query = Accounts();
            query.AddOrder("numberofemployees", OrderType.Descending);

            var names = Execute(query).Entities.Select(NameOf).ToList();

            Assert.That(names.Take(4), Is.EqualTo(new[] { "Fabrikam", "Northwind", "Contoso", "Adventure Works" }));
            Assert.That(names.Skip(4), Is.EquivalentTo(new[] { "Élan Vital", "(no name)" }));
        }

        [Test]
        public void Execute_SeveralOrders_ShouldBreakTiesWithTheNextOrder()
        {
            var query = Accounts(new ConditionExpression("industrycode", ConditionOperator.NotNull));
            query.AddOrder("industrycode", OrderType.Ascending);
            query.AddOrder("name", OrderType.Descending);

            Assert.That(NamesInOrder(Execute(query)), Is.EqualTo("Contoso,Adventure Works,Fabrikam,Élan Vital"));
        }

        [Test]
        public void Execute_OrderOnMoney_ShouldSortByAmount()
        {
            var query = Accounts(new ConditionExpression("revenue", ConditionOperator.NotNull));
            query.AddOrder("revenue", OrderType.Ascending);

            Assert.That(NamesInOrder(Execute(query)), Is.EqualTo("Fabrikam,Northwind,Contoso,Élan Vital"));
        }

        [Test]
        public void Execute_OrderNamingALinkedTable_ShouldSortByTheLinkedColumn()
        {
            var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
            query.AddLink("account", "parentcustomerid", "accountid");
            query.Orders.Add(new OrderExpression("name", OrderType.Descending, null, "account1"));
            query.AddOrder("fullname", OrderType.Ascending);

            Assert.That(NamesInOrder(Execute(query)), Is.EqualTo("Ann,Bob,Cid"));
        }

        [Test]
        public void Execute_LinkEntityOrders_ShouldSortByTheLinkedColumn()
        {
            var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
            query.AddLink("account", "parentcustomerid", "accountid").Orders.Add(new OrderExpression("name", OrderType.Ascending));

            Assert.That(NamesInOrder(Execute(query)), Does.StartWith("Cid,"));
        }

        [Test]
        public void Execute_WithoutOrders_ShouldReturnRowsInCreationOrder()
        {
            Assert.That(NamesInOrder(Execute(Accounts())), Is.EqualTo("Contoso,Fabrikam,Adventure Works,Élan Vital,Northwind,(no name)"));
        }

        [Test]
        public void Execute_OrderOnId_ShouldUseSqlServerUniqueidentifierOrder()
        {
            var expected = source.Rows("account").Select(e => e.Id).OrderBy(id => new SqlGuid(id)).ToList();
            var query = Accounts();
            query.AddOrder("accountid", OrderType.Ascending);

            var ids = Execute(query).Entities.Select(e => e.Id).ToList();

            Assert.That(ids, Is.EqualTo(expected));
        }

        [Test]
        public void Execute_OrderOnLookup_ShouldUseSqlServerUniqueidentifierOrderOfTheIds()
        {
            var query = Accounts(new ConditionExpression("ownerid", ConditionOperator.NotNull));
            query.AddOrder("ownerid", OrderType.Descending);
            query.AddOrder("name", OrderType.Ascending);
            var expected = source.Rows("account")
                .Where(e => e.Contains("ownerid"))
                .OrderByDescending(e => new SqlGuid(e.GetAttributeValue<EntityReference>("ownerid").Id))
                .ThenBy(e => e.GetAttributeValue<string>("name"), StringComparer.OrdinalIgnoreCase)
                .Select(NameOf);

            Assert.That(NamesInOrder(Execute(query)), Is.EqualTo(string.Join(",", expected)));
        }

        [Test]
        public void Execute_TopCount_ShouldReturnTheFirstRowsOnly()
        {
            var query = Accounts();
            query.AddOrder("name", OrderType.Ascending);
            query.TopCount = 2;

            var result = Execute(query);

            Assert.That(NamesInOrder(result), Is.EqualTo("(no name),Adventure Works"));
            Assert.That(result.MoreRecords, Is.False);
        }

        [Test]
        public void Execute_TopCountWithoutOrder_ShouldReturnTheFirstMatchesInCreationOrder()
        {
            var unordered = Accounts();
            var all = NamesInOrder(Execute(unordered)).Split(',');
            var query = Accounts();
            query.TopCount = 2;

            var result = Execute(query);

            Assert.That(all, Has.Length.GreaterThan(2));
            Assert.That(NamesInOrder(result), Is.EqualTo(all[0] + "," + all[1]));
        }

        [Test]
        public void Execute_TopCountWithOrderOverManyRows_ShouldStillOrderAllMatches()
        {
            for (var i = 0; i < 50; i++)
            {
                source.Add(new Entity("account") { ["name"] = "Zz " + (49 - i).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) });
            }

            var query = Accounts(new ConditionExpression("name", ConditionOperator.BeginsWith, "Zz "));
            query.AddOrder("name", OrderType.Ascending);
            query.TopCount = 1;

            Assert.That(NamesInOrder(Execute(query)), Is.EqualTo("Zz 00"));
        }

        [Test]
        public void Execute_TopCountWithPaging_ShouldFailAsInvalidArgument()
        {
            var query = Accounts();
            query.TopCount = 2;
            query.PageInfo = new PagingInfo { Count = 2, PageNumber = 1 };

            Assert.That(FaultCode(() => Execute(query)), Is.EqualTo(Faults.ErrorCodes.InvalidArgument));
        }

        [Test]
        public void Execute_PagesWithCookie_ShouldReturnEveryRowOnceInOrder()
        {
            var query = Accounts();
            query.AddOrder("name", OrderType.Ascending);
            query.PageInfo = new PagingInfo { Count = 4, PageNumber = 1 };
            var names = new List<string>();
            var pages = 0;
            while (true)
            {
                var page = Execute(query);
                pages++;
                names.AddRange(page.Entities.Select(NameOf));
                if (!page.MoreRecords)
                {
                    break;
                }

                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }

            Assert.That(pages, Is.EqualTo(2));
            Assert.That(string.Join(",", names), Is.EqualTo("(no name),Adventure Works,Contoso,Élan Vital,Fabrikam,Northwind"));
        }

        [Test]
        public void Execute_FirstPage_ShouldSetMoreRecordsAndADataverseCookie()
        {
            var query = Accounts();
            query.AddOrder("name", OrderType.Ascending);
            query.PageInfo = new PagingInfo { Count = 2, PageNumber = 1 };

            var page = Execute(query);

            Assert.That(page.MoreRecords, Is.True);
            var last = page.Entities[1].Id.ToString("B").ToUpperInvariant();
            var first = page.Entities[0].Id.ToString("B").ToUpperInvariant();
            Assert.That(page.PagingCookie, Is.EqualTo($"<cookie page=\"1\"><name last=\"Adventure Works\" /><accountid last=\"{last}\" first=\"{first}\" /></cookie>"));
        }

        [Test]
        public void Execute_NextPageWithCookieAfterADelete_ShouldContinueAfterTheLastRowSeen()
        {
            var query = Accounts();
            query.AddOrder("name", OrderType.Ascending);
            query.PageInfo = new PagingInfo { Count = 2, PageNumber = 1 };
            var first = Execute(query);
            source.Remove(adventureWorks);

            query.PageInfo.PageNumber = 2;
            query.PageInfo.PagingCookie = first.PagingCookie;

            Assert.That(NamesInOrder(Execute(query)), Is.EqualTo("Contoso,Élan Vital"));
        }

        [Test]
        public void Execute_UnorderedNextPageWithCookieAfterADelete_ShouldContinueAfterTheLastRecordSeen()
        {
            var query = Accounts();
            query.PageInfo = new PagingInfo { Count = 2, PageNumber = 1 };
            var first = Execute(query);
            source.Remove(contoso);

            query.PageInfo.PageNumber = 2;
            query.PageInfo.PagingCookie = first.PagingCookie;

            Assert.That(NamesInOrder(first), Is.EqualTo("Contoso,Fabrikam"));
            Assert.That(NamesInOrder(Execute(query)), Is.EqualTo("Adventure Works,Élan Vital"));
        }

        [Test]
        public void Execute_NextPageWithoutCookie_ShouldSkipByPageNumber()
        {
            var query = Accounts();
            query.AddOrder("name", OrderType.Ascending);
            query.PageInfo = new PagingInfo { Count = 2, PageNumber = 1 };
            Execute(query);
            source.Remove(adventureWorks);

            query.PageInfo.PageNumber = 2;

            Assert.That(NamesInOrder(Execute(query)), Is.EqualTo("Élan Vital,Fabrikam"));
        }

        [Test]
        public void Execute_PreviousPageWithCookie_ShouldEndBeforeTheFirstRowSeen()
        {
            var query = Accounts();
            query.AddOrder("name", OrderType.Ascending);
            query.PageInfo = new PagingInfo { Count = 2, PageNumber = 2 };
            var second = Execute(query);

            query.PageInfo.PageNumber = 1;
            query.PageInfo.PagingCookie = second.PagingCookie;

            Assert.That(NamesInOrder(Execute(query)), Is.EqualTo("(no name),Adventure Works"));
        }

        [Test]
        public void Execute_ReturnTotalRecordCount_ShouldCountAllMatchingRows()
        {
            var query = Accounts(new ConditionExpression("name", ConditionOperator.NotNull));
            query.PageInfo = new PagingInfo { Count = 2, PageNumber = 1, ReturnTotalRecordCount = true };

            var page = Execute(query);

            Assert.That(page.TotalRecordCount, Is.EqualTo(5));
            Assert.That(page.TotalRecordCountLimitExceeded, Is.False);
        }

        [Test]
        public void Execute_WithoutReturnTotalRecordCount_ShouldReportMinusOne()
        {
            Assert.That(Execute(Accounts()).TotalRecordCount, Is.EqualTo(-1));
        }

        [Test]
        public void Execute_WithoutPaging_ShouldReturnAtMost5000RowsAndSayThereIsMore()
        {
            for (var i = 0; i < 5000; i++)
            {
                source.Add(new Entity("account") { ["name"] = "bulk" });
            }

            var result = Execute(Accounts());

            Assert.That(result.Entities, Has.Count.EqualTo(5000));
            Assert.That(result.MoreRecords, Is.True);
        }

        [Test]
        public void Execute_TotalRecordCountOver5000_ShouldCapAndFlagTheLimit()
        {
            for (var i = 0; i < 5000; i++)
            {
                source.Add(new Entity("account") { ["name"] = "bulk" });
            }

            var query = Accounts();
            query.PageInfo = new PagingInfo { Count = 10, PageNumber = 1, ReturnTotalRecordCount = true };
            var page = Execute(query);

            Assert.That(page.TotalRecordCount, Is.EqualTo(5000));
            Assert.That(page.TotalRecordCountLimitExceeded, Is.True);
        }

        [Test]
        public void Execute_QueryByAttribute_ShouldMatchEveryAttributeValue()
        {
            var query = new QueryByAttribute("account") { ColumnSet = new ColumnSet("name") };
            query.AddAttributeValue("industrycode", 1);
            query.AddAttributeValue("isactive", true);
            query.AddOrder("name", OrderType.Descending);

            Assert.That(NamesInOrder(Execute(query)), Is.EqualTo("Contoso,Adventure Works"));
        }

        [Test]
        public void Execute_QueryByAttributeWithTopCount_ShouldLimitTheRows()
        {
            var query = new QueryByAttribute("account") { ColumnSet = new ColumnSet("name"), TopCount = 1 };
            query.AddAttributeValue("ownerid", caller.Id);
            query.AddOrder("name", OrderType.Ascending);

            Assert.That(NamesInOrder(Execute(query)), Is.EqualTo("Contoso"));
        }

        [Test]
        public void Execute_QueryByAttributeWithPaging_ShouldPage()
        {
            var query = new QueryByAttribute("account") { ColumnSet = new ColumnSet("name") };
            query.AddAttributeValue("industrycode", new OptionSetValue(1));
            query.AddOrder("name", OrderType.Ascending);
            query.PageInfo = new PagingInfo { Count = 1, PageNumber = 2 };

            var page = Execute(query);

            Assert.That(NamesInOrder(page), Is.EqualTo("Contoso"));
            Assert.That(page.MoreRecords, Is.False);
        }

        [Test]
        public void Execute_QueryByAttributeWithMoreValuesThanAttributes_ShouldFailAsInvalidArgument()
        {
            var query = new QueryByAttribute("account");
            query.Attributes.Add("name");
            query.Values.Add("Contoso");
            query.Values.Add("Fabrikam");

            Assert.That(FaultCode(() => Execute(query)), Is.EqualTo(Faults.ErrorCodes.InvalidArgument));
        }

        [Test]
        public void Execute_QueryByAttributeWithoutAttributes_ShouldFailAsInvalidArgument()
        {
            var query = new QueryByAttribute("account") { ColumnSet = new ColumnSet("name") };

            Assert.That(FaultCode(() => Execute(query)), Is.EqualTo(Faults.ErrorCodes.InvalidArgument));
        }

        [Test]
        public void Execute_QueryByAttributeWithNullValue_ShouldMatchEmptyColumns()
        {
            var query = new QueryByAttribute("account") { ColumnSet = new ColumnSet("name") };
            query.AddAttributeValue("numberofemployees", null);

            Assert.That(Names(Execute(query)), Is.EqualTo("(no name),Élan Vital"));
        }
    }
}
