package io.genai4j.engine.quant;

import static io.genai4j.engine.quant.Lanes.B;
import static io.genai4j.engine.quant.Lanes.F;
import static io.genai4j.engine.quant.Lanes.I;
import static io.genai4j.engine.quant.Lanes.L;
import static io.genai4j.engine.quant.Lanes.LE;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Q6_K super-blocks of 256 (see {@link KQuants}): x = d·sc·(q − 32), q six bits, 4 low from ql
 * and 2 high from qh, one int8 scale per 16 elements. In each half of 128 elements, byte l of ql
 * (and of ql + 32) and byte l of qh yield the four elements l, l + 32, l + 64 and l + 96; a vector
 * of L ≤ 16 consecutive l shares one scale per element group, so a lane is dequantized with one
 * multiply.
 */
final class Q6KRows implements RowKernel {
    static final Q6KRows INSTANCE = new Q6KRows();
    private static final int QK = 256, BYTES = 210;

    private static IntVector bytes(MemorySegment w, long off) {
        return (IntVector) ByteVector.fromMemorySegment(B, w, off, LE).convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
    }

    private static FloatVector q(IntVector low4, IntVector high2) {
        return (FloatVector) low4.or(high2.and(0x30)).sub(32).convert(VectorOperators.I2F, 0);
    }

    /** The four 6-bit groups of one step: k = 0..3 for elements l, l+32, l+64, l+96. */
    private static FloatVector group(IntVector a, IntVector b, IntVector h, int k) {
        return switch (k) {
            case 0 -> q(a.and(15), h.lanewise(VectorOperators.LSHL, 4));
            case 1 -> q(b.and(15), h.lanewise(VectorOperators.LSHL, 2));
            case 2 -> q(a.lanewise(VectorOperators.LSHR, 4), h);
            default -> q(b.lanewise(VectorOperators.LSHR, 4), h.lanewise(VectorOperators.LSHR, 2));
        };
    }

    private static float scale(MemorySegment w, long o) {
        return w.get(ValueLayout.JAVA_BYTE, o);
    }

    /** Per thread: the 16 scales d·sc of the current super-block. */
    private static final ThreadLocal<float[]> SCALES = ThreadLocal.withInitial(() -> new float[16]);

    /** Rows [r0, r1): each class keeps its own copy of this loop so that C2 compiles it with this kernel alone. */
    @Override
    public void dotRows(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int n, float[] y, int yOff) {
        float[] sc = SCALES.get();
        for (int r = r0; r < r1; r++) y[yOff + r - r0] = dot(w, r * rowBytes, x, xOff, n, sc);
    }

    @Override
    public float dot(MemorySegment w, long off, float[] x, int xOff, int n) {
        return dot(w, off, x, xOff, n, SCALES.get());
    }

    /** d·sc of the super-block at o into sc[0, 16): the int8 scales widened and multiplied in vectors of L. */
    private static void scales(MemorySegment w, long o, float[] sc) {
        float d = Float.float16ToFloat(w.get(Lanes.SHORT, o + 208));
        for (int j = 0; j < 16; j += L) {
            ((FloatVector) ByteVector.fromMemorySegment(B, w, o + 192 + j, LE).convertShape(VectorOperators.B2I, I, 0).convert(VectorOperators.I2F, 0))
                    .mul(d).intoArray(sc, j);
        }
    }

    /**
     * One step: L values of l in one half give four vectors of six-bit quants, two from each of
     * ql[l] and ql[32 + l] (low and high nibble) with two bits each of qh[l]; each group's products
     * are scaled by its d·sc, read from the super-block's scales made once. The two sources share
     * one loop body: the Vector API inlines deep call trees, and with four groups written out C2
     * reached its inlining node limit before the final add and sum, which then ran as boxed vectors,
     * allocating on every row.
     */
    private static float dot(MemorySegment w, long off, float[] x, int xOff, int n, float[] sc) {
        FloatVector a0 = FloatVector.zero(F), a1 = a0;
        for (int b = 0; b < n / QK; b++) {
            long o = off + (long) b * BYTES;
            scales(w, o, sc);
            for (int half = 0; half < 2; half++) {
                long ql = o + 64L * half, qh = o + 128 + 32L * half;
                int xo = xOff + b * QK + 128 * half;
                for (int l = 0; l < 32; l += L) {
                    IntVector h = bytes(w, qh + l);
                    int s = 8 * half + l / 16;
                    for (int k = 0; k < 2; k++) {
                        // k = 0: ql[l] with qh bits 0-1 and 4-5 (elements l, l + 64); k = 1: ql[32 + l] with bits 2-3 and 6-7 (l + 32, l + 96).
                        IntVector v = bytes(w, ql + 32 * k + l), hk = h.lanewise(VectorOperators.LSHR, 2 * k);
                        FloatVector qa = (FloatVector) v.and(15).or(hk.lanewise(VectorOperators.LSHL, 4).and(0x30)).sub(32).convert(VectorOperators.I2F, 0);
                        FloatVector qb = (FloatVector) v.lanewise(VectorOperators.LSHR, 4).or(hk.and(0x30)).sub(32).convert(VectorOperators.I2F, 0);
                        a0 = qa.mul(FloatVector.fromArray(F, x, xo + l + 32 * k)).fma(FloatVector.broadcast(F, sc[s + 2 * k]), a0);
                        a1 = qb.mul(FloatVector.fromArray(F, x, xo + l + 64 + 32 * k)).fma(FloatVector.broadcast(F, sc[s + 4 + 2 * k]), a1);
                    }
                }
            }
        }
        return Lanes.sum(a0.add(a1));
    }

    @Override
    public void decode(MemorySegment w, long off, float[] y, int yOff, int n) {
        for (int b = 0; b < n / QK; b++) {
            long o = off + (long) b * BYTES;
            float d = Lanes.f16(w, o + 208);
            for (int half = 0; half < 2; half++) {
                long ql = o + 64L * half, qh = o + 128 + 32L * half, sc = o + 192 + 8L * half;
                int yo = yOff + b * QK + 128 * half;
                for (int l = 0; l < 32; l += L) {
                    int is = l / 16;
                    IntVector a = bytes(w, ql + l), bb = bytes(w, ql + 32 + l), h = bytes(w, qh + l);
                    for (int k = 0; k < 4; k++) {
                        // (d·sc)·q, in ggml's order: bit-identical to dequantize_row_q6_K.
                        group(a, bb, h, k).mul(d * scale(w, sc + is + 2 * k)).intoArray(y, yo + l + 32 * k);
                    }
                }
            }
        }
    }
}
