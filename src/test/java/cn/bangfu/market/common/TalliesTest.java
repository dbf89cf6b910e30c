package cn.bangfu.market.common;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TalliesTest {

    private enum Colour { RED, GREEN, BLUE }

    @Test
    void everyConstantInDeclarationOrderWithZeroWhereAbsent() {
        Map<String, Long> tally = Tallies.forEvery(Colour.values(), Map.of("BLUE", 7L, "RED", -2L));

        assertThat(tally).containsExactly(Map.entry("RED", -2L), Map.entry("GREEN", 0L), Map.entry("BLUE", 7L));
        assertThat(Tallies.forEvery(Colour.values(), Map.of())).containsOnlyKeys("RED", "GREEN", "BLUE")
                .allSatisfy((key, value) -> assertThat(value).isZero());
    }

    @Test
    void aKeyTheEnumLacksIsKeptAfterTheConstants() {
        assertThat(Tallies.forEvery(Colour.values(), Map.of("PURPLE", 3L)))
                .containsExactly(Map.entry("RED", 0L), Map.entry("GREEN", 0L), Map.entry("BLUE", 0L),
                        Map.entry("PURPLE", 3L));
    }
}
