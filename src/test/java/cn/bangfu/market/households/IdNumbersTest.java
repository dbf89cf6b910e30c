package cn.bangfu.market.households;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    /** The examples printed in GB 11643-1999 and in public guidance on the check character. */
    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "11010119900307803X"})
    void acceptsPublishedExamples(String id) {
        assertThat(IdNumbers.problem(id, TODAY)).isEmpty();
    }

    @Test
    void rejectsWrongCheckCharacter() {
        assertThat(IdNumbers.problem("110105194912310021", TODAY)).contains("the check character does not match (GB 11643)");
    }

    @Test
    void rejectsImpossibleAndFutureBirthDates() {
        assertThat(IdNumbers.problem(withCheck("62082619900230001"), TODAY))
                .contains("the date of birth is not a calendar date");
        assertThat(IdNumbers.problem(withCheck("62082620270101001"), TODAY))
                .contains("the date of birth is out of range");
        assertThat(IdNumbers.problem(withCheck("62082618891231001"), TODAY))
                .contains("the date of birth is out of range");
        // the standard's own 1880 example has a right check character, but no household head is that old
        assertThat(IdNumbers.problem("440524188001010014", TODAY)).contains("the date of birth is out of range");
        assertThat(IdNumbers.problem(withCheck("62082619901301001"), TODAY))
                .contains("the date of birth is not a calendar date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "11010519491231002", "11010519491231002XX", "1101051949123100AX",
            "11010519491231002x", "01010519491231002X"})
    void rejectsMalformedNumbers(String id) {
        assertThat(IdNumbers.isValid(id, TODAY)).isFalse();
    }

    @Test
    void masksAllButFirstSixAndLastFour() {
        assertThat(IdNumbers.mask("62082619800101123X")).isEqualTo("620826********123X");
        assertThat(IdNumbers.mask("62082619800101123X")).hasSize(18);
        assertThat(IdNumbers.normalize(" 11010519491231002x ")).isEqualTo("11010519491231002X");
    }

    /** Property: random valid numbers validate; any single changed digit in the first 17, or a changed check, is caught. */
    @Test
    void singleDigitChangesAreCaught() {
        Random random = new Random(11643);
        for (int n = 0; n < 3000; n++) {
            String first17 = String.format("%06d%04d%02d%02d%03d", 110000 + random.nextInt(800000),
                    1900 + random.nextInt(120), 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000));
            String valid = first17 + IdNumbers.checkCharacter(first17);
            assertThat(IdNumbers.isValid(valid, TODAY)).as(valid).isTrue();
            assertThat(IdNumbers.mask(valid)).startsWith(valid.substring(0, 6)).endsWith(valid.substring(14))
                    .contains("********");

            int position = random.nextInt(18);
            char original = valid.charAt(position);
            char replacement;
            do {
                replacement = position == 17 ? "0123456789X".charAt(random.nextInt(11))
                        : (char) ('0' + random.nextInt(10));
            } while (replacement == original);
            String mutated = valid.substring(0, position) + replacement + valid.substring(position + 1);
            assertThat(IdNumbers.isValid(mutated, TODAY)).as(mutated).isFalse();
        }
    }

    private static String withCheck(String first17) {
        return first17 + IdNumbers.checkCharacter(first17);
    }
}
