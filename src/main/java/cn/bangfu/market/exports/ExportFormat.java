package cn.bangfu.market.exports;

public enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

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
