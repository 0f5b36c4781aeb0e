package io.genai4j.engine.quant;

import static io.genai4j.engine.quant.Lanes.F;
import static io.genai4j.engine.quant.Lanes.I;
import static io.genai4j.engine.quant.Lanes.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;

/**
 * IEEE half floats to float vectors, for F16 weights and F16 KV caches. The Vector API of JDK 25
 * has no half-to-float conversion, and a scalar {@link Float#float16ToFloat} loop is several times
 * too slow, so lanes are widened with integer operations:
 * <pre>
 *   m = h & 0x7FFF;   f = asFloat(m << 13) · 2^112;   f |= sign(h) << 31
 * </pre>
 * Shifting exponent and mantissa into float position and scaling by 2^(127−15) is exact for normal
 * and subnormal halves (the subnormal becomes a float subnormal that the multiply normalizes). It
 * is wrong only for Inf and NaN (exponent 31, m ≥ 0x7C00): callers check the largest m and take
 * the scalar conversion for those rare vectors, a maximum per vector instead of a compare and blend
 * in every lane (measured: the masked form halved the kernel's speed).
 */
public final class HalfVectors {
    private HalfVectors() {}

    /** Halves with m at or above this are Inf or NaN. */
    public static final int EXP_ALL_ONES = 0x7C00;

    /** Lanes per vector. */
    public static final int LANES = Lanes.L;

    /** Finite halves, sign-extended to int lanes, to floats (see the class comment). */
    static FloatVector widen(IntVector h) {
        FloatVector mag = h.and(0x7FFF).lanewise(VectorOperators.LSHL, 13).reinterpretAsFloats().mul(0x1p112f);
        return mag.reinterpretAsInts().or(h.and(0x80000000)).reinterpretAsFloats();
    }

    /** LANES halves from a[off..] as floats, exactly (Inf and NaN included). */
    public static FloatVector load(short[] a, int off) {
        IntVector h = (IntVector) ShortVector.fromArray(S, a, off).convertShape(VectorOperators.S2I, I, 0);
        if (h.and(0x7FFF).reduceLanes(VectorOperators.MAX) < EXP_ALL_ONES) return widen(h);
        float[] f = new float[LANES];
        for (int i = 0; i < LANES; i++) f[i] = Float.float16ToFloat(a[off + i]);
        return FloatVector.fromArray(F, f, 0);
    }
}
