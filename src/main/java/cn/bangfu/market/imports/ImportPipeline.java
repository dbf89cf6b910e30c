package cn.bangfu.market.imports;

import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way a roster is imported (农户名单, 联农带农 link lists): every row is
 * parsed, every parsed row is checked against the database in bulk, and only when
 * no row failed are all the entities inserted, in flushed batches, in the
 * caller's transaction — all rows or none, with every bad row reported once.
 */
public final class ImportPipeline {

    /** Entities persisted between flushes: bounded memory for 100,000 rows. */
    static final int BATCH_SIZE = 1000;

    private ImportPipeline() {
    }

    /** A row whose cells parsed, with its spreadsheet row number. */
    public record Parsed<R>(int row, R value) {
    }

    /** Reads one row's cells; adds errors and answers null when the row cannot be used. */
    @FunctionalInterface
    public interface RowParser<R> {
        R parse(ImportRow row, RowErrors errors);
    }

    /**
     * Checks the parsed rows against stored data and answers the entities to insert, adding errors;
     * it may also change managed entities, which the same flush writes (or the rejection rolls back).
     */
    @FunctionalInterface
    public interface RowChecker<R> {
        List<?> check(List<Parsed<R>> parsed, RowErrors errors);
    }

    /**
     * Runs the pipeline inside the caller's transaction.
     *
     * @throws ImportRejected (422) when any row failed; nothing is written
     */
    public static <R> ImportResult run(EntityManager em, List<ImportRow> rows, RowParser<R> parser,
                                       RowChecker<R> checker) {
        RowErrors errors = new RowErrors();
        List<Parsed<R>> parsed = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            int before = errors.size();
            R value = parser.parse(row, errors);
            if (value != null && errors.size() == before) {
                parsed.add(new Parsed<>(row.row(), value));
            }
        }
        List<?> entities = checker.check(parsed, errors);
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors, rows.size());
        }
        insert(em, entities);
        return new ImportResult(parsed.size()); // rows, each of which may have written several entities
    }

    /** A parsed row's constraint violations (Bean Validation), as errors of spreadsheet row {@code row}. */
    public static List<RowError> violations(Validator validator, Object value, int row) {
        return validator.validate(value).stream()
                .map(v -> RowError.ofConstraint(row, v.getPropertyPath().toString(), v.getMessage())).toList();
    }

    /** Persists entities in flushed batches, keeping the persistence context small. */
    public static void insert(EntityManager em, List<?> entities) {
        int n = 0;
        for (Object entity : entities) {
            em.persist(entity);
            if (++n % BATCH_SIZE == 0) {
                em.flush();
                em.clear();
            }
        }
        em.flush();
    }
}
