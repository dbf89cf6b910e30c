package cn.bangfu.market.links;

import cn.bangfu.market.imports.Column;
import cn.bangfu.market.imports.ImportRow;
import cn.bangfu.market.imports.RowError;
import cn.bangfu.market.imports.RowErrors;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The column layout of a link list (see README "Bulk import"). */
public final class LinkColumns {

    public static final List<Column> COLUMNS = List.of(
            Column.optional("householdCode", "户编码"),
            Column.optional("householdId", "农户ID"),
            Column.optional("cooperativeId", "经营主体ID", "合作社ID"),
            Column.optional("creditCode", "统一社会信用代码"),
            Column.required("mechanism", "联结方式", "带农方式"),
            Column.required("validFrom", "开始日期", "起始日期"),
            Column.optional("validTo", "结束日期", "截止日期"),
            Column.optional("weight", "权重", "股份数"),
            Column.optional("productId", "产品ID"),
            Column.optional("floorPriceFen", "保底价(分)", "保底收购价(分)"),
            Column.optional("dailyWageFen", "日工资(分)"),
            Column.optional("areaMu", "面积(亩)", "流转面积(亩)"),
            Column.optional("rentPerMuPerYearFen", "每亩年租金(分)"));

    public static final List<String> EXAMPLE = List.of(
            "620826100201001", "", "1", "", "SALES_SHARE", "2026-01-01", "2026-12-31", "2", "", "", "", "", "");

    private static final Map<String, Mechanism> LABELS = Map.of(
            "销售分成", Mechanism.SALES_SHARE, "二次返利", Mechanism.SALES_SHARE,
            "入股分红", Mechanism.DIVIDEND, "资产收益分红", Mechanism.DIVIDEND,
            "订单收购", Mechanism.PROCUREMENT, "保底收购", Mechanism.PROCUREMENT,
            "务工就业", Mechanism.WAGE, "务工", Mechanism.WAGE,
            "土地流转", Mechanism.LAND_RENT, "土地流转租金", Mechanism.LAND_RENT);


    private LinkColumns() {
    }

    /** A row whose cells parsed; references are resolved by the service. */
    record ParsedLink(String householdCode, Long householdId, Long cooperativeId, String creditCode,
                      Mechanism mechanism, LocalDate validFrom, LocalDate validTo, Integer weight, Long productId,
                      Long floorPriceFen, Long dailyWageFen, BigDecimal areaMu, Long rentPerMuPerYearFen) {

        LinkRequest toRequest(long cooperative, long household) {
            return new LinkRequest(cooperative, household, mechanism, validFrom, validTo, weight, productId,
                    floorPriceFen, dailyWageFen, areaMu, rentPerMuPerYearFen);
        }
    }

    static ParsedLink parse(ImportRow row, RowErrors errors) {
        Cells cells = new Cells(row, errors);
        String householdCode = row.get("householdCode");
        Long householdId = cells.integer("householdId");
        if (householdCode == null && householdId == null) {
            cells.fail("householdCode", "give the household's code (or householdId)", "请填写农户的户编码（或 householdId）");
        }
        String creditCode = row.get("creditCode");
        Long cooperativeId = cells.integer("cooperativeId");
        if (creditCode == null && cooperativeId == null) {
            cells.fail("cooperativeId", "give the cooperative's id (or creditCode)", "请填写经营主体的 ID（或 creditCode）");
        }
        Mechanism mechanism = cells.mechanism("mechanism");
        LocalDate validFrom = cells.date("validFrom");
        if (validFrom == null) {
            cells.fail("validFrom", "is required", "必须填写");
        }
        LocalDate validTo = cells.date("validTo");
        Long weight = cells.integer("weight");
        if (weight != null && (weight > Integer.MAX_VALUE || weight < Integer.MIN_VALUE)) {
            cells.fail("weight", "is too large", "数值过大");
        }
        Long productId = cells.integer("productId");
        Long floor = cells.integer("floorPriceFen");
        Long wage = cells.integer("dailyWageFen");
        BigDecimal area = cells.decimal("areaMu");
        Long rent = cells.integer("rentPerMuPerYearFen");
        if (cells.failed) {
            return null;
        }
        return new ParsedLink(householdCode, householdId, cooperativeId, creditCode, mechanism, validFrom,
                validTo, weight == null ? null : weight.intValue(), productId, floor, wage, area, rent);
    }

    /** Cell parsing that records a row error instead of throwing. */
    private static final class Cells {
        private final ImportRow row;
        private final RowErrors errors;
        boolean failed;

        Cells(ImportRow row, RowErrors errors) {
            this.row = row;
            this.errors = errors;
        }

        void fail(String field, String english, String chinese) {
            errors.add(RowError.of(row.row(), field, english, chinese));
            failed = true;
        }

        Long integer(String field) {
            String v = row.numeric(field);
            if (v == null) {
                return null;
            }
            try {
                return Long.valueOf(v);
            } catch (NumberFormatException e) {
                fail(field, "must be a whole number", "必须是整数");
                return null;
            }
        }

        BigDecimal decimal(String field) {
            String v = row.numeric(field);
            if (v == null) {
                return null;
            }
            try {
                return new BigDecimal(v);
            } catch (NumberFormatException e) {
                fail(field, "must be a number", "必须是数字");
                return null;
            }
        }

        LocalDate date(String field) {
            try {
                return row.date(field);
            } catch (DateTimeParseException e) {
                fail(field, "must be a date YYYY-MM-DD", "必须是 YYYY-MM-DD 格式的日期");
                return null;
            }
        }

        Mechanism mechanism(String field) {
            String v = row.get(field);
            if (v == null) {
                fail(field, "is required", "必须填写");
                return null;
            }
            Mechanism m = LABELS.get(v);
            if (m != null) {
                return m;
            }
            try {
                return Mechanism.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                fail(field, "unknown mechanism '" + v + "'", "未知的联结方式“" + v + "”");
                return null;
            }
        }
    }
}
