package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.BusinessDate;
import cn.bangfu.market.common.SingleLine;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** {@code POST /products/{id}/recognition}: the bureau's certificate (认定证书) and its validity, both days included. */
@Schema(example = "{\"certificateNo\": \"甘帮认〔2026〕015号\", \"validFrom\": \"2026-01-01\", \"validTo\": \"2027-12-31\"}")
public record RecognitionRequest(@NotNull @SingleLine(max = 64) String certificateNo,
                                 @NotNull @BusinessDate LocalDate validFrom,
                                 @NotNull @BusinessDate LocalDate validTo) {
}
