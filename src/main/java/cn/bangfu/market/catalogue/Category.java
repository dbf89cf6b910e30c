package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.EnumLabels;

import java.util.Optional;

/** What a product is, as the catalogue filters it. */
public enum Category {
    FRUIT("水果"),
    LIVESTOCK("畜禽"),
    VEGETABLE("蔬菜"),
    GRAIN("粮油"),
    MUSHROOM("食用菌"),
    HERB("中药材"),
    HONEY("蜂产品"),
    OTHER("其他");

    /** The name a Chinese price list uses. */
    public final String label;

    Category(String label) {
        this.label = label;
    }

    /** Accepts the enum name (any case) or the Chinese label. */
    public static Optional<Category> parse(String text) {
        return EnumLabels.byNameOrLabel(values(), c -> c.label, text);
    }
}
