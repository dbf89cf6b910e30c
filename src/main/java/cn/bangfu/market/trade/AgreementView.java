package cn.bangfu.market.trade;

import io.quarkus.runtime.annotations.RegisterForReflection;


@RegisterForReflection
public record AgreementView(long id, String title, String buyerRegionCode, String sellerRegionCode, int year,
                            long targetFen) {

    static AgreementView of(Agreement a) {
        return new AgreementView(a.id, a.title, a.buyerRegionCode, a.sellerRegionCode, a.year, a.targetFen);
    }
}
