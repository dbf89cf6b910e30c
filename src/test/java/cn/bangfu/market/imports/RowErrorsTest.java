package cn.bangfu.market.imports;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** An import keeps the errors it answers, not every error it finds. */
class RowErrorsTest {

    @Test
    void itKeepsTheFirstErrorsInRowOrderAndCountsThemAll() {
        Random random = new Random(13);
        for (int round = 0; round < 300; round++) {
            int n = random.nextInt(round % 3 == 0 ? 50 : 2_000);
            int rows = 1 + random.nextInt(round % 2 == 0 ? 30 : 5_000);
            List<RowError> all = new ArrayList<>();
            RowErrors errors = new RowErrors();
            for (int i = 0; i < n; i++) {
                // few fields and rows: many errors share a row and a field, found in some order
                RowError error = RowError.of(2 + random.nextInt(rows), "f" + random.nextInt(3), "e" + i, "错" + i);
                all.add(error);
                errors.add(error);
            }
            List<RowError> expected = new ArrayList<>(all);
            expected.sort(Comparator.comparingInt(RowError::row).thenComparing(RowError::field)); // stable
            assertThat(errors.listed()).as("round " + round)
                    .containsExactlyElementsOf(expected.subList(0, Math.min(n, ImportLimits.MAX_ERRORS_LISTED)));
            assertThat(errors.size()).isEqualTo(n);
            assertThat(errors.isEmpty()).isEqualTo(n == 0);
            assertThat(errors.rowCount()).isEqualTo((int) all.stream().mapToInt(RowError::row).distinct().count());
        }
    }
}
