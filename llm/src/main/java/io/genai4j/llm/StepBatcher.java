package io.genai4j.llm;

import io.genai4j.engine.infer.DecodeBatch;
import io.genai4j.engine.infer.RuntimeSession;
import io.genai4j.engine.infer.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Continuous batching of one model's decode steps. Each generation keeps its own thread, sampler,
 * stop strings, constraint and listener (so streaming, stop and cancel stay per session); only the
 * model step of its next token goes through here. The steps waiting at one moment run as one
 * {@link DecodeBatch#step}, every weight matrix multiplied once for all of them, and generations
 * join (after their prompt ran on its own) and leave between any two steps.
 *
 * <p>No thread of its own: the first generation to arrive when no step runs leads — it waits until
 * every open {@link Lane} has submitted its token (or {@link #GATHER_NANOS}, or a quarter of the
 * last step's time if longer, passed, so a lane busy elsewhere, e.g. in a slow client's write, never
 * stalls the others for long), runs the step for
 * all of them and hands each its logits. Waiters whose step is not yet running wait for the next.
 */
public final class StepBatcher {
    /** Shortest time a leader waits for the open lanes to submit before it runs with the steps it has. */
    static final long GATHER_NANOS = 2_000_000;
    /**
     * The wait grows with the step: up to this fraction of the last step's time. A lane that misses a
     * step runs one step late, and a step of K − 1 rows costs nearly what one of K does (the weights
     * stream once either way), while a busy machine can leave a woken lane unscheduled for several
     * milliseconds: measured on 2 shared cores at load 7, 4 streams averaged 3.37 rows per step with
     * the 2 ms wait alone. A lane really busy elsewhere delays the others by at most this fraction.
     */
    static final int GATHER_FRACTION = 4;
    /** Most steps in one batch; more wait for the next. */
    static final int MAX_BATCH = 16;

    private final Object lock = new Object();
    private final List<Request> queue = new ArrayList<>();
    private final DecodeBatch batch = new DecodeBatch();   // used by the leader only, under `running`
    private int open;
    private boolean running;
    private long steps, rows;
    private long lastStepNanos;

    /** One generation's place in the batch, from after its prompt until it ends. */
    public final class Lane implements AutoCloseable {
        private final Session session;
        private boolean closed;

        private Lane(Session session) {
            this.session = session;
        }

        /** Runs one token in this lane's session together with the other lanes' tokens; returns its next-token logits. */
        public float[] step(int token) {
            if (closed) throw new IllegalStateException("the lane is closed");
            return StepBatcher.this.step(new Request(session, token));
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            synchronized (lock) {
                open--;
                lock.notifyAll();   // a leader waiting for this lane runs without it
            }
        }
    }

    /** True when sessions of this kind can run in a batch (decoder-runtime sessions). */
    public static boolean accepts(Session session) {
        return session instanceof RuntimeSession;
    }

    /** Opens a lane for a session whose prompt has run; close it when the generation ends. */
    public Lane join(Session session) {
        if (!accepts(session)) throw new IllegalArgumentException("a " + session.getClass().getName() + " cannot run in a batch");
        synchronized (lock) {
            open++;
        }
        return new Lane(session);
    }

    /** Batched steps so far and the rows they ran (rows / steps: the mean batch size). */
    public long[] counts() {
        synchronized (lock) {
            return new long[] {steps, rows};
        }
    }

    private static final class Request {
        final Session session;
        final int token;
        boolean done;
        float[] logits;
        RuntimeException error;

        Request(Session session, int token) {
            this.session = session;
            this.token = token;
        }
    }

    private float[] step(Request r) {
        List<Request> mine;
        boolean interrupted = false;
        synchronized (lock) {
            queue.add(r);
            lock.notifyAll();
            while (!r.done && running) interrupted |= await(0);
            if (r.done) return result(r, interrupted);
            running = true;   // lead: gather the open lanes' tokens, then run them
            long deadline = System.nanoTime() + Math.max(GATHER_NANOS, lastStepNanos / GATHER_FRACTION);
            for (long left; queue.size() < Math.min(open, MAX_BATCH) && (left = deadline - System.nanoTime()) > 0; ) interrupted |= await(left);
            mine = new ArrayList<>(queue.subList(0, Math.min(queue.size(), MAX_BATCH)));
            if (!mine.contains(r)) mine.set(mine.size() - 1, r);   // the leader's own step always runs
            queue.removeAll(mine);
        }
        RuntimeException error = null;
        float[] all = null;
        long started = System.nanoTime();
        try {
            int[] tokens = new int[mine.size()];
            List<Session> sessions = new ArrayList<>(mine.size());
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = mine.get(i).token;
                sessions.add(mine.get(i).session);
            }
            all = batch.step(sessions, tokens);
        } catch (RuntimeException e) {
            error = e;
        } finally {
            synchronized (lock) {
                int vocab = all == null ? 0 : all.length / mine.size();
                for (int i = 0; i < mine.size(); i++) {
                    Request q = mine.get(i);
                    if (all != null) q.logits = Arrays.copyOfRange(all, i * vocab, (i + 1) * vocab);
                    q.error = all == null ? (error != null ? error : new IllegalStateException("the batched step failed")) : null;
                    q.done = true;
                }
                steps++;
                rows += mine.size();
                lastStepNanos = System.nanoTime() - started;
                running = false;
                lock.notifyAll();
            }
        }
        return result(r, interrupted);
    }

    private static float[] result(Request r, boolean interrupted) {
        if (interrupted) Thread.currentThread().interrupt();   // kept for the caller: a step, once submitted, completes
        if (r.error != null) throw r.error;
        return r.logits;
    }

    /** lock.wait for up to nanos (0: until notified); true if interrupted meanwhile (the flag is then clear). */
    private boolean await(long nanos) {
        try {
            if (nanos <= 0) lock.wait();
            else lock.wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
}
