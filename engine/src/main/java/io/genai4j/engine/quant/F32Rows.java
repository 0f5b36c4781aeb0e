package io.genai4j.engine.quant;

import static io.genai4j.engine.quant.Lanes.F;
import static io.genai4j.engine.quant.Lanes.FLOAT;
import static io.genai4j.engine.quant.Lanes.L;
import static io.genai4j.engine.quant.Lanes.LE;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/** Plain little-endian floats (memory-mapped F32 weights). */
final class F32Rows implements RowKernel {
    static final F32Rows INSTANCE = new F32Rows();

    @Override
    public float dot(MemorySegment w, long off, float[] x, int xOff, int n) {
        FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
        int i = 0;
        // Four accumulators: one FMA chain would wait on its own latency every step.
        for (; i <= n - 4 * L; i += 4 * L) {
            long o = off + 4L * i;
            a0 = FloatVector.fromMemorySegment(F, w, o, LE).fma(FloatVector.fromArray(F, x, xOff + i), a0);
            a1 = FloatVector.fromMemorySegment(F, w, o + 4L * L, LE).fma(FloatVector.fromArray(F, x, xOff + i + L), a1);
            a2 = FloatVector.fromMemorySegment(F, w, o + 8L * L, LE).fma(FloatVector.fromArray(F, x, xOff + i + 2 * L), a2);
            a3 = FloatVector.fromMemorySegment(F, w, o + 12L * L, LE).fma(FloatVector.fromArray(F, x, xOff + i + 3 * L), a3);
        }
        for (; i <= n - L; i += L) a0 = FloatVector.fromMemorySegment(F, w, off + 4L * i, LE).fma(FloatVector.fromArray(F, x, xOff + i), a0);
        float s = Lanes.sum(a0.add(a1).add(a2.add(a3)));
        for (; i < n; i++) s += w.get(FLOAT, off + 4L * i) * x[xOff + i];
        return s;
    }

    @Override
    public void decode(MemorySegment w, long off, float[] y, int yOff, int n) {
        MemorySegment.copy(w, FLOAT, off, y, yOff, n);
    }
}
