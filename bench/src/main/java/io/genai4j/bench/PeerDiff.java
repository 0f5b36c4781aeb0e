package io.genai4j.bench;

import java.util.Locale;

/**
 * How a benchmark's cross-check measures the distance between genai4j's numbers and a peer's on the
 * same inputs: relative to the largest value (gradients, logits), and for an optimizer step only
 * where the gradient is not near zero (AdamW's first step is lr·g/(|g| + ε), a sign: it turns a
 * rounding difference of a near-zero gradient into a whole lr, which says nothing about the step).
 */
final class PeerDiff {
    /** Entries whose |g| is below this fraction of the tensor's largest are left out of {@link #stepDifference}. */
    static final double STEP_FLOOR = 1e-2;

    /**
     * A gradient tensor whose largest |g| is below this fraction of the model's largest is rounding
     * noise around an exact zero: a key projection's bias, whose gradient vanishes because softmax
     * ignores a constant added to all of a query's scores. Such a tensor is measured against this
     * fraction of the model's largest gradient instead of its own largest value.
     */
    static final double NOISE_FLOOR = 1e-4;

    private PeerDiff() {}

    /** max |a − b| over max |b|. */
    static double maxRelative(float[] a, float[] b) {
        return maxRelative(a, b, 0);
    }

    /** max |a − b| over max(max |b|, floor). */
    static double maxRelative(float[] a, float[] b, double floor) {
        return maxAbs(a, b) / Math.max(Math.max(largest(b), floor), 1e-30);
    }

    /** max |a − b| over the entries whose gradient g is at least STEP_FLOOR of the largest. */
    static double stepDifference(float[] a, float[] b, float[] g) {
        return stepDifference(a, b, g, 0);
    }

    /** max |a − b| over the entries whose gradient g is at least STEP_FLOOR of max(largest |g|, floor). */
    static double stepDifference(float[] a, float[] b, float[] g, double floor) {
        sameLength(a, b);
        double bar = STEP_FLOOR * Math.max(largest(g), floor), m = 0;
        for (int i = 0; i < a.length; i++) if (Math.abs(g[i]) >= bar) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    /** max |x|. */
    static double largest(float[] xs) {
        double m = 0;
        for (float x : xs) m = Math.max(m, Math.abs(x));
        return m;
    }

    static double maxAbs(float[] a, float[] b) {
        sameLength(a, b);
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    /** Three significant digits, for a report field. */
    static double sci(double x) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.2e", x));
    }

    private static void sameLength(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalStateException("the peer returned " + b.length + " values for " + a.length);
    }
}
