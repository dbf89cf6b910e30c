package cn.bangfu.market.common;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Chinese of what is not written where it is made: problem titles, the kinds of thing a 404
 * names, and Bean Validation's messages; and whether a request asks for Chinese at all.
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
            Map.entry("cooperative", "经营主体"), Map.entry("household", "农户"),
            Map.entry("link", "联农带农关系"), Map.entry("order", "订单"), Map.entry("product", "产品"),
            Map.entry("recording", "记录"), Map.entry("region", "区域"));

    /** How the Chinese of a constraint message no rule knows begins (tests look for it). */
    public static final String UNKNOWN_CONSTRAINT = "不符合要求（";

    private record Rule(Pattern english, String chinese) {
        static Rule of(String english, String chinese) {
            return new Rule(Pattern.compile(english), chinese);
        }
    }

    /**
     * Bean Validation's messages, as Hibernate Validator writes them in English for the constraints
     * this service uses, and the defaults of its own constraints; {@code $1} … are the groups.
     * The service's own messages carry their Chinese where they are written ({@link Text}).
     */
    private static final List<Rule> CONSTRAINTS = List.of(
            Rule.of("must not be null", "不能为空"),
            Rule.of("must not be blank", "不能为空白"),
            Rule.of("must not be empty", "不能为空"),
            Rule.of("must be greater than or equal to (-?[\\d.]+)", "必须大于或等于$1"),
            Rule.of("must be less than or equal to (-?[\\d.]+)", "必须小于或等于$1"),
            Rule.of("must be greater than (-?[\\d.]+)", "必须大于$1"),
            Rule.of("must be less than (-?[\\d.]+)", "必须小于$1"),
            Rule.of("size must be between (\\d+) and (\\d+)", "长度或个数必须在$1到$2之间"),
            Rule.of("numeric value out of bounds \\(<(\\d+) digits>\\.<(\\d+) digits> expected\\)",
                    "数值超出范围（整数最多$1位，小数最多$2位）"),
            Rule.of("must match \"(.*)\"", "格式不符合要求"),
            Rule.of("must be a phone number", "必须是电话号码"),
            Rule.of("must be a region code of 6 or 12 digits", "必须是6位或12位区域代码"),
            Rule.of("must be a date in the years (\\d+) to (\\d+)", "必须是$1年至$2年之间的日期"),
            Rule.of("must be text without control characters", "不能包含控制字符"),
            Rule.of("must be non-blank text on one line without control characters", "必须是单行非空文字，不含控制字符"),
            Rule.of("must be an 18-character unified social credit code with a valid GB 32100 check character",
                    "必须是18位统一社会信用代码，校验码须符合 GB 32100"),
            Rule.of("must be a valid 18-character resident ID number \\(GB 11643\\)", "必须是有效的18位居民身份证号码（GB 11643）"),
            Rule.of("must not be a resident ID number: it would be shown unmasked", "不能是居民身份证号码：否则会不加遮盖地显示"),
            Rule.of("must be 1-32 letters, digits, '-' or '_'", "必须是1至32个字母、数字、“-”或“_”"),
            Rule.of("must be 1-64 letters or digits, with \\. _ / - inside", "必须是1至64个字母或数字，中间可有 . _ / -"),
            // the messages the service's own validators build (TextRules, IdNumbers)
            Rule.of("must be at most (\\d+) characters", "最多 $1 个字符"),
            Rule.of("must be text on one line without control characters", "必须是单行文字，不含控制字符"),
            Rule.of("must not contain control characters other than line breaks and tabs", "除换行和制表符外不能包含控制字符"),
            Rule.of("must be an 18-character resident ID number", "必须是18位居民身份证号码"),
            Rule.of("the first 17 characters must be digits", "前17位必须是数字"),
            Rule.of("the check character must be a digit or X", "校验码必须是数字或 X"),
            Rule.of("the address code is not valid", "地址码无效"),
            Rule.of("the date of birth is not a calendar date", "出生日期不是有效日期"),
            Rule.of("the date of birth is out of range", "出生日期超出范围"),
            Rule.of("the check character does not match \\(GB 11643\\)", "校验码不符（GB 11643）"));

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

    /** The Chinese name of a kind of thing that may not exist ({@link ApiProblem#notFound}); else the kind itself. */
    public static String kind(String english) {
        return KINDS.getOrDefault(english, english);
    }

    /** A Bean Validation message in both languages; one no rule knows keeps its English inside a Chinese frame. */
    public static Text constraint(String english) {
        for (Rule rule : CONSTRAINTS) {
            Matcher m = rule.english().matcher(english);
            if (m.matches()) {
                return Text.of(english, m.replaceFirst(rule.chinese()));
            }
        }
        return Text.of(english, UNKNOWN_CONSTRAINT + english + "）");
    }
}
