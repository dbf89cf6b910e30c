package cn.bangfu.market.cooperatives;

/** Which kind of business entity (经营主体) this is. */
public enum CooperativeKind {
    COOPERATIVE("农民专业合作社"),
    LEADING_ENTERPRISE("龙头企业"),
    FAMILY_FARM("家庭农场"),
    PLATFORM_COMPANY("国有平台公司"),
    /** 村集体经济组织: holds assistance-funded assets (光伏, 扶贫车间) and pays their income as dividends. */
    VILLAGE_COLLECTIVE("村集体经济组织");

    /** The name bureau ledgers print. */
    public final String label;

    CooperativeKind(String label) {
        this.label = label;
    }
}
