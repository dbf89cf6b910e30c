package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.BusinessDate;
import cn.bangfu.market.common.Note;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** {@code POST /products/{id}/recognition/revoke}: from which day the recognition no longer counts, and why. */
@Schema(example = "{\"date\": \"2026-09-01\", \"reason\": \"抽检不合格\"}")
public record RevocationRequest(@NotNull @BusinessDate LocalDate date,
                                @NotNull @NotBlank @Note(max = 500) String reason) {
}
