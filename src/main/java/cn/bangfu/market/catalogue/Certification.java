package cn.bangfu.market.catalogue;

import java.util.Arrays;
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
        String t = text.strip();
        return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(t) || c.label.equals(t)).findFirst();
    }
}
