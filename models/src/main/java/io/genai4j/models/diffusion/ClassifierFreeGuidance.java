package io.genai4j.models.diffusion;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.ops.F;
import java.util.Arrays;

/**
 * Classifier-free guidance (Ho &amp; Salimans 2022): one network learns both ε(x, c) and ε(x, ∅) by
 * seeing its label replaced by a null class with probability p during training; sampling then
 * extrapolates away from the unconditional prediction,
 * <pre>
 *   ε̃ = (1 + w)·ε(x_t, c) − w·ε(x_t, ∅)
 * </pre>
 * w = 0 is plain conditional sampling; larger w trades diversity for samples the label explains
 * better. Both predictions come from one batched forward pass of twice the rows.
 */
public final class ClassifierFreeGuidance {
    private ClassifierFreeGuidance() {}

    /** labels with each entry replaced by {@code nullClass} with probability p (one draw per row). */
    public static int[] dropLabels(int[] labels, double p, int nullClass, Rng rng) {
        int[] c = labels.clone();
        for (int i = 0; i < c.length; i++) if (rng.nextDouble() < p) c[i] = nullClass;
        return c;
    }

    /** The guided ε̃ for the rows' classes at weight w ≥ 0, as a sampler's noise model. */
    public static EpsilonModel guided(Denoising model, int[] classes, int nullClass, double w) {
        if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("--guidance must be a number >= 0, got " + w);
        if (w == 0) return (x, t) -> model.predictNoise(x, t, classes);
        int b = classes.length;
        int[] both = Arrays.copyOf(classes, 2 * b);
        Arrays.fill(both, b, 2 * b, nullClass);
        return (x, t) -> {
            int[] tt = Arrays.copyOf(t, 2 * b);
            System.arraycopy(t, 0, tt, b, b);
            Tensor eps = model.predictNoise(F.cat(0, x, x), tt, both);
            return combine(eps.narrow(0, 0, b), eps.narrow(0, b, b), w);
        };
    }

    /** (1 + w)·conditional − w·unconditional. */
    public static Tensor combine(Tensor conditional, Tensor unconditional, double w) {
        return conditional.mul((float) (1 + w)).sub(unconditional.mul((float) w));
    }
}
