package cn.bangfu.market.exports;

import cn.bangfu.market.common.Years;
import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.catalogue.Category;
import cn.bangfu.market.catalogue.Certification;
import cn.bangfu.market.catalogue.ProductStatus;
import cn.bangfu.market.cooperatives.Cooperative;
import cn.bangfu.market.cooperatives.CooperativeKind;
import cn.bangfu.market.households.HouseholdCategory;
import cn.bangfu.market.income.AlertReason;
import cn.bangfu.market.income.IncomeReports;
import cn.bangfu.market.links.Mechanism;
import cn.bangfu.market.regions.Region;
import cn.bangfu.market.regions.RegionScope;
import cn.bangfu.market.regions.RegionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The household income ledger (台账), the contribution ledger and the alerts as CSV or XLSX,
 * streamed, on plain JDBC (no persistence context). Each export is one query whose columns
 * say their SQL ({@link Column}): CSV is PostgreSQL's own COPY of it, relayed ({@link CsvCopy});
 * XLSX reads it through a forward-only cursor (fetch size 1000) one batch ahead on a second
 * thread. A client that goes away ends the query, the read-only transaction and the connection.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);
    static final int FETCH_SIZE = 1000;
    static final String APPLICATION_NAME = "bangfu-market export";

    @Inject
    DataSource dataSource;

    @Inject
    RegionService regions;

    /** Runs the cursor-reading side of each export (see {@link Prefetcher}). */
    @Inject
    ManagedExecutor executor;

    @Inject
    ExportConfig config;

    @Inject
    IncomeReports incomeReports;

    /** What the resource answers: a file name and the body that streams it. */
    public record Export(String fileName, String asciiFileName, String mediaType, StreamingOutput body) {
    }

    /**
     * Whether the client has gone away. The server quietly drops what is written to a closed
     * connection, so the cursor loop asks this between fetches and stops the export itself.
     */
    @FunctionalInterface
    public interface ClientGone {
        boolean now();
    }

    /** An export's query: its columns (each with its SQL) and the rest of the query after the select list. */
    record Query(List<Column> columns, String from, List<Object> params) {

        String select(boolean csv) {
            return columns.stream().map(c -> csv ? c.csvSql() : c.sql())
                    .collect(Collectors.joining(", ", "select ", "\n" + from));
        }
    }

    private static Column text(String chinese, String english, double width, String sql) {
        return new Column(chinese, english, width, sql, Column.Kind.TEXT);
    }

    private static Column fixed(String chinese, String english, double width, String sql) {
        return new Column(chinese, english, width, sql, Column.Kind.FIXED);
    }

    private static Column whole(String chinese, String english, double width, String sql) {
        return new Column(chinese, english, width, sql, Column.Kind.WHOLE);
    }

    private static Column fen(String chinese, String english, double width, String sql) {
        return new Column(chinese, english, width, sql, Column.Kind.FEN);
    }

    /** Chinese labels of an enum column, or its English names as stored. */
    private static <E extends Enum<E>> String label(String sql, E[] values, Function<E, String> chinese,
                                                    boolean english) {
        return english ? sql : Column.labelled(sql, Arrays.stream(values)
                .collect(Collectors.toMap(Enum::name, chinese, (a, b) -> a, LinkedHashMap::new)));
    }

    /**
     * An array column of enum names as one cell: the names joined by {@code ,}, or their Chinese
     * labels, in the array's order, joined by {@code 、}.
     */
    private static <E extends Enum<E>> String labels(String arraySql, E[] values, Function<E, String> chinese,
                                                     boolean english) {
        return english ? "array_to_string(" + arraySql + ", ',')"
                : "array_to_string(array(select " + label("u.e", values, chinese, false)
                + " from unnest(" + arraySql + ") with ordinality as u (e, n) order by n), '、')";
    }

    private static String yesNo(String condition, boolean english) {
        return "case when " + condition + (english ? " then 'true' else 'false' end" : " then '是' else '否' end");
    }

    /** A mechanism's amount column, headed alike in every export. */
    private static Column mechanismFen(Mechanism mechanism, String sql) {
        return switch (mechanism) {
            case SALES_SHARE -> fen("销售分成(元)", "salesShareYuan", 14, sql);
            case DIVIDEND -> fen("入股分红(元)", "dividendYuan", 14, sql);
            case PROCUREMENT -> fen("订单收购(元)", "procurementYuan", 14, sql);
            case WAGE -> fen("务工工资(元)", "wageYuan", 14, sql);
            case LAND_RENT -> fen("土地流转租金(元)", "landRentYuan", 16, sql);
        };
    }

    /**
     * The ledger's columns are exactly those api.md lists, in its order: the 台账 reported upward
     * has a fixed layout. (The line itself is in the alerts export and in each household's income.)
     */
    static List<Column> householdIncomeColumns(boolean english) {
        return List.of(
                text("户编码", "code", 20, "r.code"),
                fixed("身份证号", "idNumber", 22, "masked_id_number(r.id_number)"),
                text("户主姓名", "headName", 12, "r.head_name"),
                fixed("村代码", "villageCode", 16, "r.village_code").repeating(),
                text("村名称", "villageName", 16, "r.village_name").repeating(),
                whole("家庭人口", "members", 10, "r.members"),
                fixed("户类别", "category", 16,
                        label("r.category", HouseholdCategory.values(), c -> c.label, english)).repeating(),
                mechanismFen(Mechanism.SALES_SHARE, "r.sales_share"),
                mechanismFen(Mechanism.DIVIDEND, "r.dividend"),
                mechanismFen(Mechanism.PROCUREMENT, "r.procurement"),
                mechanismFen(Mechanism.WAGE, "r.wage"),
                mechanismFen(Mechanism.LAND_RENT, "r.land_rent"),
                fen("其他收入(元)", "otherIncomeYuan", 14, "r.other"),
                fen("年收入(元)", "annualIncomeYuan", 14, "a.annual"),
                fen("人均收入(元)", "perCapitaYuan", 14, "pc.per_capita"),
                // no line for the year: neither yes nor no
                fixed("是否风险户", "atRisk", 12, "case when r.line is not null then "
                        + yesNo("below_monitoring_line(pc.per_capita, r.line)", english) + " end").repeating());
    }

    public Export householdIncome(String bureauRegion, String regionCode, int year, ExportFormat format,
                                  boolean english, ClientGone clientGone) {
        Years.check(year);
        RegionScope region = regions.requireScope(bureauRegion, regionCode); // the whole country for 000000
        String from = """
                from (select h.code, h.id_number, h.head_name, h.village_code, v.name as village_name, hs.members,
                             hs.category, coalesce(s.sales_share, 0) as sales_share, coalesce(s.dividend, 0) as dividend,
                             coalesce(s.procurement, 0) as procurement, coalesce(s.wage, 0) as wage,
                             coalesce(s.land_rent, 0) as land_rent, coalesce(o.amount_fen, 0) as other,
                             ml.per_capita_fen as line
                      from household h
                      join region v on v.code = h.village_code
                      cross join lateral household_on(h, ?) hs -- members and category as of 31 December
                      left join lateral (
                          select sum(y.amount_fen) filter (where y.mechanism = 'SALES_SHARE')::bigint as sales_share,
                                 sum(y.amount_fen) filter (where y.mechanism = 'DIVIDEND')::bigint as dividend,
                                 sum(y.amount_fen) filter (where y.mechanism = 'PROCUREMENT')::bigint as procurement,
                                 sum(y.amount_fen) filter (where y.mechanism = 'WAGE')::bigint as wage,
                                 sum(y.amount_fen) filter (where y.mechanism = 'LAND_RENT')::bigint as land_rent
                          from household_year_income y where y.household_id = h.id and y.year = ?) s on true
                      left join household_other_income o on o.household_id = h.id and o.year = ?
                      left join monitoring_line ml on ml.province_code = v.province_code and ml.year = ?
                      where v.path like ?) r
                cross join lateral (select r.sales_share + r.dividend + r.procurement + r.wage + r.land_rent + r.other
                                    as annual) a
                cross join lateral (select per_capita(a.annual, r.members) as per_capita) pc
                order by r.code""";
        Query query = new Query(householdIncomeColumns(english), from,
                List.of(LocalDate.of(year, 12, 31), year, year, year, region.pattern()));
        String name = "household-income_" + region.code() + "_" + year;
        String chinese = "农户收入台账_" + region.name() + "_" + region.code() + "_" + year;
        return export(chinese, name, format, english ? "household income" : "农户收入台账", english, query, clientGone);
    }

    static List<Column> alertColumns(boolean english) {
        String reasons = labels("reasons", AlertReason.values(), a -> a.label, english);
        return List.of(
                text("户编码", "householdCode", 20, "household_code"),
                text("户主姓名", "headName", 12, "head_name"),
                fixed("村代码", "villageCode", 16, "village_code").repeating(),
                whole("家庭人口", "members", 10, "members"),
                fen("人均收入(元)", "perCapitaYuan", 14, "per_capita_fen"),
                fen("上年人均收入(元)", "previousPerCapitaYuan", 16, "previous_per_capita_fen"),
                fen("监测线(元)", "lineYuan", 12, "line_fen"),
                fixed("预警原因", "reasons", 30, reasons).repeating());
    }

    /**
     * The early-warning list (income-rules.md §5) as {@code household_alerts} computes it, in the
     * list's order, by household code.
     */
    public Export alerts(String bureauRegion, String regionCode, int year, ExportFormat format, boolean english,
                         ClientGone clientGone) {
        Years.check(year);
        Region region = regions.requireWithinProvince(bureauRegion, regionCode); // one province's line
        incomeReports.requireLine(region, year);
        Query query = new Query(alertColumns(english),
                "from household_alerts(?, ?) order by " + IncomeReports.alertOrder(region),
                List.of(region.path + "%", year));
        String name = "alerts_" + region.code + "_" + year;
        String chinese = "监测预警_" + region.name + "_" + region.code + "_" + year;
        return export(chinese, name, format, english ? "alerts" : "监测预警", english, query, clientGone);
    }

    static List<Column> contributionColumns(boolean english) {
        return List.of(
                whole("流水号", "id", 12, "c.id"),
                fixed("日期", "date", 12, "c.date::text").repeating(), // ISO: pgjdbc sets DateStyle ISO
                text("户编码", "householdCode", 20, "h.code"),
                text("户主姓名", "headName", 12, "h.head_name"),
                fixed("身份证号", "idNumber", 22, "masked_id_number(h.id_number)"),
                fixed("村代码", "villageCode", 16, "h.village_code").repeating(),
                whole("经营主体ID", "cooperativeId", 12, "c.cooperative_id"),
                text("经营主体", "cooperativeName", 28, "co.name").repeating(),
                fixed("联结方式", "mechanism", 14, label("c.mechanism", Mechanism.values(), MechanismLabels::chinese,
                        english)).repeating(),
                fen("金额(元)", "amountYuan", 14, "c.amount_fen"),
                fixed("来源", "sourceType", 14, "c.source_type").repeating(),
                whole("来源ID", "sourceId", 12, "c.source_id"),
                whole("联结ID", "linkId", 10, "c.link_id"),
                whole("冲正流水号", "reversalOf", 12, "c.reversal_of"),
                whole("记录批次号", "recordingId", 12, "c.recording_id"),
                text("记录人", "recordedBy", 16, "c.recorded_by").repeating(),
                fixed("记录时间", "recordedAt", 22, "export_instant(c.created_at)"),
                text("冲正原因", "reason", 28, "c.reason"),
                text("资产编号", "assetRef", 18, "c.asset_ref"),     // 扶贫项目资产, a dividend's
                text("资产名称", "assetName", 20, "c.asset_name"));
    }

    public Export contributions(String bureauRegion, String regionCode, LocalDate from, LocalDate to,
                                ExportFormat format, boolean english, ClientGone clientGone) {
        Years.check("from", from); // the CSV's statement writes the days into its text
        Years.check("to", to);
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.invalidField("to", "must not be before from", "不能早于 from");
        }
        RegionScope region = regions.requireScope(bureauRegion, regionCode); // the whole country for 000000
        LocalDate first = from == null ? LocalDate.of(Years.FIRST, 1, 1) : from;
        LocalDate last = to == null ? LocalDate.of(Years.LAST, 12, 31) : to;
        Query query = new Query(contributionColumns(english), """
                from contribution c
                join household h on h.id = c.household_id
                join region v on v.code = h.village_code
                join cooperative co on co.id = c.cooperative_id
                where v.path like ? and c.date between ? and ?
                order by c.date, c.id""", List.of(region.pattern(), first, last));
        String range = (from == null ? "start" : from.toString()) + "_" + (to == null ? "end" : to.toString());
        String name = "contributions_" + region.code() + "_" + range;
        String chinese = "收益明细_" + region.name() + "_" + region.code() + "_" + range;
        return export(chinese, name, format, english ? "contributions" : "收益明细", english, query, clientGone);
    }

    static List<Column> cooperativeColumns(boolean english) {
        List<Column> columns = new ArrayList<>(List.of(
                whole("经营主体ID", "cooperativeId", 12, "a.cooperative_id"),
                text("经营主体", "name", 28, "a.name"),
                fixed("主体类型", "kind", 16, label("a.kind", CooperativeKind.values(), k -> k.label, english)).repeating(),
                fixed("所在地代码", "regionCode", 16, "a.region_code").repeating(),
                text("所在地", "regionName", 16, "r.name").repeating(),
                fen("销售额(元)", "salesYuan", 14, "a.sales_fen"),
                fen("带农收益(元)", "householdIncomeYuan", 14, "a.household_income_fen")));
        for (Mechanism mechanism : Mechanism.values()) {
            // the keys are the service's own enum names, never request text
            columns.add(mechanismFen(mechanism,
                    "coalesce((a.by_mechanism ->> " + SqlLiterals.quote(mechanism.name()) + ")::bigint, 0)"));
        }
        columns.add(whole("联结农户数", "linkedHouseholds", 12, "a.linked_households"));
        columns.add(whole("受益农户数", "paidHouseholds", 12, "a.paid_households"));
        for (HouseholdCategory category : HouseholdCategory.values()) {
            columns.add(whole("受益" + category.label + "数", "paid" + pascal(category.name()), 16,
                    "coalesce((a.paid_by_category ->> " + SqlLiterals.quote(category.name()) + ")::bigint, 0)"));
        }
        // returnedBp / 100 is a percentage with two decimals: written as fen are written as yuan
        columns.add(fen("带农收益占销售额(%)", "returnedPercent", 18,
                "returned_bp(a.household_income_fen, a.sales_fen)"));
        return columns;
    }

    /** MONITORED_UNSTABLE → MonitoredUnstable. */
    private static String pascal(String enumName) {
        return Arrays.stream(enumName.toLowerCase(java.util.Locale.ROOT).split("_"))
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining());
    }

    /**
     * The 联农带农 assessment of a region's business entities for a year, one row per entity by id:
     * the SQL function cooperative_assessment, which GET /reports/cooperatives reads too.
     */
    public Export cooperatives(String bureauRegion, String regionCode, int year, ExportFormat format, boolean english,
                               ClientGone clientGone) {
        Years.check(year);
        RegionScope region = regions.requireScope(bureauRegion, regionCode); // the whole country for 000000
        Query query = new Query(cooperativeColumns(english), """
                from cooperative_assessment(?, null, ?) a
                join region r on r.code = a.region_code
                order by a.cooperative_id""",
                List.of(region.pattern(), year));
        String name = "cooperatives_" + region.code() + "_" + year;
        String chinese = "经营主体联农带农成效_" + region.name() + "_" + region.code() + "_" + year;
        return export(chinese, name, format, english ? "cooperatives" : "联农带农成效", english, query, clientGone);
    }

    static List<Column> productColumns(boolean english) {
        String certifications = labels("p.certifications", Certification.values(), c -> c.label, english);
        // the headers are the price-list import's own names (ProductColumns): the file imports as it is
        return List.of(
                whole("产品ID", "id", 10, "p.id"),
                text("货号", "sku", 18, "p.sku"),
                text("品名", "name", 28, "p.name"),
                fixed("品类", "category", 10, label("p.category", Category.values(), c -> c.label, english)).repeating(),
                text("单位", "unit", 8, "p.unit").repeating(),
                fen("单价(元)", "priceYuan", 12, "p.price_fen"),
                whole("库存", "stock", 10, "p.stock"),
                whole("农户分成(基点)", "householdShareBp", 14, "p.household_share_bp"),
                text("品牌", "brand", 14, "p.brand"),
                fixed("认证", "certifications", 24, certifications).repeating(),
                fixed("状态", "status", 8,
                        label("p.status", ProductStatus.values(), st -> st.label, english)).repeating(),
                whole("版本", "version", 8, "p.version"));
    }

    /** A cooperative's price list (产品清单), every product by id, as the price-list import reads it back. */
    public Export products(Cooperative cooperative, ExportFormat format, boolean english, ClientGone clientGone) {
        Query query = new Query(productColumns(english), "from product p where p.cooperative_id = ? order by p.id",
                List.of(cooperative.id));
        String name = "products_" + cooperative.id;
        String chinese = "产品清单_" + cooperative.name + "_" + cooperative.id;
        return export(chinese, name, format, english ? "products" : "产品清单", english, query, clientGone);
    }

    private Export export(String fileName, String asciiFileName, ExportFormat format, String sheetName,
                          boolean english, Query query, ClientGone clientGone) {
        // Large chunks to the server's stream: each write hands data over to the event loop.
        StreamingOutput body = out -> stream(new BufferedOutputStream(out, 256 * 1024), format, sheetName, english,
                query, clientGone);
        return new Export(fileName + "." + format.extension, asciiFileName + "." + format.extension,
                format.mediaType, body);
    }

    private void stream(OutputStream out, ExportFormat format, String sheetName, boolean english, Query query,
                        ClientGone clientGone) throws IOException {
        long[] written = {0};
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            boolean committed = false;
            connection.setAutoCommit(false); // a cursor needs a transaction
            connection.setReadOnly(true);
            try (Statement settings = connection.createStatement()) {
                // milliseconds, from typed configuration: no text of a request reaches this statement
                settings.execute("set local statement_timeout = " + config.statementTimeout().toMillis());
                settings.execute("set local idle_in_transaction_session_timeout = "
                        + config.idleInTransactionTimeout().toMillis());
                // so that an operator can tell exports apart in pg_stat_activity (whose query text is cut at 1 kB)
                settings.execute("set local application_name = '" + APPLICATION_NAME + "'");
            }
            try {
                if (format == ExportFormat.CSV) {
                    CsvCopy.header(out, query.columns(), english);
                    // The download starts now: the response headers and the header row go out before the
                    // query runs, so a browser shows progress (and a long sort is no silent wait).
                    out.flush();
                    written[0] = CsvCopy.rows(connection, SqlLiterals.inline(query.select(true), query.params()), out,
                            clientGone);
                } else {
                    xlsx(connection, out, sheetName, english, query, clientGone, written);
                }
                out.flush();
                connection.commit();
                committed = true;
            } finally {
                if (!committed) {
                    rollbackQuietly(connection);
                }
            }
        } catch (IOException e) {
            // Most often the client went away: the cursor, transaction and connection are already released.
            LOG.infof("export of %s stopped after %d rows: %s", sheetName, written[0], e.getMessage());
            if (e instanceof ClientGoneException || !clientGone.now()) {
                throw e;
            }
            throw new ClientGoneException(written[0], e);
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException("export failed after " + written[0] + " rows", e));
        }
        LOG.debugf("exported %d rows of %s in %d ms", (Object) written[0], sheetName,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A workbook from a forward-only cursor, read one batch ahead on a second thread ({@link Prefetcher}). */
    private void xlsx(Connection connection, OutputStream out, String sheetName, boolean english, Query query,
                      ClientGone clientGone, long[] written) throws Exception {
        List<Column> columns = query.columns();
        try (XlsxTableWriter writer = new XlsxTableWriter(out, sheetName, config.xlsxCompressionLevel());
             PreparedStatement statement = connection.prepareStatement(query.select(false),
                     ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < query.params().size(); i++) {
                statement.setObject(i + 1, query.params().get(i));
            }
            writer.header(columns, english);
            out.flush(); // as for CSV: headers first
            try (ResultSet rs = statement.executeQuery();
                 Prefetcher<List<Cell>> rows = new Prefetcher<>(executor, () -> rs.next() ? cells(rs, columns) : null,
                         FETCH_SIZE)) {
                for (List<List<Cell>> batch; (batch = rows.next()) != null; ) {
                    for (List<Cell> row : batch) {
                        writer.row(row);
                    }
                    written[0] += batch.size();
                    if (clientGone.now()) {
                        throw new ClientGoneException(written[0]);
                    }
                }
            }
            writer.finish();
        }
    }

    private static List<Cell> cells(ResultSet rs, List<Column> columns) throws SQLException {
        List<Cell> cells = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            cells.add(switch (columns.get(i).kind()) {
                case TEXT, FIXED -> Cell.text(rs.getString(i + 1));
                case WHOLE -> {
                    long value = rs.getLong(i + 1);
                    yield rs.wasNull() ? Cell.text("") : Cell.whole(value);
                }
                case FEN -> {
                    long value = rs.getLong(i + 1);
                    yield rs.wasNull() ? Cell.text("") : Cell.fen(value);
                }
            });
        }
        return cells;
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback after a failed export failed too", e);
        }
    }
}
