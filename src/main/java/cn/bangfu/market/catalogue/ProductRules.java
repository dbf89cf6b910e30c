package cn.bangfu.market.catalogue;

/** Limits that keep every later amount computation (quantity × price) far from overflow. */
final class ProductRules {

    /** 10,000,000 yuan per unit. */
    static final long MAX_PRICE_FEN = 1_000_000_000L;

    /**
     * A product's code in its cooperative's price list (货号): 1–64 letters or digits, with
     * {@code . _ / -} inside; it cannot start with a spreadsheet formula character.
     */
    static final String SKU = "^[\\p{L}\\p{N}][\\p{L}\\p{N}._/-]{0,63}$";

    private ProductRules() {
    }
}
