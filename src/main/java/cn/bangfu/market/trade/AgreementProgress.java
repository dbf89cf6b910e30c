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
                                @Schema(description = AgreementYear.RECOGNIZED_FEN_MEANING) long recognizedFen,
                                @Schema(nullable = true, description = AgreementYear.GROWTH_BP_MEANING) Long growthBp,
                                @Schema(description = AgreementYear.PREVIOUS_MEANING) AgreementYear previous) {
}
