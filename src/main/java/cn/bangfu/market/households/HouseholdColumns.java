package cn.bangfu.market.households;

import cn.bangfu.market.imports.Column;
import cn.bangfu.market.imports.ImportRow;
import cn.bangfu.market.imports.RowError;

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
            Column.optional("phone", "联系电话"));

    public static final List<String> EXAMPLE = List.of(
            "620826100201001", "张三", "（18位身份证号码）", "620826100201", "4", "POVERTY_ALLEVIATED",
            "13800000000");

    private HouseholdColumns() {
    }

    /** The request a row describes, or null (with errors added) when a cell cannot even be parsed. */
    static HouseholdRequest toRequest(ImportRow row, List<RowError> errors) {
        Integer members = null;
        String rawMembers = row.numeric("members");
        if (rawMembers != null) {
            try {
                members = Integer.valueOf(rawMembers);
            } catch (NumberFormatException e) {
                errors.add(new RowError(row.row(), "members", "must be a whole number"));
                return null;
            }
        }
        HouseholdCategory category = null;
        String rawCategory = row.get("category");
        if (rawCategory != null) {
            category = HouseholdCategory.parse(rawCategory).orElse(null);
            if (category == null) {
                errors.add(new RowError(row.row(), "category", "unknown category '" + rawCategory + "'"));
                return null;
            }
        }
        return new HouseholdRequest(row.get("code"), row.get("headName"), row.get("idNumber"),
                row.get("villageCode"), members, category, row.get("phone"));
    }
}
