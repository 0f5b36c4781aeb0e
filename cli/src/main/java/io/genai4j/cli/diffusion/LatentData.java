package io.genai4j.cli.diffusion;

import io.genai4j.engine.Tensor;
import io.genai4j.models.vae.ConvVae;
import io.genai4j.models.vae.VaeImages;
import io.genai4j.models.vision.Images;

/** The VAE latent means of the MNIST split's digits: the data of latent diffusion. */
final class LatentData {
    private LatentData() {}

    /** μ [N, latent] of the images, times scale. */
    static Tensor latents(ConvVae vae, Images images, float scale) {
        return VaeImages.means(vae, images).mul(scale);
    }

    /** 1/σ of all entries of μ: the factor that gives the latents unit variance. */
    static float unitScale(Tensor mu) {
        float[] d = mu.toArray();
        double m = 0, v = 0;
        for (float x : d) m += x;
        m /= d.length;
        for (float x : d) v += (x - m) * (x - m);
        return (float) (1 / Math.sqrt(v / d.length + 1e-12));
    }
}
