package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.TextRules;

/** Filters and order of a catalogue search; every part optional. */
public record CatalogueQuery(String text, Category category, String regionCode, Certification certification,
                             Boolean recognized, CatalogueSort sort) {

    /** The longest search text, in characters, spaces around it included (as the document's maxLength says). */
    public static final int MAX_TEXT = 100;

    public static CatalogueQuery parse(String q, Category category, String regionCode, Certification certification,
                                       Boolean recognized, String sort) {
        if (q != null && TextRules.longerThan(q, MAX_TEXT)) {
            throw ApiProblem.invalidField("q", "must be at most " + MAX_TEXT + " characters",
                    "最多 " + MAX_TEXT + " 个字符");
        }
        String text = q == null || q.isBlank() ? null : q.trim();
        return new CatalogueQuery(text,
                category,
                regionCode == null || regionCode.isBlank() ? null : regionCode.trim(),
                certification,
                recognized,
                CatalogueSort.parse(sort));
    }
}
