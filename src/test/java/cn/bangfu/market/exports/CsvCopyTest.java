package cn.bangfu.market.exports;

import cn.bangfu.market.households.IdNumbers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CSV as PostgreSQL's COPY writes it and {@link CsvCopy} relays it, read back by a real parser;
 * and the SQL cell rules of migration V15 against their Java twins, on random cases.
 */
@QuarkusTest
class CsvCopyTest {

    private static final int CASES = 2_000;
    private static final java.time.format.DateTimeFormatter MICROS = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    @Inject
    DataSource dataSource;

    @Test
    void awkwardTextSurvivesARealParser() throws Exception {
        List<String> awkward = List.of("王,建国", "李\"秀英\"", "第一行\n第二行", "回车\r\n换行", " 前后空格 ", "", "=1+1",
                "=HYPERLINK(\"http://x\",\"点我\")", "+86 138", "-5", "@SUM(A1)", "\tTAB", "\rCR", "a=b", "1-2",
                "it's", "\\N", "NULL");
        List<Column> columns = List.of(new Column("文本", "text", 10, "t", Column.Kind.TEXT),
                new Column("金额", "amount", 10, "f", Column.Kind.FEN),
                new Column("编号", "number", 10, "n", Column.Kind.WHOLE));
        StringBuilder values = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < awkward.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(?, ?::bigint, ?::bigint, ?)");
            params.addAll(List.of(awkward.get(i), -i * 101L, (long) i, i));
        }
        ExportService.Query query = new ExportService.Query(columns,
                "from (values " + values + ") as v (t, f, n, i) order by i", params);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Connection connection = dataSource.getConnection()) {
            CsvCopy.header(out, columns, false);
            long rows = CsvCopy.rows(connection, SqlLiterals.inline(query.select(true), params), out, () -> false);
            assertThat(rows).isEqualTo(awkward.size());
        }
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        assertThat(records.get(0).toList()).containsExactly("文本", "金额", "编号");
        for (int i = 0; i < awkward.size(); i++) {
            String original = awkward.get(i);
            // a text a spreadsheet would run as a formula is shown as text: a leading ' (OWASP)
            boolean formulaLike = !original.isEmpty() && "=+-@\t\r".indexOf(original.charAt(0)) >= 0;
            assertThat(records.get(i + 1).get(0)).isEqualTo(formulaLike ? "'" + original : original);
            // amounts are numbers, never escaped: a negative one keeps its sign
            assertThat(records.get(i + 1).get(1)).isEqualTo(yuan(-i * 101L));
            assertThat(records.get(i + 1).get(2)).isEqualTo(Integer.toString(i));
        }
        // RFC 4180 line breaks between rows; the line breaks inside a quoted field stay as they were
        assertThat(text.replace("第一行\n第二行", "").replace("回车\r\n换行", "").replace("\r\n", ""))
                .doesNotContain("\n");
    }

    @Test
    void aClientThatLeavesEndsTheCopy() throws Exception {
        String marker = "copy (select g as left_behind from generate_series";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThatThrownBy(() -> CsvCopy.rows(connection, "select g as left_behind from generate_series(1, 10000000) g",
                    out, () -> true)).isInstanceOf(ClientGoneException.class);
            assertThat(out.size()).isLessThan(20_000); // stopped at the first check, after 1,000 rows
            // not handed back to the pool half-read: it is closed
            assertThatThrownBy(() -> connection.createStatement().execute("select 1"))
                    .hasMessageContaining("closed");
        }
        // the server ends that COPY; the pool's other connections work
        try (Connection other = dataSource.getConnection();
             PreparedStatement running = other.prepareStatement(
                     "select count(*) from pg_stat_activity where query like ? and pid <> pg_backend_pid()")) {
            running.setString(1, marker + "%");
            long deadline = System.currentTimeMillis() + 10_000;
            int left;
            do {
                try (ResultSet rs = running.executeQuery()) {
                    rs.next();
                    left = rs.getInt(1);
                }
            } while (left > 0 && System.currentTimeMillis() < deadline);
            assertThat(left).isZero();
        }
    }

    /** export_yuan, export_text, masked_id_number and export_instant (V15) give what each cell must read. */
    @Test
    void cellRulesInSqlAreTheRulesInJava() throws Exception {
        Random random = new Random(15);
        String alphabet = "=+-@\t\r'\"a1,王 \n";
        List<String> failures = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select export_yuan(?)::text, export_text(?), masked_id_number(?), export_instant(?)")) {
            for (int i = 0; i < CASES; i++) {
                long fen = switch (random.nextInt(3)) {
                    case 0 -> random.nextLong(-1_000, 1_000);
                    case 1 -> random.nextLong(-100_000_000_000L, 100_000_000_000L);
                    default -> random.nextLong() / 100_000;
                };
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(5); n > 0; n--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                StringBuilder id = new StringBuilder();
                for (int n = random.nextInt(21); n > 0; n--) {
                    id.append("0123456789X".charAt(random.nextInt(11)));
                }
                Instant at = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L))
                        .plus(switch (random.nextInt(4)) {
                            case 0 -> 0;
                            case 1 -> random.nextInt(1000) * 1000L;
                            default -> random.nextInt(1_000_000);
                        }, ChronoUnit.MICROS);
                statement.setLong(1, fen);
                statement.setString(2, text.toString());
                statement.setString(3, id.toString());
                statement.setObject(4, at.atOffset(java.time.ZoneOffset.UTC));
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    check(failures, "yuan of " + fen, rs.getString(1), yuan(fen));
                    check(failures, "text " + text, rs.getString(2), neutralized(text.toString()));
                    check(failures, "id " + id, rs.getString(3), IdNumbers.mask(id.toString()));
                    check(failures, "instant " + at, rs.getString(4), MICROS.format(at));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void check(List<String> failures, String what, String sql, String java) {
        if (!java.equals(sql)) {
            failures.add(what + ": SQL " + sql + ", Java " + java);
        }
    }

    /** What a yuan cell must read: the exact decimal, two places, by BigDecimal (not SQL's way of getting there). */
    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** What a text cell must read: OWASP's leading ' before a character a spreadsheet starts a formula with. */
    private static String neutralized(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    @Test
    void yuanCellsAreExactNumbers() {
        assertThat(yuan(5)).isEqualTo("0.05");
        assertThat(yuan(-5)).isEqualTo("-0.05");
        assertThat(yuan(123456)).isEqualTo("1234.56");
        assertThat(Yuan.of(-123456).toPlainString()).isEqualTo("-1234.56");
    }

    @Test
    void literalsCannotBeEscaped() throws IOException {
        assertThat(SqlLiterals.inline("select ?, ?, ?", List.of("it's", 5L, java.time.LocalDate.of(2026, 1, 2))))
                .isEqualTo("select 'it''s'::text, 5, date '2026-01-02'");
        assertThatThrownBy(() -> SqlLiterals.inline("select ?", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlLiterals.inline("select 1", List.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
