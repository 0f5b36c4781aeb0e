package io.genai4j.models.diffusion;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.nn.Module;
import io.genai4j.models.generative.ModelFile;
import io.genai4j.models.train.ConfigFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Diffusion in a VAE's latent space: the VAE's latent means, multiplied by {@code scale} so they
 * have unit variance (as Stable Diffusion scales its latents), are the data x_0; samples are divided
 * by it again before the VAE decodes them.
 */
public final class LatentDiffusion extends Module implements Denoising {
    public static final String FORMAT = "genai4j-latent-diffusion";

    public final LatentDenoiser denoiser;
    public final NoiseSchedule schedule;
    public final float scale;

    /** x̂_0 is clipped to ±CLIP in the scaled units (unit variance): 4 standard deviations hold every latent. */
    static final double CLIP = 4;

    public LatentDiffusion(LatentDenoiser.Config c, String schedule, float scale, Rng rng) {
        if (!(scale > 0) || !Float.isFinite(scale)) throw new IllegalArgumentException("field 'scale' must be a positive number, got " + scale);
        this.denoiser = add("denoiser", new LatentDenoiser(c, rng));
        this.schedule = NoiseSchedule.of(schedule, c.steps());
        this.scale = scale;
    }

    /** n latent vectors [n, latent] in the VAE's units, by "ddpm" or "ddim" with {@code steps} steps. */
    public Tensor sample(int n, String sampler, int steps, Rng rng) {
        boolean was = isTraining();
        eval();
        try (Grad g = Grad.off()) {
            return Samplers.sample(sampler, schedule, denoiser::forward, steps, CLIP, rng, n, denoiser.config.latent()).div(scale);
        } finally {
            train(was);
        }
    }

    @Override
    public NoiseSchedule schedule() {
        return schedule;
    }

    /** Unconditional: classes must be null. */
    @Override
    public Tensor predictNoise(Tensor xt, int[] t, int[] classes) {
        if (classes != null) throw new IllegalArgumentException("latent diffusion is unconditional: it takes no classes");
        return denoiser.forward(xt, t);
    }

    public Map<String, Object> configMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        LatentDenoiser.Config c = denoiser.config;
        m.put("latent", c.latent());
        m.put("hidden", c.hidden());
        m.put("depth", c.depth());
        m.put("steps", c.steps());
        m.put("schedule", schedule.kind());
        m.put("scale", scale);
        return m;
    }

    public void save(Path file, Map<String, Object> train) throws IOException {
        ModelFile.save(file, FORMAT, this, configMap(), train);
    }

    public static LatentDiffusion load(Path file) throws IOException {
        return ModelFile.load(file, FORMAT, "train one with `genai diffusion train --out FILE`", h -> {
            Map<String, Object> m = h.config();
            return new LatentDiffusion(new LatentDenoiser.Config(ConfigFields.num(m, "latent"), ConfigFields.num(m, "hidden"), ConfigFields.num(m, "depth"), ConfigFields.num(m, "steps")),
                    String.valueOf(m.get("schedule")), (float) ConfigFields.dbl(m, "scale"), new Rng(0));
        });
    }
}
