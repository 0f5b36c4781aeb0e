package io.genai4j.models.diffusion;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.util.Printable;

/**
 * The forward process: β_t for t = 1..T, α_t = 1 − β_t, ᾱ_t = Π_{s≤t} α_s (index t−1 in the arrays).
 * <pre>
 *   linear (Ho et al. 2020):        β_t from 1e−4 to 0.02, evenly spaced (for T = 1000; scaled by 1000/T)
 *   cosine (Nichol &amp; Dhariwal 2021): ᾱ_t = f(t)/f(0), f(t) = cos²(((t/T) + s)/(1 + s)·π/2), s = 0.008,
 *                                    β_t = 1 − ᾱ_t/ᾱ_{t−1} clipped to 0.999
 * </pre>
 */
public record NoiseSchedule(String kind, double[] betas, double[] alphaBars) {

    public static NoiseSchedule of(String kind, int steps) {
        if (steps < 2) throw new IllegalArgumentException("diffusion needs at least 2 steps, got " + steps);
        return switch (kind) {
            case "linear" -> linear(steps);
            case "cosine" -> cosine(steps);
            default -> throw new IllegalArgumentException("--schedule must be linear or cosine, got " + Printable.of(kind));
        };
    }

    public static NoiseSchedule linear(int steps) {
        double scale = 1000.0 / steps, lo = scale * 1e-4, hi = scale * 0.02;
        double[] b = new double[steps];
        for (int t = 0; t < steps; t++) b[t] = lo + (hi - lo) * t / (steps - 1);
        return fromBetas("linear", b);
    }

    public static NoiseSchedule cosine(int steps) {
        double s = 0.008;
        double[] b = new double[steps];
        for (int t = 1; t <= steps; t++) b[t - 1] = Math.min(0.999, 1 - f(t, steps, s) / f(t - 1, steps, s));
        return fromBetas("cosine", b);
    }

    private static double f(int t, int steps, double s) {
        double c = Math.cos(((double) t / steps + s) / (1 + s) * Math.PI / 2);
        return c * c;
    }

    private static NoiseSchedule fromBetas(String kind, double[] b) {
        double[] ab = new double[b.length];
        double p = 1;
        for (int t = 0; t < b.length; t++) ab[t] = p *= 1 - b[t];
        return new NoiseSchedule(kind, b, ab);
    }

    public int steps() {
        return betas.length;
    }

    /**
     * x_t = √ᾱ_t·x_0 + √(1 − ᾱ_t)·ε for rows x_0 [B, ...] at their own t (1-based) and noise ε of
     * the same shape: one jump instead of t noising steps.
     */
    public Tensor noised(Tensor x0, int[] t, Tensor eps) {
        int b = x0.size(0), per = x0.numel() / b;
        float[] a = new float[b * per], s = new float[b * per];
        for (int i = 0; i < b; i++) {
            double ab = alphaBars[t[i] - 1];
            java.util.Arrays.fill(a, i * per, (i + 1) * per, (float) Math.sqrt(ab));
            java.util.Arrays.fill(s, i * per, (i + 1) * per, (float) Math.sqrt(1 - ab));
        }
        return x0.mul(Tensor.of(a, x0.shape())).add(eps.mul(Tensor.of(s, x0.shape())));
    }
}
