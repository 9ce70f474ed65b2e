using System.Globalization;
using KamPlugins.Platform.Localization;

namespace KamPlugins.Guard
{
    /// <summary>
    /// What the ownership lock tells a user, in English and Simplified Chinese: what was refused, why,
    /// and how to get it approved (which request type, who approves). Arguments: {0} the record,
    /// {1} why it is locked (a <see cref="Protection"/> reason), {2} the other party (new owner, new
    /// customer, master account, principal), {3} the KAM administrators team.
    /// </summary>
    internal static class OwnershipLockTexts
    {
        internal static readonly LocalizedText OwnerChangeRefused = new LocalizedText(
            "Ownership lock (防飞单): {0} cannot be given to {2}. It is {1}, so its owner changes only with an approved Ownership transfer request for exactly this record and this new owner. Submit one (Approval request, type \"Ownership transfer\", proposed owner {2}); your manager approves it, or the KAM administrators ({3}) when you have no manager. Nothing was saved.",
            "归属锁定（防飞单）：不能将 {0} 转给 {2}。该记录是{1}，只有针对该记录和该新负责人的“所有权转移”审批通过后才能更换负责人。请提交审批申请（类型“所有权转移”，拟定负责人 {2}），由您的上级审批；如您没有上级，由 KAM 管理员（{3}）审批。未保存任何内容。");

        internal static readonly LocalizedText CustomerChangeRefused = new LocalizedText(
            "Ownership lock (防飞单): {0} cannot be moved to another customer ({2}). It is {1}; moving a locked record away from its customer is reserved to the KAM administrators ({3}) and has no approval request. Ask a KAM administrator if the move is genuine. Nothing was saved.",
            "归属锁定（防飞单）：不能将 {0} 移到其他客户（{2}）。该记录是{1}；把锁定记录从其客户下移走只能由 KAM 管理员（{3}）操作，没有对应的审批申请。如确有需要，请联系 KAM 管理员。未保存任何内容。");

        internal static readonly LocalizedText DeleteRefused = new LocalizedText(
            "Ownership lock (防飞单): {0} cannot be deleted. It is {1}; only the KAM administrators ({3}) can delete a locked record (there is no approval request for it). Ask a KAM administrator if it must be removed. Nothing was deleted.",
            "归属锁定（防飞单）：不能删除 {0}。该记录是{1}；只有 KAM 管理员（{3}）可以删除锁定记录（没有对应的审批申请）。如确需删除，请联系 KAM 管理员。未删除任何内容。");

        internal static readonly LocalizedText DeactivationRefused = new LocalizedText(
            "Ownership lock (防飞单): key account {0} cannot be deactivated. A key account stays active until it is released: submit a Key account release request (Approval request, type \"Key account release\"; your manager approves it), or ask a KAM administrator ({3}). Nothing was saved.",
            "归属锁定（防飞单）：不能停用大客户 {0}。大客户在解除前须保持启用：请提交“解除大客户”审批申请（由您的上级审批），或联系 KAM 管理员（{3}）。未保存任何内容。");

        internal static readonly LocalizedText MergeRefused = new LocalizedText(
            "Ownership lock (防飞单): {0} cannot be merged into {2}. It is {1}; merging it away moves its locked records to another customer, which only the KAM administrators ({3}) may do. Ask a KAM administrator to merge these accounts. Nothing was merged.",
            "归属锁定（防飞单）：不能将 {0} 合并到 {2}。该记录是{1}；合并会把其锁定记录移到其他客户下，只有 KAM 管理员（{3}）可以操作。请联系 KAM 管理员合并这些客户。未合并任何内容。");

        internal static readonly LocalizedText ReleaseRefused = new LocalizedText(
            "Ownership lock (防飞单): the key-account flag of {0} cannot be cleared without an approved Key account release request. Submit one (Approval request, type \"Key account release\"); your manager approves it, or the KAM administrators ({3}) when you have no manager. Nothing was saved.",
            "归属锁定（防飞单）：未经“解除大客户”审批通过，不能取消 {0} 的大客户标记。请提交审批申请（类型“解除大客户”），由您的上级审批；如您没有上级，由 KAM 管理员（{3}）审批。未保存任何内容。");

        internal static readonly LocalizedText FlagRefused = new LocalizedText(
            "Ownership lock (防飞单): you cannot mark {0} as a key account. A key account is locked to its owner, so only the owner's manager or a KAM administrator ({3}) sets the flag: nobody locks a customer to themselves. Ask the owner's manager. Nothing was saved.",
            "归属锁定（防飞单）：您不能将 {0} 标记为大客户。大客户会锁定在其负责人名下，因此只有负责人的上级或 KAM 管理员（{3}）可以设置该标记：任何人都不能把客户锁定给自己。请联系负责人的上级。未保存任何内容。");

        internal static readonly LocalizedText CreateForOtherRefused = new LocalizedText(
            "Ownership lock (防飞单): you cannot create {0} owned by {2}. It is {1}, and creating a locked record for someone else is a transfer: only the new owner's manager or a KAM administrator ({3}) may do it. Create it as your own, then submit an Ownership transfer request (your manager approves it). Nothing was saved.",
            "归属锁定（防飞单）：您不能创建负责人为 {2} 的 {0}。该记录是{1}，为他人创建锁定记录等同于转移归属：只有新负责人的上级或 KAM 管理员（{3}）可以这样做。请先以自己为负责人创建，再提交“所有权转移”审批申请（由您的上级审批）。未保存任何内容。");

        internal static readonly LocalizedText ShareRefused = new LocalizedText(
            "Ownership lock (防飞单): {0} cannot be shared with {2} with write, assign or share access. It is {1}, and handing write access to someone else is a quiet transfer. Read-only sharing is allowed; for more, submit an Ownership transfer request (your manager approves it) or ask a KAM administrator ({3}). Nothing was shared.",
            "归属锁定（防飞单）：不能将 {0} 以写入、分派或共享权限共享给 {2}。该记录是{1}，把写入权限交给他人等同于悄悄转移归属。允许只读共享；如需更多权限，请提交“所有权转移”审批申请（由您的上级审批）或联系 KAM 管理员（{3}）。未共享任何内容。");

        // Why a record is locked: completes "It is {1}" / "该记录是{1}".
        internal static readonly LocalizedText KeyAccount = new LocalizedText("a key account", "大客户");

        internal static readonly LocalizedText OpportunityOfKeyAccount = new LocalizedText("an opportunity of a key account", "大客户的商机");

        internal static readonly LocalizedText OpportunityAtThreshold = new LocalizedText(
            "an opportunity with an estimated value of {0} or more", "预计金额达到 {0} 或以上的商机");

        internal static readonly LocalizedText Contract = new LocalizedText("a KAM contract (every contract is locked)", "KAM 合同（所有合同均锁定）");

        internal static readonly LocalizedText CarriesLockedRecords = new LocalizedText(
            "an account whose locked records would go with it ({0})", "一个其锁定记录会随之一起变动的客户（{0}）");

        internal static readonly LocalizedText NoCustomer = new LocalizedText("no customer", "无客户");

        internal static readonly LocalizedText PendingLocked = new LocalizedText(
            "Ownership lock (防飞单): {0} has a pending approval request waiting for {2}; while it is pending, its owner and customer can only be changed (and it can only be deleted) by that approver or a KAM administrator ({3}). Wait for the decision, or ask the requester to recall the request. Nothing was saved.",
            "归属锁定（防飞单）：{0} 有一份待审批的申请，正在等待{2}审批；审批期间，其负责人和客户只能由该审批人或 KAM 管理员（{3}）修改，记录也只能由他们删除。请等待审批结果，或请申请人撤回申请。未保存任何内容。");

        internal static readonly LocalizedText TheKamAdministrators = new LocalizedText("the KAM administrators", "KAM 管理员");

        /// <summary>
        /// Formats <paramref name="template"/> in both languages; an argument that is itself a
        /// <see cref="LocalizedText"/> is used in the matching language.
        /// </summary>
        internal static LocalizedText Compose(LocalizedText template, params object[] arguments)
        {
            var english = new object[arguments.Length];
            var chinese = new object[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                var text = arguments[i] as LocalizedText;
                english[i] = text != null ? text.EnglishText : arguments[i];
                chinese[i] = text != null ? text.ChineseText : arguments[i];
            }
            return new LocalizedText(
                string.Format(CultureInfo.InvariantCulture, template.EnglishText, english),
                string.Format(CultureInfo.InvariantCulture, template.ChineseText, chinese));
        }
    }
}
