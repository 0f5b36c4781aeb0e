package io.genai4j.engine.nn;

import io.genai4j.engine.Rng;
import io.genai4j.engine.Tensor;
import java.util.Arrays;

/** Seeded in-place initialisers for parameters. */
public final class Init {
    private Init() {}

    /** N(mean, std²). */
    public static Tensor normal(Tensor t, double mean, double std, Rng rng) {
        float[] d = t.data();
        for (int i = 0; i < t.numel(); i++) d[t.offset() + i] = (float) (mean + std * rng.nextGaussian());
        return t;
    }

    /** U(lo, hi). */
    public static Tensor uniform(Tensor t, double lo, double hi, Rng rng) {
        float[] d = t.data();
        for (int i = 0; i < t.numel(); i++) d[t.offset() + i] = (float) (lo + (hi - lo) * rng.nextDouble());
        return t;
    }

    public static Tensor constant(Tensor t, float value) {
        Arrays.fill(t.data(), t.offset(), t.offset() + t.numel(), value);
        return t;
    }

    /** Glorot/Xavier uniform: U(±√(6/(fan_in + fan_out))) for a weight [fan_out, fan_in, ...]. */
    public static Tensor xavierUniform(Tensor t, Rng rng) {
        double a = Math.sqrt(6.0 / (fanIn(t) + fanOut(t)));
        return uniform(t, -a, a, rng);
    }

    /** He/Kaiming normal for ReLU nets: N(0, 2/fan_in). */
    public static Tensor kaimingNormal(Tensor t, Rng rng) {
        return normal(t, 0, Math.sqrt(2.0 / fanIn(t)), rng);
    }

    /**
     * Kaiming uniform with negative slope a: U(±gain·√(3/fan_in)), gain = √(2/(1+a²)). PyTorch's
     * default for Linear uses a = √5, which gives U(±1/√fan_in).
     */
    public static Tensor kaimingUniform(Tensor t, double a, Rng rng) {
        double bound = Math.sqrt(2.0 / (1 + a * a)) * Math.sqrt(3.0 / fanIn(t));
        return uniform(t, -bound, bound, rng);
    }

    /** fan_in of a weight [out, in, k...] = in·Πk. */
    public static int fanIn(Tensor t) {
        if (t.dim() < 2) return t.numel();
        int f = t.size(1);
        for (int i = 2; i < t.dim(); i++) f *= t.size(i);
        return f;
    }

    /** fan_out of a weight [out, in, k...] = out·Πk. */
    public static int fanOut(Tensor t) {
        if (t.dim() < 2) return t.numel();
        int f = t.size(0);
        for (int i = 2; i < t.dim(); i++) f *= t.size(i);
        return f;
    }
}
