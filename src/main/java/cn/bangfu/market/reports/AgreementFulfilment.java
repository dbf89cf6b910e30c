package cn.bangfu.market.reports;

import cn.bangfu.market.trade.AgreementYear;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far one paired-region agreement is fulfilled: delivered minus returned amounts of its orders. */
@RegisterForReflection
public record AgreementFulfilment(long agreementId, String title, String buyerRegionCode, String buyerRegionName,
                                  String sellerRegionCode, String sellerRegionName, int year, long targetFen,
                                  long realizedFen, long realizedBp, long orders,
                                  @Schema(description = AgreementYear.RECOGNIZED_FEN_MEANING) long recognizedFen,
                                  @Schema(nullable = true, description = AgreementYear.GROWTH_BP_MEANING) Long growthBp,
                                  @Schema(description = AgreementYear.PREVIOUS_MEANING) AgreementYear previous) {
}
