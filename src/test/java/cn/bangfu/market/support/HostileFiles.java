package cn.bangfu.market.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Import files built to hurt a naive reader: each is small on the wire and costly if read without limits. */
public final class HostileFiles {

    private static final String HOUSEHOLD_HEADER = "code,headName,idNumber,villageCode,members,category,phone\n";

    private HostileFiles() {
    }

    /** Every hostile file, by a name saying what it tries. */
    public static Map<String, byte[]> all() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("xlsx: cell at column XFD", xlsx(row("XFD1", "inlineStr", "<is><t>x</t></is>"), null));
        files.put("xlsx: cell at column FXSHRXW (~2^31)", xlsx(row("FXSHRXW1", "inlineStr", "<is><t>x</t></is>"), null));
        files.put("xlsx: shared-string index 2,000,000,000", xlsx(row("A1", "s", "<v>2000000000</v>"),
                "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\">"
                        + "<si><t>code</t></si></sst>"));
        files.put("xlsx: shared-string index, XFD and no strings", xlsx(row("XFD1", "s", "<v>2000000000</v>"), null));
        files.put("xlsx: decompression bomb (200 MB of blanks)", bomb(200));
        files.put("xlsx: 70 cells in a row", xlsx(manyCells(70), null));
        files.put("xlsx: a 5,000-character cell", xlsx(row("A1", "inlineStr", "<is><t>" + "长".repeat(5000)
                + "</t></is>"), null));
        files.put("xlsx: DTD with entity expansion", xlsxRaw("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol "
                + "\"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>",
                null));
        // fastexcel opens the part the workbook's relationships name, whatever its name ends in
        files.put("xlsx: cell at column XFD in a sheet part named sheet1.XML", xlsxRaw(sheet(row("XFD1", "inlineStr",
                "<is><t>x</t></is>")), null, "worksheets/sheet1.XML", null));
        files.put("xlsx: cell at column XFD in a sheet part named sheet1.dat", xlsxRaw(sheet(row("XFD1", "inlineStr",
                "<is><t>x</t></is>")), null, "worksheets/sheet1.dat", null));
        files.put("xlsx: a 1,500-character shared string in three runs", xlsx(row("A1", "s", "<v>0</v>"),
                "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si>"
                        + ("<r><t>" + "长".repeat(500) + "</t></r>").repeat(3) + "</si></sst>"));
        files.put("xlsx: truncated zip", new byte[]{0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 8, 0});
        files.put("csv: 4,000,000 columns", (HOUSEHOLD_HEADER + ",".repeat(4_000_000)).getBytes(StandardCharsets.UTF_8));
        files.put("csv: a 300,000-digit areaMu", ("householdCode,cooperativeId,mechanism,validFrom,areaMu,"
                + "rentPerMuPerYearFen\nH1,1,LAND_RENT,2026-01-01," + "9".repeat(300_000) + ",100\n")
                .getBytes(StandardCharsets.UTF_8));
        files.put("csv: a 500-digit areaMu", ("householdCode,cooperativeId,mechanism,validFrom,areaMu,"
                + "rentPerMuPerYearFen\nH1,1,LAND_RENT,2026-01-01," + "9".repeat(500) + ",100\n")
                .getBytes(StandardCharsets.UTF_8));
        files.put("csv: 100,001 data rows", manyRows(100_001));
        files.put("csv: a 40,000-character head name ending in U+0001", (HOUSEHOLD_HEADER + "H1,"
                + "王".repeat(40_000) + "\u0001,620826198001010016,620826100201,3,ORDINARY,\n")
                .getBytes(StandardCharsets.UTF_8));
        files.put("csv: unterminated quote", (HOUSEHOLD_HEADER + "\"H1,x\n").getBytes(StandardCharsets.UTF_8));
        files.put("csv: header only", HOUSEHOLD_HEADER.getBytes(StandardCharsets.UTF_8));
        files.put("csv: binary garbage", garbage(4096));
        files.put("empty", new byte[0]);
        files.put("11 MB upload", oversized());
        return files;
    }

    private static String row(String ref, String type, String content) {
        return "<row r=\"1\"><c r=\"" + ref + "\" t=\"" + type + "\">" + content + "</c></row>";
    }

    private static String manyCells(int n) {
        StringBuilder sb = new StringBuilder("<row r=\"1\">");
        for (int i = 0; i < n; i++) {
            sb.append("<c t=\"inlineStr\"><is><t>x</t></is></c>");
        }
        return sb.append("</row>").toString();
    }

    private static byte[] manyRows(int rows) {
        StringBuilder sb = new StringBuilder(HOUSEHOLD_HEADER);
        for (int i = 0; i < rows; i++) {
            sb.append("H").append(i).append(",x,y,z,1,ORDINARY,\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] garbage(int n) {
        byte[] bytes = new byte[n];
        new java.util.Random(42).nextBytes(bytes);
        bytes[0] = (byte) 0xFF; // neither UTF-8 nor a zip
        return bytes;
    }

    private static byte[] oversized() {
        byte[] bytes = (HOUSEHOLD_HEADER + "H1,x,y,z,1,ORDINARY,\n").getBytes(StandardCharsets.UTF_8);
        byte[] big = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        System.arraycopy(bytes, 0, big, 0, bytes.length);
        return big;
    }

    /** A workbook whose first sheet holds {@code rows}. */
    public static byte[] xlsx(String rows, String sharedStrings) {
        return xlsxRaw(sheet(rows), sharedStrings);
    }

    /**
     * A workbook whose first sheet holds {@code rows}, with a picture beside it (a binary part, as a
     * logo pasted into a roster gives).
     */
    public static byte[] xlsxWithPicture(String rows, String sharedStrings) {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', (byte) 0xFF, 0x00};
        return xlsxRaw(sheet(rows), sharedStrings, "worksheets/sheet1.xml", png);
    }

    private static String sheet(String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
                + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows
                + "</sheetData></worksheet>";
    }

    private static byte[] xlsxRaw(String sheet, String sharedStrings) {
        return xlsxRaw(sheet, sharedStrings, "worksheets/sheet1.xml", null);
    }

    /** {@code sheetPart}: the sheet's part below {@code xl/}; {@code picture}: a binary part, or null. */
    private static byte[] xlsxRaw(String sheet, String sharedStrings, String sheetPart, byte[] picture) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                    + ".spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/" + sheetPart + "\" ContentType="
                    + "\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + (sharedStrings == null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                    + "</Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                    + "Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\""
                    + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                    + "Target=\"" + sheetPart + "\"/>"
                    + (sharedStrings == null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org"
                    + "/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                    + "</Relationships>");
            entry(zip, "xl/" + sheetPart, sheet);
            if (picture != null) {
                zip.putNextEntry(new ZipEntry("xl/media/image1.png"));
                zip.write(picture);
                zip.closeEntry();
            }
            if (sharedStrings != null) {
                entry(zip, "xl/sharedStrings.xml", sharedStrings);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A workbook whose sheet inflates to {@code megabytes} MB of blanks inside a cell-less row. */
    private static byte[] bomb(int megabytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            OutputStream out = zip;
            out.write("<worksheet><sheetData><row r=\"1\">".getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1024 * 1024];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < megabytes; i++) {
                out.write(blanks);
            }
            out.write("</row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
