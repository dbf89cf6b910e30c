package cn.bangfu.market.common;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.function.Function;

/** The paging envelope every list answers with. */
@RegisterForReflection
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <E, T> Page<T> of(List<E> rows, PageRequest request, long total, Function<E, T> mapper) {
        return new Page<>(rows.stream().map(mapper).toList(), request.page(), request.size(), total);
    }

    /** The same page with every item mapped. */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
