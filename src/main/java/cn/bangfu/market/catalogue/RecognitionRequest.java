package cn.bangfu.market.catalogue;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** {@code POST /products/{id}/recognition}: the bureau's certificate (认定证书) and its validity, both days included. */
public record RecognitionRequest(@NotNull @Size(max = 64) @Pattern(regexp = "\\S.*") String certificateNo,
                                 @NotNull LocalDate validFrom, @NotNull LocalDate validTo) {
}
