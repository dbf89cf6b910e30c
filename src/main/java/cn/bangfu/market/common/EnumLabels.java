package cn.bangfu.market.common;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** Enums that bureau files name by their constant or by their Chinese label (户类别, 品类, 状态, …). */
public final class EnumLabels {

    private EnumLabels() {
    }

    /** The constant whose name (any case) or label is {@code text}, trimmed; empty for null or no match. */
    public static <E extends Enum<E>> Optional<E> byNameOrLabel(E[] values, Function<E, String> label, String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return Arrays.stream(values).filter(e -> e.name().equalsIgnoreCase(t) || label.apply(e).equals(t)).findFirst();
    }
}
