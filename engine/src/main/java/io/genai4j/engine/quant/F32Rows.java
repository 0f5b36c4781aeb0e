package io.genai4j.engine.quant;

import static io.genai4j.engine.quant.Lanes.F;
import static io.genai4j.engine.quant.Lanes.FLOAT;
import static io.genai4j.engine.quant.Lanes.L;
import static io.genai4j.engine.quant.Lanes.LE;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;

/** Plain little-endian floats (memory-mapped F32 weights). */
final class F32Rows implements RowKernel {
    static final F32Rows INSTANCE = new F32Rows();

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
            long o = off + 4L * i;
            a0 = FloatVector.fromMemorySegment(F, w, o, LE).fma(FloatVector.fromArray(F, x, xOff + i), a0);
            a1 = FloatVector.fromMemorySegment(F, w, o + 4L * L, LE).fma(FloatVector.fromArray(F, x, xOff + i + L), a1);
        }
        return Lanes.sum(a0.add(a1));
    }

    private static float scalarDot(MemorySegment w, long off, float[] x, int xOff, int n) {
        float s = 0;
        for (int i = 0; i < n; i++) s += w.get(FLOAT, off + 4L * i) * x[xOff + i];
        return s;
    }

    @Override
    public void decode(MemorySegment w, long off, float[] y, int yOff, int n) {
        MemorySegment.copy(w, FLOAT, off, y, yOff, n);
    }
}
