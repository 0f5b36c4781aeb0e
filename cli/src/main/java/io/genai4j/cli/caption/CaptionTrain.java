package io.genai4j.cli.caption;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.cli.generative.MnistOption;
import io.genai4j.cli.train.StepBudget;
import io.genai4j.cli.train.TrainProgress;
import io.genai4j.engine.Rng;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.captioner.CaptionCheckpoint;
import io.genai4j.models.captioner.CaptionTrainer;
import io.genai4j.models.captioner.CaptionVocabulary;
import io.genai4j.models.captioner.Git;
import io.genai4j.models.captioner.GitConfig;
import io.genai4j.models.captioner.SceneGenerator;
import io.genai4j.models.vision.Mnist;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai caption train}: the captioner on generated training scenes, captions and questions mixed under one loss. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a GIT-style captioner on generated scenes (digits from the vision lesson's 8,000-image pool) and save it."})
public final class CaptionTrain implements Callable<Integer> {
    @Mixin StepBudget budget = new StepBudget(600, 0);
    @Option(names = "--batch-size", defaultValue = "32", description = "Texts (each with its scene) per update (default ${DEFAULT-VALUE}).") int batchSize;
    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak AdamW learning rate (default ${DEFAULT-VALUE}).") double lr;
    @Option(names = "--weight-decay", defaultValue = "0.01", description = "AdamW weight decay on matrices (default ${DEFAULT-VALUE}).") double weightDecay;
    @Option(names = "--eval-every", defaultValue = "200", description = "Validation loss every N updates (default ${DEFAULT-VALUE}).") int evalEvery;
    @Option(names = "--train-scenes", defaultValue = "50000", description = "Distinct training scenes drawn from (default ${DEFAULT-VALUE}).") int trainScenes;
    @Option(names = "--qa-fraction", defaultValue = "0.4", description = "Share of texts that are question/answer pairs (default ${DEFAULT-VALUE}).") double qaFraction;
    @Option(names = "--dim", defaultValue = "64", description = "Model width (default ${DEFAULT-VALUE}).") int dim;
    @Option(names = "--encoder-depth", defaultValue = "2", description = "ViT encoder blocks (default ${DEFAULT-VALUE}).") int encoderDepth;
    @Option(names = "--decoder-depth", defaultValue = "2", description = "Decoder blocks (default ${DEFAULT-VALUE}).") int decoderDepth;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the initialisation, scenes and batches (default ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--init", paramLabel = "FILE", description = "Start from this checkpoint's weights and sizes (--dim and the depths are then ignored).") Path init;
    @Option(names = "--out", paramLabel = "FILE", defaultValue = "runs/caption-git.safetensors", description = "Checkpoint (default ${DEFAULT-VALUE}).") Path out;
    @Mixin MnistOption data;
    @Mixin ThreadsOption threads;
    @Mixin JsonOption json;

    static final int VAL_SCENES = 64;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        GitConfig small = GitConfig.small();
        GitConfig c = new GitConfig(small.imageSize(), small.patch(), dim, encoderDepth, decoderDepth, small.heads(), dim * 2, new CaptionVocabulary().size(), small.maxText());
        Mnist.Split split = data.split();
        SceneGenerator train = new SceneGenerator(split.train(), SceneGenerator.Split.TRAIN, seed);
        SceneGenerator val = new SceneGenerator(split.val(), SceneGenerator.Split.TRAIN, seed);
        Git m = new Git(c, new Rng(seed));
        if (init != null) {
            m = CaptionCheckpoint.load(init).model();
            c = m.config;
        }
        CaptionTrainer.Settings s = new CaptionTrainer.Settings(batchSize, lr, weightDecay, budget.maxSteps(), budget.cpuSeconds(), evalEvery, trainScenes, qaFraction, seed);
        System.out.printf(Locale.ROOT, "GIT captioner: %,d parameters, %d image tokens + up to %d text tokens; %,d training scenes, %.0f%% questions%n",
                m.numParameters(), c.imageTokens(), c.maxText(), trainScenes, 100 * qaFraction);
        CaptionTrainer.Result r;
        try (TrainProgress bar = budget.progress("text", batchSize)
                .evalLine(e -> String.format(Locale.ROOT, "step %d: train loss %.4f, val loss %.4f", e.step(), e.train(), e.val()))) {
            r = CaptionTrainer.train(m, train, val, VAL_SCENES, s, bar);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("steps", r.steps());
        info.put("cpu_seconds", Rounding.places(r.cpuSeconds(), 1));
        info.put("batch_size", batchSize);
        info.put("lr", lr);
        info.put("train_scenes", trainScenes);
        info.put("qa_fraction", qaFraction);
        info.put("seed", seed);
        info.put("val_loss", Rounding.places(r.valLoss(), 4));
        CaptionCheckpoint.save(out, m, info);
        System.out.printf(Locale.ROOT, "%d updates in %.1f CPU-s (%.1f s wall); train loss %.4f → %.4f, val loss %.4f%ncheckpoint: %s%n",
                r.steps(), r.cpuSeconds(), r.wallSeconds(), r.firstLoss(), r.lastLoss(), r.valLoss(), out.toAbsolutePath());
        if (json.on()) {
            new Report().put("config", c.toMap()).put("parameters", m.numParameters()).put("steps", r.steps())
                    .put("cpu_seconds", Rounding.places(r.cpuSeconds(), 1)).put("wall_seconds", Rounding.places(r.wallSeconds(), 1))
                    .put("first_loss", Rounding.places(r.firstLoss(), 4)).put("last_loss", Rounding.places(r.lastLoss(), 4))
                    .put("val_loss", Rounding.places(r.valLoss(), 4)).put("out", out.toAbsolutePath().toString()).printJson(System.out);
        }
        return 0;
    }
}
