package cn.bangfu.market.support;

import cn.bangfu.market.common.ApiProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds a pattern of the published document to the check it describes: every text made of up to
 * {@code parts} of the given fragments (all of them, exhaustively) is matched by the pattern exactly
 * when the check takes it.
 */
public final class PatternAgreement {

    private PatternAgreement() {
    }

    /** A parser as a check: it takes a text when it answers no 400 problem for it. */
    public static Predicate<String> takes(Consumer<String> parser) {
        return text -> {
            try {
                parser.accept(text);
                return true;
            } catch (ApiProblem refused) {
                return false;
            }
        };
    }

    /** How many texts were compared, so a caller can see the search was not empty. */
    public static int check(String pattern, Predicate<String> takes, List<String> fragments, int parts) {
        Pattern compiled = Pattern.compile(pattern);
        List<String> texts = new ArrayList<>(List.of(""));
        List<String> previous = texts;
        for (int n = 0; n < parts; n++) {
            List<String> longer = new ArrayList<>();
            for (String text : previous) {
                for (String fragment : fragments) {
                    longer.add(text + fragment);
                }
            }
            texts.addAll(longer);
            previous = longer;
        }
        for (String text : texts) {
            assertThat(compiled.matcher(text).matches()).as("%s on \"%s\"", pattern, text).isEqualTo(takes.test(text));
        }
        return texts.size();
    }
}
