package cn.bangfu.market.income;

import cn.bangfu.market.links.Mechanism;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

@RegisterForReflection
public record ContributionView(long id, long householdId, String householdCode, long cooperativeId,
                               Mechanism mechanism, long amountFen, LocalDate date, SourceType sourceType,
                               long sourceId, long linkId,
                               @Schema(description = "The recording (one business action) that wrote the row")
                               long recordingId,
                               @Schema(description = "Who recorded it: the sub of their token") String recordedBy,
                               Instant recordedAt,
                               @Schema(nullable = true, description = "The row this one reverses") Long reversalOf,
                               @Schema(nullable = true, description = "Why the reversed row was corrected")
                               String reason,
                               @Schema(nullable = true, description = "A dividend's asset (扶贫项目资产): its reference")
                               String assetRef,
                               @Schema(nullable = true, description = "A dividend's asset: its name")
                               String assetName) {

    static ContributionView of(Contribution c, String householdCode) {
        return new ContributionView(c.id, c.householdId, householdCode, c.cooperativeId, c.mechanism, c.amountFen,
                c.date, c.sourceType, c.sourceId, c.linkId, c.recordingId, c.recordedBy, c.createdAt, c.reversalOf,
                c.reason, c.assetRef, c.assetName);
    }
}
