package cn.bangfu.market.exports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Reads rows on a second thread, a few batches ahead of the writer, so that PostgreSQL
 * producing the next fetch and the formatting of the current one overlap. At most
 * {@value #QUEUED_BATCHES} batches wait in between: memory stays bounded.
 */
final class Prefetcher<T> implements AutoCloseable {

    /** Produces the next row, or null at the end. */
    @FunctionalInterface
    interface Source<T> {
        T next() throws Exception;
    }

    private static final int QUEUED_BATCHES = 4;
    private static final List<Object> END = new ArrayList<>(0);

    private final BlockingQueue<List<?>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final FutureTask<Void> reader;
    private volatile boolean cancelled;
    private boolean ended;

    Prefetcher(Executor executor, Source<T> source, int batchSize) {
        reader = new FutureTask<>(() -> {
            try {
                List<T> batch = new ArrayList<>(batchSize);
                for (T row; !cancelled && (row = source.next()) != null; ) {
                    batch.add(row);
                    if (batch.size() == batchSize) {
                        hand(batch);
                        batch = new ArrayList<>(batchSize);
                    }
                }
                if (!batch.isEmpty()) {
                    hand(batch);
                }
            } finally {
                hand(END);
            }
            return null;
        });
        executor.execute(reader);
    }

    private void hand(List<?> batch) throws InterruptedException {
        while (!cancelled) {
            if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    /** The next batch, or null when the rows are exhausted; rethrows what the reading thread failed with. */
    @SuppressWarnings("unchecked")
    List<T> next() throws Exception {
        if (ended) {
            return null;
        }
        List<?> batch = queue.take();
        if (batch == END) {
            ended = true;
            rethrowFailure();
            return null;
        }
        return (List<T>) batch;
    }

    /** Stops the reading thread and waits for it, so the caller may then close the cursor's connection. */
    @Override
    public void close() throws Exception {
        cancelled = true;
        queue.clear();
        try {
            reader.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // already reported through next(), or irrelevant once the export is abandoned
        }
    }

    private void rethrowFailure() throws Exception {
        try {
            reader.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
