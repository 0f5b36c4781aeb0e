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

/** IEEE half floats, widened in registers by {@link HalfVectors}' integer trick. */
final class F16Rows implements RowKernel {
    static final F16Rows INSTANCE = new F16Rows();
    private static final int EXP_ALL_ONES = HalfVectors.EXP_ALL_ONES;

    /**
     * Two vectors per step. Kernels are kept this small on purpose: C2 stops inlining a method's
     * callees past a node budget, the Vector API spends that budget fast, and a vector handed to a
     * call that was not inlined is boxed on the heap (measured: a 4× unrolled loop here ran at a
     * third of the speed).
     */
    @Override
    public float dot(MemorySegment w, long off, float[] x, int xOff, int n) {
        if (n % (2 * L) != 0) return scalarDot(w, off, x, xOff, n);
        FloatVector a0 = FloatVector.zero(F), a1 = a0;
        IntVector big = IntVector.zero(I);
        for (int i = 0; i < n; i += 2 * L) {
            long o = off + 2L * i;
            IntVector h0 = halves(w, o), h1 = halves(w, o + 2L * L);
            big = big.max(h0.and(0x7FFF)).max(h1.and(0x7FFF));
            a0 = HalfVectors.widen(h0).fma(FloatVector.fromArray(F, x, xOff + i), a0);
            a1 = HalfVectors.widen(h1).fma(FloatVector.fromArray(F, x, xOff + i + L), a1);
        }
        if (big.reduceLanes(VectorOperators.MAX) >= EXP_ALL_ONES) return scalarDot(w, off, x, xOff, n);
        return Lanes.sum(a0.add(a1));
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
            HalfVectors.widen(h).intoArray(y, yOff + i);
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
}
