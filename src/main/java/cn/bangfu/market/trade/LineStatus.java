package cn.bangfu.market.trade;

/**
 * An order line's state, as income-rules §3 speaks of it ("a line that was DELIVERED and is then
 * RETURNED"): its order's status until the line is returned (退货), RETURNED after.
 */
public enum LineStatus {
    PLACED, CONFIRMED, SHIPPED, DELIVERED, CANCELLED, RETURNED;

    static LineStatus of(OrderStatus order, boolean returned) {
        return returned ? RETURNED : valueOf(order.name());
    }
}
