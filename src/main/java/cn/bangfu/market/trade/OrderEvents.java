package cn.bangfu.market.trade;

import java.time.LocalDate;
import java.util.List;

/**
 * The points where income is recorded (income-rules.md §3–4). They are fired as
 * synchronous CDI events inside the transaction of the delivery or return, so an
 * observer's writes (SALES_SHARE contributions, reversals) commit or roll back
 * together with the order.
 */
public final class OrderEvents {

    private OrderEvents() {
    }

    /** An order reached DELIVERED on {@code deliveredOn}, by {@code deliveredBy} (a token's sub). */
    public record Delivered(long orderId, LocalDate deliveredOn, String deliveredBy, List<DeliveredLine> lines) {
    }

    /** A delivered line, with the household share fixed when it was placed. */
    public record DeliveredLine(long lineId, long productId, long cooperativeId, long amountFen,
                                int householdShareBp) {
    }

    /** A delivered line was returned on {@code returnedOn}, by {@code returnedBy} (a token's sub). */
    public record LineReturned(long orderId, long lineId, long cooperativeId, LocalDate returnedOn,
                               String returnedBy) {
    }
}
