package cn.bangfu.market.income;

import cn.bangfu.market.links.Mechanism;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@RegisterForReflection
public record ContributionView(long id, long householdId, String householdCode, long cooperativeId,
                               Mechanism mechanism, long amountFen, LocalDate date, SourceType sourceType,
                               long sourceId, long linkId, @Schema(nullable = true) Long reversalOf) {

    static ContributionView of(Contribution c, String householdCode) {
        return new ContributionView(c.id, c.householdId, householdCode, c.cooperativeId, c.mechanism, c.amountFen,
                c.date, c.sourceType, c.sourceId, c.linkId, c.reversalOf);
    }
}
