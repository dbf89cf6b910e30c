package cn.bangfu.market.income;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A recording and the ledger rows it wrote, in the order they were written. */
@RegisterForReflection
@Schema(name = "Recording")
public record RecordingView(long recordingId, RecordingKind kind, long cooperativeId,
                           @Schema(description = "Who recorded it: the sub of their token") String recordedBy,
                           Instant recordedAt,
                           @Schema(nullable = true, description = "The recording this one reverses") Long reversalOf,
                           @Schema(nullable = true, description = "Why, for a reversal") String reason,
                           @Schema(nullable = true, description = "The reversal that corrected this recording")
                           Long reversedBy,
                           List<ContributionView> contributions) {

    static RecordingView of(Recording r, Long reversedBy, List<ContributionView> contributions) {
        return new RecordingView(r.id, r.kind, r.cooperativeId, r.recordedBy, r.recordedAt, r.reversalOf, r.reason,
                reversedBy, contributions);
    }
}
