package cn.bangfu.market.common;

/** The media types of the files bureau staff exchange with the service: imports, templates and exports. */
public final class SpreadsheetMedia {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private SpreadsheetMedia() {
    }
}
