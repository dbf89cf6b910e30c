package cn.bangfu.market.exports;

import java.io.IOException;
import java.util.List;

/** Writes one table, row by row, straight to the response stream. */
public interface TableWriter extends AutoCloseable {

    void header(List<Column> columns, boolean english) throws IOException;

    void row(List<Cell> cells) throws IOException;

    /** Completes the file (an XLSX needs its closing parts); not called when the export fails. */
    void finish() throws IOException;

    @Override
    void close() throws IOException;
}
