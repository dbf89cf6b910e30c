package cn.bangfu.market.buyers;

public enum BuyerKind {
    BUDGET_UNIT, // 预算单位 (机关食堂)
    TRADE_UNION, // 工会
    ENTERPRISE, // 企业
    RETAIL_COUNTER // 消费帮扶专柜
}
