package cn.bangfu.market.catalogue;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** When a search's page is read along the catalogue's order rather than from its text's index. */
class CatalogueWalkTest {

    @Test
    void aBroadSearchWalksForItsFirstPagesAndANarrowOneNever() {
        // the benchmark's searches over 100,000 products, a page of 20
        assertThat(CatalogueWalk.pays(50_000, () -> 100_000, 0, 20)).isTrue();          // 苹果: 40 products read
        assertThat(CatalogueWalk.pays(50_000, () -> 100_000, 24_980, 20)).isTrue();     // 50,000 read: as many
        assertThat(CatalogueWalk.pays(50_000, () -> 100_000, 25_000, 20)).isFalse();
        assertThat(CatalogueWalk.pays(100, () -> 100_000, 0, 20)).isFalse();            // 庄浪
        assertThat(CatalogueWalk.pays(100_000, () -> 100_000, 99_980, 20)).isTrue();    // every product matches
    }

    @Test
    void theCatalogueIsNotCountedWhenFewerMatchThanThePageNeeds() {
        assertThat(CatalogueWalk.pays(39, () -> {
            throw new AssertionError("counted the catalogue");
        }, 20, 20)).isFalse();
    }

    @Test
    void itWalksExactlyWhenTheWalkReadsNoMoreProductsThanMatch() {
        Random random = new Random(27);
        for (int i = 0; i < 100_000; i++) {
            long catalogue = 1 + random.nextInt(i % 2 == 0 ? 1_000 : 2_000_000_000);
            long total = random.nextLong(catalogue + 1);
            int size = 1 + random.nextInt(200);
            long offset = (long) random.nextInt(1 + (int) Math.min(Integer.MAX_VALUE, total)) / size * size;
            // products read along the order to fill the page, (offset + size) × catalogue / total, at most
            // the total the index would return; in exact arithmetic, without the rule's division
            BigInteger read = BigInteger.valueOf(offset + size).multiply(BigInteger.valueOf(catalogue));
            BigInteger matched = BigInteger.valueOf(total).multiply(BigInteger.valueOf(total));
            boolean expected = total >= offset + size && read.compareTo(matched) <= 0;
            boolean pays = CatalogueWalk.pays(total, () -> catalogue, offset, size);
            assertThat(pays).as("%d of %d, offset %d, size %d", total, catalogue, offset, size).isEqualTo(expected);
            if (pays) {
                // more matches never make the walk dearer
                assertThat(CatalogueWalk.pays(Math.min(catalogue, total + 1 + random.nextInt(1_000)), () -> catalogue,
                        offset, size)).isTrue();
            }
        }
    }
}
