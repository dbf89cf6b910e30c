package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.EnumLabels;

import java.util.Optional;

/** Whether a product is on sale. */
public enum ProductStatus {
    ACTIVE("在售"),
    DELISTED("下架");

    /** The name a Chinese price list uses. */
    public final String label;

    ProductStatus(String label) {
        this.label = label;
    }

    /** Accepts the enum name (any case) or the Chinese label. */
    public static Optional<ProductStatus> parse(String text) {
        return EnumLabels.byNameOrLabel(values(), s -> s.label, text);
    }
}
