package cn.bangfu.market.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Parsing of query parameters into typed values, failing with a 400 that names the parameter. */
public final class Params {

    private Params() {
    }

    public static int optionalInt(String name, String raw, int defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField(name, "must be an integer");
        }
    }

    public static Long optionalLong(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField(name, "must be an integer");
        }
    }

    public static LocalDate optionalDate(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(name, "must be a date YYYY-MM-DD");
        }
    }

    public static <E extends Enum<E>> E optionalEnum(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /**
     * Parses an id from a path segment; an id that cannot exist is simply unknown (404).
     */
    public static long id(String what, String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound(what, raw);
        }
    }
}
