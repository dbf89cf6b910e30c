package cn.bangfu.market.households;

import cn.bangfu.market.common.Years;
import cn.bangfu.market.imports.Column;
import cn.bangfu.market.imports.ImportRow;
import cn.bangfu.market.imports.RowError;
import cn.bangfu.market.imports.RowErrors;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The column layout of a household roster (see README "Bulk import"). */
public final class HouseholdColumns {

    public static final List<Column> COLUMNS = List.of(
            Column.required("code", "户编码"),
            Column.required("headName", "户主姓名"),
            Column.required("idNumber", "身份证号", "户主身份证号"),
            Column.required("villageCode", "村代码", "行政村代码"),
            Column.required("members", "家庭人口", "家庭人口数"),
            Column.required("category", "户类别", "户类型"),
            Column.optional("phone", "联系电话"),
            // for a code that exists: the day a change of members or category took effect (default today)
            Column.optional("effectiveFrom", "生效日期"));

    public static final List<String> EXAMPLE = List.of(
            "620826100201001", "张三", "（18位身份证号码）", "620826100201", "4", "POVERTY_ALLEVIATED",
            "13800000000", "");

    private HouseholdColumns() {
    }

    /** A roster row: the household as it is, and for an existing code the day its changes took effect. */
    record RosterRow(HouseholdRequest request, LocalDate effectiveFrom) {
    }

    /** The row a roster line describes, or null (with errors added) when a cell cannot even be parsed. */
    static RosterRow toRow(ImportRow row, RowErrors errors) {
        LocalDate effectiveFrom;
        try {
            effectiveFrom = row.date("effectiveFrom");
        } catch (DateTimeParseException e) {
            errors.add(RowError.of(row.row(), "effectiveFrom", "must be a date YYYY-MM-DD", "必须是 YYYY-MM-DD 格式的日期"));
            return null;
        }
        if (effectiveFrom != null && !Years.holds(effectiveFrom)) {
            errors.add(RowError.of(row.row(), "effectiveFrom", "must be in the years " + Years.FIRST + " to "
                    + Years.LAST, "必须在 " + Years.FIRST + " 年至 " + Years.LAST + " 年之间"));
            return null;
        }
        HouseholdRequest request = toRequest(row, errors);
        return request == null ? null : new RosterRow(request, effectiveFrom);
    }

    private static HouseholdRequest toRequest(ImportRow row, RowErrors errors) {
        Integer members = null;
        String rawMembers = row.numeric("members");
        if (rawMembers != null) {
            try {
                members = Integer.valueOf(rawMembers);
            } catch (NumberFormatException e) {
                errors.add(RowError.of(row.row(), "members", "must be a whole number", "必须是整数"));
                return null;
            }
        }
        HouseholdCategory category = null;
        String rawCategory = row.get("category");
        if (rawCategory != null) {
            category = HouseholdCategory.parse(rawCategory).orElse(null);
            if (category == null) {
                errors.add(RowError.of(row.row(), "category", "unknown category '" + rawCategory + "'",
                        "未知的户类别“" + rawCategory + "”"));
                return null;
            }
        }
        return new HouseholdRequest(row.get("code"), row.get("headName"), row.get("idNumber"),
                row.get("villageCode"), members, category, row.get("phone"));
    }
}
