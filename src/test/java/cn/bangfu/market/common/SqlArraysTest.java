package cn.bangfu.market.common;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlArraysTest {

    @Test
    void numbersAndDatesAsAnArrayLiteral() {
        assertThat(SqlArrays.literal(List.of(3L, 1L, 2L))).isEqualTo("{3,1,2}");
        assertThat(SqlArrays.literal(List.of(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1))))
                .isEqualTo("{2026-12-31,2027-01-01}");
        assertThat(SqlArrays.literal(List.of())).isEqualTo("{}");
    }
}
