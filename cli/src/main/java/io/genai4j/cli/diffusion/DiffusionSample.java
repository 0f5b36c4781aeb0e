package io.genai4j.cli.diffusion;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.course.generative.GenerativeGrids;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.diffusion.LatentDiffusion;
import io.genai4j.models.vae.ConvVae;
import io.genai4j.models.vae.VaeFile;
import io.genai4j.models.vae.VaeImages;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai diffusion sample}: latents from the reverse process, decoded by the VAE into a grid. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sample latents with DDPM (all T steps) or DDIM (--steps), decode them with the VAE, and draw a grid.")
public final class DiffusionSample implements Callable<Integer> {
    @Option(names = "--model", defaultValue = DiffusionCommand.DEFAULT_MODEL, description = "Model file (default: ${DEFAULT-VALUE}).") Path model;
    @Option(names = "--vae", defaultValue = DiffusionCommand.DEFAULT_VAE, description = "The VAE it was trained on (default: ${DEFAULT-VALUE}).") Path vaeFile;
    @Option(names = "--sampler", defaultValue = "ddim", description = "ddpm or ddim (default ${DEFAULT-VALUE}).") String sampler;
    @Option(names = "--steps", defaultValue = "50", description = "DDIM steps (default ${DEFAULT-VALUE}).") int steps;
    @Option(names = "--n", defaultValue = "40", description = "Samples (default ${DEFAULT-VALUE}).") int n;
    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--png", defaultValue = "runs/diffusion-samples.png", description = "Picture (default: ${DEFAULT-VALUE}).") Path png;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (n < 1) throw new IllegalArgumentException("--n must be >= 1, got " + n);
        LatentDiffusion ld = LatentDiffusion.load(model);
        ConvVae vae = VaeFile.load(vaeFile);
        if (vae.config.latent() != ld.denoiser.config.latent()) {
            throw new IllegalArgumentException(vaeFile + ": field 'latent' is " + vae.config.latent() + " but " + model + " models " + ld.denoiser.config.latent() + " latent dimensions");
        }
        long t0 = System.nanoTime();
        Tensor z = ld.sample(n, sampler, steps, new Rng(seed));
        float[][] images;
        try (Grad g = Grad.off()) {
            images = VaeImages.rows(vae.decodeProbabilities(z));
        }
        double perImage = (System.nanoTime() - t0) / 1e9 / n;
        String how = sampler.equals("ddpm") ? "DDPM, " + ld.schedule.steps() + " steps" : "DDIM, " + steps + " steps";
        Path written = GenerativeGrids.samples(png, "Latent diffusion (" + ld.schedule.kind() + " β, " + how + "), decoded by the VAE", images, null, vae.config.imageSize(), 10);
        System.out.printf(Locale.ROOT, "%d samples (%s): %.1f ms per image; picture: %s%n", n, how, 1000 * perImage, written);
        if (json.on()) new Report().put("png", written.toString()).put("sampler", sampler).put("steps", sampler.equals("ddpm") ? ld.schedule.steps() : steps)
                .put("seconds_per_image", Rounding.places(perImage, 5)).printJson(System.out);
        return 0;
    }
}
