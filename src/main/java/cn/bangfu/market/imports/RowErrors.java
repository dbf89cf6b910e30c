package cn.bangfu.market.imports;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * An import's row errors as they are found: every one is counted, with the rows it falls on, but
 * only the first {@value ImportLimits#MAX_ERRORS_LISTED} in row order are kept, since no more are
 * answered. Each may echo a cell of up to 1,000 characters in two languages: kept whole, a workbook
 * of 100,000 rows repeating one bad shared string (100 KB on the wire) held over a gigabyte.
 */
public final class RowErrors {

    /** By row, then field; errors of the same row and field in the order they were found. */
    private static final Comparator<Found> ROW_ORDER = Comparator.<Found>comparingInt(f -> f.error.row())
            .thenComparing(f -> f.error.field()).thenComparingInt(f -> f.order);

    private record Found(RowError error, int order) {
    }

    /** The kept errors, the last of them in row order on top, to be dropped for an earlier one. */
    private final PriorityQueue<Found> kept = new PriorityQueue<>(ROW_ORDER.reversed());
    private final BitSet rows = new BitSet();
    private int count; // at most rows × columns: 6,400,000

    public void add(RowError error) {
        Found found = new Found(error, count++);
        rows.set(Math.max(error.row(), 0));
        if (kept.size() < ImportLimits.MAX_ERRORS_LISTED) {
            kept.add(found);
        } else if (ROW_ORDER.compare(found, kept.peek()) < 0) {
            kept.poll();
            kept.add(found);
        }
    }

    public void addAll(Collection<RowError> errors) {
        errors.forEach(this::add);
    }

    /** How many errors were found (not only kept). */
    public int size() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** On how many rows errors were found. */
    public int rowCount() {
        return rows.cardinality();
    }

    /** The first errors in row order, as many as are listed. */
    public List<RowError> listed() {
        List<Found> sorted = new ArrayList<>(kept);
        sorted.sort(ROW_ORDER);
        return sorted.stream().map(Found::error).toList();
    }
}
