package cn.bangfu.market.income;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** What a recording's body is remembered by under its Idempotency-Key: other bodies, other texts. */
class CanonicalFormTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void aNoteCannotPassForTheAssetFields() {
        assertThat(new Records.Dividend(100L, DAY, "x|assetRef:y", null, null).canonical())
                .isNotEqualTo(new Records.Dividend(100L, DAY, "x", "y", null).canonical());
        assertThat(new Records.Dividend(100L, DAY, "x\\|assetName:z", null, null).canonical())
                .isNotEqualTo(new Records.Dividend(100L, DAY, "x\\", null, "z").canonical());
    }

    @Test
    void aBodyWithoutSeparatorsReadsAsBefore() {
        // as keys remembered before the escaping have it
        assertThat(new Records.Dividend(100L, DAY, "分红", "JN-PV-2021-003", "村级光伏电站").canonical())
                .isEqualTo("DIVIDEND|100|2026-03-01|note:分红|assetRef:JN-PV-2021-003|assetName:村级光伏电站");
    }

    @Test
    void differentDividendsNeverShareAForm() {
        String[] pieces = {"", "x", "|", "\\", ":", "note:", "assetRef:", "assetName:", "y"};
        Random random = new Random(5);
        Map<String, Records.Dividend> seen = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            List<String> texts = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                if (random.nextInt(4) == 0) {
                    texts.add(null);
                    continue;
                }
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(4); n > 0; n--) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                texts.add(text.toString());
            }
            Records.Dividend dividend = new Records.Dividend(100L, DAY, texts.get(0), texts.get(1), texts.get(2));
            Records.Dividend before = seen.putIfAbsent(dividend.canonical(), dividend);
            assertThat(before == null || before.equals(dividend)).as(dividend + " and " + before).isTrue();
        }
    }
}
