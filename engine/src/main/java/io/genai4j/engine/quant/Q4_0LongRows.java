package io.genai4j.engine.quant;

import static io.genai4j.engine.quant.Lanes.F;
import static io.genai4j.engine.quant.Lanes.I;
import static io.genai4j.engine.quant.Lanes.L;
import static io.genai4j.engine.quant.Lanes.S;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Q4_0 dot products for rows longer than {@value Bf16Activations#MIN_LENGTH} (a feed-forward down
 * projection), with x rounded to bfloat16 once per call ({@link Bf16Activations} says why and what
 * it costs in precision), on request ({@link MatVec.Activations#BF16}). Measured on this machine
 * kind with the earlier float kernel (8192-long rows from memory, 1 thread): 1.6–2.2 ns per block
 * with float x, 1.3 with bfloat16 x, whose two extra operations per 16 elements (widen, shift) cost
 * less than the misses. Once {@link Q4_0Rows} converted nibbles in two operations instead of three,
 * it was as fast or faster on those rows (2.2–3.0 ns against 2.3–11 ns per block, loaded host,
 * 32 KB L1), so the decoder reads long Q4_0 rows with float x again.
 */
final class Q4_0LongRows implements RowKernel {
    static final Q4_0LongRows INSTANCE = new Q4_0LongRows();
    private static final int QK = 32, BYTES = 18;

    /** L bfloat16 values from xs[i..] as floats: widened to int lanes and shifted into the high half. */
    private static FloatVector x(short[] xs, int i) {
        return ((IntVector) ShortVector.fromArray(S, xs, i).convertShape(VectorOperators.ZERO_EXTEND_S2I, I, 0))
                .lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats();
    }

    /** Rows [r0, r1): each class keeps its own copy of this loop so that C2 compiles it with this kernel alone. */
    @Override
    public void dotRows(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int n, float[] y, int yOff) {
        short[] xs = Bf16Activations.round(x, xOff, n);
        for (int r = r0; r < r1; r++) y[yOff + r - r0] = dot(w, r * rowBytes, xs, n);
    }

    /**
     * Rows [r0, r1) times k inputs: each input rounded to bfloat16 as this kernel rounds it, kept as
     * floats (the same values), then {@link Q4_0Rows#dot4} four inputs at a time: the products of a
     * lone call, summed in another order.
     */
    @Override
    public void dotRowsInputs(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int ldx, int k, int n, float[] y, int yOff, int ldy) {
        float[] xr = Bf16Activations.roundAsFloats(x, xOff, ldx, k - k % FewInputs.GROUP, n);
        int s = 0;
        for (; s + FewInputs.GROUP <= k; s += FewInputs.GROUP) {
            int x0 = s * n, x1 = x0 + n, x2 = x1 + n, x3 = x2 + n;
            int y0 = yOff + s * ldy - r0, y1 = y0 + ldy, y2 = y1 + ldy, y3 = y2 + ldy;
            for (int r = r0; r < r1; r++) Q4_0Rows.dot4(w, r * rowBytes, xr, x0, x1, x2, x3, n, y, y0 + r, y1 + r, y2 + r, y3 + r);
        }
        for (; s < k; s++) dotRows(w, rowBytes, r0, r1, x, xOff + s * ldx, n, y, yOff + s * ldy);
    }

    @Override
    public float dot(MemorySegment w, long off, float[] x, int xOff, int n) {
        return dot(w, off, Bf16Activations.round(x, xOff, n), n);
    }

    /** As {@link Q4_0Rows#dot}: one block per iteration of a counted loop, four accumulators taking turns. */
    private static float dot(MemorySegment w, long off, short[] xs, int n) {
        FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
        for (int b = 0; b < n / QK; b++) {
            long o = off + (long) b * BYTES;
            IntVector q = Q4_0Rows.nibbles(w, o + 2);
            FloatVector s = Q4_0Rows.lo(q).fma(x(xs, b * QK), Q4_0Rows.hi(q).mul(x(xs, b * QK + 16)));
            for (int j = L; j < 16; j += L) {
                q = Q4_0Rows.nibbles(w, o + 2 + j);
                s = Q4_0Rows.lo(q).fma(x(xs, b * QK + j), Q4_0Rows.hi(q).fma(x(xs, b * QK + 16 + j), s));
            }
            FloatVector t = a0;
            a0 = a1;
            a1 = a2;
            a2 = a3;
            a3 = s.fma(FloatVector.broadcast(F, Lanes.f16(w, o)), t);
        }
        return Lanes.sum(a0.add(a1).add(a2.add(a3)));
    }

    @Override
    public void decode(MemorySegment w, long off, float[] y, int yOff, int n) {
        Q4_0Rows.INSTANCE.decode(w, off, y, yOff, n);
    }
}
