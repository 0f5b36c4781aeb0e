package io.genai4j.cli.diffusion;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.generative.MnistOption;
import io.genai4j.cli.train.TrainProgress;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.diffusion.DiffusionTrainer;
import io.genai4j.models.diffusion.LatentDenoiser;
import io.genai4j.models.diffusion.LatentDiffusion;
import io.genai4j.models.vae.ConvVae;
import io.genai4j.models.vae.VaeFile;
import io.genai4j.models.vae.VaeImages;
import io.genai4j.models.vision.Mnist;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai diffusion train}: DDPM on the latent means of the training digits under a trained VAE. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a latent diffusion model: the VAE encodes the training digits, their latent means (scaled to unit",
                "variance) are the data, an MLP with a time embedding learns to predict the noise. Trains in minutes."})
public final class DiffusionTrain implements Callable<Integer> {
    @Option(names = "--vae", defaultValue = DiffusionCommand.DEFAULT_VAE, description = "Trained VAE (default: ${DEFAULT-VALUE}).") Path vaeFile;
    @Mixin MnistOption data;
    @Option(names = "--schedule", defaultValue = "cosine", description = "β schedule: linear or cosine (default ${DEFAULT-VALUE}).") String schedule;
    @Option(names = "--timesteps", defaultValue = "1000", description = "Diffusion steps T (default ${DEFAULT-VALUE}).") int timesteps;
    @Option(names = "--hidden", defaultValue = "256", description = "Width of the denoiser (default ${DEFAULT-VALUE}).") int hidden;
    @Option(names = "--depth", defaultValue = "3", description = "Residual blocks (default ${DEFAULT-VALUE}).") int depth;
    @Option(names = "--batch-size", defaultValue = "256", description = "Latents per update (default ${DEFAULT-VALUE}).") int batch;
    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default ${DEFAULT-VALUE}).") double lr;
    @Option(names = "--max-steps", defaultValue = "0", description = "Updates (0 = bounded by --cpu-seconds only; 3000 if neither is given).") int maxSteps;
    @Option(names = "--cpu-seconds", defaultValue = "0", description = "CPU-time budget of the training steps.") double cpuSeconds;
    @Option(names = "--eval-every", defaultValue = "250", description = "Validation loss every N updates (default ${DEFAULT-VALUE}).") int evalEvery;
    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--out", defaultValue = DiffusionCommand.DEFAULT_MODEL, description = "Model file (default: ${DEFAULT-VALUE}).") Path out;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (maxSteps == 0 && cpuSeconds == 0) maxSteps = 3000;
        ConvVae vae = VaeFile.load(vaeFile);
        Mnist.Split split = data.split();
        Tensor mu = VaeImages.means(vae, split.train());
        float scale = LatentData.unitScale(mu);
        LatentDiffusion model = new LatentDiffusion(new LatentDenoiser.Config(vae.config.latent(), hidden, depth, timesteps), schedule, scale, new Rng(seed));
        System.out.printf(Locale.ROOT, "latent diffusion, %s schedule, T = %d, on %,d latents of %d dimensions (scale %.3f): %,d parameters%n",
                schedule, timesteps, mu.size(0), vae.config.latent(), scale, model.numParameters());
        DiffusionTrainer.Settings s = new DiffusionTrainer.Settings(batch, lr, maxSteps, cpuSeconds, evalEvery, seed);
        DiffusionTrainer.Result r;
        try (TrainProgress bar = TrainProgress.budget(maxSteps, cpuSeconds, "latents", batch)) {
            bar.evalLine(e -> String.format(Locale.ROOT, "step %d: train ε-loss %.4f, val ε-loss %.4f", e.step(), e.train(), e.val()));
            r = DiffusionTrainer.train(model, mu.mul(scale), LatentData.latents(vae, split.val(), scale), s, bar);
        }
        Map<String, Object> train = new LinkedHashMap<>();
        train.put("vae", vaeFile.toAbsolutePath().toString());
        train.put("steps", r.steps());
        train.put("cpu_seconds", Rounding.places(r.cpuSeconds(), 1));
        train.put("batch_size", batch);
        train.put("lr", lr);
        train.put("seed", seed);
        train.put("val_loss", Rounding.places(r.lastValLoss(), 5));
        model.save(out, train);
        System.out.printf(Locale.ROOT, "%d steps, %.1f CPU s; val ε-loss %.4f; model in %s%n", r.steps(), r.cpuSeconds(), r.lastValLoss(), out.toAbsolutePath());
        if (json.on()) {
            Report rep = new Report().put("config", model.configMap()).put("parameters", model.numParameters());
            train.forEach(rep::put);
            rep.put("out", out.toAbsolutePath().toString()).printJson(System.out);
        }
        return 0;
    }
}
