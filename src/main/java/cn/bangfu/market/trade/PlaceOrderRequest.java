package cn.bangfu.market.trade;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(example = "{\"buyerId\": 7, \"agreementId\": 3, \"lines\": [{\"productId\": 12, "
        + "\"quantity\": 20}]}")
public record PlaceOrderRequest(
        @NotNull Long buyerId,
        Long agreementId,
        @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull Line> lines) {

    @Schema(name = "OrderLineRequest")
    public record Line(@NotNull Long productId, @NotNull @Min(1) @Max(100_000) Integer quantity) {
    }

    /** Canonical text of the request: the same body always gives the same text, field order aside. */
    String canonical() {
        StringBuilder sb = new StringBuilder().append(buyerId).append('|').append(agreementId);
        for (Line line : lines) {
            sb.append('|').append(line.productId()).append('x').append(line.quantity());
        }
        return sb.toString();
    }
}
