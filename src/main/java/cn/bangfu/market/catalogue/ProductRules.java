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

    /**
     * {@link #SKU} as the published document states it, without Unicode property escapes: JSON Schema
     * tools that read patterns without ECMA-262's u flag, and Python's re under generated clients,
     * cannot compile {@code \p{L}}. ASCII as in SKU, any other character allowed: never narrower than
     * SKU, a little wider (ProductRulesTest).
     */
    static final String SKU_DOCUMENTED = "^[^\\x00-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7F]"
            + "[^\\x00-\\x2C\\x3A-\\x40\\x5B-\\x5E\\x60\\x7B-\\x7F]{0,63}$";

    private ProductRules() {
    }
}
