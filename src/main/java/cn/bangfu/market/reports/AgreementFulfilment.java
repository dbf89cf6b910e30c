package cn.bangfu.market.reports;

import cn.bangfu.market.trade.AgreementYear;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far one paired-region agreement is fulfilled: delivered minus returned amounts of its orders. */
@RegisterForReflection
public record AgreementFulfilment(long agreementId, String title, String buyerRegionCode, String buyerRegionName,
                                  String sellerRegionCode, String sellerRegionName, int year, long targetFen,
                                  long realizedFen, long realizedBp, long orders,
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
