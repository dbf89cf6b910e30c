package cn.bangfu.market.links;

/** Benefit-linkage mechanisms (联农带农 / 利益联结), see income-rules.md §1. */
public enum Mechanism {
    SALES_SHARE, // 销售分成 / 二次返利
    DIVIDEND, // 入股分红 / 资产收益分红
    PROCUREMENT, // 订单收购 (保底收购)
    WAGE, // 务工就业
    LAND_RENT // 土地流转租金
}
