package cn.bangfu.market.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        TypedQuery<Long> count = em.createQuery("select count(" + counted + ") " + fromWhere, Long.class);
        TypedQuery<R> list = em.createQuery(select + " " + fromWhere + " order by " + orderBy, rowType);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        List<R> rows = list.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Page<>(rows, page.page(), page.size(), count.getSingleResult());
    }
}
