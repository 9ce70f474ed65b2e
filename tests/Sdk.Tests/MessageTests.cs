using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using NUnit.Framework;

namespace Sdk.Tests
{
    [TestFixture]
    public sealed class MessageTests
    {
        private static readonly EntityReference AccountReference = new EntityReference("account", new Guid("6f1d4a43-9c0b-4a57-bb2c-2f1f3d0f9a11"));

        [TestCase(typeof(CreateRequest), "Create")]
        [TestCase(typeof(RetrieveRequest), "Retrieve")]
        [TestCase(typeof(RetrieveMultipleRequest), "RetrieveMultiple")]
        [TestCase(typeof(UpdateRequest), "Update")]
        [TestCase(typeof(DeleteRequest), "Delete")]
        [TestCase(typeof(UpsertRequest), "Upsert")]
        [TestCase(typeof(ExecuteMultipleRequest), "ExecuteMultiple")]
        [TestCase(typeof(ExecuteTransactionRequest), "ExecuteTransaction")]
        [TestCase(typeof(AssociateRequest), "Associate")]
        [TestCase(typeof(DisassociateRequest), "Disassociate")]
        public void Constructor_Should_SetTheMessageName(Type requestType, string expected)
        {
            var request = (OrganizationRequest)Activator.CreateInstance(requestType);

            Assert.That(request.RequestName, Is.EqualTo(expected));
        }

        [Test]
        public void CreateRequest_Target_Should_BeStoredUnderTarget()
        {
            var target = new Entity("account");

            var request = new CreateRequest { Target = target };

            Assert.That(request.Parameters["Target"], Is.SameAs(target));
        }

        [Test]
        public void CreateRequest_TargetParameter_Should_BeReadByTheProperty()
        {
            var target = new Entity("account");
            var request = new CreateRequest();

            request.Parameters["Target"] = target;

            Assert.That(request.Target, Is.SameAs(target));
        }

        [Test]
        public void RetrieveRequest_Properties_Should_BeStoredUnderTheirKeys()
        {
            var columns = new ColumnSet("name");

            var request = new RetrieveRequest { Target = AccountReference, ColumnSet = columns };

            Assert.That(request.Parameters["Target"], Is.SameAs(AccountReference));
            Assert.That(request.Parameters["ColumnSet"], Is.SameAs(columns));
        }

        [Test]
        public void RetrieveMultipleRequest_Query_Should_BeStoredUnderQuery()
        {
            var query = new QueryExpression("account");

            var request = new RetrieveMultipleRequest { Query = query };

            Assert.That(request.Parameters["Query"], Is.SameAs(query));
        }

        [Test]
        public void UpdateRequest_Properties_Should_BeStoredUnderTheirKeys()
        {
            var target = new Entity("account");

            var request = new UpdateRequest { Target = target, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches };

            Assert.That(request.Parameters["Target"], Is.SameAs(target));
            Assert.That(request.Parameters["ConcurrencyBehavior"], Is.EqualTo(ConcurrencyBehavior.IfRowVersionMatches));
            Assert.That(request.ConcurrencyBehavior, Is.EqualTo(ConcurrencyBehavior.IfRowVersionMatches));
        }

        [Test]
        public void DeleteRequest_Properties_Should_BeStoredUnderTheirKeys()
        {
            var request = new DeleteRequest { Target = AccountReference, ConcurrencyBehavior = ConcurrencyBehavior.AlwaysOverwrite };

            Assert.That(request.Parameters["Target"], Is.SameAs(AccountReference));
            Assert.That(request.Parameters["ConcurrencyBehavior"], Is.EqualTo(ConcurrencyBehavior.AlwaysOverwrite));
        }

        [Test]
        public void UpsertRequest_Target_Should_BeStoredUnderTarget()
        {
            var target = new Entity("account", "accountnumber", "A-100");

            var request = new UpsertRequest { Target = target };

            Assert.That(request.Parameters["Target"], Is.SameAs(target));
        }

        [Test]
        public void ExecuteMultipleRequest_Properties_Should_BeStoredUnderTheirKeys()
        {
            var requests = new OrganizationRequestCollection { new CreateRequest { Target = new Entity("account") } };
            var settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true };

            var request = new ExecuteMultipleRequest { Requests = requests, Settings = settings };

            Assert.That(request.Parameters["Requests"], Is.SameAs(requests));
            Assert.That(request.Parameters["Settings"], Is.SameAs(settings));
            Assert.That(request.Settings.ContinueOnError, Is.True);
            Assert.That(request.Settings.ReturnResponses, Is.True);
        }

        [Test]
        public void ExecuteTransactionRequest_Properties_Should_BeStoredUnderTheirKeys()
        {
            var requests = new OrganizationRequestCollection();

            var request = new ExecuteTransactionRequest { Requests = requests, ReturnResponses = true };

            Assert.That(request.Parameters["Requests"], Is.SameAs(requests));
            Assert.That(request.Parameters["ReturnResponses"], Is.EqualTo(true));
        }

        [Test]
        public void AssociateRequest_Properties_Should_BeStoredUnderTheirKeys()
        {
            var relationship = new Relationship("account_primary_contact");
            var related = new EntityReferenceCollection { new EntityReference("contact", Guid.NewGuid()) };

            var request = new AssociateRequest { Target = AccountReference, Relationship = relationship, RelatedEntities = related };

            Assert.That(request.Parameters["Target"], Is.SameAs(AccountReference));
            Assert.That(request.Parameters["Relationship"], Is.SameAs(relationship));
            Assert.That(request.Parameters["RelatedEntities"], Is.SameAs(related));
        }

        [Test]
        public void DisassociateRequest_Properties_Should_BeStoredUnderTheirKeys()
        {
            var relationship = new Relationship("account_primary_contact");
            var related = new EntityReferenceCollection();

            var request = new DisassociateRequest { Target = AccountReference, Relationship = relationship, RelatedEntities = related };

            Assert.That(request.Parameters["Target"], Is.SameAs(AccountReference));
            Assert.That(request.Parameters["Relationship"], Is.SameAs(relationship));
            Assert.That(request.Parameters["RelatedEntities"], Is.SameAs(related));
        }

        [Test]
        public void NewRequest_Target_Should_BeNull()
        {
            Assert.That(new CreateRequest().Target, Is.Null);
            Assert.That(new RetrieveRequest().Target, Is.Null);
            Assert.That(new DeleteRequest().Target, Is.Null);
        }

        [Test]
        public void OrganizationRequest_NameAndIndexer_Should_UseParameters()
        {
            var request = new OrganizationRequest("new_CustomAction") { RequestId = Guid.Empty };

            request["Amount"] = 5;

            Assert.That(request.RequestName, Is.EqualTo("new_CustomAction"));
            Assert.That(request.Parameters["Amount"], Is.EqualTo(5));
            Assert.That(request["Amount"], Is.EqualTo(5));
            Assert.That(request.RequestId, Is.EqualTo(Guid.Empty));
        }

        [Test]
        public void OrganizationResponse_Indexer_Should_UseResults()
        {
            var response = new OrganizationResponse { ResponseName = "new_CustomAction" };

            response["Total"] = 7;

            Assert.That(response.Results["Total"], Is.EqualTo(7));
            Assert.That(response["Total"], Is.EqualTo(7));
            Assert.That(response.ResponseName, Is.EqualTo("new_CustomAction"));
        }

        [Test]
        public void CreateResponse_Id_Should_ReadResultId()
        {
            var id = Guid.NewGuid();
            var response = new CreateResponse();

            response.Results["id"] = id;

            Assert.That(response.id, Is.EqualTo(id));
        }

        [Test]
        public void RetrieveResponse_Entity_Should_ReadResultEntity()
        {
            var entity = new Entity("account");
            var response = new RetrieveResponse();

            response.Results["Entity"] = entity;

            Assert.That(response.Entity, Is.SameAs(entity));
        }

        [Test]
        public void RetrieveMultipleResponse_EntityCollection_Should_ReadResultEntityCollection()
        {
            var collection = new EntityCollection();
            var response = new RetrieveMultipleResponse();

            response.Results["EntityCollection"] = collection;

            Assert.That(response.EntityCollection, Is.SameAs(collection));
        }

        [Test]
        public void UpsertResponse_Properties_Should_ReadTheirResults()
        {
            var response = new UpsertResponse();

            response.Results["RecordCreated"] = true;
            response.Results["Target"] = AccountReference;

            Assert.That(response.RecordCreated, Is.True);
            Assert.That(response.Target, Is.SameAs(AccountReference));
        }

        [Test]
        public void ExecuteMultipleResponse_Properties_Should_ReadTheirResults()
        {
            var item = new ExecuteMultipleResponseItem { RequestIndex = 1, Fault = new OrganizationServiceFault { Message = "boom" } };
            var items = new ExecuteMultipleResponseItemCollection { item };
            var response = new ExecuteMultipleResponse();

            response.Results["IsFaulted"] = true;
            response.Results["Responses"] = items;

            Assert.That(response.IsFaulted, Is.True);
            Assert.That(response.Responses, Is.SameAs(items));
            Assert.That(response.Responses[0].RequestIndex, Is.EqualTo(1));
            Assert.That(response.Responses[0].Fault.Message, Is.EqualTo("boom"));
            Assert.That(response.Responses[0].Response, Is.Null);
        }

        [Test]
        public void ExecuteTransactionResponse_Responses_Should_ReadResultResponses()
        {
            var responses = new OrganizationResponseCollection { new CreateResponse() };
            var response = new ExecuteTransactionResponse();

            response.Results["Responses"] = responses;

            Assert.That(response.Responses, Is.SameAs(responses));
        }
    }
}
