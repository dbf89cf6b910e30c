package cn.bangfu.market.catalogue;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** {@code POST /products/{id}/recognition/revoke}: from which day the recognition no longer counts, and why. */
public record RevocationRequest(@NotNull LocalDate date,
                                @NotNull @Size(max = 500) @Pattern(regexp = "\\S[\\s\\S]*") String reason) {
}
