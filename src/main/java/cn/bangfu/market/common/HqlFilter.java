package cn.bangfu.market.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import org.hibernate.query.QueryParameter;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The one way a list is queried: an HQL {@code from … where …} grown by optional
 * conditions (each with its parameter, skipped when the filter is absent), then
 * counted and listed as one page with the same parameters.
 */
public final class HqlFilter {

    private final StringBuilder fromWhere;
    private final Map<String, Object> params = new HashMap<>();

    private HqlFilter(String fromWhere) {
        this.fromWhere = new StringBuilder(fromWhere);
    }

    /** @param fromWhere {@code "from … where …"}: the conditions every row of the list meets */
    public static HqlFilter of(String fromWhere) {
        return new HqlFilter(fromWhere);
    }

    /** Binds a parameter the base conditions use. */
    public HqlFilter bind(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** Binds parameters the base conditions use. */
    public HqlFilter bind(Map<String, ?> values) {
        params.putAll(values);
        return this;
    }

    /** Adds {@code condition} (which uses {@code :name}) unless {@code value} is null, the filter absent. */
    public HqlFilter and(String condition, String name, Object value) {
        if (value != null) {
            fromWhere.append(" and (").append(condition).append(')');
            params.put(name, value);
        }
        return this;
    }

    /**
     * @param select  the list's select clause, e.g. {@code "select p, c.name"}
     * @param counted what the count counts, e.g. {@code "p"}
     * @param orderBy the list's order, e.g. {@code "p.id"}
     */
    public <R> Page<R> page(EntityManager em, String select, String counted, String orderBy, Class<R> rowType,
                            PageRequest page) {
        List<R> rows = rows(em, select, orderBy, rowType, page);
        long total = total(em, counted, (countHql, params, counting) -> counting.getAsLong());
        return new Page<>(rows, page.page(), page.size(), total);
    }

    /**
     * Where a list's {@code total} comes from: given the count's HQL and parameters (which say
     * exactly what is counted), counting them or a count of the same made before.
     */
    @FunctionalInterface
    public interface Counts {
        long of(String countHql, Map<String, Object> params, LongSupplier counting);
    }

    /** One page of the list's rows. */
    public <R> List<R> rows(EntityManager em, String select, String orderBy, Class<R> rowType, PageRequest page) {
        TypedQuery<R> list = em.createQuery(select + " " + fromWhere + " order by " + orderBy, rowType);
        assert !anyMultiValued(list) : "a parameter is a function's last argument: " + fromWhere;
        params.forEach(list::setParameter);
        return list.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    }

    /** How many rows the list has, from {@code counts}; {@code counted} as in {@link #page}. */
    public long total(EntityManager em, String counted, Counts counts) {
        String countHql = "select count(" + counted + ") " + fromWhere;
        return counts.of(countHql, Collections.unmodifiableMap(params), () -> {
            TypedQuery<Long> count = em.createQuery(countHql, Long.class);
            assert !anyMultiValued(count) : "a parameter is a function's last argument: " + fromWhere;
            params.forEach(count::setParameter);
            return count.getSingleResult();
        });
    }

    /**
     * Whether Hibernate takes a parameter as possibly multi-valued: one that is the last argument of a
     * function (HQL reads it as varargs). Hibernate then keeps no plan for the query and translates it
     * to SQL again on every run (a fifth of the JVM's time in a catalogue search): such a parameter
     * goes first, in a function that takes it first (V25), or in an operator ({@code contains}).
     */
    static boolean anyMultiValued(Query query) {
        return query.unwrap(org.hibernate.query.Query.class).getParameterMetadata().getParameters().stream()
                .anyMatch(QueryParameter::allowsMultiValuedBinding);
    }
}
