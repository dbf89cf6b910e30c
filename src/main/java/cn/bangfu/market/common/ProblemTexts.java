package cn.bangfu.market.common;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problem titles and messages in Chinese for a request whose {@code Accept-Language} prefers
 * {@code zh} (the console sends it): the same status and fields, other words. Titles are all
 * translated; a message is translated when one of the patterns below says it (the recurring
 * shapes: not found, out of scope, the constraint messages), else it stays as the service wrote it.
 */
public final class ProblemTexts {

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("Bad Request", "请求有误"),
            Map.entry("Constraint Violation", "参数不符合要求"),
            Map.entry("Malformed Request", "请求格式错误"),
            Map.entry("Unauthorized", "未登录或令牌无效"),
            Map.entry("Forbidden", "无权访问"),
            Map.entry("Not Found", "未找到"),
            Map.entry("Method Not Allowed", "不支持此方法"),
            Map.entry("Not Acceptable", "无法提供所要求的格式"),
            Map.entry("Conflict", "冲突"),
            Map.entry("Insufficient Stock", "库存不足"),
            Map.entry("Content Too Large", "内容过大"),
            Map.entry("Unsupported Media Type", "不支持的内容类型"),
            Map.entry("Unprocessable Content", "无法办理"),
            Map.entry("Import Rejected", "导入被拒绝"),
            Map.entry("Import Limit Exceeded", "超出导入限制"),
            Map.entry("Too Many Requests", "请求过多，请稍后重试"),
            Map.entry("Internal Server Error", "服务内部错误"),
            Map.entry("Service Unavailable", "服务暂不可用"));

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("agreement", "协议"), Map.entry("buyer", "购买方"), Map.entry("change", "变更"),
            Map.entry("cooperative", "经营主体"), Map.entry("household", "农户"), Map.entry("line", "订单行"),
            Map.entry("link", "联农带农关系"), Map.entry("order", "订单"), Map.entry("product", "产品"),
            Map.entry("recording", "记录"), Map.entry("region", "区域"));

    private record Rule(Pattern english, String chinese) {
        static Rule of(String english, String chinese) {
            return new Rule(Pattern.compile(english), chinese);
        }
    }

    /** Whole messages; {@code $1} … are the pattern's groups, translated again where they are messages. */
    private static final List<Rule> MESSAGES = List.of(
            Rule.of("this lies outside your region", "不在你的管辖区域内"),
            Rule.of("your role does not allow this action", "你的角色无权进行此操作"),
            Rule.of("an unexpected error occurred", "发生了意外错误"),
            Rule.of("a record with the same unique key already exists", "已有相同的记录"),
            Rule.of("must not be null", "不能为空"),
            Rule.of("must not be blank", "不能为空白"),
            Rule.of("must not be empty", "不能为空"),
            Rule.of("must not be negative", "不能为负数"),
            Rule.of("must be a whole number", "必须是整数"),
            Rule.of("must be an integer", "必须是整数"),
            Rule.of("must be a date YYYY-MM-DD", "必须是日期（YYYY-MM-DD）"),
            Rule.of("must be a phone number", "必须是电话号码"),
            Rule.of("must be a region code of 6 or 12 digits", "必须是6位或12位区域代码"),
            Rule.of("must not contain control characters.*", "不能包含控制字符"),
            Rule.of("must be greater than or equal to (-?\\d+)", "必须大于或等于$1"),
            Rule.of("must be less than or equal to (-?\\d+)", "必须小于或等于$1"),
            Rule.of("size must be between (\\d+) and (\\d+)", "长度或个数必须在$1到$2之间"),
            Rule.of("must be between (-?\\d+) and (-?\\d+)", "必须在$1到$2之间"),
            Rule.of("must be at most (\\d+) characters", "最多$1个字符"),
            Rule.of("must be one of (.+)", "必须是以下之一：$1"),
            Rule.of("must have at most (\\d+) decimal places", "最多$1位小数"),
            Rule.of("must not be before (\\w+)", "不能早于$1"),
            Rule.of("(\\d+) of (\\d+) rows are invalid, with (\\d+) errors(?: \\(the first (\\d+) are listed\\))?; "
                    + "nothing was imported", "$2 行中有 $1 行有误，共 $3 处错误；未导入任何内容"));

    /** "kind id does not exist" (ApiProblem.notFound). */
    private static final Pattern NOT_FOUND = Pattern.compile("(\\w+) (\\S+) does not exist");
    /** "field: message" (ApiProblem.invalidField, constraint violations). */
    private static final Pattern FIELD_MESSAGE = Pattern.compile("([\\w.\\[\\]]+): (.+)");

    private ProblemTexts() {
    }

    /** Whether an Accept-Language header ranks Chinese above English (absent or unreadable: no). */
    public static boolean prefersChinese(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 200) {
            return false;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (range.getWeight() > 0 && (tag.equals("zh") || tag.startsWith("zh-"))) {
                    return true;
                }
                if (range.getWeight() > 0 && (tag.equals("en") || tag.startsWith("en-") || tag.equals("*"))) {
                    return false;
                }
            }
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        return false;
    }

    public static String title(String english) {
        return TITLES.getOrDefault(english, english);
    }

    /** A message (a detail, a violation's message) in Chinese where a rule knows it; else as it is. */
    public static String message(String english) {
        if (english == null) {
            return null;
        }
        Matcher notFound = NOT_FOUND.matcher(english);
        if (notFound.matches()) {
            return KINDS.getOrDefault(notFound.group(1), notFound.group(1)) + " " + notFound.group(2) + " 不存在";
        }
        for (Rule rule : MESSAGES) {
            Matcher m = rule.english().matcher(english);
            if (m.matches()) {
                return m.replaceFirst(rule.chinese());
            }
        }
        if (english.contains("; ")) { // several violations, "a: …; b: …"
            String[] parts = english.split("; ");
            StringBuilder joined = new StringBuilder();
            boolean translated = false;
            for (String part : parts) {
                String chinese = message(part);
                translated |= !chinese.equals(part);
                joined.append(joined.isEmpty() ? "" : "；").append(chinese);
            }
            return translated ? joined.toString() : english;
        }
        Matcher field = FIELD_MESSAGE.matcher(english);
        if (field.matches()) {
            String translated = message(field.group(2));
            return translated.equals(field.group(2)) ? english : field.group(1) + "：" + translated;
        }
        return english;
    }
}
