package cn.bangfu.market.common;

/** Which page of a list, as read from {@link PageParams}. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public int offset() {
        return Math.multiplyExact(page, size);
    }
}
