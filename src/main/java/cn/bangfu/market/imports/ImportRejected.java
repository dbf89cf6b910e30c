package cn.bangfu.market.imports;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.Violation;

import java.util.List;

/** 422: the file was readable, but some rows break the rules; nothing was imported. */
public class ImportRejected extends ApiProblem {

    private final List<RowError> errors;

    public ImportRejected(List<RowError> errors, int rowCount) {
        super(422, "Import Rejected", errors.size() + " of " + rowCount
                        + " rows are invalid; nothing was imported",
                errors.stream().map(e -> new Violation("rows[" + e.row() + "]." + e.field(), e.message())).toList());
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
