package cn.bangfu.market.links;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@RegisterForReflection
public record LinkView(long id, long cooperativeId, long householdId, String householdCode, Mechanism mechanism,
                       LocalDate validFrom, @Schema(nullable = true) LocalDate validTo,
                       @Schema(nullable = true) Integer weight, @Schema(nullable = true) Long productId,
                       @Schema(nullable = true) Long floorPriceFen, @Schema(nullable = true) Long dailyWageFen,
                       @Schema(nullable = true) BigDecimal areaMu, @Schema(nullable = true) Long rentPerMuPerYearFen,
                       long version) {

    static LinkView of(BenefitLink l, String householdCode) {
        return new LinkView(l.id, l.cooperativeId, l.householdId, householdCode, l.mechanism, l.validFrom,
                l.validTo, l.weight, l.productId, l.floorPriceFen, l.dailyWageFen,
                l.areaMu == null ? null : l.areaMu.setScale(2), l.rentPerMuPerYearFen, l.version);
    }
}
