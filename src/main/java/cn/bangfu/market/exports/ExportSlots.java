package cn.bangfu.market.exports;

import cn.bangfu.market.common.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most {@link ExportConfig#max()} exports stream at once on this instance: each holds a
 * pooled connection and an open transaction for its whole stream, so unbounded exports
 * would starve every other request of connections. The next one is refused at once (429).
 */
@ApplicationScoped
public class ExportSlots {

    private final Semaphore slots;
    private final int retryAfterSeconds;

    ExportSlots(ExportConfig config) {
        this.slots = new Semaphore(config.max());
        this.retryAfterSeconds = config.retryAfterSeconds();
    }

    /** A slot, or a 429 problem with {@code Retry-After} when all are taken. */
    public Slot acquire() {
        if (!slots.tryAcquire()) {
            throw ApiProblem.tooManyRequests("as many exports as this service streams at once are running; "
                    + "retry shortly", retryAfterSeconds);
        }
        return new Slot();
    }

    /** Slots free right now. */
    public int available() {
        return slots.availablePermits();
    }

    /** One export's slot; releasing it more than once is harmless (the stream and the response both do). */
    public final class Slot {
        private final AtomicBoolean released = new AtomicBoolean();

        public void release() {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        }
    }
}
