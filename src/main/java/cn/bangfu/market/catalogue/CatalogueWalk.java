package cn.bangfu.market.catalogue;

import java.util.function.LongSupplier;

/**
 * How a catalogue search with a text reads its page. From the text's index, the page costs about
 * what the search matches: every match is fetched, then sorted. Along the catalogue's order (its
 * primary key) testing each product's text (migration V27), it costs the products read until the
 * page is full: about {@code (offset + size) × catalogue / total} when the matches are spread
 * through the catalogue. A broad search (苹果: half the catalogue) fills a page of 20 within about
 * 40 products; a narrow one (庄浪: 100 of 100,000) would read the whole catalogue.
 */
final class CatalogueWalk {

    private CatalogueWalk() {
    }

    /**
     * Whether walking reads no more products than the index would return.
     *
     * @param total     the search's matches
     * @param catalogue the products a walk may read, asked for only when the answer depends on it
     */
    static boolean pays(long total, LongSupplier catalogue, long offset, int size) {
        long needed = offset + size;
        if (total < needed) {
            return false; // the walk would read the whole catalogue to fill the page (or find it short)
        }
        // (offset + size) × catalogue ≤ total², by division: total² fits a long below 3·10⁹ matches
        return needed <= total * total / Math.max(1, catalogue.getAsLong());
    }
}
