package cn.bangfu.market.imports;

import cn.bangfu.market.common.ApiProblem;
import cn.bangfu.market.common.LimitedInputStream;
import cn.bangfu.market.common.Text;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Collections;
import java.util.List;

/**
 * Reads a workbook once, streaming, before fastexcel does, and refuses what would make
 * the reader pay more than the file holds: a decompression bomb (more than
 * {@value ImportLimits#MAX_COMPRESSION_RATIO} × the file or 100 MB inflated), a cell
 * reference beyond column {@value ImportLimits#MAX_COLUMNS} (fastexcel pads a row up
 * to the column a cell names), a shared-string index beyond the strings the file
 * holds (fastexcel reads forward to it), a cell longer than
 * {@value ImportLimits#MAX_CELL_CHARS} characters (its runs together). It reads the entries through the
 * ZIP's central directory, as fastexcel does, so both see the same parts, and scans every part
 * that may be XML, whatever its name.
 */
final class XlsxGuard {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        // no DTDs, hence no entity expansion and no external entities
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    private XlsxGuard() {
    }

    static void check(byte[] content) {
        long budget = Math.min(ImportLimits.MAX_XLSX_UNCOMPRESSED_BYTES,
                (long) content.length * ImportLimits.MAX_COMPRESSION_RATIO);
        Scan scan = new Scan();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > ImportLimits.MAX_XLSX_PARTS) {
                throw ImportLimits.exceeded(Text.of(
                        "a workbook holds at most " + ImportLimits.MAX_XLSX_PARTS + " parts",
                        "一个工作簿最多 " + ImportLimits.MAX_XLSX_PARTS + " 个部件"));
            }
            long inflatedSoFar = 0;
            for (ZipArchiveEntry entry : entries) {
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream raw = zip.getInputStream(entry)) {
                    LimitedInputStream inflated = new LimitedInputStream(raw, inflatedSoFar, budget,
                            XlsxGuard::bomb);
                    PushbackInputStream part = new PushbackInputStream(inflated, 4);
                    byte[] head = part.readNBytes(4);
                    part.unread(head);
                    // by what it holds, not by its name: fastexcel opens whatever part the workbook's
                    // relationships name (sheet1.XML, sheet1.dat), and a picture is no XML
                    if (mayBeXml(head)) {
                        scan.part(part);
                    }
                    inflated.skip(Long.MAX_VALUE); // the rest of the part is inflated, and counted, too
                    inflatedSoFar = inflated.count();
                }
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ApiProblem problem) {
                    throw problem; // a limit, reported from inside the XML reader
                }
            }
            throw ApiProblem.badRequest("the XLSX file cannot be read: is it a valid Excel workbook?",
                    "无法读取该 XLSX 文件：它是有效的 Excel 工作簿吗？");
        }
        if (scan.maxSharedStringIndex >= scan.sharedStrings) {
            throw ImportLimits.exceeded(Text.of("a cell refers to a shared string beyond the " + scan.sharedStrings
                    + " the workbook holds", "有单元格引用了超出范围的共享字符串（工作簿只含 " + scan.sharedStrings + " 个）"));
        }
    }

    /**
     * Whether a part that starts with these bytes may be read as XML by the JDK's StAX reader (which
     * fastexcel uses too): a byte order mark, '<' or white space first in UTF-8, or the first four
     * bytes of '<' or "<?" in UTF-16, UCS-4 or EBCDIC, by which the reader guesses an encoding. Any
     * other part (a picture, printer settings) cannot be a sheet or shared strings.
     */
    static boolean mayBeXml(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        int first = head[0] & 0xFF;
        if (first == '<' || first == ' ' || first == '\t' || first == '\r' || first == '\n'
                || first == 0xEF || first == 0xFE || first == 0xFF) {
            return true;
        }
        if (head.length < 4) {
            return false;
        }
        int four = ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        return switch (four) {
            case 0x0000003C, 0x3C000000, 0x00003C00, 0x003C0000, // UCS-4, each byte order
                 0x003C003F, 0x3C003F00, // UTF-16 without a byte order mark
                 0x4C6FA794, // EBCDIC
                 0x0000FEFF, 0xFFFE0000 -> true;
            default -> false;
        };
    }

    /** What the XML parts hold, gathered element by element. */
    private static final class Scan {
        long sharedStrings;
        long maxSharedStringIndex = -1;

        void part(InputStream in) throws XMLStreamException {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            try {
                int cellsInRow = 0;
                boolean inCellOrString = false; // inside <c> of a sheet or <si> of the shared strings
                boolean sharedStringCell = false;
                boolean inValue = false;
                StringBuilder value = new StringBuilder();
                int textChars = 0;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String name = xml.getLocalName();
                        switch (name) {
                            case "row" -> cellsInRow = 0;
                            case "c" -> {
                                textChars = 0; // a cell's text counts whole, across its runs and parts
                                if (++cellsInRow > ImportLimits.MAX_COLUMNS) {
                                    throw ImportLimits.tooManyColumns();
                                }
                                String ref = xml.getAttributeValue(null, "r");
                                if (ref != null && columnOf(ref) > ImportLimits.MAX_COLUMNS) {
                                    throw ImportLimits.tooManyColumns();
                                }
                                sharedStringCell = "s".equals(xml.getAttributeValue(null, "t"));
                                inCellOrString = true;
                            }
                            case "si" -> {
                                textChars = 0; // fastexcel joins a shared string's runs into one text
                                sharedStrings++;
                                inCellOrString = true;
                            }
                            case "v" -> {
                                inValue = true;
                                value.setLength(0);
                            }
                            default -> {
                            }
                        }
                    } else if (inCellOrString
                            && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                        textChars += xml.getTextLength();
                        if (textChars > ImportLimits.MAX_CELL_CHARS) {
                            throw ImportLimits.cellTooLong();
                        }
                        if (inValue) {
                            value.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        switch (xml.getLocalName()) {
                            case "v" -> {
                                inValue = false;
                                if (sharedStringCell) {
                                    maxSharedStringIndex = Math.max(maxSharedStringIndex, sharedStringIndex(value));
                                }
                            }
                            case "c", "si" -> inCellOrString = false;
                            default -> {
                            }
                        }
                    }
                }
            } finally {
                xml.close();
            }
        }

        private static long sharedStringIndex(CharSequence text) {
            String trimmed = text.toString().trim();
            if (trimmed.isEmpty() || trimmed.length() > 10 || !trimmed.chars().allMatch(Character::isDigit)) {
                return Long.MAX_VALUE; // not an index of anything this file can hold
            }
            return Long.parseLong(trimmed);
        }
    }

    private static ApiProblem bomb() {
        long megabytes = ImportLimits.MAX_XLSX_UNCOMPRESSED_BYTES / (1024 * 1024);
        return ImportLimits.exceeded(Text.of("a workbook inflates to at most " + ImportLimits.MAX_COMPRESSION_RATIO
                + " times its size and at most " + megabytes + " MB",
                "工作簿解压后最多为自身大小的 " + ImportLimits.MAX_COMPRESSION_RATIO + " 倍，且最多 " + megabytes + " MB"));
    }

    /** The 1-based column of a cell reference ("C7" → 3); anything past the limit counts as past it. */
    static int columnOf(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else {
                break;
            }
            if (column > ImportLimits.MAX_COLUMNS) {
                return Integer.MAX_VALUE;
            }
        }
        return column;
    }
}
