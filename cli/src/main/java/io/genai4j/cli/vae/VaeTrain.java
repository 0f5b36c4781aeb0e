package io.genai4j.cli.vae;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.cli.generative.MnistOption;
import io.genai4j.cli.generative.TrainSizeOption;
import io.genai4j.cli.train.StepBudget;
import io.genai4j.cli.train.TrainProgress;
import io.genai4j.engine.Rng;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.generative.ConvConfig;
import io.genai4j.models.vae.ConvVae;
import io.genai4j.models.vae.VaeEvaluation;
import io.genai4j.models.vae.VaeFile;
import io.genai4j.models.vae.VaeTrainer;
import io.genai4j.models.vision.Images;
import io.genai4j.models.vision.Mnist;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai vae train}: trains on the 8,000-image training part of the MNIST split, reports the test −ELBO. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a convolutional VAE on the training part of the MNIST split (8,000 digits),",
                "keep the weights with the best validation ELBO, and report the test ELBO in nats per image.",
                "With neither --max-steps nor --cpu-seconds it runs 2000 updates."})
public final class VaeTrain implements Callable<Integer> {
    @Mixin MnistOption data;
    @Option(names = "--latent", defaultValue = "16", description = "Latent dimensions (2 gives a map of the latent space; default ${DEFAULT-VALUE}).") int latent;
    @Option(names = "--width", defaultValue = "16", description = "Feature maps of the first convolution (default ${DEFAULT-VALUE}).") int width;
    @Mixin TrainSizeOption trainSize;
    @Option(names = "--batch-size", defaultValue = "64", description = "Images per update (default ${DEFAULT-VALUE}).") int batch;
    @Option(names = "--lr", defaultValue = "2e-3", description = "Peak learning rate (default ${DEFAULT-VALUE}).") double lr;
    @Option(names = "--beta", defaultValue = "1", description = "Weight of the KL term (1 = the ELBO; default ${DEFAULT-VALUE}).") float beta;
    @Mixin StepBudget budget = new StepBudget(0, 2000);
    @Option(names = "--eval-every", defaultValue = "100", description = "Validation ELBO every N updates (default ${DEFAULT-VALUE}).") int evalEvery;
    @Mixin SeedOption seed = new SeedOption(1);
    @Option(names = "--out", defaultValue = VaeCommand.DEFAULT_MODEL, description = "Model file (default: ${DEFAULT-VALUE}).") Path out;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        Mnist.Split split = data.split();
        Images trainImages = trainSize.of(split);
        ConvVae vae = new ConvVae(ConvConfig.mnist(latent, width), new Rng(seed.value()));
        VaeTrainer.Settings s = new VaeTrainer.Settings(batch, lr, budget.maxSteps(), budget.cpuSeconds(), evalEvery, beta, seed.value());
        System.out.printf(Locale.ROOT, "VAE, latent %d, width %d: %,d parameters; %,d training digits%n", latent, width, vae.numParameters(), trainSize.value());
        VaeTrainer.Result r;
        try (TrainProgress bar = budget.progress("img", batch)) {
            bar.evalLine(e -> String.format(Locale.ROOT, "step %d: train -ELBO %.2f, val -ELBO %.2f nats/image", e.step(), e.train(), e.val()));
            r = VaeTrainer.train(vae, trainImages, split.val(), s, bar);
        }
        VaeEvaluation.Score test = VaeEvaluation.score(vae, split.test(), seed.value());
        Map<String, Object> train = new LinkedHashMap<>();
        train.put("steps", r.steps());
        train.put("best_step", r.bestStep());
        train.put("cpu_seconds", Rounding.places(r.cpuSeconds(), 1));
        train.put("train_size", trainSize.value());
        train.put("batch_size", batch);
        train.put("lr", lr);
        train.put("beta", beta);
        train.put("seed", seed.value());
        train.put("test_negative_elbo", Rounding.places(test.negativeElbo(), 3));
        VaeFile.save(out, vae, train);
        System.out.printf(Locale.ROOT, "%d steps, %.1f CPU s; best val -ELBO %.2f at step %d%n", r.steps(), r.cpuSeconds(), r.bestValNegativeElbo(), r.bestStep());
        System.out.printf(Locale.ROOT, "test (%d digits): -ELBO %.2f nats/image = reconstruction %.2f + KL %.2f; model in %s%n",
                test.images(), test.negativeElbo(), test.reconstruction(), test.kl(), out.toAbsolutePath());
        if (json.on()) {
            Report rep = new Report().put("config", vae.config.toMap()).put("parameters", vae.numParameters());
            train.forEach(rep::put);
            rep.put("val_negative_elbo", Rounding.places(r.bestValNegativeElbo(), 3))
                    .put("test_reconstruction", Rounding.places(test.reconstruction(), 3)).put("test_kl", Rounding.places(test.kl(), 3))
                    .put("out", out.toAbsolutePath().toString()).printJson(System.out);
        }
        return 0;
    }
}
