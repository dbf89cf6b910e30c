package cn.bangfu.market.trade;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Live progress of an agreement: realized = DELIVERED minus RETURNED line amounts
 * of orders placed under it; {@code orders} counts its delivered orders.
 */
@RegisterForReflection
public record AgreementProgress(long agreementId, int year, long targetFen, long realizedFen, long realizedBp,
                                long orders,
                                @Schema(description = "The part of realizedFen from lines whose product was "
                                        + "recognised (帮扶产品认定) when the order was placed")
                                long recognizedFen) {
}
