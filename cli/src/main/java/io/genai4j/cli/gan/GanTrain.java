package io.genai4j.cli.gan;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.cli.generative.MnistOption;
import io.genai4j.cli.generative.TrainSizeOption;
import io.genai4j.cli.train.StepBudget;
import io.genai4j.cli.train.TrainProgress;
import io.genai4j.course.generative.GenerativeGrids;
import io.genai4j.engine.Rng;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.gan.Gan;
import io.genai4j.models.gan.GanFile;
import io.genai4j.models.gan.GanSnapshot;
import io.genai4j.models.gan.GanTrainer;
import io.genai4j.models.generative.ConvConfig;
import io.genai4j.models.vision.Images;
import io.genai4j.models.vision.Mnist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai gan train}: trains on the training part of the MNIST split and draws the fixed-noise strip. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a DCGAN-style GAN on the training part of the MNIST split (8,000 digits): one discriminator and one",
                "generator step per update, non-saturating loss, Adam β1 = 0.5, one-sided label smoothing. Every --snapshot-every",
                "updates the generator draws the same noise; the rows are saved as a strip so you can watch it learn.",
                "With neither --max-steps nor --cpu-seconds it runs 3000 updates."})
public final class GanTrain implements Callable<Integer> {
    @Mixin MnistOption data;
    @Option(names = "--latent", defaultValue = "32", description = "Noise dimensions (default ${DEFAULT-VALUE}).") int latent;
    @Option(names = "--width", defaultValue = "16", description = "Feature maps at 14×14 (twice that at 7×7; default ${DEFAULT-VALUE}).") int width;
    @Mixin TrainSizeOption trainSize;
    @Option(names = "--batch-size", defaultValue = "64", description = "Images per update (default ${DEFAULT-VALUE}).") int batch;
    @Option(names = "--lr", defaultValue = "2e-4", description = "Learning rate of both players (default ${DEFAULT-VALUE}).") double lr;
    @Option(names = "--real-label", defaultValue = "0.9", description = "Target of real images for the discriminator (1 = no label smoothing; default ${DEFAULT-VALUE}).") float realLabel;
    @Mixin StepBudget budget = new StepBudget(0, 3000);
    @Option(names = "--snapshot-every", defaultValue = "200", description = "Draw the fixed noise every N updates (default ${DEFAULT-VALUE}).") int snapshotEvery;
    @Option(names = "--snapshot-images", defaultValue = "10", description = "Images per snapshot row (default ${DEFAULT-VALUE}).") int snapshotImages;
    @Mixin SeedOption seed = new SeedOption(1);
    @Option(names = "--out", defaultValue = GanCommand.DEFAULT_MODEL, description = "Model file (default: ${DEFAULT-VALUE}).") Path out;
    @Option(names = "--strip", defaultValue = "runs/gan-progress.png", description = "The picture of the snapshots, one row each (default: ${DEFAULT-VALUE}).") Path strip;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        Mnist.Split split = data.split();
        Images trainImages = trainSize.of(split);
        GanTrainer.Settings s = new GanTrainer.Settings(batch, lr, budget.maxSteps(), budget.cpuSeconds(), snapshotEvery, snapshotImages, realLabel, seed.value());
        Gan gan = new Gan(ConvConfig.mnist(latent, width), new Rng(seed.value()));
        System.out.printf(Locale.ROOT, "GAN, latent %d, width %d: generator %,d + discriminator %,d parameters; %,d training digits%n",
                latent, width, gan.generator.numParameters(), gan.discriminator.numParameters(), trainSize.value());
        List<GanSnapshot> snapshots = new ArrayList<>();
        GanTrainer.Result r;
        try (TrainProgress bar = budget.progress("img", batch)) {
            bar.evalLine(e -> String.format(Locale.ROOT, "step %d: generator loss %.3f, discriminator loss %.3f", e.step(), e.train(), e.val()));
            r = GanTrainer.train(gan, trainImages, s, bar, snapshots::add);
        }
        GanSnapshot last = r.last();
        Map<String, Object> train = new LinkedHashMap<>();
        train.put("steps", r.steps());
        train.put("cpu_seconds", Rounding.places(r.cpuSeconds(), 1));
        train.put("train_size", trainSize.value());
        train.put("batch_size", batch);
        train.put("lr", lr);
        train.put("real_label", realLabel);
        train.put("seed", seed.value());
        train.put("discriminator_loss", Rounding.places(last.discriminatorLoss(), 4));
        train.put("generator_loss", Rounding.places(last.generatorLoss(), 4));
        train.put("d_real", Rounding.places(last.dReal(), 4));
        train.put("d_fake", Rounding.places(last.dFake(), 4));
        GanFile.save(out, gan, train);
        if (strip.toAbsolutePath().getParent() != null) Files.createDirectories(strip.toAbsolutePath().getParent());
        List<float[][]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (GanSnapshot sn : snapshots) {
            rows.add(sn.images());
            labels.add("step " + sn.step());
        }
        Path png = GenerativeGrids.progress(strip, "GAN: the same noise after each number of updates", rows, labels, gan.config.imageSize());
        System.out.printf(Locale.ROOT, "%d steps, %.1f CPU s; last %d updates: D loss %.3f, G loss %.3f, D(real) %.2f, D(fake) %.2f%n",
                r.steps(), r.cpuSeconds(), Math.min(snapshotEvery, r.steps()), last.discriminatorLoss(), last.generatorLoss(), last.dReal(), last.dFake());
        System.out.println("model in " + out.toAbsolutePath() + "; strip in " + png);
        if (json.on()) {
            Report rep = new Report().put("config", gan.config.toMap()).put("parameters", gan.generator.numParameters())
                    .put("discriminator_parameters", gan.discriminator.numParameters());
            train.forEach(rep::put);
            rep.put("snapshots", snapshots.size()).put("strip", png.toString()).put("out", out.toAbsolutePath().toString()).printJson(System.out);
        }
        return 0;
    }
}
