package io.genai4j.cli.generative;

import io.genai4j.engine.Rng;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.diffusion.LatentDiffusion;
import io.genai4j.models.diffusion.PixelDiffusion;
import io.genai4j.models.gan.Gan;
import io.genai4j.models.gan.GanFile;
import io.genai4j.models.generative.DigitScale;
import io.genai4j.models.generative.ModelFile;
import io.genai4j.models.vae.ConvVae;
import io.genai4j.models.vae.VaeFile;
import io.genai4j.models.vae.VaeImages;
import java.io.IOException;
import java.nio.file.Path;

/** Loads each kind of model file and measures it on the scale: n samples from seed, the cost from the file's train metadata. */
public final class ScaleModels {
    private ScaleModels() {}

    public static ScaleRow gan(Path file, DigitScale scale, int n, long seed) throws IOException {
        Gan gan = GanFile.load(file);
        return ScaleRow.measure("GAN", scale, n, k -> gan.sample(k, new Rng(seed)), trainCpu(file), gan.generator.numParameters());
    }

    public static ScaleRow vae(Path file, DigitScale scale, int n, long seed) throws IOException {
        ConvVae vae = VaeFile.load(file);
        return ScaleRow.measure("VAE", scale, n, k -> VaeImages.prior(vae, k, new Rng(seed)), trainCpu(file), vae.decoder.numParameters());
    }

    /** Latent diffusion decoded by its VAE: the cost and the parameters sampling needs include the VAE's. */
    public static ScaleRow latentDiffusion(Path file, Path vaeFile, String sampler, int steps, DigitScale scale, int n, long seed) throws IOException {
        LatentDiffusion ld = LatentDiffusion.load(file);
        ConvVae vae = VaeFile.load(vaeFile);
        if (vae.config.latent() != ld.denoiser.config.latent()) {
            throw new IllegalArgumentException(vaeFile + ": field 'latent' is " + vae.config.latent() + " but " + file + " models " + ld.denoiser.config.latent() + " latent dimensions");
        }
        String name = "latent diffusion " + (sampler.equals("ddpm") ? "DDPM " + ld.schedule.steps() : "DDIM " + steps);
        return ScaleRow.measure(name, scale, n, k -> {
            try (Grad g = Grad.off()) {
                return VaeImages.rows(vae.decodeProbabilities(ld.sample(k, sampler, steps, new Rng(seed))));
            }
        }, trainCpu(file) + trainCpu(vaeFile), ld.denoiser.numParameters() + vae.decoder.numParameters());
    }

    /**
     * Pixel-space diffusion; a class-conditional model draws the digits 0-9 in turn with guidance w
     * (conditional sampling with uniform labels, so the row models the same digits as the others).
     */
    public static ScaleRow pixelDiffusion(Path file, String sampler, int steps, double guidance, DigitScale scale, int n, long seed) throws IOException {
        PixelDiffusion pd = PixelDiffusion.load(file);
        String name = "pixel diffusion " + (sampler.equals("ddpm") ? "DDPM " + pd.schedule().steps() : "DDIM " + steps) + (pd.conditional() ? " w=" + guidance : "");
        return ScaleRow.measure(name, scale, n, k -> VaeImages.rows(pd.sample(k, pd.labelsInTurn(k), guidance, sampler, steps, new Rng(seed))),
                trainCpu(file), pd.numParameters());
    }

    /** The "cpu_seconds" of a model file's train metadata (NaN when absent). */
    static double trainCpu(Path file) throws IOException {
        return ModelFile.header(file).train().get("cpu_seconds") instanceof Number c ? c.doubleValue() : Double.NaN;
    }
}
