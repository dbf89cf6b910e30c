package cn.bangfu.market.trade;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Live progress of an agreement: realized = DELIVERED minus RETURNED line amounts
 * of orders placed under it; {@code orders} counts its delivered orders; {@code previous} and
 * {@code growthBp} as in the agreement report.
 */
@RegisterForReflection
public record AgreementProgress(long agreementId, int year, long targetFen, long realizedFen, long realizedBp,
                                long orders,
                                @Schema(description = "The part of realizedFen from lines whose product was "
                                        + "recognised (帮扶产品认定) when the order was placed")
                                long recognizedFen,
                                @Schema(nullable = true, description = "halfUp((realizedFen − previous.realizedFen) "
                                        + "× 10000 / |previous.realizedFen|); null when that is 0")
                                Long growthBp,
                                @Schema(description = "The agreements of year − 1 between the same buyer and "
                                        + "seller regions, summed")
                                AgreementYear previous) {
}
