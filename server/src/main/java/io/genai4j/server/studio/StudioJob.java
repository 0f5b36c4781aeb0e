package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One long job started from the page (a training run, the ladder, an indexing): its events so far
 * (as the page reads them), whether it has ended, and whether the page or the server's shutdown asked
 * it to stop. Every subscriber reads the whole list from the start, so a page opened late still draws
 * the curve from step 1.
 */
final class StudioJob {
    final int id;
    private final List<ObjectNode> events = new ArrayList<>();
    private boolean ended;
    private volatile boolean stopRequested;

    StudioJob(int id) {
        this.id = id;
    }

    /** Thrown by a job's own listener once a stop was asked: the library loops it runs have no other way out. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Throws {@link Stopped} when a stop was asked: a job calls this between its steps. */
    void checkStop() {
        if (stopRequested) throw new Stopped();
    }

    synchronized void add(ObjectNode event) {
        events.add(event);
        notifyAll();
    }

    synchronized void end(ObjectNode last) {
        events.add(last);
        ended = true;
        notifyAll();
    }

    synchronized boolean ended() {
        return ended;
    }

    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** The events after the first {@code seen}, waiting up to {@code millis} for one when there are none yet (empty: none came, or the job ended). */
    synchronized List<ObjectNode> after(int seen, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (events.size() <= seen && !ended) {
            long left = until - System.currentTimeMillis();
            if (left <= 0) break;
            wait(left);
        }
        return events.size() <= seen ? List.of() : List.copyOf(events.subList(seen, events.size()));
    }

    /** Waits until the job has ended or {@code millis} passed; true when it ended. */
    synchronized boolean awaitEnd(long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (!ended) {
            long left = until - System.currentTimeMillis();
            if (left <= 0) return false;
            wait(left);
        }
        return true;
    }
}
