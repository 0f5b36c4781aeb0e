package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One training run started from the page: its events so far (as the page reads them), whether it
 * has ended, and whether the page asked it to stop. Every subscriber reads the whole list from the
 * start, so a page opened late still draws the curve from step 1.
 */
final class TrainingRun {
    final int id;
    private final List<ObjectNode> events = new ArrayList<>();
    private boolean ended;
    private volatile boolean stopRequested;

    TrainingRun(int id) {
        this.id = id;
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

    /** The events after the first {@code seen}, waiting up to {@code millis} for one when there are none yet (empty: none came, or the run ended). */
    synchronized List<ObjectNode> after(int seen, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (events.size() <= seen && !ended) {
            long left = until - System.currentTimeMillis();
            if (left <= 0) break;
            wait(left);
        }
        return events.size() <= seen ? List.of() : List.copyOf(events.subList(seen, events.size()));
    }
}
