package cn.bangfu.market.catalogue;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ProductRulesTest {

    private static final Pattern SKU = Pattern.compile(ProductRules.SKU);
    private static final Pattern DOCUMENTED = Pattern.compile(ProductRules.SKU_DOCUMENTED);
    // ASCII, the punctuation a code holds, CJK, full-width and astral letters, spaces of several kinds
    private static final String[] PIECES = {"a", "Z", "0", "9", ".", "_", "/", "-", "=", "+", "@", " ", "\t",
        "苹", "果", "Ａ", "１", "𠀀", "é", "\u3000", "\u00A0", "€", ",", ":", "`", "~", "\u0085"};

    /** The document's pattern is the service's widened, never narrowed: what the service takes, it promises. */
    @Test
    void everySkuTheServiceTakesTheDocumentAllows() {
        Random random = new Random(20261208);
        int taken = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sku = new StringBuilder();
            int pieces = 1 + random.nextInt(random.nextInt(10) == 0 ? 70 : 6);
            for (int j = 0; j < pieces; j++) {
                sku.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String value = sku.toString();
            if (SKU.matcher(value).matches()) {
                taken++;
                assertThat(DOCUMENTED.matcher(value).matches()).as(value).isTrue();
            }
        }
        assertThat(taken).as("the sample holds valid codes").isGreaterThan(1_000);
    }

    @Test
    void theDocumentStillRefusesWhatAsciiRulesOut() {
        for (String refused : new String[] {"", "-A1", ".A1", "=1+1", "@SUM", "A 1", "A\t1", "A,1", "a".repeat(65)}) {
            assertThat(DOCUMENTED.matcher(refused).matches()).as(refused).isFalse();
            assertThat(SKU.matcher(refused).matches()).as(refused).isFalse();
        }
        assertThat(DOCUMENTED.matcher("JN-APPLE/80.5_箱").matches()).isTrue();
        assertThat(ProductRules.SKU_DOCUMENTED).doesNotContain("\\p");
    }
}
