package cn.bangfu.market.cooperatives;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters
 * from a 31-character alphabet (no I, O, S, V, Z), the last one a check
 * character computed modulo 31 over the first 17. Framework-free.
 */
public final class CreditCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /**
     * The code's shape for the published document: 18 characters of {@link #ALPHABET} (CreditCodesTest
     * holds the two together). The check character is beyond a pattern: a code of this shape may still be
     * refused.
     */
    public static final String SHAPE = "^[0-9A-HJ-NPQRTUWXY]{18}$";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17);
    }

    /** The GB 32100 check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("expected 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character '" + first17.charAt(i) + "' is not in the GB 32100 alphabet");
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }
}
