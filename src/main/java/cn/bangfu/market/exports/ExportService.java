package cn.bangfu.market.exports;

import cn.bangfu.market.common.Years;
import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.households.HouseholdCategory;
import cn.bangfu.market.households.IdNumbers;
import cn.bangfu.market.income.AlertReason;
import cn.bangfu.market.income.IncomeReports;
import cn.bangfu.market.income.IncomeRules;
import cn.bangfu.market.links.Mechanism;
import cn.bangfu.market.regions.Region;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The household income ledger (台账) and the contribution ledger as CSV or XLSX,
 * streamed: rows go from a forward-only database cursor (fetch size 1000, plain
 * JDBC, no persistence context) straight to the response, the cursor read one
 * batch ahead on a second thread. A client that goes away ends the cursor, the
 * read-only transaction and the connection.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);
    static final int FETCH_SIZE = 1000;

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

    /** Reads the current row into {@code cells} (a list reused from row to row). */
    private interface RowReader {
        void read(ResultSet rs, List<Cell> cells) throws SQLException;
    }

    static final List<Column> HOUSEHOLD_INCOME_COLUMNS = List.of(
            new Column("户编码", "code", 20), new Column("身份证号", "idNumber", 22),
            new Column("户主姓名", "headName", 12), new Column("村代码", "villageCode", 16),
            new Column("村名称", "villageName", 16), new Column("家庭人口", "members", 10),
            new Column("户类别", "category", 16), new Column("销售分成(元)", "salesShareYuan", 14),
            new Column("入股分红(元)", "dividendYuan", 14), new Column("订单收购(元)", "procurementYuan", 14),
            new Column("务工工资(元)", "wageYuan", 14), new Column("土地流转租金(元)", "landRentYuan", 16),
            new Column("其他收入(元)", "otherIncomeYuan", 14), new Column("年收入(元)", "annualIncomeYuan", 14),
            new Column("人均收入(元)", "perCapitaYuan", 14), new Column("监测线(元)", "lineYuan", 12),
            new Column("是否风险户", "atRisk", 12));

    static final List<Column> CONTRIBUTION_COLUMNS = List.of(
            new Column("流水号", "id", 12), new Column("日期", "date", 12), new Column("户编码", "householdCode", 20),
            new Column("户主姓名", "headName", 12), new Column("身份证号", "idNumber", 22),
            new Column("村代码", "villageCode", 16), new Column("经营主体ID", "cooperativeId", 12),
            new Column("经营主体", "cooperativeName", 28), new Column("联结方式", "mechanism", 14),
            new Column("金额(元)", "amountYuan", 14), new Column("来源", "sourceType", 14),
            new Column("来源ID", "sourceId", 12), new Column("联结ID", "linkId", 10), new Column("冲正流水号", "reversalOf", 12),
            new Column("记录批次号", "recordingId", 12), new Column("记录人", "recordedBy", 16),
            new Column("记录时间", "recordedAt", 22), new Column("冲正原因", "reason", 28));

    public Export householdIncome(String bureauRegion, String regionCode, int year, ExportFormat format,
                                  boolean english, ClientGone clientGone) {
        Years.check(year);
        Region region = scope(bureauRegion, regionCode);
        String pattern = region.path + "%"; // scope() made sure it lies inside the bureau's region
        String sql = """
                select h.code, h.id_number, h.head_name, h.village_code, v.name, hs.members, hs.category,
                       coalesce(s.sales_share, 0), coalesce(s.dividend, 0), coalesce(s.procurement, 0),
                       coalesce(s.wage, 0), coalesce(s.land_rent, 0), coalesce(o.amount_fen, 0), ml.per_capita_fen
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
                where v.path like ?
                order by h.code""";
        List<Object> params = List.of(LocalDate.of(year, 12, 31), year, year, year, pattern);
        RowReader reader = (rs, cells) -> {
            long contributions = 0;
            cells.add(Cell.text(rs.getString(1)));
            cells.add(Cell.text(IdNumbers.mask(rs.getString(2))));
            cells.add(Cell.text(rs.getString(3)));
            cells.add(Cell.text(rs.getString(4)));
            cells.add(Cell.text(rs.getString(5)));
            int members = rs.getInt(6);
            cells.add(Cell.whole(members));
            HouseholdCategory category = HouseholdCategory.valueOf(rs.getString(7));
            cells.add(Cell.text(english ? category.name() : category.label));
            for (int column = 8; column <= 12; column++) {
                long amount = rs.getLong(column);
                contributions = Math.addExact(contributions, amount);
                cells.add(Cell.fen(amount));
            }
            long other = rs.getLong(13);
            long annual = Math.addExact(contributions, other);
            long perCapita = IncomeRules.perCapita(annual, members);
            long lineValue = rs.getLong(14);
            Long line = rs.wasNull() ? null : lineValue;
            Boolean atRisk = IncomeRules.atRisk(perCapita, line);
            cells.add(Cell.fen(other));
            cells.add(Cell.fen(annual));
            cells.add(Cell.fen(perCapita));
            cells.add(line != null ? Cell.fen(line) : Cell.text(""));
            cells.add(Cell.text(atRisk == null ? "" : atRisk ? (english ? "true" : "是") : (english ? "false" : "否")));
        };
        String name = "household-income_" + region.code + "_" + year;
        String chinese = "农户收入台账_" + region.name + "_" + region.code + "_" + year;
        return export(chinese, name, format, english ? "household income" : "农户收入台账", HOUSEHOLD_INCOME_COLUMNS,
                english, sql, params, reader, clientGone);
    }

    static final List<Column> ALERT_COLUMNS = List.of(
            new Column("户编码", "householdCode", 20), new Column("户主姓名", "headName", 12),
            new Column("村代码", "villageCode", 16), new Column("家庭人口", "members", 10),
            new Column("人均收入(元)", "perCapitaYuan", 14), new Column("上年人均收入(元)", "previousPerCapitaYuan", 16),
            new Column("监测线(元)", "lineYuan", 12), new Column("预警原因", "reasons", 30));

    /** The early-warning list (income-rules.md §5) as {@code household_alerts} computes it, by household code. */
    public Export alerts(String bureauRegion, String regionCode, int year, ExportFormat format, boolean english,
                         ClientGone clientGone) {
        Years.check(year);
        Region region = scope(bureauRegion, regionCode);
        incomeReports.requireLine(region, year);
        String sql = """
                select household_code, head_name, village_code, members, per_capita_fen, previous_per_capita_fen,
                       line_fen, reasons
                from household_alerts(?, ?) order by household_code""";
        List<Object> params = List.of(region.path + "%", year);
        RowReader reader = (rs, cells) -> {
            cells.add(Cell.text(rs.getString(1)));
            cells.add(Cell.text(rs.getString(2)));
            cells.add(Cell.text(rs.getString(3)));
            cells.add(Cell.whole(rs.getInt(4)));
            cells.add(Cell.fen(rs.getLong(5)));
            cells.add(Cell.fen(rs.getLong(6)));
            cells.add(Cell.fen(rs.getLong(7)));
            List<AlertReason> reasons = IncomeReports.reasons(rs.getArray(8));
            cells.add(Cell.text(String.join(english ? "," : "、",
                    reasons.stream().map(r -> english ? r.name() : r.label).toList())));
        };
        String name = "alerts_" + region.code + "_" + year;
        String chinese = "监测预警_" + region.name + "_" + region.code + "_" + year;
        return export(chinese, name, format, english ? "alerts" : "监测预警", ALERT_COLUMNS, english, sql, params,
                reader, clientGone);
    }

    public Export contributions(String bureauRegion, String regionCode, LocalDate from, LocalDate to,
                                ExportFormat format, boolean english, ClientGone clientGone) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiProblem.invalidField("to", "must not be before from");
        }
        Region region = scope(bureauRegion, regionCode);
        String pattern = region.path + "%"; // scope() made sure it lies inside the bureau's region
        LocalDate first = from == null ? LocalDate.of(Years.FIRST, 1, 1) : from;
        LocalDate last = to == null ? LocalDate.of(Years.LAST, 12, 31) : to;
        String sql = """
                select c.id, c.date, h.code, h.head_name, h.id_number, h.village_code, c.cooperative_id, co.name,
                       c.mechanism, c.amount_fen, c.source_type, c.source_id, c.link_id, c.reversal_of,
                       c.recording_id, c.recorded_by, c.created_at, c.reason
                from contribution c
                join household h on h.id = c.household_id
                join region v on v.code = h.village_code
                join cooperative co on co.id = c.cooperative_id
                where v.path like ? and c.date between ? and ?
                order by c.date, c.id""";
        List<Object> params = List.of(pattern, first, last);
        RowReader reader = (rs, cells) -> {
            cells.add(Cell.whole(rs.getLong(1)));
            cells.add(Cell.text(rs.getString(2))); // PostgreSQL's date text is already YYYY-MM-DD
            cells.add(Cell.text(rs.getString(3)));
            cells.add(Cell.text(rs.getString(4)));
            cells.add(Cell.text(IdNumbers.mask(rs.getString(5))));
            cells.add(Cell.text(rs.getString(6)));
            cells.add(Cell.whole(rs.getLong(7)));
            cells.add(Cell.text(rs.getString(8)));
            Mechanism mechanism = Mechanism.valueOf(rs.getString(9));
            cells.add(Cell.text(english ? mechanism.name() : MechanismLabels.chinese(mechanism)));
            cells.add(Cell.fen(rs.getLong(10)));
            cells.add(Cell.text(rs.getString(11)));
            cells.add(Cell.whole(rs.getLong(12)));
            cells.add(Cell.whole(rs.getLong(13)));
            long reversalOf = rs.getLong(14);
            cells.add(rs.wasNull() ? Cell.text("") : Cell.whole(reversalOf));
            cells.add(Cell.whole(rs.getLong(15)));
            cells.add(Cell.text(rs.getString(16)));
            cells.add(Cell.text(rs.getObject(17, OffsetDateTime.class).toInstant().toString()));
            String reason = rs.getString(18);
            cells.add(Cell.text(reason == null ? "" : reason));
        };
        String range = (from == null ? "start" : from.toString()) + "_" + (to == null ? "end" : to.toString());
        String name = "contributions_" + region.code + "_" + range;
        String chinese = "收益明细_" + region.name + "_" + region.code + "_" + range;
        return export(chinese, name, format, english ? "contributions" : "收益明细", CONTRIBUTION_COLUMNS, english,
                sql, params, reader, clientGone);
    }

    /** The region to export: the one asked for (inside the bureau's region) or the bureau's own. */
    private Region scope(String bureauRegion, String regionCode) {
        return regions.requireWithinProvince(bureauRegion, regionCode);
    }

    private Export export(String fileName, String asciiFileName, ExportFormat format, String sheetName,
                          List<Column> columns, boolean english, String sql, List<Object> params, RowReader reader,
                          ClientGone clientGone) {
        // Large chunks to the server's stream: each write hands data over to the event loop.
        StreamingOutput body = out -> stream(new BufferedOutputStream(out, 256 * 1024), format, sheetName, columns,
                english, sql, params, reader, clientGone);
        return new Export(fileName + "." + format.extension, asciiFileName + "." + format.extension,
                format.mediaType, body);
    }

    private void stream(OutputStream out, ExportFormat format, String sheetName, List<Column> columns,
                        boolean english, String sql, List<Object> params, RowReader reader, ClientGone clientGone)
            throws IOException {
        long written = 0;
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
            }
            try (TableWriter writer = format == ExportFormat.XLSX ? new XlsxTableWriter(out, sheetName)
                    : new CsvTableWriter(out);
                 PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                         ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < params.size(); i++) {
                    statement.setObject(i + 1, params.get(i));
                }
                writer.header(columns, english);
                // The download starts now: the response headers and the header row go out before the
                // query runs, so a browser shows progress (and a long sort is no silent wait).
                out.flush();
                try (ResultSet rs = statement.executeQuery();
                     Prefetcher<List<Cell>> rows = new Prefetcher<>(executor, () -> {
                         if (!rs.next()) {
                             return null;
                         }
                         List<Cell> cells = new ArrayList<>(columns.size());
                         reader.read(rs, cells);
                         return cells;
                     }, FETCH_SIZE)) {
                    for (List<List<Cell>> batch; (batch = rows.next()) != null; ) {
                        for (List<Cell> row : batch) {
                            writer.row(row);
                        }
                        written += batch.size();
                        if (clientGone.now()) {
                            throw new ClientGoneException(written);
                        }
                    }
                }
                writer.finish();
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
            LOG.infof("export of %s stopped after %d rows: %s", sheetName, written, e.getMessage());
            if (e instanceof ClientGoneException || !clientGone.now()) {
                throw e;
            }
            throw new ClientGoneException(written, e);
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException("export failed after " + written + " rows", e));
        }
        LOG.debugf("exported %d rows of %s in %d ms", (Object) written, sheetName,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback after a failed export failed too", e);
        }
    }
}
