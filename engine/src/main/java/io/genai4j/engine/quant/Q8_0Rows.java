package io.genai4j.engine.quant;

import static io.genai4j.engine.quant.Lanes.B;
import static io.genai4j.engine.quant.Lanes.F;
import static io.genai4j.engine.quant.Lanes.L;
import static io.genai4j.engine.quant.Lanes.LE;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Q8_0 blocks (f16 d, 32 × int8 q; x = d·q): the 32 products of a block are summed in float and
 * scaled once, Σ_b d_b·(Σ_j q_j·x_j). Two blocks per step with their own accumulators keep two
 * FMA chains in flight.
 */
final class Q8_0Rows implements RowKernel {
    static final Q8_0Rows INSTANCE = new Q8_0Rows();
    private static final int QK = 32, BYTES = 34;

    private static FloatVector q(MemorySegment w, long off) {
        return (FloatVector) ByteVector.fromMemorySegment(B, w, off, LE).convertShape(VectorOperators.B2F, F, 0);
    }

    /** Σ_j q_j·x_j of the block at off, as a vector of partial sums. */
    private static FloatVector block(MemorySegment w, long off, float[] x, int xo) {
        FloatVector s = q(w, off + 2).mul(FloatVector.fromArray(F, x, xo));
        for (int j = L; j < QK; j += L) s = q(w, off + 2 + j).fma(FloatVector.fromArray(F, x, xo + j), s);
        return s;
    }

    /** Rows [r0, r1): each class keeps its own copy of this loop so that C2 compiles it with this kernel alone. */
    @Override
    public void dotRows(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int n, float[] y, int yOff) {
        for (int r = r0; r < r1; r++) y[yOff + r - r0] = dot(w, r * rowBytes, x, xOff, n);
    }

    @Override
    public float dot(MemorySegment w, long off, float[] x, int xOff, int n) {
        int blocks = n / QK, b = 0;
        FloatVector a0 = FloatVector.zero(F), a1 = a0;
        for (; b + 1 < blocks; b += 2) {
            long o = off + (long) b * BYTES;
            a0 = block(w, o, x, xOff + b * QK).fma(FloatVector.broadcast(F, Lanes.f16(w, o)), a0);
            a1 = block(w, o + BYTES, x, xOff + b * QK + QK).fma(FloatVector.broadcast(F, Lanes.f16(w, o + BYTES)), a1);
        }
        if (b < blocks) {
            long o = off + (long) b * BYTES;
            a0 = block(w, o, x, xOff + b * QK).fma(FloatVector.broadcast(F, Lanes.f16(w, o)), a0);
        }
        return Lanes.sum(a0.add(a1));
    }

    @Override
    public void decode(MemorySegment w, long off, float[] y, int yOff, int n) {
        for (int b = 0; b < n / QK; b++) {
            long o = off + (long) b * BYTES;
            float d = Lanes.f16(w, o);
            for (int j = 0; j < QK; j += L) q(w, o + 2 + j).mul(d).intoArray(y, yOff + b * QK + j);
        }
    }
}
