package io.genai4j.cli.diffusion;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.cli.generative.MnistOption;
import io.genai4j.cli.train.StepBudget;
import io.genai4j.cli.train.TrainProgress;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.nn.Module;
import io.genai4j.engine.util.Printable;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.diffusion.Denoising;
import io.genai4j.models.diffusion.DiffusionTrainer;
import io.genai4j.models.diffusion.LatentDenoiser;
import io.genai4j.models.diffusion.LatentDiffusion;
import io.genai4j.models.diffusion.PixelDiffusion;
import io.genai4j.models.diffusion.PixelUNet;
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

/** {@code genai diffusion train}: DDPM on a VAE's latent means (--space latent) or on the pixels with a U-Net (--space pixel). */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a diffusion model on the MNIST training digits. --space latent (default): the VAE encodes the digits,",
                "their latent means (scaled to unit variance) are the data, an MLP with a time embedding learns to predict the noise;",
                "trains in minutes. --space pixel: a small U-Net predicts the noise on the 28×28 pixels, class-conditional with",
                "labels dropped to a null class with probability --label-dropout (for classifier-free guidance) unless --unconditional.",
                "With neither --max-steps nor --cpu-seconds it runs 3000 updates."})
public final class DiffusionTrain implements Callable<Integer> {
    @Option(names = "--space", defaultValue = "latent", description = "latent or pixel (default ${DEFAULT-VALUE}).") String space;
    @Option(names = "--vae", defaultValue = DiffusionCommand.DEFAULT_VAE, description = "Trained VAE, --space latent (default: ${DEFAULT-VALUE}).") Path vaeFile;
    @Mixin MnistOption data;
    @Option(names = "--schedule", defaultValue = "cosine", description = "β schedule: linear or cosine (default ${DEFAULT-VALUE}).") String schedule;
    @Option(names = "--timesteps", defaultValue = "1000", description = "Diffusion steps T (default ${DEFAULT-VALUE}).") int timesteps;
    @Option(names = "--hidden", defaultValue = "256", description = "Width of the latent denoiser (default ${DEFAULT-VALUE}).") int hidden;
    @Option(names = "--depth", defaultValue = "3", description = "Residual blocks of the latent denoiser (default ${DEFAULT-VALUE}).") int depth;
    @Option(names = "--width", defaultValue = "16", description = "U-Net feature maps at full resolution, --space pixel (default ${DEFAULT-VALUE}).") int width;
    @Option(names = "--label-dropout", defaultValue = "0.1", description = "Probability of the null class in training, --space pixel (default ${DEFAULT-VALUE}).") double labelDropout;
    @Option(names = "--unconditional", description = "--space pixel without labels.") boolean unconditional;
    @Option(names = "--batch-size", description = "Rows per update (default 256 latents, 64 images).") Integer batch;
    @Option(names = "--lr", description = "Peak learning rate (default 1e-3 latent, 2e-3 pixel).") Double lr;
    @Mixin StepBudget budget = new StepBudget(0, 3000);
    @Option(names = "--eval-every", defaultValue = "250", description = "Validation loss every N updates (default ${DEFAULT-VALUE}).") int evalEvery;
    @Mixin SeedOption seed = new SeedOption(1);
    @Option(names = "--out", description = "Model file (default: runs/latent-diffusion.safetensors or " + DiffusionCommand.DEFAULT_PIXEL_MODEL + ").") Path out;
    @Mixin JsonOption json;

    /** Validation images of the pixel model: its loss is a forward pass over all of them at once. */
    static final int PIXEL_VAL = 256;

    @Override
    public Integer call() throws Exception {
        boolean pixel = switch (space) {
            case "latent" -> false;
            case "pixel" -> true;
            default -> throw new IllegalArgumentException("--space must be latent or pixel, got " + Printable.of(space));
        };
        Mnist.Split split = data.split();
        Map<String, Object> train = new LinkedHashMap<>();
        return pixel ? trainPixel(split, train) : trainLatent(split, train);
    }

    private int trainLatent(Mnist.Split split, Map<String, Object> train) throws Exception {
        ConvVae vae = VaeFile.load(vaeFile);
        Tensor mu = VaeImages.means(vae, split.train());
        float scale = LatentData.unitScale(mu);
        LatentDiffusion model = new LatentDiffusion(new LatentDenoiser.Config(vae.config.latent(), hidden, depth, timesteps), schedule, scale, new Rng(seed.value()));
        System.out.printf(Locale.ROOT, "latent diffusion, %s schedule, T = %d, on %,d latents of %d dimensions (scale %.3f): %,d parameters%n",
                schedule, timesteps, mu.size(0), vae.config.latent(), scale, model.numParameters());
        train.put("vae", vaeFile.toAbsolutePath().toString());
        Path file = out != null ? out : Path.of(DiffusionCommand.DEFAULT_MODEL);
        fit(model, DiffusionTrainer.Data.of(mu.mul(scale)), DiffusionTrainer.Data.of(LatentData.latents(vae, split.val(), scale)), "latents", batch != null ? batch : 256, lr != null ? lr : 1e-3, train);
        model.save(file, train);
        return report(file, model.configMap(), model.numParameters(), train);
    }

    private int trainPixel(Mnist.Split split, Map<String, Object> train) throws Exception {
        PixelDiffusion model = new PixelDiffusion(new PixelUNet.Config(width, split.train().height(), timesteps, unconditional ? 0 : 10), schedule, unconditional ? 0 : labelDropout, new Rng(seed.value()));
        System.out.printf(Locale.ROOT, "pixel diffusion (U-Net, width %d, %s), %s schedule, T = %d, on %,d digits: %,d parameters%n",
                width, unconditional ? "unconditional" : "class-conditional, label dropout " + labelDropout, schedule, timesteps, split.train().size(), model.numParameters());
        Path file = out != null ? out : Path.of(DiffusionCommand.DEFAULT_PIXEL_MODEL);
        fit(model, PixelData.of(split.train(), !unconditional), PixelData.of(split.val().range(0, Math.min(PIXEL_VAL, split.val().size())), !unconditional),
                "images", batch != null ? batch : 64, lr != null ? lr : 2e-3, train);
        model.save(file, train);
        return report(file, model.configMap(), model.numParameters(), train);
    }

    private <M extends Module & Denoising> void fit(M model, DiffusionTrainer.Data trainData, DiffusionTrainer.Data val, String unit, int batchSize, double rate, Map<String, Object> train) {
        DiffusionTrainer.Settings s = new DiffusionTrainer.Settings(batchSize, rate, budget.maxSteps(), budget.cpuSeconds(), evalEvery, seed.value());
        DiffusionTrainer.Result r;
        try (TrainProgress bar = budget.progress(unit, batchSize)) {
            bar.evalLine(e -> String.format(Locale.ROOT, "step %d: train ε-loss %.4f, val ε-loss %.4f", e.step(), e.train(), e.val()));
            r = DiffusionTrainer.train(model, trainData, val, s, bar);
        }
        train.put("steps", r.steps());
        train.put("cpu_seconds", Rounding.places(r.cpuSeconds(), 1));
        train.put("batch_size", batchSize);
        train.put("lr", rate);
        train.put("seed", seed.value());
        train.put("val_loss", Rounding.places(r.lastValLoss(), 5));
    }

    private int report(Path file, Map<String, Object> config, long parameters, Map<String, Object> train) {
        System.out.printf(Locale.ROOT, "%s steps, %s CPU s; val ε-loss %s; model in %s%n", train.get("steps"), train.get("cpu_seconds"), train.get("val_loss"), file.toAbsolutePath());
        if (json.on()) {
            Report rep = new Report().put("space", space).put("config", config).put("parameters", parameters);
            train.forEach(rep::put);
            rep.put("out", file.toAbsolutePath().toString()).printJson(System.out);
        }
        return 0;
    }
}
