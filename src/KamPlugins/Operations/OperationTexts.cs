using KamPlugins.Platform.Localization;

namespace KamPlugins.Operations
{
    /// <summary>Messages of the automation operations (custom APIs and workflow activities), in English and Simplified Chinese.</summary>
    internal static class OperationTexts
    {
        /// <summary>{0}: the argument's name.</summary>
        internal static readonly LocalizedText MissingArgument = new LocalizedText(
            "The input '{0}' is required. Nothing was changed.",
            "必须提供输入项“{0}”。未做任何更改。");

        /// <summary>{0}: table, {1}: id. The same text whether the record is missing or hidden from the user, so it reveals nothing.</summary>
        internal static readonly LocalizedText RecordNotFound = new LocalizedText(
            "The {0} record {1} does not exist, or you do not have permission to see it.",
            "记录 {1}（{0}）不存在，或您无权查看该记录。");

        /// <summary>A workflow activity got none of its record inputs.</summary>
        internal static readonly LocalizedText NoRecordInput = new LocalizedText(
            "Fill in one of the inputs Account, Opportunity or KAM contract. Nothing was changed.",
            "请在输入项“客户”、“商机”或“KAM 合同”中填写一项。未做任何更改。");

        /// <summary>A workflow activity got several of its record inputs.</summary>
        internal static readonly LocalizedText SeveralRecordInputs = new LocalizedText(
            "Fill in only one of the inputs Account, Opportunity or KAM contract; several were filled in. Nothing was changed.",
            "输入项“客户”、“商机”或“KAM 合同”只能填写一项，但填写了多项。未做任何更改。");

        /// <summary>{0}: the table passed.</summary>
        internal static readonly LocalizedText NotAnApprovalTable = new LocalizedText(
            "Approval requests are made for accounts, opportunities and KAM contracts only; a '{0}' record cannot have one.",
            "只能为客户、商机和 KAM 合同提交审批申请；“{0}”记录不能提交审批。");

        /// <summary>{0}: the table passed.</summary>
        internal static readonly LocalizedText NotALockTable = new LocalizedText(
            "The ownership lock covers accounts, opportunities and KAM contracts only; a '{0}' record is not checked.",
            "所有权锁定仅适用于客户、商机和 KAM 合同；不检查“{0}”记录。");

        /// <summary>{0}: the table passed.</summary>
        internal static readonly LocalizedText NotAGoal = new LocalizedText(
            "A goal is required here, but a '{0}' record was passed.",
            "此处需要目标（goal）记录，但传入的是“{0}”记录。");

        /// <summary>{0}: the value passed.</summary>
        internal static readonly LocalizedText UnknownApprovalType = new LocalizedText(
            "{0} is not an approval request type. Use one of: ownership transfer, key account release, opportunity win, opportunity loss, contract activation, contract termination.",
            "{0} 不是有效的审批类型。请使用：所有权转移、解除大客户、商机赢单、商机丢单、合同生效、合同终止之一。");

        /// <summary>{0}: why the record is protected (completes "it is …").</summary>
        internal static readonly LocalizedText Locked = new LocalizedText(
            "Ownership-locked (防飞单): it is {0}. Its owner changes only with an approved Ownership transfer request for this record and the new owner; moving it to another customer or deleting it is reserved to the KAM administrators.",
            "已归属锁定（防飞单）：该记录是{0}。只有针对该记录和新负责人的“所有权转移”审批通过后才能更换负责人；将其移到其他客户或删除只能由 KAM 管理员操作。");

        /// <summary>The record is not protected.</summary>
        internal static readonly LocalizedText NotLocked = new LocalizedText(
            "Not ownership-locked: it is not a key account, an opportunity of a key account or at the lock threshold, or a KAM contract.",
            "未归属锁定：该记录不是大客户、大客户的商机、达到锁定金额的商机或 KAM 合同。");

        /// <summary>{0}: the pending request's type, {1}: who decides it.</summary>
        internal static readonly LocalizedText PendingRequestLock = new LocalizedText(
            "A {0} request is pending, waiting for {1}: until it is decided, only that approver or a KAM administrator can change the record's owner or customer.",
            "有一份“{0}”申请待审批，正在等待{1}审批：审批完成前，只有该审批人或 KAM 管理员可以更改该记录的负责人或客户。");

        /// <summary>{0}: the goal's title.</summary>
        internal static readonly LocalizedText GoalInactive = new LocalizedText(
            "The goal '{0}' is closed or discarded, so it is not recalculated. Reopen the goal first.",
            "目标“{0}”已关闭或已放弃，因此不会重新计算。请先重新打开该目标。");
    }
}
