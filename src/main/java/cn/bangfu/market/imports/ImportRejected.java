package cn.bangfu.market.imports;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.Text;

import java.util.List;

/**
 * 422: the file was readable, but some rows break the rules; nothing was imported.
 * The answer lists the first {@value ImportLimits#MAX_ERRORS_LISTED} errors (in row
 * order) once, and counts them all in {@code errorCount}: a file of 100,000 bad rows
 * gets an answer of a few kilobytes.
 */
public class ImportRejected extends ApiProblem {

    private final List<RowError> errors;
    private final int errorCount;

    public ImportRejected(RowErrors errors, int rowCount) {
        super(422, "Import Rejected", describe(errors, rowCount));
        this.errors = errors.listed();
        this.errorCount = errors.size();
    }

    private static Text describe(RowErrors errors, int rowCount) {
        int badRows = errors.rowCount();
        boolean cut = errors.size() > ImportLimits.MAX_ERRORS_LISTED;
        return Text.of(badRows + " of " + rowCount + " rows are invalid, with " + errors.size() + " errors"
                        + (cut ? " (the first " + ImportLimits.MAX_ERRORS_LISTED + " are listed)" : "")
                        + "; nothing was imported",
                rowCount + " 行中有 " + badRows + " 行有误，共 " + errors.size() + " 处错误"
                        + (cut ? "（列出前 " + ImportLimits.MAX_ERRORS_LISTED + " 处）" : "") + "；未导入任何内容");
    }

    /** The listed errors, in row order. */
    public List<RowError> rowErrors() {
        return errors;
    }

    @Override
    public List<RowError.Answer> errors(boolean chinese) {
        return errors.stream().map(e -> e.in(chinese)).toList();
    }

    @Override
    public Integer errorCount() {
        return errorCount;
    }
}
