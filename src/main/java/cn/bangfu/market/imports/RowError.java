package cn.bangfu.market.imports;

/** Why one row of an import was refused. Messages never echo ID numbers. */
public record RowError(int row, String field, String message) {
}
