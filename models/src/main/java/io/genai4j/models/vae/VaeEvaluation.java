package io.genai4j.models.vae;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.models.vision.Images;

/**
 * The ELBO of a set of images, in nats per image, with one z per image drawn from a fixed seed (so
 * the figure is reproducible); evaluation mode, no graph.
 */
public final class VaeEvaluation {
    /** Mean reconstruction (−E_q log p(x|z)) and KL terms; −ELBO is their sum. */
    public record Score(double reconstruction, double kl, int images) {
        public double negativeElbo() {
            return reconstruction + kl;
        }
    }

    private static final int BATCH = 250;

    private VaeEvaluation() {}

    public static Score score(ConvVae vae, Images images, long seed) {
        if (images.size() == 0) throw new IllegalArgumentException("no images to evaluate the VAE on");
        boolean was = vae.isTraining();
        vae.eval();
        Rng rng = new Rng(seed);
        double rec = 0, kl = 0;
        try (Grad g = Grad.off()) {
            for (int from = 0; from < images.size(); from += BATCH) {
                int n = Math.min(BATCH, images.size() - from);
                Tensor x = images.range(from, from + n).batch(all(n));
                Elbo e = Elbo.of(vae.forward(x, rng), x, 1f);
                rec += e.reconstruction() * n;
                kl += e.kl() * n;
            }
        } finally {
            vae.train(was);
        }
        return new Score(rec / images.size(), kl / images.size(), images.size());
    }

    static int[] all(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        return idx;
    }
}
