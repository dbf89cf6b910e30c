package cn.bangfu.market.catalogue;

public enum Certification {
    GREEN_FOOD, // 绿色食品
    ORGANIC, // 有机产品
    GEO_INDICATION, // 地理标志
    POVERTY_AREA_PRODUCT // 扶贫/帮扶产品认定
}
