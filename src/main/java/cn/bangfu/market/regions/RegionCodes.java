package cn.bangfu.market.regions;

import cn.bangfu.market.common.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Structure rules for administrative division codes: GB/T 2260 six-digit codes
 * for province, city and county, and the 12-digit statistical codes (统计用区划代码)
 * for township (9 significant digits + "000") and village. Framework-free.
 */
public final class RegionCodes {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    private RegionCodes() {
    }

    /** Why {@code code} is not a valid code of {@code level}, or empty when it is. */
    public static Optional<Text> problem(String code, RegionLevel level) {
        if (code == null || level == null) {
            return Optional.of(Text.of("is required", "必须填写"));
        }
        boolean sixDigitLevel = level.significantDigits <= 6;
        if (sixDigitLevel && !SIX_DIGITS.matcher(code).matches()) {
            return Optional.of(Text.of("a " + level + " code has 6 digits (GB/T 2260)",
                    level + " 代码为 6 位数字（GB/T 2260）"));
        }
        if (!sixDigitLevel && !TWELVE_DIGITS.matcher(code).matches()) {
            return Optional.of(Text.of("a " + level + " code has 12 digits (statistical division code)",
                    level + " 代码为 12 位数字（统计用区划代码）"));
        }
        if (code.startsWith("00")) {
            return Optional.of(Text.of("the province part (first 2 digits) cannot be 00",
                    "省级部分（前 2 位）不能为 00"));
        }
        return switch (level) {
            case PROVINCE -> code.endsWith("0000") ? Optional.empty()
                    : Optional.of(Text.of("a PROVINCE code ends with 0000", "PROVINCE 代码以 0000 结尾"));
            case CITY -> code.endsWith("00") && !code.startsWith("00", 2) ? Optional.empty()
                    : Optional.of(Text.of("a CITY code has a non-zero city part (digits 3-4) and ends with 00",
                            "CITY 代码的市级部分（第 3-4 位）不为零，并以 00 结尾"));
            case COUNTY -> !code.endsWith("00") ? Optional.empty()
                    : Optional.of(Text.of("a COUNTY code has a non-zero county part (digits 5-6)",
                            "COUNTY 代码的县级部分（第 5-6 位）不为零"));
            case TOWNSHIP -> !code.startsWith("00", 4) && !code.startsWith("000", 6) && code.endsWith("000")
                    ? Optional.empty()
                    : Optional.of(Text.of("a TOWNSHIP code has a county part, a non-zero township part (digits 7-9)"
                            + " and ends with 000",
                            "TOWNSHIP 代码含县级部分，乡镇部分（第 7-9 位）不为零，并以 000 结尾"));
            case VILLAGE -> !code.startsWith("00", 4) && !code.startsWith("000", 6) && !code.endsWith("000")
                    ? Optional.empty()
                    : Optional.of(Text.of(
                            "a VILLAGE code has non-zero township (digits 7-9) and village (digits 10-12) parts",
                            "VILLAGE 代码的乡镇部分（第 7-9 位）和村级部分（第 10-12 位）均不为零"));
        };
    }

    public static boolean isValid(String code, RegionLevel level) {
        return problem(code, level).isEmpty();
    }

    /**
     * The codes the regions above a region of {@code level} have, nearest first: for village
     * 620826101001 its township 620826101000, county 620826, city 620800 and province 620000.
     * {@code code} must be valid for {@code level}.
     */
    public static List<String> ancestorCodes(String code, RegionLevel level) {
        List<String> codes = new ArrayList<>();
        for (int above = level.ordinal() - 1; above >= 0; above--) {
            int digits = RegionLevel.values()[above].significantDigits;
            int width = digits <= 6 ? 6 : 12; // GB/T 2260 to the county, statistical codes below
            codes.add(code.substring(0, digits) + "0".repeat(width - digits));
        }
        return codes;
    }

    /**
     * Whether {@code child} (of {@code childLevel}) may sit directly under {@code parent}: the parent is
     * of a higher level and the child code extends the parent's significant digits. A level may be
     * skipped, as registers do: a municipality's district under the municipality itself (天津市 120000 →
     * 武清区 120114, without 市辖区 120100), a village straight under its county.
     */
    public static boolean canBeParent(String parent, RegionLevel parentLevel, String child, RegionLevel childLevel) {
        if (childLevel.compareTo(parentLevel) <= 0) {
            return false;
        }
        int digits = parentLevel.significantDigits;
        return child.regionMatches(0, parent, 0, digits);
    }
}
