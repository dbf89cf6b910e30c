package cn.bangfu.market.common;

/** The calendar years the service keeps figures for. */
public final class Years {

    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    private Years() {
    }

    /** 400 unless {@code year} is between {@value #FIRST} and {@value #LAST}. */
    public static int check(int year) {
        if (year < FIRST || year > LAST) {
            throw ApiProblem.invalidField("year", "must be between " + FIRST + " and " + LAST,
                    "必须在 " + FIRST + " 到 " + LAST + " 之间");
        }
        return year;
    }
}
