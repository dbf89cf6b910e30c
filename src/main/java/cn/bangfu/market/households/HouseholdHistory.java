package cn.bangfu.market.households;

import cn.bangfu.market.common.BusinessDate;
import cn.bangfu.market.common.Note;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A household's history: its registration and dated changes (有进有出), and the corrections of its record. */
@RegisterForReflection
@Schema(name = "HouseholdHistory")
public record HouseholdHistory(
        @Schema(description = "The registration (effectiveFrom null) and every change, oldest first")
        List<ChangeView> items,
        @Schema(description = "Corrections of the record, oldest first; ID numbers masked")
        List<CorrectionView> corrections) {

    /** A dated change: members, category or both, effective from a day (not in the future). */
    @Schema(name = "HouseholdChangeRequest",
            example = "{\"effectiveFrom\": \"2026-07-01\", \"members\": 2, \"reason\": \"子女外出务工落户\"}")
    public record ChangeRequest(
            @NotNull @BusinessDate LocalDate effectiveFrom,
            @Min(1) @Max(99) Integer members,
            HouseholdCategory category,
            @NotBlank @Note(max = 500) String reason) {
    }

    @RegisterForReflection
    @Schema(name = "HouseholdChange")
    public record ChangeView(
            long id,
            @Schema(nullable = true, description = "Null for the registration") LocalDate effectiveFrom,
            @Schema(nullable = true, description = "Null when this change left the members as they were")
            Integer members,
            @Schema(nullable = true, description = "Null when this change left the category as it was")
            HouseholdCategory category,
            @Schema(nullable = true) String reason,
            String recordedBy,
            Instant recordedAt) {

        static ChangeView of(HouseholdChange c) {
            return new ChangeView(c.id, c.effectiveFrom, c.members, c.category, c.reason, c.recordedBy, c.recordedAt);
        }
    }

    @RegisterForReflection
    @Schema(name = "HouseholdCorrection")
    public record CorrectionView(String field, @Schema(nullable = true) String oldValue,
                                 @Schema(nullable = true) String newValue, String recordedBy, Instant recordedAt) {

        static CorrectionView of(HouseholdCorrection c) {
            return new CorrectionView(c.field, c.oldValue, c.newValue, c.recordedBy, c.recordedAt);
        }
    }
}
