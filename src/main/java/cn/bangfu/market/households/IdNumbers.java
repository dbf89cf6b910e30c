package cn.bangfu.market.households;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Resident identity numbers (居民身份证号码, GB 11643-1999): 6-digit address code,
 * 8-digit date of birth, 3-digit sequence, and a check character computed
 * modulo 11 (value 10 written as X). Framework-free.
 *
 * <p>Messages never echo the number: it must not leave the service.
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    /** Why {@code id} is not a valid resident ID number, or empty when it is. */
    public static Optional<String> problem(String id, LocalDate today) {
        if (id == null || id.length() != 18) {
            return Optional.of("must be an 18-character resident ID number");
        }
        for (int i = 0; i < 17; i++) {
            if (!isDigit(id.charAt(i))) {
                return Optional.of("the first 17 characters must be digits");
            }
        }
        char last = id.charAt(17);
        if (!isDigit(last) && last != 'X') {
            return Optional.of("the check character must be a digit or X");
        }
        if (id.charAt(0) == '0') {
            return Optional.of("the address code is not valid");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("the date of birth is not a calendar date");
        }
        if (birth.getYear() < 1900 || birth.isAfter(today)) {
            return Optional.of("the date of birth is out of range");
        }
        if (checkCharacter(id.substring(0, 17)) != last) {
            return Optional.of("the check character does not match (GB 11643)");
        }
        return Optional.empty();
    }

    public static boolean isValid(String id, LocalDate today) {
        return problem(id, today).isEmpty();
    }

    /** The GB 11643 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("expected 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (!isDigit(c)) {
                throw new IllegalArgumentException("expected digits only");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** {@code 620826********123X}: first 6 and last 4 characters, {@code *} between. */
    public static String mask(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() <= 10) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** Upper-cases a trailing x, the only normalisation applied. */
    public static String normalize(String id) {
        return id == null ? null : id.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
