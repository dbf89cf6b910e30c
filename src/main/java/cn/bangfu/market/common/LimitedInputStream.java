package cn.bangfu.market.common;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Counts the bytes read through it and fails, with the caller's problem, as soon as the
 * count passes the limit: a JSON body read by Jackson, the inflated parts of a workbook.
 * Skipping reads (and counts) too, so nothing passes uncounted.
 */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final Supplier<? extends RuntimeException> exceeded;
    private long count;

    /** {@code alreadyRead} carries a count over from an earlier stream (the previous part of a ZIP). */
    public LimitedInputStream(InputStream in, long alreadyRead, long limit,
                              Supplier<? extends RuntimeException> exceeded) {
        super(in);
        this.count = alreadyRead;
        this.limit = limit;
        this.exceeded = exceeded;
    }

    /** Bytes read so far, the carried-over count included. */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[8192];
        long skipped = 0;
        for (int r; skipped < n && (r = read(sink, 0, (int) Math.min(sink.length, n - skipped))) > 0; ) {
            skipped += r;
        }
        return skipped;
    }

    private void add(int n) {
        count += n;
        if (count > limit) {
            throw exceeded.get();
        }
    }
}
