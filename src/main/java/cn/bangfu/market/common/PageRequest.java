package cn.bangfu.market.common;

/**
 * {@code ?page=0&size=20} with size ≤ 200. Parsed from raw strings so that
 * "abc" or "-1" is a clear 400 rather than JAX-RS's default 404.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public static PageRequest of(String page, String size) {
        int p = Params.optionalInt("page", page, 0);
        int s = Params.optionalInt("size", size, DEFAULT_SIZE);
        if (p < 0) {
            throw ApiProblem.invalidField("page", "must be greater than or equal to 0");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ApiProblem.invalidField("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            throw ApiProblem.invalidField("page", "is beyond any result");
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return Math.multiplyExact(page, size);
    }
}
