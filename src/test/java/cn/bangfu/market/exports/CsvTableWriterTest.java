package cn.bangfu.market.exports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTableWriterTest {

    @Test
    void awkwardTextSurvivesARealParser() throws IOException {
        List<String> awkward = List.of("王,建国", "李\"秀英\"", "第一行\n第二行", "回车\r\n换行", " 前后空格 ", "", "=1+1",
                "=HYPERLINK(\"http://x\",\"点我\")", "+86 138", "-5", "@SUM(A1)", "\tTAB", "\rCR", "a=b", "1-2");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvTableWriter writer = new CsvTableWriter(out)) {
            writer.header(List.of(new Column("文本", "text", 10), new Column("金额", "amount", 10)), false);
            for (int i = 0; i < awkward.size(); i++) {
                writer.row(List.of(Cell.text(awkward.get(i)), Cell.fen(-i * 101L)));
            }
            writer.finish();
        }
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        assertThat(records.get(0).toList()).containsExactly("文本", "金额");
        for (int i = 0; i < awkward.size(); i++) {
            String original = awkward.get(i);
            // a text a spreadsheet would run as a formula is shown as text: a leading ' (OWASP)
            boolean formulaLike = !original.isEmpty() && "=+-@\t\r".indexOf(original.charAt(0)) >= 0;
            assertThat(records.get(i + 1).get(0)).isEqualTo(formulaLike ? "'" + original : original);
            // amounts are numbers, never escaped: a negative one keeps its sign
            assertThat(records.get(i + 1).get(1)).isEqualTo(Yuan.format(-i * 101L));
        }
        assertThat(text).contains("\r\n"); // RFC 4180 line breaks
    }

    /** Property: yuan text parses back to exactly the fen it came from. */
    @Test
    void yuanTextIsExact() {
        Random random = new Random(3);
        for (int i = 0; i < 20000; i++) {
            long fen = random.nextLong() % 100_000_000_000_000L;
            String text = Yuan.format(fen);
            assertThat(text).matches("-?\\d+\\.\\d{2}");
            assertThat(new java.math.BigDecimal(text).movePointRight(2).longValueExact()).isEqualTo(fen);
            assertThat(Yuan.of(fen).movePointRight(2).longValueExact()).isEqualTo(fen);
        }
        assertThat(Yuan.format(5)).isEqualTo("0.05");
        assertThat(Yuan.format(-5)).isEqualTo("-0.05");
        assertThat(Yuan.format(123456)).isEqualTo("1234.56");
    }
}
