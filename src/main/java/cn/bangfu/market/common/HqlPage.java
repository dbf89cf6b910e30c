package cn.bangfu.market.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Map;

/** One page of an HQL query: the same {@code from … where …} is counted and listed, with the same parameters. */
public final class HqlPage {

    private HqlPage() {
    }

    /**
     * @param select    the list's select clause, e.g. {@code "select p, c.name"}
     * @param counted   what the count counts, e.g. {@code "p"}
     * @param fromWhere {@code " from … where …"}, shared by both queries
     * @param orderBy   the list's order, e.g. {@code "p.id"}
     */
    public static <R> Page<R> of(EntityManager em, String select, String counted, String fromWhere, String orderBy,
                                 Map<String, ?> params, Class<R> rowType, PageRequest page) {
        TypedQuery<Long> count = em.createQuery("select count(" + counted + ")" + fromWhere, Long.class);
        TypedQuery<R> list = em.createQuery(select + fromWhere + " order by " + orderBy, rowType);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        List<R> rows = list.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return new Page<>(rows, page.page(), page.size(), count.getSingleResult());
    }
}
