package io.genai4j.models.vae;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.vision.Images;

/**
 * What a trained VAE makes, as pixel probabilities σ(logits) in [0, 1], one float[H·W] per image:
 * samples from the prior, reconstructions (decoded μ, no noise), straight-line interpolations between
 * two images' μ, and the μ of many images (a map of the latent space when it is 2-D).
 */
public final class VaeImages {
    private VaeImages() {}

    /** n images decoded from z ~ N(0, I). */
    public static float[][] prior(ConvVae vae, int n, Rng rng) {
        try (Grad g = Grad.off()) {
            return rows(vae.decodeProbabilities(Tensor.randn(rng, n, vae.config.latent())));
        }
    }

    /** Each image decoded from its posterior mean. */
    public static float[][] reconstruct(ConvVae vae, Images images) {
        try (Grad g = Grad.off()) {
            return rows(vae.decodeProbabilities(means(vae, images)));
        }
    }

    /** steps images decoded from μ_a + t·(μ_b − μ_a), t = 0 … 1, for images a and b. */
    public static float[][] interpolate(ConvVae vae, Images images, int a, int b, int steps) {
        if (steps < 2) throw new IllegalArgumentException("an interpolation needs at least 2 steps, got " + steps);
        try (Grad g = Grad.off()) {
            float[] mu = means(vae, images.subset(new int[] {a, b})).toArray();
            int l = vae.config.latent();
            float[] z = new float[steps * l];
            for (int s = 0; s < steps; s++) {
                float t = (float) s / (steps - 1);
                for (int j = 0; j < l; j++) z[s * l + j] = mu[j] + t * (mu[l + j] - mu[j]);
            }
            return rows(vae.decodeProbabilities(Tensor.of(z, steps, l)));
        }
    }

    /** μ [N, latent] of the images, in batches, evaluation mode. */
    public static Tensor means(ConvVae vae, Images images) {
        boolean was = vae.isTraining();
        vae.eval();
        int l = vae.config.latent();
        float[] mu = new float[images.size() * l];
        try (Grad g = Grad.off()) {
            for (int from = 0; from < images.size(); from += 500) {      // batches bound the im2col buffers
                int n = Math.min(500, images.size() - from);
                float[] m = vae.encode(images.range(from, from + n).batch(VaeEvaluation.all(n))).mu().contiguous().toArray();
                System.arraycopy(m, 0, mu, from * l, m.length);
            }
            return Tensor.of(mu, images.size(), l);
        } finally {
            vae.train(was);
        }
    }

    /** [N, ...] → N rows of the remaining elements. */
    public static float[][] rows(Tensor t) {
        int n = t.size(0), per = t.numel() / Math.max(1, n);
        float[] d = t.toArray();
        float[][] out = new float[n][per];
        for (int i = 0; i < n; i++) System.arraycopy(d, i * per, out[i], 0, per);
        return out;
    }
}
