package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.ApiProblem;

import java.util.Map;

/**
 * {@code sort=priceFen} ascending, {@code sort=-priceFen} descending; one of
 * id, name, priceFen, createdAt. Ties fall back to id so pages are stable.
 */
public record CatalogueSort(String field, boolean descending) {

    private static final Map<String, String> COLUMNS = Map.of(
            "id", "p.id", "name", "p.name", "priceFen", "p.priceFen", "createdAt", "p.createdAt");

    public static CatalogueSort parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new CatalogueSort("id", false);
        }
        String s = raw.trim();
        boolean descending = s.startsWith("-");
        String field = descending || s.startsWith("+") ? s.substring(1) : s;
        if (field.contains(",")) { // also accept "priceFen,desc"
            String[] parts = field.split(",", 2);
            field = parts[0];
            descending = "desc".equalsIgnoreCase(parts[1].trim());
        }
        if (!COLUMNS.containsKey(field)) {
            String columns = COLUMNS.keySet().toString();
            throw ApiProblem.invalidField("sort", "must be one of " + columns + ", prefixed with - for descending",
                    "必须是 " + columns + " 之一，前加 - 表示降序");
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
