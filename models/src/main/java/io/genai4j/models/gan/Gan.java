package io.genai4j.models.gan;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.nn.Module;
import io.genai4j.models.generative.ConvConfig;

/**
 * A generator and its discriminator in one module tree, so one file holds both ({@code generator.*},
 * {@code discriminator.*}). Pixels are [0, 1] outside and [−1, 1] inside (the generator's tanh range).
 */
public final class Gan extends Module {
    public final ConvConfig config;
    public final Generator generator;
    public final Discriminator discriminator;

    public Gan(ConvConfig c, Rng rng) {
        this.config = c;
        generator = add("generator", new Generator(c, rng));
        discriminator = add("discriminator", new Discriminator(c, rng));
    }

    /** Pixels in [0, 1] → [−1, 1]. */
    public static Tensor toModelRange(Tensor images) {
        return images.mul(2f).sub(1f);
    }

    /** n images generated from z ~ N(0, I) drawn from rng, as pixels in [0, 1], in evaluation mode (BatchNorm's running statistics). */
    public float[][] sample(int n, Rng rng) {
        return generate(Tensor.randn(rng, n, config.latent()));
    }

    /** The images of the given noise [N, latent], pixels in [0, 1], evaluation mode, no graph. */
    public float[][] generate(Tensor z) {
        boolean was = generator.isTraining();
        generator.eval();
        try (Grad g = Grad.off()) {
            float[] px = generator.forward(z).toArray();
            int n = z.size(0), per = px.length / n;
            float[][] out = new float[n][per];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < per; j++) out[i][j] = (px[i * per + j] + 1f) / 2f;
            }
            return out;
        } finally {
            generator.train(was);
        }
    }
}
