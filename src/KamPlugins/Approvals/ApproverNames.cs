using System;
using KamPlugins.Approvals.Data;
using KamPlugins.Configuration;
using KamPlugins.Platform.Localization;

namespace KamPlugins.Approvals
{
    /// <summary>Names the people a message points to: who decides a request, who would decide a new one.</summary>
    internal sealed class ApproverNames
    {
        private readonly UserDirectory users;
        private readonly KamSettings settings;

        internal ApproverNames(UserDirectory users, KamSettings settings)
        {
            this.users = users ?? throw new ArgumentNullException(nameof(users));
            this.settings = settings ?? throw new ArgumentNullException(nameof(settings));
        }

        /// <summary>Who decides <paramref name="request"/> now (0 or 1 call).</summary>
        internal LocalizedText CurrentApprover(ApprovalRequest request) =>
            request.IsWithAdministrators
                ? ApprovalTexts.Approver(null, settings.KamAdministratorsTeam, false)
                : ApprovalTexts.Approver(users.NameOf(request.CurrentApproverId.Value), settings.KamAdministratorsTeam, false);

        /// <summary>Who would decide the first level of a request <paramref name="requesterId"/> submits now (1 call).</summary>
        internal LocalizedText FirstApproverFor(Guid requesterId, Guid? beneficiaryId)
        {
            var assignment = ApprovalRouting.Next(users.ManagerOf(requesterId), requesterId, beneficiaryId, null);
            return assignment.IsAdministrators
                ? ApprovalTexts.Approver(null, settings.KamAdministratorsTeam, false)
                : ApprovalTexts.Approver(assignment.User.FullName ?? assignment.User.UserId.ToString("D"), settings.KamAdministratorsTeam, true);
        }

        /// <summary>A user's name (1 call).</summary>
        internal string NameOf(Guid userId) => users.NameOf(userId);
    }
}
