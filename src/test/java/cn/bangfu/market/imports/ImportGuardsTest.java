package cn.bangfu.market.imports;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.support.HostileFiles;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limits checked before a file is parsed (CsvGuard, XlsxGuard), without the HTTP layer. */
class ImportGuardsTest {

    private static final List<Column> COLUMNS = List.of(Column.required("code"), Column.optional("name"));

    @Test
    void columnLetters() {
        assertThat(XlsxGuard.columnOf("A1")).isEqualTo(1);
        assertThat(XlsxGuard.columnOf("Z9")).isEqualTo(26);
        assertThat(XlsxGuard.columnOf("AA1")).isEqualTo(27);
        assertThat(XlsxGuard.columnOf("BL1")).isEqualTo(64);
        assertThat(XlsxGuard.columnOf("BM1")).isGreaterThan(ImportLimits.MAX_COLUMNS);
        assertThat(XlsxGuard.columnOf("XFD1")).isGreaterThan(ImportLimits.MAX_COLUMNS);
        assertThat(XlsxGuard.columnOf("FXSHRXW1")).isGreaterThan(ImportLimits.MAX_COLUMNS);
    }

    @Test
    void csvWithinTheLimitsIsRead() {
        String csv = "code,name\n" + "\"a,\"\"quoted\"\"\nline\",x\n" + ",".repeat(63) + "\n";
        List<ImportRow> rows = TabularFile.read(csv.getBytes(StandardCharsets.UTF_8), COLUMNS);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("code")).isEqualTo("a,\"quoted\"\nline");
    }

    @Test
    void csvBeyondTheLimitsIsRefusedNamingTheLimit() {
        assertLimit("code,name\n" + ",".repeat(64) + "\n", "64 columns");
        assertLimit("code,name\n" + "x".repeat(1001) + ",y\n", "1000 characters");
        assertLimit("code,name\n\"" + "x".repeat(1001) + "\",y\n", "1000 characters");
        assertLimit("code,name\n" + "a,b\n".repeat(100_001), "100000 data rows");
    }

    @Test
    void workbooksBeyondTheLimitsAreRefusedBeforeFastexcelReadsThem() {
        HostileFiles.all().forEach((name, bytes) -> {
            if (name.startsWith("xlsx")) {
                // the guard itself refuses it: past it, fastexcel would pay for what the file asks
                assertThatThrownBy(() -> XlsxGuard.check(bytes)).as(name).isInstanceOf(ApiProblem.class)
                        .satisfies(e -> assertThat(((ApiProblem) e).status()).isEqualTo(400));
                assertThatThrownBy(() -> TabularFile.read(bytes, COLUMNS)).as(name).isInstanceOf(ApiProblem.class)
                        .satisfies(e -> assertThat(((ApiProblem) e).status()).isEqualTo(400));
            }
        });
        // a well-formed one within the limits is read
        byte[] fine = HostileFiles.xlsx("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>name"
                + "</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>H-1</t></is></c></row>",
                "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>code</t></si></sst>");
        List<ImportRow> rows = TabularFile.read(fine, COLUMNS);
        assertThat(rows).extracting(r -> r.get("code")).containsExactly("H-1");
        // and so is one with a picture beside its sheet: a part that is not XML is no sheet
        byte[] withPicture = HostileFiles.xlsxWithPicture("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>code</t></is>"
                + "</c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>H-2</t></is></c></row>", null);
        assertThat(TabularFile.read(withPicture, COLUMNS)).extracting(r -> r.get("code")).containsExactly("H-2");
    }

    @Test
    void rejectedImportListsAtMost200ErrorsAndCountsRows() {
        RowErrors errors = new RowErrors();
        for (int row = 2; row < 1002; row++) {
            errors.add(RowError.of(row, "a", "bad", "错误"));
            errors.add(RowError.of(row, "b", "bad", "错误"));
        }
        ImportRejected rejected = new ImportRejected(errors, 1000);
        assertThat(rejected.rowErrors()).hasSize(ImportLimits.MAX_ERRORS_LISTED);
        assertThat(rejected.errorCount()).isEqualTo(2000);
        assertThat(rejected.getMessage()).startsWith("1000 of 1000 rows are invalid, with 2000 errors");
        assertThat(rejected.violations()).isEmpty();
    }

    private static void assertLimit(String csv, String limit) {
        assertThatThrownBy(() -> TabularFile.read(csv.getBytes(StandardCharsets.UTF_8), COLUMNS))
                .isInstanceOf(ApiProblem.class).hasMessageContaining(limit)
                .satisfies(e -> assertThat(((ApiProblem) e).status()).isEqualTo(400));
    }
}
