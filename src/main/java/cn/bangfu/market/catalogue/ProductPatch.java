package cn.bangfu.market.catalogue;

import io.quarkus.runtime.annotations.RegisterForReflection;
import cn.bangfu.market.common.SingleLine;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A partial update: only the fields present (non-null) change. {@code version},
 * when given, must equal the current version (optimistic locking), else 409.
 * Unknown fields are refused (see {@link cn.bangfu.market.common.StrictJson}).
 */
@RegisterForReflection
@Schema(additionalProperties = Schema.False.class) // StrictJson reads it failing on unknown fields: a 400
public record ProductPatch(
        @SingleLine(max = 200) String name,
        Category category,
        @SingleLine(max = 32) String unit,
        @Min(1) @Max(ProductRules.MAX_PRICE_FEN) Long priceFen,
        @Min(0) Integer stock,
        @Min(0) @Max(10000) Integer householdShareBp,
        @SingleLine(max = 200) String brand,
        @Size(max = 4) List<@jakarta.validation.constraints.NotNull Certification> certifications,
        ProductStatus status,
        @Pattern(regexp = ProductRules.SKU, message = "must be 1-64 letters or digits, with . _ / - inside")
        @Schema(pattern = ProductRules.SKU_DOCUMENTED) String sku,
        Long version) {
}
