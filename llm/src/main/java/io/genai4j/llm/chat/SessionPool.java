package io.genai4j.llm.chat;

import io.genai4j.engine.infer.Session;
import io.genai4j.llm.Generator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * N sessions on one loaded model, each remembering the token ids its KV cache holds. A request takes
 * the free session whose cache shares the longest prefix with its prompt (a follow-up turn of a
 * conversation finds its earlier turns there and runs only the new tokens), cuts the cache back to
 * that prefix, and gives the session back when done. At most N requests run at once; the others wait.
 */
public final class SessionPool {
    /** A session and the ids whose keys and values its cache holds (always cache.length() of them). */
    public static final class Lease {
        private final Session session;
        private int[] cached = new int[0];
        private int reused;

        private Lease(Session session) {
            this.session = session;
        }

        public Session session() {
            return session;
        }

        /** Ids of the prompt already in the cache when the lease was taken (they need no model step). */
        public int reused() {
            return reused;
        }

        /** Records what the cache holds now: the first cache.length() ids of {@code ids}. */
        public void holds(int[] ids) {
            cached = Arrays.copyOf(ids, Math.min(ids.length, session.cache().length()));
            session.cache().truncate(cached.length);
        }
    }

    private final List<Lease> free = new ArrayList<>();
    private final Semaphore permits;
    private final int size;

    public SessionPool(Generator generator, int size, int initialCapacity) {
        if (size < 1) throw new IllegalArgumentException("a session pool needs at least 1 session, got " + size);
        this.size = size;
        for (int i = 0; i < size; i++) free.add(new Lease(generator.newSession(initialCapacity)));
        this.permits = new Semaphore(size, true);
    }

    public int size() {
        return size;
    }

    /** Sessions in use right now. */
    public int busy() {
        return size - permits.availablePermits();
    }

    /** Waits up to {@code timeoutMillis} for a session; null when none became free in time. */
    public Lease acquire(int[] prompt, long timeoutMillis) throws InterruptedException {
        if (!permits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) return null;
        Lease best;
        synchronized (free) {
            best = free.getFirst();
            int bestCommon = -1;
            for (Lease l : free) {
                int c = common(l.cached, prompt);
                if (c > bestCommon) {
                    bestCommon = c;
                    best = l;
                }
            }
            free.remove(best);
        }
        // At least one prompt token must run through the model: its logits start the answer.
        int keep = Math.min(common(best.cached, prompt), prompt.length - 1);
        best.holds(Arrays.copyOf(best.cached, Math.max(keep, 0)));
        best.reused = best.cached.length;
        return best;
    }

    public void release(Lease lease) {
        synchronized (free) {
            free.add(lease);
        }
        permits.release();
    }

    private static int common(int[] a, int[] b) {
        int n = Math.min(a.length, b.length), i = 0;
        while (i < n && a[i] == b[i]) i++;
        return i;
    }
}
