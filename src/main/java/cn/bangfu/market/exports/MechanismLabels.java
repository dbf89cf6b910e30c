package cn.bangfu.market.exports;

import cn.bangfu.market.links.Mechanism;

/** Chinese names of the mechanisms, as bureau ledgers print them. */
final class MechanismLabels {

    private MechanismLabels() {
    }

    static String chinese(Mechanism mechanism) {
        return switch (mechanism) {
            case SALES_SHARE -> "销售分成";
            case DIVIDEND -> "入股分红";
            case PROCUREMENT -> "订单收购";
            case WAGE -> "务工就业";
            case LAND_RENT -> "土地流转";
        };
    }
}
