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

    /**
     * The requested page of a list read whole (a report that aggregates every row it lists anyway);
     * {@code total} is the list's size.
     */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), (long) request.page() * request.size());
        int to = (int) Math.min(all.size(), (long) from + request.size());
        return new Page<>(List.copyOf(all.subList(from, to)), request.page(), request.size(), all.size());
    }

    /** The same page with every item mapped. */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
