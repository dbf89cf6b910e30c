package cn.bangfu.market.exports;

import cn.bangfu.market.common.SpreadsheetMedia;

public enum ExportFormat {
    CSV(SpreadsheetMedia.CSV + "; charset=UTF-8", "csv"),
    XLSX(SpreadsheetMedia.XLSX, "xlsx");

    final String mediaType;
    final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** CSV when no {@code format} is asked for. */
    public static ExportFormat orDefault(ExportFormat format) {
        return format == null ? CSV : format;
    }
}
