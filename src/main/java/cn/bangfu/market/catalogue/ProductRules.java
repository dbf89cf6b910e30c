package cn.bangfu.market.catalogue;

/** Limits that keep every later amount computation (quantity × price) far from overflow. */
final class ProductRules {

    /** 10,000,000 yuan per unit. */
    static final long MAX_PRICE_FEN = 1_000_000_000L;

    private ProductRules() {
    }
}
