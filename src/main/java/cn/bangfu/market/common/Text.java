package cn.bangfu.market.common;

/**
 * A message in the two languages the service answers in: English (the default, and what the log
 * and {@link Throwable#getMessage()} carry) and Chinese, for a request whose {@code Accept-Language}
 * prefers {@code zh} (the console sends it). Written side by side where the message is made, so
 * that no message exists in one language only.
 */
public record Text(String english, String chinese) {

    public Text {
        if (english == null || chinese == null) {
            throw new IllegalArgumentException("a text needs both languages");
        }
    }

    public static Text of(String english, String chinese) {
        return new Text(english, chinese);
    }

    public String in(boolean chinese) {
        return chinese ? this.chinese : english;
    }

    /** The texts joined, as a detail that lists several: "a; b" and "a；b". */
    public static Text join(java.util.List<Text> texts) {
        return new Text(String.join("; ", texts.stream().map(Text::english).toList()),
                String.join("；", texts.stream().map(Text::chinese).toList()));
    }
}
