package cn.bangfu.market.trade;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Live progress of an agreement: realized = DELIVERED minus RETURNED line amounts
 * of orders placed under it; {@code orders} counts its delivered orders.
 */
@RegisterForReflection
public record AgreementProgress(long agreementId, int year, long targetFen, long realizedFen, long realizedBp,
                                long orders) {
}
