package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.EnumLabels;

import java.util.Optional;

/** A certification a product carries (self-declared; the bureau's recognition is separate). */
public enum Certification {
    GREEN_FOOD("绿色食品"),
    ORGANIC("有机产品"),
    GEO_INDICATION("地理标志"),
    POVERTY_AREA_PRODUCT("扶贫产品");

    /** The name a Chinese price list uses. */
    public final String label;

    Certification(String label) {
        this.label = label;
    }

    /** Accepts the enum name (any case) or the Chinese label. */
    public static Optional<Certification> parse(String text) {
        return EnumLabels.byNameOrLabel(values(), c -> c.label, text);
    }
}
