package cn.bangfu.market.catalogue;

import cn.bangfu.market.common.ApiProblem;

/** Filters and order of a catalogue search; every part optional. */
public record CatalogueQuery(String text, Category category, String regionCode, Certification certification,
                             Boolean recognized, CatalogueSort sort) {

    public static CatalogueQuery parse(String q, Category category, String regionCode, Certification certification,
                                       Boolean recognized, String sort) {
        String text = q == null || q.isBlank() ? null : q.trim();
        if (text != null && text.length() > 100) {
            throw ApiProblem.invalidField("q", "must be at most 100 characters", "最多 100 个字符");
        }
        return new CatalogueQuery(text,
                category,
                regionCode == null || regionCode.isBlank() ? null : regionCode.trim(),
                certification,
                recognized,
                CatalogueSort.parse(sort));
    }
}
