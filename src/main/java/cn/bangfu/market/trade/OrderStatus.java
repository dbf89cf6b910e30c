package cn.bangfu.market.trade;

/** PLACED → CONFIRMED → SHIPPED → DELIVERED; CANCELLED from PLACED or CONFIRMED. Returns are per line. */
public enum OrderStatus {
    PLACED, CONFIRMED, SHIPPED, DELIVERED, CANCELLED
}
