package cn.bangfu.market.imports;

import cn.bangfu.market.common.ApiProblem;

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

    public ImportRejected(List<RowError> errors, int rowCount) {
        super(422, "Import Rejected", describe(errors, rowCount));
        this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), ImportLimits.MAX_ERRORS_LISTED)));
        this.errorCount = errors.size();
    }

    private static String describe(List<RowError> errors, int rowCount) {
        long badRows = errors.stream().mapToInt(RowError::row).distinct().count();
        String listed = errors.size() > ImportLimits.MAX_ERRORS_LISTED
                ? " (the first " + ImportLimits.MAX_ERRORS_LISTED + " are listed)" : "";
        return badRows + " of " + rowCount + " rows are invalid, with " + errors.size() + " errors" + listed
                + "; nothing was imported";
    }

    @Override
    public List<RowError> errors() {
        return errors;
    }

    @Override
    public Integer errorCount() {
        return errorCount;
    }
}
