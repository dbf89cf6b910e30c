package cn.bangfu.market.trade;

import cn.bangfu.market.common.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.persistence.Tuple;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The fulfilment figures of a pair of regions' agreements in one year, summed; all zero when the
 * pair had none that year ({@code agreements} = 0).
 */
@RegisterForReflection
public record AgreementYear(int year,
                            @Schema(description = "How many agreements the pair signed for that year")
                            int agreements, long targetFen, long realizedFen,
                            @Schema(description = "halfUp(realizedFen × 10000 / targetFen); 0 without a target")
                            long realizedBp, long orders, long recognizedFen) {

    /** What the agreement's progress and the agreement report both say of these three fields (OpenAPI). */
    public static final String RECOGNIZED_FEN_MEANING = "The part of realizedFen from lines whose product was "
            + "recognised (帮扶产品认定) when the order was placed";
    public static final String GROWTH_BP_MEANING = "halfUp((realizedFen − previous.realizedFen) × 10000 / "
            + "previous.realizedFen); null when that is 0";
    public static final String PREVIOUS_MEANING = "The agreements of year − 1 between the same buyer and seller "
            + "regions, summed";

    /** The columns {@link #before} reads, of {@code agreement_previous(…) p} (V34). */
    public static final String PREVIOUS_COLUMNS = "p.agreements as previous_agreements, "
            + "p.target_fen as previous_target_fen, p.realized_fen as previous_realized_fen, "
            + "p.recognized_fen as previous_recognized_fen, p.orders as previous_orders";

    /** The year before {@code year}, from a row that selected {@link #PREVIOUS_COLUMNS}. */
    public static AgreementYear before(int year, Tuple row) {
        long target = row.get("previous_target_fen", Long.class);
        long realized = row.get("previous_realized_fen", Long.class);
        return new AgreementYear(year - 1, Math.toIntExact(row.get("previous_agreements", Long.class)), target,
                realized, Money.basisPoints(realized, target), row.get("previous_orders", Long.class),
                row.get("previous_recognized_fen", Long.class));
    }
}
