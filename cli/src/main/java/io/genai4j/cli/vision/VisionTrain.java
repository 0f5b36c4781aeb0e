package io.genai4j.cli.vision;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.ThreadsOption;
import io.genai4j.cli.generative.MnistOption;
import io.genai4j.cli.generative.TrainSizeOption;
import io.genai4j.cli.train.StepBudget;
import io.genai4j.cli.train.TrainProgress;
import io.genai4j.engine.Rng;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.vision.Augmentation;
import io.genai4j.models.vision.DataSizeExperiment;
import io.genai4j.models.vision.Images;
import io.genai4j.models.vision.Mnist;
import io.genai4j.models.vision.VisionCheckpoint;
import io.genai4j.models.vision.VisionConfig;
import io.genai4j.models.vision.VisionEvaluation;
import io.genai4j.models.vision.VisionModel;
import io.genai4j.models.vision.VisionTrainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai vision train}: one model on the first N images of the training pool, the best validation weights saved. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train LeNet-5 (cnn) or a small ViT (vit) on MNIST; keep the weights with the best validation accuracy; report test accuracy."})
public final class VisionTrain implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "cnn", description = "cnn or vit (default ${DEFAULT-VALUE}).") String model;
    @Mixin TrainSizeOption trainSize;
    @Mixin StepBudget budget = new StepBudget(120, 0);
    @Option(names = "--batch-size", defaultValue = "64", description = "Images per update (default ${DEFAULT-VALUE}).") int batchSize;
    @Option(names = "--lr", description = "Peak AdamW learning rate (default: 2e-3 for cnn, 1e-3 for vit).") Double lr;
    @Option(names = "--weight-decay", defaultValue = "0.01", description = "AdamW weight decay on matrices (default ${DEFAULT-VALUE}).") double weightDecay;
    @Option(names = "--eval-every", defaultValue = "100", description = "Validation accuracy every N updates (default ${DEFAULT-VALUE}).") int evalEvery;
    @Option(names = "--augment", description = "Random shifts (±2 px) and rotations (±12°) of every training image.") boolean augment;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the initialisation, batches and augmentation (default ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--out", paramLabel = "FILE", description = "Checkpoint (default: runs/vision-MODEL.safetensors).") Path out;
    @Mixin MnistOption data;
    @Mixin ThreadsOption threads;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        VisionConfig c = VisionConfig.of(model);
        if (out == null) out = Path.of("runs", "vision-" + model + ".safetensors");
        Mnist.Split split = data.split();
        Images trainImages = trainSize.of(split);
        VisionModel m = VisionModel.create(c, new Rng(seed));
        double rate = lr != null ? lr : DataSizeExperiment.defaultLr(model);
        VisionTrainer.Settings s = new VisionTrainer.Settings(batchSize, rate, weightDecay, budget.maxSteps(), budget.cpuSeconds(), evalEvery,
                augment ? Augmentation.SHIFT_ROTATE : Augmentation.NONE, seed);
        System.out.printf(Locale.ROOT, "%s: %,d parameters; %,d training images%s, %d validation, %d test%n", model, m.numParameters(), trainSize.value(),
                augment ? " (augmented)" : "", split.val().size(), split.test().size());
        VisionTrainer.Result r;
        try (TrainProgress bar = budget.progress("img", batchSize)
                .evalLine(e -> String.format(Locale.ROOT, "step %d: train loss %.4f, val accuracy %.4f%s", e.step(), e.train(), e.val(), e.best() ? " (best)" : ""))) {
            r = VisionTrainer.train(m, trainImages, split.val(), s, bar);
        }
        double test = VisionEvaluation.accuracy(m, split.test());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("train_size", trainSize.value());
        info.put("augment", augment);
        info.put("steps", r.steps());
        info.put("best_step", r.bestStep());
        info.put("cpu_seconds", Rounding.places(r.cpuSeconds(), 1));
        info.put("lr", rate);
        info.put("batch_size", batchSize);
        info.put("seed", seed);
        info.put("split", "t10k shuffled with seed " + Mnist.SPLIT_SEED + ": 1500 test, 500 val, 8000 train pool");
        info.put("val_accuracy", Rounding.places(r.bestValAccuracy(), 4));
        info.put("test_accuracy", Rounding.places(test, 4));
        VisionCheckpoint.save(out, m, info);
        System.out.printf(Locale.ROOT, "%d updates (%.1f epochs) in %.1f CPU-s (%.1f s wall), %.0f images/s; best val accuracy %.4f at step %d%n",
                r.steps(), r.epochs(), r.cpuSeconds(), r.wallSeconds(), r.epochs() * trainSize.value() / Math.max(r.wallSeconds(), 1e-9), r.bestValAccuracy(), r.bestStep());
        System.out.printf(Locale.ROOT, "test accuracy %.4f on %d images%ncheckpoint: %s%n", test, split.test().size(), out.toAbsolutePath());
        if (json.on()) {
            new Report().put("model", model).put("config", c.toMap()).put("parameters", m.numParameters()).put("train_size", trainSize.value())
                    .put("augment", augment).put("steps", r.steps()).put("epochs", Rounding.places(r.epochs(), 2))
                    .put("cpu_seconds", Rounding.places(r.cpuSeconds(), 1)).put("wall_seconds", Rounding.places(r.wallSeconds(), 1))
                    .put("train_images_per_second", Rounding.places(r.epochs() * trainSize.value() / Math.max(r.wallSeconds(), 1e-9), 1))
                    .put("val_accuracy", Rounding.places(r.bestValAccuracy(), 4)).put("test_accuracy", Rounding.places(test, 4))
                    .put("out", out.toAbsolutePath().toString()).printJson(System.out);
        }
        return 0;
    }
}
