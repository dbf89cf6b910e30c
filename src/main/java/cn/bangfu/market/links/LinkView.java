package cn.bangfu.market.links;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.LocalDate;


@RegisterForReflection
public record LinkView(long id, long cooperativeId, long householdId, String householdCode, Mechanism mechanism,
                       LocalDate validFrom, LocalDate validTo, Integer weight, Long productId, Long floorPriceFen,
                       Long dailyWageFen, BigDecimal areaMu, Long rentPerMuPerYearFen, long version) {

    static LinkView of(BenefitLink l, String householdCode) {
        return new LinkView(l.id, l.cooperativeId, l.householdId, householdCode, l.mechanism, l.validFrom,
                l.validTo, l.weight, l.productId, l.floorPriceFen, l.dailyWageFen,
                l.areaMu == null ? null : l.areaMu.setScale(2), l.rentPerMuPerYearFen, l.version);
    }
}
