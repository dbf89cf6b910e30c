package cn.bangfu.market.imports;

import java.util.List;
import java.util.Locale;

/** A column of an import file: its canonical (English) name and the header aliases bureau rosters use. */
public record Column(String name, boolean required, List<String> aliases) {

    public static Column required(String name, String... aliases) {
        return new Column(name, true, List.of(aliases));
    }

    public static Column optional(String name, String... aliases) {
        return new Column(name, false, List.of(aliases));
    }

    boolean matches(String header) {
        String h = header.trim().toLowerCase(Locale.ROOT);
        return h.equals(name.toLowerCase(Locale.ROOT)) || aliases.stream().anyMatch(a -> a.equals(header.trim()));
    }

    /** The header cell written into templates: "户编码 code". */
    public String templateHeader() {
        return name;
    }
}
