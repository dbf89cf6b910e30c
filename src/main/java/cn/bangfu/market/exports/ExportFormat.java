package cn.bangfu.market.exports;

import cn.bangfu.market.common.ApiProblem;

import java.util.Locale;

public enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    final String mediaType;
    final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public static ExportFormat parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return CSV;
        }
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("format", "must be csv or xlsx");
        }
    }
}
