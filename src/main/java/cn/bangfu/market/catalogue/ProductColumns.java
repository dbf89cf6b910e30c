package cn.bangfu.market.catalogue;

import cn.bangfu.market.imports.Column;
import cn.bangfu.market.imports.ImportRow;
import cn.bangfu.market.imports.RowError;
import cn.bangfu.market.imports.RowErrors;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The column layout of a price list (产品清单): what the import reads and the export writes, so
 * that an exported file imports as it is. Headers in English (the canonical names) or Chinese.
 */
public final class ProductColumns {

    public static final List<Column> COLUMNS = List.of(
            Column.optional("id", "产品ID"),
            Column.optional("sku", "货号", "商品编码"),
            Column.optional("name", "品名", "产品名称"),
            Column.optional("category", "品类", "产品类别"),
            Column.optional("unit", "单位", "计量单位"),
            Column.optional("priceYuan", "单价(元)", "价格(元)"),
            Column.optional("priceFen", "单价(分)"),
            Column.optional("stock", "库存", "库存数量"),
            Column.optional("householdShareBp", "农户分成(基点)", "带农分成(基点)"),
            Column.optional("brand", "品牌"),
            Column.optional("certifications", "认证"),
            Column.optional("status", "状态"),
            Column.optional("version", "版本"));

    public static final List<String> EXAMPLE = List.of("", "JN-APPLE-5KG", "静宁苹果 红富士 5kg", "水果", "箱", "59.90",
            "", "200", "1000", "静宁", "地理标志、绿色食品", "在售", "");

    private ProductColumns() {
    }

    /**
     * One row of a price list. For a new product, name, category, unit, a price and stock are
     * required; for an existing one (by id, else by sku) a blank cell leaves its field as it is.
     */
    record PriceListRow(Long id, String sku, Long version, ProductPatch fields) {
    }

    /** The row's cells, or null (with errors added) when a cell cannot be read. */
    static PriceListRow toRow(ImportRow row, RowErrors errors) {
        int before = errors.size();
        Long id = whole(row, "id", errors);
        Long version = whole(row, "version", errors);
        Long stock = whole(row, "stock", errors);
        Long share = whole(row, "householdShareBp", errors);
        Long priceFen = price(row, errors);
        Category category = label(row, "category", Category::parse, errors);
        ProductStatus status = label(row, "status", ProductStatus::parse, errors);
        List<Certification> certifications = null;
        String rawCertifications = row.get("certifications");
        if (rawCertifications != null) {
            certifications = new ArrayList<>();
            for (String name : rawCertifications.split("[,，、;；\\s]+")) {
                Optional<Certification> parsed = name.isEmpty() ? Optional.empty() : Certification.parse(name);
                if (parsed.isEmpty()) {
                    errors.add(RowError.of(row.row(), "certifications", "unknown certification '" + name + "'",
                            "未知的认证“" + name + "”"));
                } else {
                    certifications.add(parsed.get());
                }
            }
        }
        if (errors.size() > before) {
            return null;
        }
        if (stock != null && stock > Integer.MAX_VALUE || share != null && share > Integer.MAX_VALUE) {
            errors.add(RowError.of(row.row(), stock != null && stock > Integer.MAX_VALUE ? "stock"
                    : "householdShareBp", "is too large", "数值过大"));
            return null;
        }
        ProductPatch fields = new ProductPatch(text(row, "name"), category, text(row, "unit"), priceFen,
                stock == null ? null : stock.intValue(), share == null ? null : share.intValue(), text(row, "brand"),
                certifications, status, text(row, "sku"), null);
        return new PriceListRow(id, fields.sku(), version, fields);
    }

    /** priceYuan (at most two decimals) or priceFen; not both. */
    private static Long price(ImportRow row, RowErrors errors) {
        String yuan = row.numeric("priceYuan");
        Long fen = whole(row, "priceFen", errors);
        if (yuan == null) {
            return fen;
        }
        if (fen != null) {
            errors.add(RowError.of(row.row(), "priceFen", "give priceYuan or priceFen, not both",
                    "priceYuan 和 priceFen 只能填写其一"));
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(yuan);
            if (value.scale() > 2) {
                errors.add(RowError.of(row.row(), "priceYuan", "has at most two decimals (fen)", "最多两位小数（精确到分）"));
                return null;
            }
            return value.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(RowError.of(row.row(), "priceYuan", "must be an amount in yuan, like 59.90",
                    "必须是以元为单位的金额，如 59.90"));
            return null;
        }
    }

    private static Long whole(ImportRow row, String column, RowErrors errors) {
        String raw = row.numeric(column);
        if (raw == null) {
            return null;
        }
        try {
            long value = Long.parseLong(raw);
            if (value < 0) {
                errors.add(RowError.of(row.row(), column, "must not be negative", "不能为负数"));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(RowError.of(row.row(), column, "must be a whole number", "必须是整数"));
            return null;
        }
    }

    private static <E extends Enum<E>> E label(ImportRow row, String column, Function<String, Optional<E>> parse,
                                               RowErrors errors) {
        String raw = row.get(column);
        if (raw == null) {
            return null;
        }
        Optional<E> value = parse.apply(raw);
        if (value.isEmpty()) {
            errors.add(RowError.of(row.row(), column, "unknown " + column + " '" + raw + "'",
                    "未知的 " + column + "“" + raw + "”"));
            return null;
        }
        return value.get();
    }

    /**
     * A text cell, with the export's formula guard undone: a CSV export writes {@code '=…} for a
     * text that starts with a formula character (OWASP), which a spreadsheet shows as {@code =…}.
     */
    private static String text(ImportRow row, String column) {
        String value = row.get(column);
        if (value != null && value.length() > 1 && value.charAt(0) == '\''
                && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }
}
