package cn.bangfu.market.imports;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Why one row of an import was refused. Messages never echo ID numbers. */
@RegisterForReflection
public record RowError(int row, String field, String message) {
}
