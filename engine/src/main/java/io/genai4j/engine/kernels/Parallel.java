package io.genai4j.engine.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The one shared thread pool of the engine: a platform worker per core, the calling thread joining
 * in as one of them. Kernels split index ranges with {@link #forRange}; chunks are claimed from an
 * atomic counter so uneven work balances itself.
 *
 * <p>Why not ForkJoinPool: kernels such as a matrix-vector product take tens of microseconds, so
 * dispatch must cost about one microsecond. Idle workers spin briefly on a volatile epoch, then park.
 * A call made from inside a parallel body runs inline on the calling thread: nesting never deadlocks
 * and never oversubscribes the cores.
 *
 * <p>Concurrent callers (several sessions of one model, each on its own thread) share the pool: each
 * call is published in a slot, the workers help whichever published call still has unclaimed chunks,
 * and every caller works through its own call too. A caller therefore never waits for another
 * caller's work, only for workers finishing a chunk of its own call, so no call can deadlock.
 */
public final class Parallel {

    /** A body over the half-open index range [lo, hi). */
    @FunctionalInterface
    public interface RangeBody {
        void run(int lo, int hi);
    }

    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> Boolean.FALSE);
    /** Calls that may run at once on the pool; a caller finding every slot taken runs inline. */
    private static final int SLOTS = 32;
    private static final long SPIN_NANOS = 50_000;

    private static volatile Pool pool = new Pool(defaultThreads());

    private Parallel() {}

    private static int defaultThreads() {
        String prop = System.getProperty("genai.threads", System.getenv("GENAI_THREADS"));
        if (prop != null && !prop.isBlank()) {
            try {
                int n = Integer.parseInt(prop.trim());
                if (n >= 1) return n;
            } catch (NumberFormatException ignored) {
                // fall through to the core count
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** Number of threads kernels use, the caller included. */
    public static int threads() {
        return pool.threads;
    }

    /** Sets the number of threads (1 = everything on the calling thread). */
    public static synchronized void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
        if (n == pool.threads) return;
        // A call already running on the old pool finishes: its caller claims whatever chunks the
        // stopped workers leave.
        Pool old = pool;
        pool = new Pool(n);
        old.shutdown();
    }

    /** True when the current thread is already running a parallel body. */
    public static boolean inside() {
        return INSIDE.get();
    }

    /**
     * Runs body over [0, n) split into chunks of at least {@code grain} indices, on all threads.
     * Small ranges and nested calls run inline; concurrent callers share the workers.
     */
    public static void forRange(int n, int grain, RangeBody body) {
        int g = Math.max(1, grain);
        // Enough chunks to balance uneven work, never smaller than the grain.
        int chunks = Math.min((n + g - 1) / g, threads() * 4);
        run(n, g, Math.max(1, (n + chunks - 1) / Math.max(1, chunks)), body);
    }

    /**
     * Runs task(i) for i in [0, tasks), each thread claiming one index at a time: for a few large,
     * uneven tasks (whole batches of a model) where fixed chunks would leave a thread idle at the end.
     */
    public static void forEach(int tasks, IntConsumer task) {
        run(tasks, 1, 1, (lo, hi) -> {
            for (int i = lo; i < hi; i++) task.accept(i);
        });
    }

    private static void run(int n, int grain, int chunk, RangeBody body) {
        if (n <= 0) return;
        Pool p = pool;
        if (p.threads == 1 || n <= grain || INSIDE.get() || !p.run(n, chunk, body)) body.run(0, n);
    }

    /**
     * One forRange call: its chunks are claimed from {@code next}; {@code inFlight} counts workers
     * that joined it. A worker that wakes up late finds every chunk claimed and leaves at once, so
     * the caller never waits for a thread that has not started working (on a busy machine a
     * descheduled worker would otherwise stall every call).
     */
    private static final class Job {
        final RangeBody body;
        final int n, chunk;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        volatile Throwable failure;

        Job(RangeBody body, int n, int chunk) {
            this.body = body;
            this.n = n;
            this.chunk = chunk;
        }

        void work() {
            try {
                int c;
                while ((c = next.getAndAdd(chunk)) < n) body.run(c, Math.min(n, c + chunk));
            } catch (Throwable t) {
                failure = t;
                next.set(n);
            }
        }
    }

    private static final class Pool {
        final int threads;
        final Thread[] workers;
        /** Published calls; a worker scans them for unclaimed chunks. */
        final AtomicReferenceArray<Job> slots = new AtomicReferenceArray<>(SLOTS);
        /** Bumped on every publication, so that a worker that found nothing knows when to look again. */
        final AtomicLong epoch = new AtomicLong();
        volatile boolean stopped;

        Pool(int threads) {
            this.threads = threads;
            this.workers = new Thread[threads - 1];
            for (int i = 0; i < workers.length; i++) {
                Thread t = new Thread(this::workerLoop, "genai-kernel-" + (i + 1));
                t.setDaemon(true);
                workers[i] = t;
                t.start();
            }
        }

        /** Runs the call with the workers' help; false (nothing run) when every slot is taken. */
        boolean run(int n, int chunk, RangeBody body) {
            Job job = new Job(body, n, chunk);
            int slot = publish(job);
            if (slot < 0) return false;
            epoch.incrementAndGet();
            for (Thread w : workers) LockSupport.unpark(w);
            INSIDE.set(Boolean.TRUE);
            try {
                job.work();
            } finally {
                INSIDE.set(Boolean.FALSE);
                slots.set(slot, null);
            }
            // Every chunk is claimed; wait only for workers still running one: spin briefly, then
            // yield so that a preempted worker gets the core back soon.
            for (int spins = 0; job.inFlight.get() != 0; spins++) {
                if (spins < 1 << 12) Thread.onSpinWait();
                else Thread.yield();
            }
            Throwable f = job.failure;
            if (f instanceof RuntimeException re) throw re;
            if (f instanceof Error e) throw e;
            if (f != null) throw new RuntimeException(f);
            return true;
        }

        private int publish(Job job) {
            for (int i = 0; i < SLOTS; i++) if (slots.get(i) == null && slots.compareAndSet(i, null, job)) return i;
            return -1;
        }

        /** A published call with chunks left, or null. */
        private Job open() {
            for (int i = 0; i < SLOTS; i++) {
                Job j = slots.get(i);
                if (j != null && j.next.get() < j.n) return j;
            }
            return null;
        }

        private void workerLoop() {
            INSIDE.set(Boolean.TRUE);
            while (!stopped) {
                long seen = epoch.get();   // read before scanning: a call published after the scan changes it
                Job job = open();
                if (job == null) {
                    long start = System.nanoTime();
                    while (epoch.get() == seen && !stopped) {
                        if (System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
                        else LockSupport.park(this);
                    }
                    continue;
                }
                // Join before claiming: the caller returns only when no joined worker is left, and
                // a worker that joins after that point finds no chunk to claim.
                job.inFlight.incrementAndGet();
                try {
                    job.work();
                } finally {
                    job.inFlight.decrementAndGet();
                }
            }
        }

        void shutdown() {
            stopped = true;
            for (Thread w : workers) LockSupport.unpark(w);
        }
    }
}
