package cn.bangfu.market.imports;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.BodyLimits;
import cn.bangfu.market.common.Text;

/**
 * What an import file may hold, checked before (or while) it is parsed, each refused
 * with a 400 (413 for the upload's size) that names the limit. The numbers are the
 * contract's (api.md "Limits") and far above any county roster: 100,000 households
 * are a large county's whole register.
 */
public final class ImportLimits {

    public static final int MAX_UPLOAD_BYTES = BodyLimits.MAX_UPLOAD_BYTES;
    public static final int MAX_DATA_ROWS = 100_000;
    public static final int MAX_COLUMNS = 64;
    public static final int MAX_CELL_CHARS = 1_000;
    public static final int MAX_NUMERIC_CHARS = 30;
    public static final long MAX_XLSX_UNCOMPRESSED_BYTES = 100L * 1024 * 1024;
    public static final int MAX_COMPRESSION_RATIO = 100;
    public static final int MAX_XLSX_PARTS = 1_000;
    /** A rejected import lists this many row errors at most, and counts them all. */
    public static final int MAX_ERRORS_LISTED = 200;

    private ImportLimits() {
    }

    static ApiProblem exceeded(Text limit) {
        return new ApiProblem(400, "Import Limit Exceeded",
                Text.of(limit.english() + "; nothing was imported", limit.chinese() + "；未导入任何内容"));
    }

    static ApiProblem tooLarge() {
        return BodyLimits.uploadTooLarge();
    }

    static ApiProblem tooManyRows() {
        return exceeded(Text.of("a file holds at most " + MAX_DATA_ROWS + " data rows",
                "一个文件最多 " + MAX_DATA_ROWS + " 个数据行"));
    }

    static ApiProblem tooManyColumns() {
        return exceeded(Text.of("a file holds at most " + MAX_COLUMNS + " columns", "一个文件最多 " + MAX_COLUMNS + " 列"));
    }

    static ApiProblem cellTooLong() {
        return exceeded(Text.of("a cell holds at most " + MAX_CELL_CHARS + " characters",
                "一个单元格最多 " + MAX_CELL_CHARS + " 个字符"));
    }
}
