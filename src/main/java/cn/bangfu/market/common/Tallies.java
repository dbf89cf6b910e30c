package cn.bangfu.market.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figures keyed by an enum's constants ({@code byMechanism}, {@code paidByCategory}): every constant is
 * present, in declaration order, so that a client reads 0 rather than a missing key.
 */
public final class Tallies {

    private Tallies() {
    }

    /** Every constant of {@code keys} with its figure in {@code figures} (by name), 0 where it has none. */
    public static <E extends Enum<E>> Map<String, Long> forEvery(E[] keys, Map<String, Long> figures) {
        Map<String, Long> tally = new LinkedHashMap<>();
        for (E key : keys) {
            tally.put(key.name(), figures.getOrDefault(key.name(), 0L));
        }
        figures.forEach(tally::putIfAbsent); // a key the enum no longer has is shown, not lost
        return tally;
    }
}
