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

    /** Rows [r0, r1) times k inputs, four at a time ({@link FewInputs}): each block is widened and scaled once per four inputs. */
    @Override
    public void dotRowsInputs(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int ldx, int k, int n, float[] y, int yOff, int ldy) {
        int s = 0;
        for (; s + FewInputs.GROUP <= k; s += FewInputs.GROUP) {
            int x0 = xOff + s * ldx, x1 = x0 + ldx, x2 = x1 + ldx, x3 = x2 + ldx;
            int y0 = yOff + s * ldy - r0, y1 = y0 + ldy, y2 = y1 + ldy, y3 = y2 + ldy;
            for (int r = r0; r < r1; r++) dot4(w, r * rowBytes, x, x0, x1, x2, x3, n, y, y0 + r, y1 + r, y2 + r, y3 + r);
        }
        for (; s < k; s++) dotRows(w, rowBytes, r0, r1, x, xOff + s * ldx, n, y, yOff + s * ldy);
    }

    /**
     * One row times four inputs: y[y_i] = W·x[x_i, x_i + n). Each block's quants are widened to
     * floats and multiplied by d once, then multiply-added into two accumulators per input (first
     * and second half of the block), eight independent chains.
     */
    private static void dot4(MemorySegment w, long off, float[] x, int x0, int x1, int x2, int x3, int n, float[] y, int y0, int y1, int y2, int y3) {
        FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        for (int b = 0; b < n / QK; b++) {
            long o = off + (long) b * BYTES;
            FloatVector d = FloatVector.broadcast(F, Lanes.f16(w, o));
            for (int j = 0; j < QK / 2; j += L) {
                FloatVector lo = q(w, o + 2 + j).mul(d), hi = q(w, o + 2 + QK / 2 + j).mul(d);
                int e = b * QK + j;
                a0 = lo.fma(FloatVector.fromArray(F, x, x0 + e), a0);
                b0 = hi.fma(FloatVector.fromArray(F, x, x0 + e + QK / 2), b0);
                a1 = lo.fma(FloatVector.fromArray(F, x, x1 + e), a1);
                b1 = hi.fma(FloatVector.fromArray(F, x, x1 + e + QK / 2), b1);
                a2 = lo.fma(FloatVector.fromArray(F, x, x2 + e), a2);
                b2 = hi.fma(FloatVector.fromArray(F, x, x2 + e + QK / 2), b2);
                a3 = lo.fma(FloatVector.fromArray(F, x, x3 + e), a3);
                b3 = hi.fma(FloatVector.fromArray(F, x, x3 + e + QK / 2), b3);
            }
        }
        y[y0] = Lanes.sum(a0.add(b0));
        y[y1] = Lanes.sum(a1.add(b1));
        y[y2] = Lanes.sum(a2.add(b2));
        y[y3] = Lanes.sum(a3.add(b3));
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
