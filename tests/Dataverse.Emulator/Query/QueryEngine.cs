using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Dataverse.Emulator.Query
{
    /// <summary>
    /// Runs RetrieveMultiple queries (QueryExpression, QueryByAttribute, FetchXML) over an <see cref="IQuerySource"/> the way
    /// Dataverse answers them, faults included.
    /// </summary>
    /// <remarks>
    /// <para>Semantics follow SQL Server under Dataverse: a condition on a null (or absent) column is false whatever its
    /// operator (ne, not-in, not-like included); strings compare case- and accent-insensitively; lookups, ids and
    /// choices compare by id and number (ids in SQL Server's uniqueidentifier order); dates are evaluated in UTC with
    /// weeks starting on Sunday. Results are ordered by the query's orders (nulls first ascending), ties and unordered
    /// queries in the source's creation order (Dataverse's primary-key order for platform-generated sequential ids); at
    /// most 5,000 rows come back per page, with a Dataverse-format paging cookie from which the next page continues.</para>
    /// <para>Returned records are copies: changing one never changes the source. The engine keeps no state between
    /// calls and may be shared by threads.</para>
    /// <para>Not emulated (a <see cref="NotSupportedException"/> names the construct): fiscal-calendar operators and
    /// groupings, business-unit, user-language and hierarchy operators, bit-mask operators, link types All / NotAll.</para>
    /// </remarks>
    public sealed class QueryEngine
    {
        /// <summary>
        /// Executes a query and returns the page of records it asks for.
        /// </summary>
        /// <param name="query">A <see cref="QueryExpression"/>, <see cref="QueryByAttribute"/> or <see cref="FetchExpression"/>.</param>
        /// <param name="source">The tables as the calling operation sees them.</param>
        /// <param name="context">The caller and the current instant (user and date operators), and the aggregate record limit.</param>
        /// <returns>The records, with <see cref="EntityCollection.MoreRecords"/>, <see cref="EntityCollection.PagingCookie"/> and
        /// <see cref="EntityCollection.TotalRecordCount"/> set as Dataverse sets them.</returns>
        /// <exception cref="System.ServiceModel.FaultException{OrganizationServiceFault}">
        /// Unknown table (QueryBuilderNoEntity), unknown column (QueryBuilderNoAttribute), an aggregate over more than
        /// <see cref="QueryContext.AggregateRecordLimit"/> records (AggregateQueryRecordLimitExceeded), malformed FetchXML or
        /// an invalid query (InvalidArgument).</exception>
        /// <exception cref="NotSupportedException">A construct the emulator does not emulate (see the remarks of the class).</exception>
        public EntityCollection Execute(QueryBase query, IQuerySource source, QueryContext context)
        {
            if (query == null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            if (source == null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            QuerySpec spec;
            switch (query)
            {
                case QueryExpression expression:
                    spec = QueryExpressionReader.Read(expression);
                    break;
                case QueryByAttribute byAttribute:
                    spec = QueryExpressionReader.Read(byAttribute);
                    break;
                case FetchExpression fetch:
                    spec = FetchXmlReader.Read(fetch.Query);
                    break;
                default:
                    throw QueryFaults.InvalidArgument($"The query type {query.GetType().FullName} is not supported by RetrieveMultiple.");
            }

            return new QueryRun(spec, source, context).Run();
        }
    }
}
