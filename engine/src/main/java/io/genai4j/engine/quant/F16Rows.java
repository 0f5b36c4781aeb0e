package io.genai4j.engine.quant;

import static io.genai4j.engine.quant.Lanes.F;
import static io.genai4j.engine.quant.Lanes.I;
import static io.genai4j.engine.quant.Lanes.L;
import static io.genai4j.engine.quant.Lanes.LE;
import static io.genai4j.engine.quant.Lanes.S;
import static io.genai4j.engine.quant.Lanes.SHORT;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;

/**
 * IEEE half floats. The Vector API of JDK 25 has no half-to-float conversion, and a scalar
 * {@link Float#float16ToFloat} loop is several times too slow, so lanes are widened with integer
 * operations:
 * <pre>
 *   m = h & 0x7FFF;   f = asFloat(m << 13) · 2^112;   f |= sign(h) << 31
 * </pre>
 * Shifting exponent and mantissa into float position and scaling by 2^(127−15) is exact for normal
 * and subnormal halves (the subnormal becomes a float subnormal that the multiply normalizes). It
 * is wrong only for Inf and NaN (exponent 31), so the kernels track the largest m of a row and redo
 * a row that holds one with the exact scalar conversion: a maximum per vector instead of a compare
 * and blend.
 */
final class F16Rows implements RowKernel {
    static final F16Rows INSTANCE = new F16Rows();
    private static final int EXP_ALL_ONES = 0x7C00;

    @Override
    public float dot(MemorySegment w, long off, float[] x, int xOff, int n) {
        FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
        IntVector big = IntVector.zero(I);
        int i = 0;
        for (; i <= n - 4 * L; i += 4 * L) {
            long o = off + 2L * i;
            IntVector h0 = halves(w, o), h1 = halves(w, o + 2L * L), h2 = halves(w, o + 4L * L), h3 = halves(w, o + 6L * L);
            big = big.max(h0.and(0x7FFF).max(h1.and(0x7FFF))).max(h2.and(0x7FFF).max(h3.and(0x7FFF)));
            a0 = widen(h0).fma(FloatVector.fromArray(F, x, xOff + i), a0);
            a1 = widen(h1).fma(FloatVector.fromArray(F, x, xOff + i + L), a1);
            a2 = widen(h2).fma(FloatVector.fromArray(F, x, xOff + i + 2 * L), a2);
            a3 = widen(h3).fma(FloatVector.fromArray(F, x, xOff + i + 3 * L), a3);
        }
        for (; i <= n - L; i += L) {
            IntVector h = halves(w, off + 2L * i);
            big = big.max(h.and(0x7FFF));
            a0 = widen(h).fma(FloatVector.fromArray(F, x, xOff + i), a0);
        }
        if (big.reduceLanes(VectorOperators.MAX) >= EXP_ALL_ONES) return scalarDot(w, off, x, xOff, n);
        float s = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) s += Lanes.f16(w, off + 2L * i) * x[xOff + i];
        return s;
    }

    private static float scalarDot(MemorySegment w, long off, float[] x, int xOff, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) s += Lanes.f16(w, off + 2L * i) * x[xOff + i];
        return s;
    }

    @Override
    public void decode(MemorySegment w, long off, float[] y, int yOff, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            IntVector h = halves(w, off + 2L * i);
            widen(h).intoArray(y, yOff + i);
            if (h.and(0x7FFF).reduceLanes(VectorOperators.MAX) >= EXP_ALL_ONES) {
                for (int j = i; j < i + L; j++) y[yOff + j] = Lanes.f16(w, off + 2L * j);
            }
        }
        for (; i < n; i++) y[yOff + i] = Lanes.f16(w, off + 2L * i);
    }

    /** L halves, sign-extended to ints (so bit 31 is the sign). */
    static IntVector halves(MemorySegment w, long off) {
        return (IntVector) ShortVector.fromMemorySegment(S, w, off, LE).convertShape(VectorOperators.S2I, I, 0);
    }

    /** Finite halves (sign-extended) to floats; see the class comment. */
    static FloatVector widen(IntVector h) {
        FloatVector mag = h.and(0x7FFF).lanewise(VectorOperators.LSHL, 13).reinterpretAsFloats().mul(0x1p112f);
        return mag.reinterpretAsInts().or(h.and(0x80000000)).reinterpretAsFloats();
    }
}
