package cn.bangfu.market.regions;

/** Administrative levels, from 省 down to 村. */
public enum RegionLevel {
    PROVINCE(2), // 省级
    CITY(4), // 地级
    COUNTY(6), // 县级
    TOWNSHIP(9), // 乡级
    VILLAGE(12); // 村级

    /** How many leading digits of a code identify a region of this level. */
    final int significantDigits;

    RegionLevel(int significantDigits) {
        this.significantDigits = significantDigits;
    }
}
