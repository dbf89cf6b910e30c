package cn.bangfu.market.trade;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineStatusTest {

    /** A line follows its order through every status (a new order status needs its line twin), RETURNED once returned. */
    @Test
    void aLineShowsItsOrdersStatusUntilReturned() {
        for (OrderStatus order : OrderStatus.values()) {
            assertThat(LineStatus.of(order, false).name()).isEqualTo(order.name());
            assertThat(LineStatus.of(order, true)).isEqualTo(LineStatus.RETURNED);
        }
    }
}
