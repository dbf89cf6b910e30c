package cn.bangfu.market.common;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * PostgreSQL array literals for native queries: a statement takes many values as one text
 * parameter, cast in SQL ({@code unnest(cast(?1 as bigint[]))}), so that its plan does not depend on
 * how many there are.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** {@code {1,2,3}}: for values whose text needs no quoting (numbers, ISO dates). */
    public static String literal(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
