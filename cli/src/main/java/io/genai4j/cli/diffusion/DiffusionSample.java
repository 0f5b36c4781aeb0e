package io.genai4j.cli.diffusion;

import io.genai4j.cli.JsonOption;
import io.genai4j.cli.Report;
import io.genai4j.cli.SeedOption;
import io.genai4j.course.generative.GenerativeGrids;
import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.io.Checkpoints;
import io.genai4j.engine.util.Rounding;
import io.genai4j.models.diffusion.LatentDiffusion;
import io.genai4j.models.diffusion.PixelDiffusion;
import io.genai4j.models.vae.ConvVae;
import io.genai4j.models.vae.VaeFile;
import io.genai4j.models.vae.VaeImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code genai diffusion sample}: images from the reverse process of a latent or pixel model, drawn as a grid. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sample with DDPM (all T steps) or DDIM (--steps) and draw a grid. A latent model's samples are decoded by --vae;",
                "a class-conditional pixel model draws --label (default: the digits 0-9 in turn) with classifier-free guidance --guidance."})
public final class DiffusionSample implements Callable<Integer> {
    @Option(names = "--model", defaultValue = DiffusionCommand.DEFAULT_MODEL, description = "Latent or pixel model file (default: ${DEFAULT-VALUE}).") Path model;
    @Option(names = "--vae", defaultValue = DiffusionCommand.DEFAULT_VAE, description = "The VAE a latent model was trained on (default: ${DEFAULT-VALUE}).") Path vaeFile;
    @Option(names = "--sampler", defaultValue = "ddim", description = "ddpm or ddim (default ${DEFAULT-VALUE}).") String sampler;
    @Option(names = "--steps", defaultValue = "50", description = "DDIM steps (default ${DEFAULT-VALUE}).") int steps;
    @Option(names = "--n", defaultValue = "40", description = "Samples (default ${DEFAULT-VALUE}).") int n;
    @Option(names = "--label", paramLabel = "D", description = "Pixel model: the digit to draw (default: 0-9 in turn).") Integer label;
    @Option(names = "--guidance", paramLabel = "W", defaultValue = "0", description = "Pixel model: guidance weight w >= 0 (default ${DEFAULT-VALUE}).") double guidance;
    @Mixin SeedOption seed = new SeedOption(1);
    @Option(names = "--png", defaultValue = "runs/diffusion-samples.png", description = "Picture (default: ${DEFAULT-VALUE}).") Path png;
    @Mixin JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (n < 1) throw new IllegalArgumentException("--n must be >= 1, got " + n);
        boolean pixel = Files.isRegularFile(model) && PixelDiffusion.FORMAT.equals(Checkpoints.metadata(model).get("format"));
        String how = sampler.equals("ddpm") ? "DDPM, all steps" : "DDIM, " + steps + " steps";
        long t0 = System.nanoTime();
        String title;
        float[][] images;
        int side, total;
                if (pixel) {
            PixelDiffusion pd = PixelDiffusion.load(model);
            if (label != null && (label < 0 || label > 9)) throw new IllegalArgumentException("--label must be a digit 0-9, got " + label);
            if (!pd.conditional() && label != null) throw new IllegalArgumentException(model + " is an unconditional model: it takes no --label");
            int[] labels = pd.labelsInTurn(n);
            if (label != null) java.util.Arrays.fill(labels, label);
            images = VaeImages.rows(pd.sample(n, labels, guidance, sampler, steps, new Rng(seed.value())));
            side = pd.unet.config.imageSize();
            total = pd.schedule().steps();
            title = "Pixel diffusion (U-Net, " + how + (pd.conditional() ? ", guidance w = " + guidance : "") + ")";
        } else {
            if (label != null || guidance != 0) throw new IllegalArgumentException("--label and --guidance need a class-conditional pixel model (genai diffusion train --space pixel)");
            LatentDiffusion ld = LatentDiffusion.load(model);
            ConvVae vae = VaeFile.load(vaeFile);
            if (vae.config.latent() != ld.denoiser.config.latent()) {
                throw new IllegalArgumentException(vaeFile + ": field 'latent' is " + vae.config.latent() + " but " + model + " models " + ld.denoiser.config.latent() + " latent dimensions");
            }
            Tensor z = ld.sample(n, sampler, steps, new Rng(seed.value()));
            try (Grad g = Grad.off()) {
                images = VaeImages.rows(vae.decodeProbabilities(z));
            }
            side = vae.config.imageSize();
            total = ld.schedule.steps();
            title = "Latent diffusion (" + ld.schedule.kind() + " β, " + how + "), decoded by the VAE";
        }
        double perImage = (System.nanoTime() - t0) / 1e9 / n;
        Path written = GenerativeGrids.samples(png, title, images, null, side, 10);
        System.out.printf(Locale.ROOT, "%d samples (%s): %.1f ms per image; picture: %s%n", n, how, 1000 * perImage, written);
        if (json.on()) {
            Report rep = new Report().put("png", written.toString()).put("space", pixel ? "pixel" : "latent").put("sampler", sampler);
            rep.put("steps", sampler.equals("ddpm") ? total : steps);
            if (pixel) rep.put("guidance", guidance);
            rep.put("seconds_per_image", Rounding.places(perImage, 5)).printJson(System.out);
        }
        return 0;
    }
}
