package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.BusinessDate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** {@code POST /products/{id}/recognition/revoke}: from which day the recognition no longer counts, and why. */
@Schema(example = "{\"date\": \"2026-09-01\", \"reason\": \"抽检不合格\"}")
public record RevocationRequest(@NotNull @BusinessDate LocalDate date,
                                @NotNull @Size(max = 500) @Pattern(regexp = "^\\S[\\s\\S]*$") String reason) {
}
