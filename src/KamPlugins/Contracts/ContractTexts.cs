using KamPlugins.Platform.Localization;

namespace KamPlugins.Contracts
{
    /// <summary>The contract lifecycle's messages, in English and Simplified Chinese.</summary>
    internal static class ContractTexts
    {
        internal static readonly LocalizedText MustStartAsDraft = new LocalizedText(
            "A contract is created as Draft (status {0} was asked for). Save it as Draft, then submit a Contract activation request; your manager approves it. Nothing was saved.",
            "合同必须以“草稿”状态创建（提交的状态为“{0}”）。请先保存为草稿，再提交“合同生效”申请，由您的经理审批。未保存任何内容。");

        internal static readonly LocalizedText EngineColumns = new LocalizedText(
            "Activated on and Terminated on are stamped by the contract lifecycle when an approved activation or termination takes effect; they cannot be set by hand ({0}). Nothing was saved.",
            "“生效日期”和“终止日期”由合同生命周期在已批准的生效或终止执行时自动记录，不能手工填写（{0}）。未保存任何内容。");

        internal static readonly LocalizedText ReadOnly = new LocalizedText(
            "Contract '{0}' is {1} and read-only: only its renewal link (Renewal of) can change, not {2}. To change the terms, create a renewal — a new contract with Renewal of set to this one. Nothing was saved.",
            "合同“{0}”处于“{1}”状态，为只读：只能修改其续约关联（续约自），不能修改{2}。如需更改条款，请创建续约合同——即“续约自”指向此合同的新合同。未保存任何内容。");

        internal static readonly LocalizedText InvalidTransition = new LocalizedText(
            "Contract '{0}' cannot go from {1} to {2}. A contract goes Draft → Active (with an approved Contract activation request), then Active → Expired (after its end date) or Active → Terminated (with an approved Contract termination request). Nothing was saved.",
            "合同“{0}”不能从“{1}”变为“{2}”。合同状态只能为：草稿 → 生效（需已批准的“合同生效”申请），然后生效 → 已到期（结束日期之后）或生效 → 已终止（需已批准的“合同终止”申请）。未保存任何内容。");

        internal static readonly LocalizedText NotYetEnded = new LocalizedText(
            "Contract '{0}' runs until {1}, so it cannot be marked Expired yet. To end it early, submit a Contract termination request. Nothing was saved.",
            "合同“{0}”有效期至 {1}，目前不能标记为已到期。如需提前终止，请提交“合同终止”申请。未保存任何内容。");

        internal static readonly LocalizedText RenewalOfMissing = new LocalizedText(
            "The contract this one renews ({0}) does not exist. Choose an existing contract in Renewal of. Nothing was saved.",
            "此合同续约的原合同（{0}）不存在。请在“续约自”中选择已有的合同。未保存任何内容。");

        internal static readonly LocalizedText RenewalOfDraft = new LocalizedText(
            "Contract '{0}' is still a Draft, so it cannot be renewed: edit the draft instead. Nothing was saved.",
            "合同“{0}”仍是草稿，不能续约：请直接修改该草稿。未保存任何内容。");

        internal static readonly LocalizedText RenewalOfSelf = new LocalizedText(
            "A contract cannot be the renewal of itself. Nothing was saved.",
            "合同不能续约自身。未保存任何内容。");

        internal static readonly LocalizedText RenewalOtherCustomer = new LocalizedText(
            "A renewal is for the same customer as the contract it renews ('{0}'); this one names another customer. Keep the customer of the renewed contract. Nothing was saved.",
            "续约合同必须与原合同（“{0}”）是同一客户；此合同填写了其他客户。请保持原合同的客户。未保存任何内容。");

        internal static readonly LocalizedText AmountAndDates = new LocalizedText("its value and dates", "其金额和日期");
    }
}
