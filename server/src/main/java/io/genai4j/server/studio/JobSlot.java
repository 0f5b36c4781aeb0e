package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.server.ApiException;
import io.genai4j.server.Json;
import io.genai4j.server.SseWriter;
import io.javalin.http.Context;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Where one kind of long job runs, one at a time (each uses every core): started on a thread of its
 * own, its events streamed to the page as server-sent events, stopped by the page or by the server's
 * shutdown ({@link #shutdown}), so no job outlives the server that started it.
 */
final class JobSlot {
    /** A job's body; it adds its events to the job and calls {@link StudioJob#checkStop} between steps. */
    interface Work {
        void run(StudioJob job) throws Exception;
    }

    private final String kind;
    private final Consumer<Throwable> bugs;
    private final AtomicReference<StudioJob> current = new AtomicReference<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean closed;

    /** @param kind what the page calls the job ("training run"), for the refusals */
    JobSlot(String kind, Consumer<Throwable> bugs) {
        this.kind = kind;
        this.bugs = bugs;
    }

    /** Starts {@code work}; 409 while another job of this slot goes, 503 once the server is stopping. */
    StudioJob start(Work work) {
        if (closed) throw new ApiException(503, "server_error", "shutting_down", null, "the server is stopping", 0);
        StudioJob job = new StudioJob(ids.incrementAndGet());
        StudioJob before = current.get();
        if (before != null && !before.ended() || !current.compareAndSet(before, job)) {
            throw new ApiException(409, "invalid_request_error", "job_running", null, "a " + kind + " is going; stop it first", 0);
        }
        if (closed) job.requestStop();   // the shutdown came between the check above and this start
        Thread.ofPlatform().daemon().name("studio-" + kind.replace(' ', '-') + "-" + job.id).start(() -> run(job, work));
        return job;
    }

    private void run(StudioJob job, Work work) {
        try {
            work.run(job);
            job.end(Json.object().put("type", "end").put("stopped", false));
        } catch (StudioJob.Stopped s) {
            job.end(Json.object().put("type", "end").put("stopped", true));
        } catch (Exception | Error e) {
            bugs.accept(e);
            job.end(Json.object().put("type", "end").put("stopped", true).put("error", String.valueOf(e.getMessage())));
        }
    }

    /** The job now going or last run, or null before the first. */
    StudioJob current() {
        return current.get();
    }

    ObjectNode stop() {
        StudioJob job = current.get();
        if (job != null) job.requestStop();
        return Json.object().put("stopping", job != null && !job.ended());
    }

    /** Streams the current job's events from its first (SSE) until it ends or the page goes away. */
    void events(Context ctx) throws InterruptedException {
        StudioJob job = current.get();
        if (job == null) throw new ApiException(404, "invalid_request_error", "no_job", null, "no " + kind + " has been started", 0);
        SseWriter sse = new SseWriter(ctx.res());
        int seen = 0;
        while (!sse.broken()) {
            List<ObjectNode> batch = job.after(seen, 1000);
            for (ObjectNode e : batch) sse.send(e);
            seen += batch.size();
            if (batch.isEmpty() && job.ended()) break;
        }
        sse.done();
    }

    /** Refuses new jobs and asks the running one to stop (at its next step). */
    void shutdown() {
        closed = true;
        StudioJob job = current.get();
        if (job != null) job.requestStop();
    }

    /** Waits up to {@code millis} for the current job to end; true when none is running. */
    boolean awaitIdle(long millis) throws InterruptedException {
        StudioJob job = current.get();
        return job == null || job.awaitEnd(millis);
    }
}
