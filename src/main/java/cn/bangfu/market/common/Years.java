package cn.bangfu.market.common;

import java.time.LocalDate;

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

    /** Whether {@code day} lies in one of these years. */
    public static boolean holds(LocalDate day) {
        return day.getYear() >= FIRST && day.getYear() <= LAST;
    }

    /** 400 naming {@code field} unless {@code day} (when given) lies in one of these years. */
    public static void check(String field, LocalDate day) {
        if (day != null && !holds(day)) {
            throw ApiProblem.invalidField(field, "must lie between " + FIRST + "-01-01 and " + LAST + "-12-31",
                    "必须在 " + FIRST + "-01-01 到 " + LAST + "-12-31 之间");
        }
    }
}
