package io.genai4j.engine.util;

/**
 * The one way figures are rounded for reports and JSON. {@code Math.round(x * 1e4) / 1e4} turns NaN
 * into 0.0 and infinity into 9.2e14, so a diverged run would report a perfect loss; these helpers
 * keep a value that is not finite as it is, for the report writer to show as missing.
 */
public final class Rounding {
    private static final double[] SCALE = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private Rounding() {}

    /** x rounded half up to {@code digits} decimals (0..9); NaN and infinities come back unchanged. */
    public static double places(double x, int digits) {
        if (digits < 0 || digits >= SCALE.length) throw new IllegalArgumentException("digits must be 0..9, got " + digits);
        if (!Double.isFinite(x)) return x;
        double s = SCALE[digits], scaled = x * s;
        // Past 2^52 a double has no fraction left to round (and Math.round would saturate at 2^63).
        if (Math.abs(scaled) >= 0x1p52) return x;
        return Math.round(scaled) / s;
    }

    /** x rounded to a whole number, as a Long so JSON shows {@code 1234}; a value that is not finite stays a Double. */
    public static Number whole(double x) {
        if (!Double.isFinite(x) || Math.abs(x) >= 0x1p62) return x;
        return Math.round(x);
    }
}
