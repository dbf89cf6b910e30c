package cn.bangfu.market.trade;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An order as one caller sees it: a cooperative sees only its own lines (and their total). */
@RegisterForReflection
public record OrderView(long id, long buyerId, @Schema(nullable = true) Long agreementId, OrderStatus status,
                        long totalFen, Instant placedAt, @Schema(nullable = true) Instant confirmedAt,
                        @Schema(nullable = true) Instant shippedAt, @Schema(nullable = true) Instant deliveredAt,
                        @Schema(nullable = true) LocalDate deliveredOn, @Schema(nullable = true) Instant cancelledAt,
                        long version, List<LineView> lines,
                        @Schema(nullable = true, description = "What the order did for households (as GET "
                                + "/orders/{id}/impact), on GET /orders/{id} of a DELIVERED order; null elsewhere")
                        Impact impact) {

    @RegisterForReflection
    public record LineView(long id, int lineNo, long productId, String productName, long cooperativeId, int quantity,
                           long unitPriceFen, long amountFen,
                           @Schema(description = "The product's household share (basis points) when the order was "
                                   + "placed: what delivery splits among linked households (销售分成)")
                           int householdShareBp,
                           @Schema(description = "Whether the product was a recognised assistance product "
                                   + "(帮扶产品认定) on the day the order was placed")
                           boolean recognized,
                           boolean returned, @Schema(nullable = true) LocalDate returnedOn,
                           @Schema(description = "The order's status, or RETURNED once the line is returned")
                           LineStatus status) {

        static LineView of(OrderLine l, OrderStatus orderStatus) {
            return new LineView(l.id, l.lineNo, l.productId, l.productName, l.cooperativeId, l.quantity,
                    l.unitPriceFen, l.amountFen, l.householdShareBp, l.recognized, l.returned, l.returnedOn,
                    LineStatus.of(orderStatus, l.returned));
        }
    }

    static OrderView of(ConsumptionOrder o, List<OrderLine> visibleLines) {
        return of(o.id, o.buyerId, o.agreementId, o.status, o.placedAt, o.confirmedAt, o.shippedAt, o.deliveredAt,
                o.deliveredOn, o.cancelledAt, o.version,
                visibleLines.stream().map(l -> LineView.of(l, o.status)).toList());
    }

    /** An order's view from its columns: its total is that of the lines the caller sees. */
    static OrderView of(long id, long buyerId, Long agreementId, OrderStatus status, Instant placedAt,
                        Instant confirmedAt, Instant shippedAt, Instant deliveredAt, LocalDate deliveredOn,
                        Instant cancelledAt, long version, List<LineView> visibleLines) {
        long total = visibleLines.stream().mapToLong(LineView::amountFen).sum();
        return new OrderView(id, buyerId, agreementId, status, total, placedAt, confirmedAt, shippedAt, deliveredAt,
                deliveredOn, cancelledAt, version, visibleLines, null);
    }

    OrderView withImpact(Impact impact) {
        return new OrderView(id, buyerId, agreementId, status, totalFen, placedAt, confirmedAt, shippedAt, deliveredAt,
                deliveredOn, cancelledAt, version, lines, impact);
    }
}
