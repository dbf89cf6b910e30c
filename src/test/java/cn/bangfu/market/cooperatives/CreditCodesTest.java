package cn.bangfu.market.cooperatives;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditCodesTest {

    /** Published codes of real organisations, and the example printed in GB 32100-2015. */
    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43", // GB 32100-2015 example
            "9144030071526726XG", // 深圳市腾讯计算机系统有限公司
            "914403001922038216", // 华为技术有限公司
            "91330100716105852F", // 阿里巴巴（中国）有限公司
            "91110108551385082Q", // 北京小米科技有限责任公司
            "9111000071093465XC",
            "91440300708461136T"})
    void acceptsRealCodes(String code) {
        assertThat(CreditCodes.isValid(code)).isTrue();
        assertThat(CreditCodes.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y44", // wrong check character
            "9144030071526726XH",
            "91350100M000100Y4", // 17 characters
            "91350100M000100Y430", // 19 characters
            "91350100m000100Y43", // lower case
            "91350100M0001O0Y43", // letter O is not in the alphabet
            "91350100M000100I43", // nor is I
            "",
            "913501 0M000100Y43"})
    void rejectsBrokenCodes(String code) {
        assertThat(CreditCodes.isValid(code)).isFalse();
    }

    /**
     * The document's shape: every valid code has it, and a code of 18 characters is refused for a character
     * outside it exactly when the shape refuses it (its check character aside).
     */
    @Test
    void theDocumentedShapeIsTheAlphabet() {
        java.util.regex.Pattern shape = java.util.regex.Pattern.compile(CreditCodes.SHAPE);
        for (char c = 0; c < 0x3100; c++) {
            String first17 = "9162082" + c + "MA71XXXXX";
            boolean inAlphabet = CreditCodes.ALPHABET.indexOf(c) >= 0;
            assertThat(shape.matcher(first17 + "0").matches()).as("U+%04X", (int) c).isEqualTo(inAlphabet);
            if (inAlphabet) {
                String valid = first17 + CreditCodes.checkCharacter(first17);
                assertThat(CreditCodes.isValid(valid) && shape.matcher(valid).matches()).as(valid).isTrue();
            }
        }
        assertThat(shape.matcher("93620826MA71XXXXXC").matches()).isTrue();
        assertThat(CreditCodes.isValid("93620826MA71XXXXXC")).as("the document's example").isTrue();
        assertThat(shape.matcher("93620826MA71XXXXX").matches()).isFalse();
    }

    @Test
    void rejectsNull() {
        assertThat(CreditCodes.isValid(null)).isFalse();
        assertThatThrownBy(() -> CreditCodes.checkCharacter("123")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Mod 31 with weights coprime to 31: every single-character change is caught. */
    @Test
    void everySingleSubstitutionOfRandomValidCodesIsDetected() {
        Random random = new Random(20261122);
        String alphabet = CreditCodes.ALPHABET;
        for (int n = 0; n < 500; n++) {
            StringBuilder first17 = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                first17.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String valid = first17.toString() + CreditCodes.checkCharacter(first17.toString());
            assertThat(CreditCodes.isValid(valid)).as(valid).isTrue();

            int position = random.nextInt(18);
            char replacement;
            do {
                replacement = alphabet.charAt(random.nextInt(alphabet.length()));
            } while (replacement == valid.charAt(position));
            String mutated = valid.substring(0, position) + replacement + valid.substring(position + 1);
            assertThat(CreditCodes.isValid(mutated)).as(mutated).isFalse();
        }
    }

    /** Adjacent weights differ modulo 31, so swapping two different neighbours in the body is caught. */
    @Test
    void adjacentTranspositionsAreDetected() {
        Random random = new Random(7);
        String alphabet = CreditCodes.ALPHABET;
        for (int n = 0; n < 500; n++) {
            StringBuilder first17 = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                first17.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String valid = first17.toString() + CreditCodes.checkCharacter(first17.toString());
            int i = random.nextInt(16);
            if (valid.charAt(i) == valid.charAt(i + 1)) {
                continue;
            }
            char[] chars = valid.toCharArray();
            chars[i] = valid.charAt(i + 1);
            chars[i + 1] = valid.charAt(i);
            assertThat(CreditCodes.isValid(new String(chars))).as(new String(chars)).isFalse();
        }
    }
}
