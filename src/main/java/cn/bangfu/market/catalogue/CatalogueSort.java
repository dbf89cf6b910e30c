package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.TextRules;

import java.util.Locale;
import java.util.Map;

/**
 * {@code sort=priceFen} ascending, {@code sort=-priceFen} descending; one of
 * id, name, priceFen, createdAt. Ties fall back to id so pages are stable.
 * {@code priceFen,desc} and {@code priceFen,asc} are taken too; any other direction is a 400.
 */
public record CatalogueSort(String field, boolean descending) {

    /** What {@link #parse} takes, for the published document; CatalogueSortTest holds it to the parser. */
    public static final String DOCUMENTED = "^(?:" + TextRules.BLANK_QUERY_VALUE
            + "| *[-+]?(?:id|name|priceFen|createdAt)(?:, *(?:[aA][sS][cC]|[dD][eE][sS][cC]))? *)$";

    private static final Map<String, String> COLUMNS = Map.of(
            "id", "p.id", "name", "p.name", "priceFen", "p.priceFen", "createdAt", "p.createdAt");

    public static CatalogueSort parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new CatalogueSort("id", false);
        }
        String s = raw.trim();
        boolean descending = s.startsWith("-");
        String field = descending || s.startsWith("+") ? s.substring(1) : s;
        String direction = null;
        if (field.contains(",")) { // also accept "priceFen,desc"
            String[] parts = field.split(",", 2);
            field = parts[0];
            // toLowerCase, not equalsIgnoreCase, which would take "deſc" (U+017F, long s) for desc
            direction = parts[1].trim().toLowerCase(Locale.ROOT);
            descending = direction.equals("desc");
        }
        boolean knownDirection = direction == null || direction.equals("asc") || direction.equals("desc");
        if (!COLUMNS.containsKey(field) || !knownDirection) {
            String columns = COLUMNS.keySet().toString();
            throw ApiProblem.invalidField("sort", "must be one of " + columns
                            + ", prefixed with - for descending (or followed by ,asc or ,desc)",
                    "必须是 " + columns + " 之一，前加 - 表示降序（或后接 ,asc 或 ,desc）");
        }
        return new CatalogueSort(field, descending);
    }

    /** Whether the order is the catalogue's own, its primary key's (so a page can be read along it). */
    boolean followsTheKey() {
        return "id".equals(field);
    }

    String orderBy() {
        String column = COLUMNS.get(field);
        String direction = descending ? " desc" : " asc";
        return "id".equals(field) ? column + direction : column + direction + ", p.id asc";
    }
}
