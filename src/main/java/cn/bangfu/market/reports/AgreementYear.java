package cn.bangfu.market.reports;

import cn.bangfu.market.common.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fulfilment figures of a pair of regions' agreements in one year, summed; all zero when the
 * pair had none that year ({@code agreements} = 0).
 */
@RegisterForReflection
public record AgreementYear(int year,
                            @Schema(description = "How many agreements the pair signed for that year")
                            int agreements, long targetFen, long realizedFen,
                            @Schema(description = "halfUp(realizedFen × 10000 / targetFen); 0 without a target")
                            long realizedBp, long orders, long recognizedFen) {

    static AgreementYear of(int year, int agreements, long targetFen, long realizedFen, long orders,
                            long recognizedFen) {
        return new AgreementYear(year, agreements, targetFen, realizedFen, Money.basisPoints(realizedFen, targetFen),
                orders, recognizedFen);
    }

    static AgreementYear none(int year) {
        return of(year, 0, 0, 0, 0, 0);
    }

    AgreementYear plus(AgreementYear other) {
        return of(year, agreements + other.agreements, targetFen + other.targetFen, realizedFen + other.realizedFen,
                orders + other.orders, recognizedFen + other.recognizedFen);
    }
}
