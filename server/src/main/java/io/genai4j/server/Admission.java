package io.genai4j.server;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who may generate now: {@code parallel} requests run (one per session of the model), up to
 * {@code queue} more wait in arrival order, and a request beyond that is refused at once with 429
 * and a Retry-After, so a burst never piles up unbounded work. A request that waits past its
 * deadline gives up with 503.
 */
final class Admission {
    private final Semaphore running;
    private final int parallel, queue;
    private final AtomicInteger admitted = new AtomicInteger();

    Admission(int parallel, int queue) {
        if (parallel < 1 || queue < 0) throw new IllegalArgumentException("parallel must be >= 1 and queue >= 0, got " + parallel + " and " + queue);
        this.parallel = parallel;
        this.queue = queue;
        this.running = new Semaphore(parallel, true);
    }

    /** Takes a place, waiting until {@code deadlineNanos} (System.nanoTime) for a running slot. */
    void enter(long deadlineNanos) {
        if (admitted.incrementAndGet() > parallel + queue) {
            admitted.decrementAndGet();
            throw new ApiException(429, "rate_limit_exceeded", "queue_full", null,
                    "the server is busy: " + parallel + " requests running and " + queue + " waiting; retry later", 1);
        }
        boolean in = false;
        try {
            in = running.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!in) admitted.decrementAndGet();
        }
        if (!in) throw new ApiException(503, "server_error", "queue_timeout", null, "timed out waiting for a free session; retry later", 1);
    }

    void leave() {
        running.release();
        admitted.decrementAndGet();
    }

    /** Requests running now. */
    int running() {
        return parallel - running.availablePermits();
    }

    /** Requests waiting for a slot. */
    int waiting() {
        return Math.max(0, admitted.get() - running());
    }

    /** Requests admitted and not yet done (running or waiting). */
    int inFlight() {
        return admitted.get();
    }
}
