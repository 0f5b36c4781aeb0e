package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.engine.Rng;
import io.genai4j.engine.util.Printable;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.train.TrainEvent;
import io.genai4j.models.vision.AttentionRollout;
import io.genai4j.models.vision.Augmentation;
import io.genai4j.models.vision.DataSizeExperiment;
import io.genai4j.models.vision.Images;
import io.genai4j.models.vision.Mnist;
import io.genai4j.models.vision.VisionConfig;
import io.genai4j.models.vision.VisionEvaluation;
import io.genai4j.models.vision.VisionModel;
import io.genai4j.models.vision.VisionTrainer;
import io.genai4j.models.vision.Vit;
import io.genai4j.server.ApiException;
import io.genai4j.server.Fields;
import io.genai4j.server.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The vision lesson: a small ViT or LeNet trained on MNIST digits from the page under a CPU-seconds
 * budget, its validation accuracy streamed as it lands, and after each evaluation (and at the end, on
 * the best weights) a grid of {@link #DIGITS} test digits with what the model reads in each and, for
 * the ViT, where its class token looks (the last layer's attention rollout). One run at a time.
 */
final class VisionLesson {
    static final int DIGITS = 16;
    static final double MAX_CPU_SECONDS = 600;
    final JobSlot runs;
    private final Path dir;
    private Mnist.Split split;

    VisionLesson(Consumer<Throwable> bugs) {
        this(Mnist.defaultDir(), bugs);
    }

    VisionLesson(Path dir, Consumer<Throwable> bugs) {
        this.dir = dir;
        this.runs = new JobSlot("vision run", bugs);
    }

    /** Whether the MNIST files are where the lesson looks, and a plain sentence when not. */
    ObjectNode status() {
        ObjectNode o = Json.object().put("mnist", available());
        if (!available()) o.put("message", missing());
        return o;
    }

    /**
     * {@code {"model": "vit" | "cnn", "cpu_seconds": 15, "max_steps": 0, "eval_every": 25, "seed": 1}}
     * → {@code {"run": id}}; 409 while another run goes, 503 when MNIST is absent.
     */
    ObjectNode start(JsonNode body) {
        Fields f = new Fields(body, "");
        String kind = f.string("model", "vit");
        if (!kind.equals("vit") && !kind.equals("cnn")) throw ApiException.invalid("model", "model must be vit or cnn, not " + Printable.of(kind));
        double cpu = f.number("cpu_seconds", 15, 0, MAX_CPU_SECONDS);
        int maxSteps = (int) f.integer("max_steps", 0, 0, TrainingLesson.MAX_STEPS);
        int every = (int) f.integer("eval_every", 25, 1, TrainingLesson.MAX_STEPS);
        long seed = f.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        if (cpu == 0 && maxSteps == 0) throw ApiException.invalid("cpu_seconds", "a run needs cpu_seconds or max_steps above 0");
        if (!available()) throw new ApiException(503, "server_error", "no_data", null, missing(), 0);
        VisionTrainer.Settings s = new VisionTrainer.Settings(32, DataSizeExperiment.defaultLr(kind), 0.01, maxSteps, cpu, every, Augmentation.NONE, seed);
        StudioJob run = runs.start(job -> train(job, VisionConfig.of(kind), s));
        return Json.object().put("run", run.id).put("model", kind);
    }

    private void train(StudioJob run, VisionConfig c, VisionTrainer.Settings s) throws IOException {
        Mnist.Split d = split();
        VisionModel model = VisionModel.create(c, new Rng(s.seed()));
        run.add(Json.object().put("type", "start").put("run", run.id).put("model", describe(c)).put("parameters", model.numParameters())
                .put("train_images", d.train().size()).put("val_images", d.val().size()).put("cpu_seconds", s.cpuSeconds()).put("max_steps", s.maxSteps()));
        VisionTrainer.Result r = VisionTrainer.train(model, d.train(), d.val(), s, e -> {
            switch (e) {
                case TrainEvent.Step st -> {
                    run.checkStop();
                    run.add(Json.object().put("type", "step").put("step", st.step()).put("loss", Rounding.places(st.loss(), 4))
                            .put("cpu_s", Rounding.places(st.cpuSeconds(), 3)));
                }
                case TrainEvent.Eval v -> {
                    run.add(Json.object().put("type", "eval").put("step", v.step()).put("val_accuracy", Rounding.places(v.val(), 4)).put("best", v.best()));
                    run.add(grid(model, d.test(), v.step(), false));
                }
                default -> { }
            }
        });
        run.add(grid(model, d.test(), r.bestStep(), true));    // the trainer restored the best weights
        run.add(Json.object().put("type", "done").put("steps", r.steps()).put("cpu_s", Rounding.places(r.cpuSeconds(), 2))
                .put("best_val_accuracy", Rounding.places(r.bestValAccuracy(), 4)).put("best_step", r.bestStep()));
    }

    /** The first {@link #DIGITS} test digits: pixels 0-255, label, prediction and (ViT) the rollout normalised to its largest patch. */
    static ObjectNode grid(VisionModel model, Images test, int step, boolean best) {
        Images digits = test.range(0, DIGITS);
        int[] predicted = VisionEvaluation.predict(model, digits, DIGITS);
        ObjectNode o = Json.object().put("type", "grid").put("step", step).put("best", best).put("side", digits.width());
        ArrayNode out = o.putArray("digits");
        for (int i = 0; i < DIGITS; i++) {
            ObjectNode digit = out.addObject().put("label", digits.labels()[i]).put("predicted", predicted[i]);
            ArrayNode px = digit.putArray("pixels");
            for (float v : digits.image(i)) px.add(Math.round(255 * Math.max(0, Math.min(1, v))));
            if (model instanceof Vit vit) digit.set("attention", rollout(vit, digits, i));
        }
        return o;
    }

    private static ArrayNode rollout(Vit vit, Images digits, int i) {
        float[][][] layers = AttentionRollout.of(vit, digits.batch(new int[] {i})).rollout();
        float[][] last = layers[layers.length - 1];
        float max = 1e-12f;
        for (float[] row : last) for (float v : row) max = Math.max(max, v);
        ArrayNode rows = Json.MAPPER.createArrayNode();
        for (float[] row : last) {
            ArrayNode r = rows.addArray();
            for (float v : row) r.add(Rounding.places(v / max, 3));
        }
        return rows;
    }

    private static String describe(VisionConfig c) {
        return c.kind().equals("cnn") ? "LeNet-5 CNN" : "ViT, " + c.grid() * c.grid() + " patches of " + c.patch() + "×" + c.patch() + ", width " + c.dim()
                + ", " + c.depth() + " blocks of " + c.heads() + " heads";
    }

    private boolean available() {
        return Files.isRegularFile(dir.resolve(Mnist.IMAGES)) && Files.isRegularFile(dir.resolve(Mnist.LABELS));
    }

    private String missing() {
        return "MNIST is not on this machine: the lesson needs " + Mnist.IMAGES + " and " + Mnist.LABELS + " in " + dir
                + " (set GENAI_DATA or -Dgenai.data to the shared data folder)";
    }

    private synchronized Mnist.Split split() throws IOException {
        if (split == null) split = Mnist.split(Mnist.load(dir));
        return split;
    }
}
