package cn.bangfu.market.reports;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** How far one paired-region agreement is fulfilled: delivered minus returned amounts of its orders. */
@RegisterForReflection
public record AgreementFulfilment(long agreementId, String title, String buyerRegionCode, String buyerRegionName,
                                  String sellerRegionCode, String sellerRegionName, int year, long targetFen,
                                  long realizedFen, long realizedBp, long orders) {
}
