package cn.bangfu.market.exports;

import cn.bangfu.market.common.ApiProblem;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * At most {@link ExportConfig#max()} exports stream at once on this instance: each holds a
 * pooled connection and an open transaction for its whole stream, so unbounded exports
 * would starve every other request of connections. The next one is refused at once (429).
 * Each stream also has a deadline ({@link ExportConfig#deadline()}), after which its
 * connection is closed.
 */
@ApplicationScoped
public class ExportSlots {

    private final Semaphore slots;
    private final int retryAfterSeconds;
    private final long deadlineMillis;
    private final Vertx vertx;

    ExportSlots(ExportConfig config, Vertx vertx) {
        this.slots = new Semaphore(config.max());
        this.retryAfterSeconds = config.retryAfterSeconds();
        this.deadlineMillis = config.deadline().toMillis();
        this.vertx = vertx;
    }

    /**
     * Takes a slot (429 when none is free), prepares the export (its 4xx problems are answered
     * before anything streams, and give the slot back), and gives the slot back when the
     * response ends, however it ends; past the deadline the connection is closed, which the
     * stream notices between batches or as a failed write.
     */
    public <T> T stream(RoutingContext routing, Supplier<T> prepare) {
        Slot slot = acquire();
        T export;
        try {
            export = prepare.get();
        } catch (RuntimeException e) {
            slot.release();
            throw e;
        }
        HttpServerResponse response = routing.response();
        long timer = vertx.setTimer(deadlineMillis, id -> {
            if (!response.ended() && !response.closed()) {
                response.reset();
            }
        });
        routing.addEndHandler(ended -> {
            vertx.cancelTimer(timer);
            slot.release();
        });
        // Vert.x calls an end handler for a close that comes after it is added, never for one before:
        // a client that left while the export was prepared (the database busy) would keep its slot
        if (response.closed()) {
            vertx.cancelTimer(timer);
            slot.release();
        }
        return export;
    }

    /** How many slots are free now (tests: wait for other exports to give theirs back). */
    int free() {
        return slots.availablePermits();
    }

    /** A slot, or a 429 problem with {@code Retry-After} when all are taken. */
    Slot acquire() {
        if (!slots.tryAcquire()) {
            throw ApiProblem.tooManyRequests("as many exports as this service streams at once are running; "
                    + "retry shortly", "正在进行的导出已达本服务可同时处理的上限；请稍后重试", retryAfterSeconds);
        }
        return new Slot();
    }

    /** One export's slot; releasing it more than once is harmless. */
    final class Slot {
        private final AtomicBoolean released = new AtomicBoolean();

        void release() {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        }
    }
}
