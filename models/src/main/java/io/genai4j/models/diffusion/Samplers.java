package io.genai4j.models.diffusion;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import io.genai4j.engine.util.Printable;

/**
 * The reverse process, from x_T ~ N(0, I) to x_0 (no graph recorded). Both samplers go through the
 * predicted clean sample x̂_0 = (x_t − √(1 − ᾱ_t)·ε̂)/√ᾱ_t, clipped to ±{@code clip} (the data's
 * range; Ho et al.'s "clip_denoised"): near t = T, ᾱ_t is almost 0 (the cosine schedule's ᾱ_T is
 * ~1e−6) and dividing by √ᾱ_t would blow a small error in ε̂ up a thousandfold. Without clipping
 * (clip = ∞) the formulas are exactly those of the papers:
 * <pre>
 *   DDPM (Ho et al. 2020, eq. 7), t = T … 1:
 *     x_{t−1} = √ᾱ_{t−1}·β_t/(1 − ᾱ_t)·x̂_0 + √α_t·(1 − ᾱ_{t−1})/(1 − ᾱ_t)·x_t + σ_t·z,
 *     σ_t² = β̃_t = β_t·(1 − ᾱ_{t−1})/(1 − ᾱ_t),  z = 0 at t = 1
 *   DDIM (Song et al. 2021, η = 0) over a subsequence τ_S = T > … > τ_1 = 1 of the steps:
 *     ε̂' = (x_τ − √ᾱ_τ·x̂_0)/√(1 − ᾱ_τ),   x_τ' = √ᾱ_τ'·x̂_0 + √(1 − ᾱ_τ')·ε̂'   (ᾱ = 1 after the last)
 * </pre>
 * DDIM is deterministic given x_T and needs far fewer steps than DDPM's T.
 */
public final class Samplers {
    private Samplers() {}

    /** "ddpm" or "ddim" with {@code steps} steps (DDPM always uses all T). */
    public static Tensor sample(String sampler, NoiseSchedule s, EpsilonModel model, int steps, double clip, Rng rng, int... shape) {
        return switch (sampler) {
            case "ddpm" -> ddpm(s, model, clip, rng, shape);
            case "ddim" -> ddim(s, model, steps, clip, rng, shape);
            default -> throw new IllegalArgumentException("--sampler must be ddpm or ddim, got " + Printable.of(sampler));
        };
    }

    public static Tensor ddpm(NoiseSchedule s, EpsilonModel model, double clip, Rng rng, int... shape) {
        try (Grad g = Grad.off()) {
            Tensor x = Tensor.randn(rng, shape);
            int b = shape[0];
            for (int t = s.steps(); t >= 1; t--) {
                double beta = s.betas()[t - 1], ab = s.alphaBars()[t - 1], abPrev = t > 1 ? s.alphaBars()[t - 2] : 1;
                Tensor x0 = predictX0(x, model.predict(x, fill(b, t)), ab, clip);
                x = x0.mul((float) (Math.sqrt(abPrev) * beta / (1 - ab))).add(x.mul((float) (Math.sqrt(1 - beta) * (1 - abPrev) / (1 - ab))));
                if (t > 1) x = x.add(Tensor.randn(rng, shape).mul((float) Math.sqrt(beta * (1 - abPrev) / (1 - ab))));
            }
            return x;
        }
    }

    public static Tensor ddim(NoiseSchedule s, EpsilonModel model, int steps, double clip, Rng rng, int... shape) {
        int[] tau = subsequence(s.steps(), steps);
        try (Grad g = Grad.off()) {
            Tensor x = Tensor.randn(rng, shape);
            int b = shape[0];
            for (int i = tau.length - 1; i >= 0; i--) {
                int t = tau[i];
                double ab = s.alphaBars()[t - 1], abPrev = i > 0 ? s.alphaBars()[tau[i - 1] - 1] : 1;
                Tensor x0 = predictX0(x, model.predict(x, fill(b, t)), ab, clip);
                Tensor eps = x.sub(x0.mul((float) Math.sqrt(ab))).div((float) Math.sqrt(1 - ab));
                x = x0.mul((float) Math.sqrt(abPrev)).add(eps.mul((float) Math.sqrt(1 - abPrev)));
            }
            return x;
        }
    }

    /** x̂_0 = (x_t − √(1 − ᾱ)·ε̂)/√ᾱ, each element clipped to [−clip, clip]. */
    static Tensor predictX0(Tensor x, Tensor eps, double ab, double clip) {
        float[] x0 = x.sub(eps.mul((float) Math.sqrt(1 - ab))).div((float) Math.sqrt(ab)).toArray();
        float c = (float) clip;
        for (int i = 0; i < x0.length; i++) x0[i] = Math.clamp(x0[i], -c, c);
        return Tensor.of(x0, x.shape());
    }
    /** {@code steps} steps evenly spread over 1..T, increasing, always ending at T. */
    static int[] subsequence(int total, int steps) {
        if (steps < 1 || steps > total) throw new IllegalArgumentException("--steps must be in 1.." + total + ", got " + steps);
        int[] tau = new int[steps];
        for (int i = 0; i < steps; i++) tau[i] = steps == 1 ? total : 1 + (int) Math.round((double) (total - 1) * i / (steps - 1));
        return tau;
    }

    private static int[] fill(int n, int t) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, t);
        return a;
    }
}
