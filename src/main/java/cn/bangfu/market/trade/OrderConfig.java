package cn.bangfu.market.trade;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.PositiveOrZero;

import java.time.Duration;

/** Order placing's settings (environment variables {@code BANGFU_ORDERS_*}). */
@ConfigMapping(prefix = "bangfu.orders")
public interface OrderConfig {

    /**
     * How many placings of orders for one product (an order counts for its lowest product id;
     * products share turns in {@value OrderService#TURN_GROUPS} groups) this instance runs against
     * the database at once; the others wait their turn here, in arrival order. Orders that take stock
     * of the same product queue on its row lock, and PostgreSQL does that with a few waiters far
     * better than with dozens (README, issue 13's fourth round: on one product, 4 turns halved the
     * p99 against no limit, and orders spread over many products were not slowed). 0: no limit.
     */
    @WithDefault("4")
    @PositiveOrZero
    int concurrentPlacingsPerProduct();

    /**
     * How long a placing waits, in all, for a copy of itself under way in this instance and then for
     * its turn, before it is answered 503 with {@code Retry-After}.
     */
    @WithDefault("10s")
    Duration placingWait();
}
