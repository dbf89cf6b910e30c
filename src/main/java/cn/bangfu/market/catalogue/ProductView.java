package cn.bangfu.market.catalogue;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

@RegisterForReflection
public record ProductView(long id, long cooperativeId, String cooperativeName, String regionCode, String name,
                          Category category, String unit, long priceFen, int stock, int householdShareBp,
                          @Schema(nullable = true) String brand, List<Certification> certifications,
                          ProductStatus status, long version, Instant createdAt, Instant updatedAt,
                          @Schema(nullable = true, description = "Its recognition as an assistance product (帮扶产品认定), "
                                  + "null when none was filed")
                          RecognitionView recognition,
                          @Schema(nullable = true, description = "Its code in the cooperative's price list (货号)")
                          String sku) {

    static ProductView of(Product p, String cooperativeName, String regionCode) {
        return new ProductView(p.id, p.cooperativeId, cooperativeName, regionCode, p.name, p.category, p.unit,
                p.priceFen, p.stock, p.householdShareBp, p.brand, certifications(p.certifications), p.status,
                p.version, p.createdAt, p.updatedAt, RecognitionView.of(p.recognitionCertificateNo,
                        p.recognitionValidFrom, p.recognitionValidTo, p.recognitionRevokedOn), p.sku);
    }

    /** The certifications column (a text array) as the view lists them, in the order given. */
    static List<Certification> certifications(String[] column) {
        return column == null ? List.of() : Arrays.stream(column).map(Certification::valueOf).toList();
    }
}
