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
import io.genai4j.server.Fields;
import io.genai4j.server.Json;
import io.genai4j.text.Corpus;
import java.util.function.Consumer;

/**
 * The training lesson: a small character GPT trained on tiny Shakespeare from the page, its loss
 * streamed live as server-sent events, stoppable, and stopped with the server. One run at a time
 * (training uses every core).
 * The trainer's events become JSON as they come; nothing is saved to disk.
 */
final class TrainingLesson {
    static final int MAX_STEPS = 5000;
    final JobSlot runs;
    private GptData data;

    TrainingLesson(Consumer<Throwable> bugs) {
        this.runs = new JobSlot("training run", bugs);
    }

    /** {@code {"steps", "eval_every"}} → {@code {"run": id, "steps": n}}; 409 while another run goes. */
    ObjectNode start(JsonNode body) {
        Fields f = new Fields(body, "");
        int steps = (int) f.integer("steps", 300, 1, MAX_STEPS);
        int every = (int) f.integer("eval_every", 50, 1, MAX_STEPS);
        StudioJob run = runs.start(job -> train(job, steps, every));
        return Json.object().put("run", run.id).put("steps", steps);
    }

    private void train(StudioJob run, int steps, int every) throws java.io.IOException {
        GptData d = data();
        GptConfig c = new GptConfig(2, 2, 32, 32, d.tokenizer().vocabSize(), 0f, false);
        TrainConfig cfg = new TrainConfig(16, steps, steps, 3e-3, 3e-4, Math.min(20, steps / 10), every, 4, 0.1, 0.9, 0.99, 1.0, 1337);
        Gpt model = new Gpt(c, new Rng(1337));
        run.add(Json.object().put("type", "start").put("run", run.id).put("steps", steps).put("parameters", model.numParameters())
                .put("model", "GPT " + c.nLayer() + " layers, " + c.nHead() + " heads, d=" + c.nEmbd() + ", context " + c.blockSize()));
        new GptTrainer(model, d, cfg, null).train(e -> {
            if (e instanceof TrainEvent.Step) run.checkStop();
            ObjectNode json = event(e);
            if (json != null) run.add(json);
        });
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
