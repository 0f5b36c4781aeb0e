package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.engine.Rng;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.gpt.Gpt;
import io.genai4j.models.gpt.GptConfig;
import io.genai4j.models.gpt.GptData;
import io.genai4j.models.gpt.GptTrainer;
import io.genai4j.models.gpt.TrainConfig;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.server.ApiException;
import io.genai4j.server.Fields;
import io.genai4j.server.Json;
import io.genai4j.server.SseWriter;
import io.genai4j.text.Corpus;
import io.javalin.http.Context;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The training lesson: a small character GPT trained on tiny Shakespeare from the page, its loss
 * streamed live as server-sent events, stoppable. One run at a time (training uses every core).
 * The trainer's events become JSON as they come; nothing is saved to disk.
 */
final class TrainingLesson {
    static final int MAX_STEPS = 5000;
    private final AtomicReference<TrainingRun> current = new AtomicReference<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Consumer<Throwable> bugs;
    private GptData data;

    TrainingLesson(Consumer<Throwable> bugs) {
        this.bugs = bugs;
    }

    /** Thrown by the listener at the next step once the page asked to stop: the loop has no other way out. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** {@code {"steps", "eval_every"}} → {@code {"run": id, "steps": n}}; 409 while another run goes. */
    ObjectNode start(JsonNode body) {
        Fields f = new Fields(body, "");
        int steps = (int) f.integer("steps", 300, 1, MAX_STEPS);
        int every = (int) f.integer("eval_every", 50, 1, MAX_STEPS);
        TrainingRun run = new TrainingRun(ids.incrementAndGet());
        TrainingRun before = current.get();
        if (before != null && !before.ended() || !current.compareAndSet(before, run)) {
            throw new ApiException(409, "invalid_request_error", "training_running", null, "a training run is going; stop it first", 0);
        }
        Thread.ofPlatform().daemon().name("studio-training-" + run.id).start(() -> train(run, steps, every));
        return Json.object().put("run", run.id).put("steps", steps);
    }

    ObjectNode stop() {
        TrainingRun run = current.get();
        if (run != null) run.requestStop();
        return Json.object().put("stopping", run != null && !run.ended());
    }

    /** Streams the current run's events from its first (SSE) until it ends or the page goes away. */
    void events(Context ctx) throws InterruptedException {
        TrainingRun run = current.get();
        if (run == null) throw new ApiException(404, "invalid_request_error", "no_training", null, "no training run has been started", 0);
        SseWriter sse = new SseWriter(ctx.res());
        int seen = 0;
        while (!sse.broken()) {
            List<ObjectNode> batch = run.after(seen, 1000);
            for (ObjectNode e : batch) sse.send(e);
            seen += batch.size();
            if (batch.isEmpty() && run.ended()) break;
        }
        sse.done();
    }

    private void train(TrainingRun run, int steps, int every) {
        try {
            GptData d = data();
            GptConfig c = new GptConfig(2, 2, 32, 32, d.tokenizer().vocabSize(), 0f, false);
            TrainConfig cfg = new TrainConfig(16, steps, steps, 3e-3, 3e-4, Math.min(20, steps / 10), every, 4, 0.1, 0.9, 0.99, 1.0, 1337);
            Gpt model = new Gpt(c, new Rng(1337));
            run.add(Json.object().put("type", "start").put("run", run.id).put("steps", steps).put("parameters", model.numParameters())
                    .put("model", "GPT " + c.nLayer() + " layers, " + c.nHead() + " heads, d=" + c.nEmbd() + ", context " + c.blockSize()));
            new GptTrainer(model, d, cfg, null).train(e -> {
                if (e instanceof TrainEvent.Step && run.stopRequested()) throw new Stopped();
                ObjectNode json = event(e);
                if (json != null) run.add(json);
            });
            run.end(Json.object().put("type", "end").put("stopped", false));
        } catch (Stopped s) {
            run.end(Json.object().put("type", "end").put("stopped", true));
        } catch (RuntimeException | java.io.IOException | Error e) {
            bugs.accept(e);
            run.end(Json.object().put("type", "end").put("stopped", true).put("error", String.valueOf(e.getMessage())));
        }
    }

    private static ObjectNode event(TrainEvent e) {
        return switch (e) {
            case TrainEvent.Step s -> Json.object().put("type", "step").put("step", s.step()).put("loss", Rounding.places(s.loss(), 4))
                    .put("lr", s.learningRate()).put("cpu_s", Rounding.places(s.cpuSeconds(), 3));
            case TrainEvent.Eval v -> Json.object().put("type", "eval").put("step", v.step()).put("train", Rounding.places(v.train(), 4))
                    .put("val", Rounding.places(v.val(), 4)).put("best", v.best());
            case TrainEvent.Done d -> Json.object().put("type", "done").put("steps", d.steps()).put("wall_s", Rounding.places(d.wallSeconds(), 2))
                    .put("best_val", Rounding.places(d.best(), 4));
            case TrainEvent.Checkpoint c -> null;
        };
    }

    private synchronized GptData data() {
        if (data == null) data = GptData.chars(Corpus.tinyShakespeare());
        return data;
    }
}
