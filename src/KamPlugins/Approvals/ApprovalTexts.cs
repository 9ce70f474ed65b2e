using System;
using System.Globalization;
using KamPlugins.Model;
using KamPlugins.Platform.Localization;

namespace KamPlugins.Approvals
{
    /// <summary>
    /// The approval engine's messages, in English and Simplified Chinese. Each says what was refused,
    /// why, and what to do (which request to submit, who approves it).
    /// </summary>
    internal static class ApprovalTexts
    {
        // ---- names -------------------------------------------------------------------------------

        internal static LocalizedText TypeName(ApprovalType type)
        {
            switch (type)
            {
                case ApprovalType.OwnershipTransfer: return new LocalizedText("Ownership transfer", "所有权转移");
                case ApprovalType.KeyAccountRelease: return new LocalizedText("Key account release", "解除大客户");
                case ApprovalType.OpportunityWin: return new LocalizedText("Opportunity win", "商机赢单");
                case ApprovalType.OpportunityLoss: return new LocalizedText("Opportunity loss (verified loss)", "商机丢单（丢单核实）");
                case ApprovalType.ContractActivation: return new LocalizedText("Contract activation", "合同生效");
                default: return new LocalizedText("Contract termination", "合同终止");
            }
        }

        internal static LocalizedText StatusName(ApprovalStatus? status)
        {
            switch (status)
            {
                case ApprovalStatus.Pending: return new LocalizedText("pending", "待审批");
                case ApprovalStatus.Approved: return new LocalizedText("approved", "已批准");
                case ApprovalStatus.Rejected: return new LocalizedText("rejected", "已拒绝");
                case ApprovalStatus.Recalled: return new LocalizedText("recalled", "已撤回");
                case ApprovalStatus.Expired: return new LocalizedText("expired", "已过期");
                case ApprovalStatus.Consumed: return new LocalizedText("used", "已使用");
                default: return new LocalizedText("in an unknown status", "状态未知");
            }
        }

        internal static LocalizedText TableName(string table)
        {
            switch (table)
            {
                case AccountTable.LogicalName: return new LocalizedText("account", "客户");
                case OpportunityTable.LogicalName: return new LocalizedText("opportunity", "商机");
                case ContractTable.LogicalName: return new LocalizedText("contract", "合同");
                default: return new LocalizedText(table ?? "record", table ?? "记录");
            }
        }

        internal static LocalizedText ContractStatusName(int? status)
        {
            switch (status)
            {
                case (int)ContractStatus.Draft: return new LocalizedText("Draft", "草稿");
                case (int)ContractStatus.Active: return new LocalizedText("Active", "生效");
                case (int)ContractStatus.Expired: return new LocalizedText("Expired", "已到期");
                case (int)ContractStatus.Terminated: return new LocalizedText("Terminated", "已终止");
                default: return new LocalizedText("without a status", "无状态");
            }
        }

        internal static LocalizedText OpportunityStateName(int? state)
        {
            switch (state)
            {
                case OpportunityTable.State.Open: return new LocalizedText("open", "进行中");
                case OpportunityTable.State.Won: return new LocalizedText("won", "已赢单");
                case OpportunityTable.State.Lost: return new LocalizedText("lost", "已丢单");
                default: return new LocalizedText("in an unknown state", "状态未知");
            }
        }

        /// <summary>"your manager Wang Wei" / "the KAM administrators (team 'KAM Administrators')".</summary>
        internal static LocalizedText Approver(string personName, string administratorsTeam, bool isRequestersManager)
        {
            if (personName != null)
                return isRequestersManager
                    ? new LocalizedText("your manager " + personName, "您的经理 " + personName)
                    : new LocalizedText(personName, personName);
            return new LocalizedText(
                "the KAM administrators (team '" + administratorsTeam + "')",
                "KAM 管理员（团队“" + administratorsTeam + "”）");
        }

        internal static string Amount(decimal? amount) =>
            amount.HasValue ? amount.Value.ToString("#,##0.##", CultureInfo.InvariantCulture) : "—";

        internal static string Date(DateTime? date) =>
            date.HasValue ? date.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "—";

        internal static string Day(DateTime? date) =>
            date.HasValue ? date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

        /// <summary>Joins localized parts with a space (both languages).</summary>
        internal static LocalizedText Join(params LocalizedText[] parts)
        {
            var english = new System.Text.StringBuilder();
            var chinese = new System.Text.StringBuilder();
            foreach (var part in parts)
            {
                if (part == null) continue;
                if (english.Length > 0) english.Append(' ');
                english.Append(part.EnglishText);
                chinese.Append(part.ChineseText);
            }
            return new LocalizedText(english.ToString(), chinese.ToString());
        }

        /// <summary>Formats a template whose arguments are localized texts or plain values.</summary>
        internal static LocalizedText Format(LocalizedText template, params object[] arguments)
        {
            var english = new object[arguments.Length];
            var chinese = new object[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                if (arguments[i] is LocalizedText text)
                {
                    english[i] = text.EnglishText;
                    chinese[i] = text.ChineseText;
                }
                else
                {
                    english[i] = arguments[i];
                    chinese[i] = arguments[i];
                }
            }
            return new LocalizedText(
                string.Format(CultureInfo.InvariantCulture, template.EnglishText, english),
                string.Format(CultureInfo.InvariantCulture, template.ChineseText, chinese));
        }

        // ---- submission ----------------------------------------------------------------------------

        internal static readonly LocalizedText MissingType = new LocalizedText(
            "The approval request has no request type. Choose one (ownership transfer, key account release, opportunity win, opportunity loss, contract activation or contract termination) and save again. Nothing was saved.",
            "审批申请缺少申请类型。请选择一种类型（所有权转移、解除大客户、商机赢单、商机丢单、合同生效或合同终止）后重新保存。未保存任何内容。");

        internal static readonly LocalizedText UnknownType = new LocalizedText(
            "{0} is not a request type. Choose ownership transfer, key account release, opportunity win, opportunity loss, contract activation or contract termination. Nothing was saved.",
            "{0} 不是有效的申请类型。请选择所有权转移、解除大客户、商机赢单、商机丢单、合同生效或合同终止。未保存任何内容。");

        internal static readonly LocalizedText MissingRecord = new LocalizedText(
            "The approval request does not say which record it is about. Fill in exactly one of Account, Opportunity or Contract and save again. Nothing was saved.",
            "审批申请未指明所涉及的记录。请在“客户”“商机”“合同”中填写且只填写一项后重新保存。未保存任何内容。");

        internal static readonly LocalizedText SeveralRecords = new LocalizedText(
            "An approval request is about one record, but this one names several (account, opportunity, contract). Keep only the record the request is about and save again. Nothing was saved.",
            "一份审批申请只能涉及一条记录，但此申请同时填写了多条（客户、商机、合同）。请只保留所涉及的记录后重新保存。未保存任何内容。");

        internal static readonly LocalizedText TypeDoesNotFit = new LocalizedText(
            "A request of type '{0}' cannot be made for this {1}: '{0}' requests are made for {2}. Choose the request type that fits the record. Nothing was saved.",
            "不能为{1}提交“{0}”申请：“{0}”申请只适用于{2}。请选择与记录相符的申请类型。未保存任何内容。");

        internal static readonly LocalizedText RecordNotFound = new LocalizedText(
            "The {0} this request is about ({1}) does not exist; it may have been deleted. Nothing was saved.",
            "此申请所涉及的{0}（{1}）不存在，可能已被删除。未保存任何内容。");

        internal static readonly LocalizedText ProposedOwnerRequired = new LocalizedText(
            "An ownership transfer request needs the proposed new owner. Fill in Proposed owner and save again. Nothing was saved.",
            "所有权转移申请必须填写拟定的新负责人。请填写“拟定负责人”后重新保存。未保存任何内容。");

        internal static readonly LocalizedText ProposedOwnerNotAllowed = new LocalizedText(
            "Only an ownership transfer request has a proposed owner; a request of type '{0}' does not. Clear Proposed owner and save again. Nothing was saved.",
            "只有所有权转移申请才有拟定负责人，“{0}”申请没有。请清空“拟定负责人”后重新保存。未保存任何内容。");

        internal static readonly LocalizedText ProposedOwnerNotFound = new LocalizedText(
            "The proposed owner ({0}) does not exist or is disabled, so the record cannot be transferred to them. Choose an active user or team. Nothing was saved.",
            "拟定负责人（{0}）不存在或已停用，无法将记录转移给他。请选择一个启用的用户或团队。未保存任何内容。");

        internal static readonly LocalizedText ProposedOwnerIsOwner = new LocalizedText(
            "'{0}' is already owned by the proposed owner; no transfer is needed. Nothing was saved.",
            "“{0}”的负责人已经是拟定负责人，无需转移。未保存任何内容。");

        internal static readonly LocalizedText OpportunityNotOpen = new LocalizedText(
            "A request of type '{0}' can only be made for an open opportunity; '{1}' is {2}. Nothing was saved.",
            "只能为进行中的商机提交“{0}”申请；“{1}”{2}。未保存任何内容。");

        internal static readonly LocalizedText ContractWrongStatus = new LocalizedText(
            "A request of type '{0}' needs a contract in status {1}; '{2}' is {3}. Nothing was saved.",
            "“{0}”申请要求合同状态为“{1}”；“{2}”当前为“{3}”。未保存任何内容。");

        internal static readonly LocalizedText NotAKeyAccount = new LocalizedText(
            "'{0}' is not a key account, so there is nothing to release. Nothing was saved.",
            "“{0}”不是大客户，无需解除。未保存任何内容。");

        internal static readonly LocalizedText DuplicatePending = new LocalizedText(
            "There is already a pending {0} request for '{1}', submitted by {2} on {3} and waiting for {4}; it expires on {5}. Only one request per record and type can be pending: wait for its decision, or ask its requester to recall it, then submit again. Nothing was saved.",
            "“{1}”已有一份待审批的“{0}”申请，由 {2} 于 {3} 提交，正在等待{4}审批，将于 {5} 过期。每条记录每种类型只能有一份待审批的申请：请等待审批结果，或请申请人撤回后再提交。未保存任何内容。");

        internal static readonly LocalizedText AdministratorsTeamMissing = new LocalizedText(
            "No approver can be found for this request: the management chain has no suitable approver and the KAM administrators team '{0}' does not exist. Ask your Dynamics administrator to create the team (or correct the environment variable kam_KamAdministratorsTeam). Nothing was saved.",
            "无法为此申请找到审批人：管理链上没有合适的审批人，而 KAM 管理员团队“{0}”不存在。请联系 Dynamics 管理员创建该团队（或更正环境变量 kam_KamAdministratorsTeam）。未保存任何内容。");

        // ---- decisions ------------------------------------------------------------------------------

        internal static readonly LocalizedText NotAnAction = new LocalizedText(
            "'{0}' is not an action you can ask for on an approval request. Choose Approve, Reject or Recall. Nothing was changed.",
            "“{0}”不是可对审批申请执行的操作。请选择“批准”“拒绝”或“撤回”。未做任何更改。");

        internal static readonly LocalizedText AlreadyDecided = new LocalizedText(
            "This {0} request is already {1}{2}; a decision is final and the request cannot be changed. Submit a new request if needed. Nothing was changed.",
            "此“{0}”申请已{1}{2}；审批结果是最终的，申请不能再更改。如有需要请提交新申请。未做任何更改。");

        internal static readonly LocalizedText ExpiredRequest = new LocalizedText(
            "This {0} request expired on {1} and can no longer be decided. Submit a new request. Nothing was changed.",
            "此“{0}”申请已于 {1} 过期，不能再审批。请提交新申请。未做任何更改。");

        internal static readonly LocalizedText SelfApproval = new LocalizedText(
            "You cannot approve or reject your own request; it is waiting for {0}. To withdraw it, recall it. Nothing was changed.",
            "您不能批准或拒绝自己提交的申请；该申请正在等待{0}审批。如需撤销，请撤回申请。未做任何更改。");

        internal static readonly LocalizedText BeneficiaryDecision = new LocalizedText(
            "You are the proposed new owner in this transfer, so you cannot approve or reject it; it is waiting for {0}. Nothing was changed.",
            "您是此次转移的拟定新负责人，不能批准或拒绝该申请；该申请正在等待{0}审批。未做任何更改。");

        internal static readonly LocalizedText NotCurrentApprover = new LocalizedText(
            "Only {0} (the current approver, level {1} of {2}) or a KAM administrator can approve or reject this request. Nothing was changed.",
            "只有{0}（当前审批人，第 {1} 级，共 {2} 级）或 KAM 管理员可以批准或拒绝此申请。未做任何更改。");

        internal static readonly LocalizedText OnlyRequesterRecalls = new LocalizedText(
            "Only the requester can recall a request; approvers approve or reject it. Nothing was changed.",
            "只有申请人可以撤回申请；审批人只能批准或拒绝。未做任何更改。");

        internal static readonly LocalizedText ActionWithOtherChanges = new LocalizedText(
            "Approve, reject or recall the request without changing its other fields ({0}) in the same save. Nothing was changed.",
            "批准、拒绝或撤回申请时不能同时修改其他字段（{0}）。未做任何更改。");

        internal static readonly LocalizedText PendingRequestProtected = new LocalizedText(
            "The fields of a submitted approval request ({0}) are set by the approval engine and cannot be changed. To ask for something else, recall this request and submit a new one. Nothing was changed.",
            "已提交的审批申请的字段（{0}）由审批引擎设置，不能修改。如需申请其他内容，请撤回此申请并提交新申请。未做任何更改。");

        internal static readonly LocalizedText DecidedRequestImmutable = new LocalizedText(
            "This request is {0}{1}; a decided request cannot be changed ({2}). Submit a new request if needed. Nothing was changed.",
            "此申请已{0}{1}；已有审批结果的申请不能修改（{2}）。如有需要请提交新申请。未做任何更改。");

        internal static readonly LocalizedText HistoryIsTheEngines = new LocalizedText(
            "The history of an approval request is written only by the approval engine: its entries cannot be added, changed or deleted. To decide a request, use Requested action on the request. Nothing was saved.",
            "审批申请的历史记录只能由审批引擎写入：不能新增、修改或删除其中的条目。如需审批，请在申请上使用“请求的操作”。未保存任何内容。");

        internal static readonly LocalizedText RequestCannotBeDeleted = new LocalizedText(
            "Approval request '{0}' is part of the approval record and can be deleted only by a KAM administrator. To withdraw a pending request, recall it. Nothing was deleted.",
            "审批申请“{0}”是审批记录的一部分，只有 KAM 管理员可以删除。如需撤销待审批的申请，请撤回。未删除任何内容。");

        internal static readonly LocalizedText OnDate = new LocalizedText(" on {0}", "（于 {0}）");

        // ---- enforcement ----------------------------------------------------------------------------

        internal static readonly LocalizedText WinNeedsApproval = new LocalizedText(
            "Winning opportunity '{0}' at {1} needs an approved Opportunity win request, because its value reaches the win approval threshold of {2}.",
            "商机“{0}”以 {1} 赢单需要已批准的“商机赢单”申请，因为其金额达到赢单审批阈值 {2}。");

        internal static readonly LocalizedText LossOfKeyAccountNeedsVerification = new LocalizedText(
            "Losing opportunity '{0}' needs a verified loss (an approved Opportunity loss request), because its customer is a key account.",
            "商机“{0}”丢单需要丢单核实（已批准的“商机丢单”申请），因为其客户是大客户。");

        internal static readonly LocalizedText LossAboveThresholdNeedsVerification = new LocalizedText(
            "Losing opportunity '{0}' needs a verified loss (an approved Opportunity loss request), because its value {1} reaches the loss verification threshold of {2}.",
            "商机“{0}”丢单需要丢单核实（已批准的“商机丢单”申请），因为其金额 {1} 达到丢单核实阈值 {2}。");

        internal static readonly LocalizedText ContractActivationNeedsApproval = new LocalizedText(
            "Activating contract '{0}' needs an approved Contract activation request.",
            "合同“{0}”生效需要已批准的“合同生效”申请。");

        internal static readonly LocalizedText ContractTerminationNeedsApproval = new LocalizedText(
            "Terminating contract '{0}' needs an approved Contract termination request.",
            "终止合同“{0}”需要已批准的“合同终止”申请。");

        internal static readonly LocalizedText NoRequestYet = new LocalizedText(
            "There is no such request.",
            "目前没有此类申请。");

        internal static readonly LocalizedText PendingWith = new LocalizedText(
            "Request '{0}' is still pending with {1} (expires on {2}).",
            "申请“{0}”仍在等待{1}审批（{2} 过期）。");

        internal static readonly LocalizedText LatestIs = new LocalizedText(
            "The latest request '{0}' is {1} and authorises nothing.",
            "最近的申请“{0}”{1}，不能作为授权。");

        internal static readonly LocalizedText ApprovedForOtherAmount = new LocalizedText(
            "Request '{0}' was approved for {1}, not {2}: an approval covers exactly what was approved.",
            "申请“{0}”批准的金额是 {1}，而不是 {2}：批准只对所批准的内容有效。");

        internal static readonly LocalizedText ApprovedForOtherCustomer = new LocalizedText(
            "Request '{0}' was approved for another customer; the record has changed since.",
            "申请“{0}”批准时的客户与现在不同；记录在批准后已被更改。");

        internal static readonly LocalizedText ApprovedButJustUsed = new LocalizedText(
            "Request '{0}' was used by another operation a moment ago.",
            "申请“{0}”刚刚已被另一个操作使用。");

        internal static readonly LocalizedText ApprovedForOtherState = new LocalizedText(
            "Request '{0}' was approved for a different outcome.",
            "申请“{0}”批准的是另一种结果。");

        internal static readonly LocalizedText SubmitAndWho = new LocalizedText(
            "Submit a new '{0}' request for this {1} (set its amount first if it should differ); {2} approves it. Nothing was saved.",
            "请为此{1}提交“{0}”申请（如金额有变，请先更新金额）；由{2}审批。未保存任何内容。");

        internal static readonly LocalizedText WaitForDecision = new LocalizedText(
            "Wait for its decision. Nothing was saved.",
            "请等待审批结果。未保存任何内容。");

        internal static readonly LocalizedText PendingLock = new LocalizedText(
            "'{0}' has a pending {1} request waiting for {2}; while it is pending, {3} can only be changed by that approver or a KAM administrator. Wait for the decision, or ask the requester to recall the request. Nothing was saved.",
            "“{0}”有一份待审批的“{1}”申请，正在等待{2}审批；审批期间，{3}只能由该审批人或 KAM 管理员修改。请等待审批结果，或请申请人撤回申请。未保存任何内容。");

        internal static readonly LocalizedText AmountAndState = new LocalizedText("its amount and state", "其金额和状态");
    }
}
