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

/** bfloat16: the top 16 bits of an F32, so widening is a shift (exact for every value, NaN and Inf included). */
final class Bf16Rows implements RowKernel {
    static final Bf16Rows INSTANCE = new Bf16Rows();

    static FloatVector load(MemorySegment w, long off) {
        IntVector i = (IntVector) ShortVector.fromMemorySegment(S, w, off, LE).convertShape(VectorOperators.S2I, I, 0);
        return i.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats();
    }

    /** Rows [r0, r1): each class keeps its own copy of this loop so that C2 compiles it with this kernel alone. */
    @Override
    public void dotRows(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int n, float[] y, int yOff) {
        for (int r = r0; r < r1; r++) y[yOff + r - r0] = dot(w, r * rowBytes, x, xOff, n);
    }

    /** Two vectors per step, kept small for C2's inlining budget (see {@link F16Rows#dot}). */
    @Override
    public float dot(MemorySegment w, long off, float[] x, int xOff, int n) {
        if (n % (2 * L) != 0) return scalarDot(w, off, x, xOff, n);
        FloatVector a0 = FloatVector.zero(F), a1 = a0;
        for (int i = 0; i < n; i += 2 * L) {
            long o = off + 2L * i;
            a0 = load(w, o).fma(FloatVector.fromArray(F, x, xOff + i), a0);
            a1 = load(w, o + 2L * L).fma(FloatVector.fromArray(F, x, xOff + i + L), a1);
        }
        return Lanes.sum(a0.add(a1));
    }

    private static float scalarDot(MemorySegment w, long off, float[] x, int xOff, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) s += scalar(w, off + 2L * i) * x[xOff + i];
        return s;
    }

    @Override
    public void decode(MemorySegment w, long off, float[] y, int yOff, int n) {
        int i = 0;
        for (; i <= n - L; i += L) load(w, off + 2L * i).intoArray(y, yOff + i);
        for (; i < n; i++) y[yOff + i] = scalar(w, off + 2L * i);
    }

    private static float scalar(MemorySegment w, long off) {
        return Float.intBitsToFloat((w.get(SHORT, off) & 0xFFFF) << 16);
    }
}
