using System;
using KamPlugins.Approvals;
using KamPlugins.Model;
using Microsoft.Xrm.Sdk;
using NUnit.Framework;

namespace KamPlugins.Tests.Approvals
{
    public class ApprovalDecisionsTests
    {
        public enum Actor { Requester, Approver, Administrator, Stranger, Beneficiary, RequesterWhoIsAdministrator }

        private static Guid IdOf(Actor actor) => actor switch
        {
            Actor.Requester => RequestBuilder.Requester,
            Actor.RequesterWhoIsAdministrator => RequestBuilder.Requester,
            Actor.Approver => RequestBuilder.Approver,
            Actor.Administrator => RequestBuilder.Administrator,
            Actor.Beneficiary => RequestBuilder.Beneficiary,
            _ => RequestBuilder.Stranger,
        };

        private static bool IsAdministrator(Actor actor) => actor == Actor.Administrator || actor == Actor.RequesterWhoIsAdministrator;

        // action, actor, request status, expired, routed to the administrators → refusal, administrator override
        [TestCase(ApprovalAction.Approve, Actor.Approver, ApprovalStatus.Pending, false, false, nameof(DecisionRefusal.None), false)]
        [TestCase(ApprovalAction.Reject, Actor.Approver, ApprovalStatus.Pending, false, false, nameof(DecisionRefusal.None), false)]
        [TestCase(ApprovalAction.Approve, Actor.Administrator, ApprovalStatus.Pending, false, false, nameof(DecisionRefusal.None), true)]
        [TestCase(ApprovalAction.Reject, Actor.Administrator, ApprovalStatus.Pending, false, false, nameof(DecisionRefusal.None), true)]
        [TestCase(ApprovalAction.Approve, Actor.Administrator, ApprovalStatus.Pending, false, true, nameof(DecisionRefusal.None), false)]
        [TestCase(ApprovalAction.Approve, Actor.Requester, ApprovalStatus.Pending, false, false, nameof(DecisionRefusal.SelfApproval), false)]
        [TestCase(ApprovalAction.Reject, Actor.Requester, ApprovalStatus.Pending, false, false, nameof(DecisionRefusal.SelfApproval), false)]
        [TestCase(ApprovalAction.Approve, Actor.RequesterWhoIsAdministrator, ApprovalStatus.Pending, false, true, nameof(DecisionRefusal.SelfApproval), false)]
        [TestCase(ApprovalAction.Approve, Actor.Stranger, ApprovalStatus.Pending, false, false, nameof(DecisionRefusal.NotCurrentApprover), false)]
        [TestCase(ApprovalAction.Approve, Actor.Stranger, ApprovalStatus.Pending, false, true, nameof(DecisionRefusal.NotCurrentApprover), false)]
        [TestCase(ApprovalAction.Recall, Actor.Requester, ApprovalStatus.Pending, false, false, nameof(DecisionRefusal.None), false)]
        [TestCase(ApprovalAction.Recall, Actor.Approver, ApprovalStatus.Pending, false, false, nameof(DecisionRefusal.NotRequester), false)]
        [TestCase(ApprovalAction.Recall, Actor.Administrator, ApprovalStatus.Pending, false, false, nameof(DecisionRefusal.NotRequester), false)]
        [TestCase(ApprovalAction.Approve, Actor.Approver, ApprovalStatus.Pending, true, false, nameof(DecisionRefusal.Expired), false)]
        [TestCase(ApprovalAction.Recall, Actor.Requester, ApprovalStatus.Pending, true, false, nameof(DecisionRefusal.Expired), false)]
        [TestCase(ApprovalAction.Approve, Actor.Approver, ApprovalStatus.Approved, false, false, nameof(DecisionRefusal.AlreadyDecided), false)]
        [TestCase(ApprovalAction.Reject, Actor.Approver, ApprovalStatus.Approved, false, false, nameof(DecisionRefusal.AlreadyDecided), false)]
        [TestCase(ApprovalAction.Approve, Actor.Approver, ApprovalStatus.Rejected, false, false, nameof(DecisionRefusal.AlreadyDecided), false)]
        [TestCase(ApprovalAction.Recall, Actor.Requester, ApprovalStatus.Recalled, false, false, nameof(DecisionRefusal.AlreadyDecided), false)]
        [TestCase(ApprovalAction.Approve, Actor.Administrator, ApprovalStatus.Consumed, false, false, nameof(DecisionRefusal.AlreadyDecided), false)]
        [TestCase(ApprovalAction.Approve, Actor.Approver, ApprovalStatus.Expired, false, false, nameof(DecisionRefusal.AlreadyDecided), false)]
        [TestCase(ApprovalAction.Submit, Actor.Approver, ApprovalStatus.Pending, false, false, nameof(DecisionRefusal.NotAnAction), false)]
        public void Evaluate_ActionByActor_ShouldGiveVerdict(ApprovalAction action, Actor actor, ApprovalStatus status, bool expired, bool withAdministrators,
            string expectedRefusal, bool expectedOverride)
        {
            var request = RequestBuilder.Make(status: status, withAdministrators: withAdministrators,
                expiresOn: expired ? RequestBuilder.Now.AddMinutes(-1) : RequestBuilder.Now.AddDays(1));

            var verdict = ApprovalDecisions.Evaluate(request, (int)action, IdOf(actor), RequestBuilder.Now, () => IsAdministrator(actor));

            Assert.That(verdict.Refusal, Is.EqualTo(Enum.Parse<DecisionRefusal>(expectedRefusal)));
            Assert.That(verdict.IsAdministratorOverride, Is.EqualTo(expectedOverride));
        }

        [TestCase(ApprovalAction.Approve)]
        [TestCase(ApprovalAction.Reject)]
        public void Evaluate_BeneficiaryOfTransfer_ShouldBeRefusedEvenAsAdministrator(ApprovalAction action)
        {
            var request = RequestBuilder.Make(type: ApprovalType.OwnershipTransfer, record: RequestBuilder.Opportunity, withAdministrators: true,
                snapshot: new ApprovalSnapshot(null, null, new EntityReference(SystemUserTable.LogicalName, RequestBuilder.Beneficiary), null));

            var verdict = ApprovalDecisions.Evaluate(request, (int)action, RequestBuilder.Beneficiary, RequestBuilder.Now, () => true);

            Assert.That(verdict.Refusal, Is.EqualTo(DecisionRefusal.Beneficiary));
        }

        [TestCase(999)]
        [TestCase(0)]
        public void Evaluate_UnknownAction_ShouldBeNotAnAction(int action)
        {
            var verdict = ApprovalDecisions.Evaluate(RequestBuilder.Make(), action, RequestBuilder.Approver, RequestBuilder.Now, () => false);
            Assert.That(verdict.Refusal, Is.EqualTo(DecisionRefusal.NotAnAction));
        }

        [Test]
        public void Evaluate_CurrentApprover_ShouldNotAskWhetherAdministrator()
        {
            var asked = false;
            ApprovalDecisions.Evaluate(RequestBuilder.Make(), (int)ApprovalAction.Approve, RequestBuilder.Approver, RequestBuilder.Now, () => asked = true);
            Assert.That(asked, Is.False, "the administrator check costs a query: only when it matters");
        }

        // action, level, levels, routed to the administrators → effect
        [TestCase(ApprovalAction.Approve, 1, 1, false, nameof(DecisionEffect.Approved))]
        [TestCase(ApprovalAction.Approve, 1, 2, false, nameof(DecisionEffect.NextLevel))]
        [TestCase(ApprovalAction.Approve, 2, 3, false, nameof(DecisionEffect.NextLevel))]
        [TestCase(ApprovalAction.Approve, 3, 3, false, nameof(DecisionEffect.Approved))]
        [TestCase(ApprovalAction.Approve, 1, 3, true, nameof(DecisionEffect.Approved))]
        [TestCase(ApprovalAction.Reject, 1, 3, false, nameof(DecisionEffect.Rejected))]
        [TestCase(ApprovalAction.Reject, 3, 3, true, nameof(DecisionEffect.Rejected))]
        [TestCase(ApprovalAction.Recall, 2, 3, false, nameof(DecisionEffect.Recalled))]
        public void Effect_Action_ShouldMoveRequest(ApprovalAction action, int level, int levels, bool withAdministrators, string expected)
        {
            var request = RequestBuilder.Make(level: level, levels: levels, withAdministrators: withAdministrators);
            Assert.That(ApprovalDecisions.Effect(request, action), Is.EqualTo(Enum.Parse<DecisionEffect>(expected)));
        }

        [TestCase(nameof(DecisionEffect.NextLevel), ApprovalStatus.Pending)]
        [TestCase(nameof(DecisionEffect.Approved), ApprovalStatus.Approved)]
        [TestCase(nameof(DecisionEffect.Rejected), ApprovalStatus.Rejected)]
        [TestCase(nameof(DecisionEffect.Recalled), ApprovalStatus.Recalled)]
        public void StatusAfter_Effect_ShouldBe(string effect, ApprovalStatus expected) =>
            Assert.That(ApprovalDecisions.StatusAfter(Enum.Parse<DecisionEffect>(effect)), Is.EqualTo(expected));

        [Test]
        public void Effect_Submit_ShouldThrow() =>
            Assert.That(() => ApprovalDecisions.Effect(RequestBuilder.Make(), ApprovalAction.Submit), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
