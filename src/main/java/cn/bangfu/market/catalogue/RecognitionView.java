package cn.bangfu.market.catalogue;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A product's recognition as an assistance product (帮扶产品认定). */
@RegisterForReflection
public record RecognitionView(String certificateNo, LocalDate validFrom, LocalDate validTo,
                              @Schema(nullable = true, description = "The day from which it no longer counts")
                              LocalDate revokedOn) {

    static RecognitionView of(String certificateNo, LocalDate validFrom, LocalDate validTo, LocalDate revokedOn) {
        return certificateNo == null ? null : new RecognitionView(certificateNo, validFrom, validTo, revokedOn);
    }
}
