package cn.bangfu.market.imports;

/** The answer to a successful import: every row was imported. */
public record ImportResult(int imported) {
}
