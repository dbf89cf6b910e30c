package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.SingleLine;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A new listing. Prices are integer fen. */
@Schema(example = "{\"name\": \"静宁苹果 红富士 5kg\", \"category\": \"FRUIT\", \"unit\": \"箱\", "
        + "\"priceFen\": 5990, \"stock\": 200, \"householdShareBp\": 1000, "
        + "\"brand\": \"静宁\", \"certifications\": [\"GEO_INDICATION\"]}")
public record ProductRequest(
        @NotNull @SingleLine(max = 200) String name,
        @NotNull Category category,
        @NotNull @SingleLine(max = 32) String unit,
        @NotNull @Min(1) @Max(ProductRules.MAX_PRICE_FEN) Long priceFen,
        @NotNull @Min(0) Integer stock,
        @Min(0) @Max(10000) Integer householdShareBp,
        @SingleLine(max = 200) String brand,
        @Size(max = 4) List<@NotNull Certification> certifications,
        @Schema(description = "The product's code in the cooperative's price list (货号), unique per cooperative; "
                + "a bulk import updates the product whose sku a row names", pattern = ProductRules.SKU_DOCUMENTED)
        @Pattern(regexp = ProductRules.SKU, message = "must be 1-64 letters or digits, with . _ / - inside")
        String sku) {
}
