package io.genai4j.engine.quant;

import static io.genai4j.engine.quant.Lanes.B;
import static io.genai4j.engine.quant.Lanes.F;
import static io.genai4j.engine.quant.Lanes.I;
import static io.genai4j.engine.quant.Lanes.L;
import static io.genai4j.engine.quant.Lanes.LE;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Q4_0 blocks (f16 d, 16 bytes of nibbles; x = d·(q − 8)): byte j holds element j in its low
 * nibble and element j + 16 in its high one. Bytes are zero-extended to int lanes before the nibbles
 * are split: AVX-512 has no byte shifts, and C2's emulation of a ByteVector shift cost a third of the
 * kernel's speed when measured.
 */
final class Q4_0Rows implements RowKernel {
    static final Q4_0Rows INSTANCE = new Q4_0Rows();
    private static final int QK = 32, BYTES = 18;

    static IntVector nibbles(MemorySegment w, long off) {
        return (IntVector) ByteVector.fromMemorySegment(B, w, off, LE).convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
    }

    /**
     * The low nibbles minus 8 as floats, in two vector operations instead of three (mask, subtract,
     * convert): the nibble ORed into the mantissa of 2^23 is the float 2^23 + q (with AVX-512 the
     * mask and the OR can be one vpternlogd), and subtracting 2^23 + 8 leaves q − 8 exactly.
     * Measured (1 thread, L2-resident rows, interleaved): 1.79 against 2.07 ns per block.
     */
    static FloatVector lo(IntVector q) {
        return q.and(15).or(MAGIC_23).reinterpretAsFloats().sub(MAGIC_23_8);
    }

    /**
     * The high nibbles minus 8, the same way without a shift: bits 4–7 ORed into 2^19 (whose mantissa
     * bit 4 is worth 1) give 2^19 + q, exactly; minus 2^19 + 8 leaves q − 8.
     */
    static FloatVector hi(IntVector q) {
        return q.and(0xF0).or(MAGIC_19).reinterpretAsFloats().sub(MAGIC_19_8);
    }

    /** Bits of 2^23 and 2^19, and the floats 2^23 + 8 and 2^19 + 8 (both exact). */
    private static final int MAGIC_23 = 0x4B000000, MAGIC_19 = 0x49000000;
    private static final float MAGIC_23_8 = 0x1p23f + 8, MAGIC_19_8 = 0x1p19f + 8;

    private static FloatVector block(MemorySegment w, long off, float[] x, int xo) {
        IntVector q = nibbles(w, off + 2);
        FloatVector s = lo(q).fma(FloatVector.fromArray(F, x, xo), hi(q).mul(FloatVector.fromArray(F, x, xo + 16)));
        for (int j = L; j < 16; j += L) {
            q = nibbles(w, off + 2 + j);
            s = lo(q).fma(FloatVector.fromArray(F, x, xo + j), hi(q).fma(FloatVector.fromArray(F, x, xo + 16 + j), s));
        }
        return s;
    }

    /** Rows [r0, r1): each class keeps its own copy of this loop so that C2 compiles it with this kernel alone. */
    @Override
    public void dotRows(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int n, float[] y, int yOff) {
        for (int r = r0; r < r1; r++) y[yOff + r - r0] = dot(w, r * rowBytes, x, xOff, n);
    }

    /**
     * Rows [r0, r1) times k inputs, four at a time ({@link FewInputs}), then two at a time: each block
     * is unpacked and scaled once per four (or two) inputs.
     */
    @Override
    public void dotRowsInputs(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int ldx, int k, int n, float[] y, int yOff, int ldy) {
        int s = 0;
        for (; s + FewInputs.GROUP <= k; s += FewInputs.GROUP) {
            int x0 = xOff + s * ldx, x1 = x0 + ldx, x2 = x1 + ldx, x3 = x2 + ldx;
            int y0 = yOff + s * ldy - r0, y1 = y0 + ldy, y2 = y1 + ldy, y3 = y2 + ldy;
            for (int r = r0; r < r1; r++) dot4(w, r * rowBytes, x, x0, x1, x2, x3, n, y, y0 + r, y1 + r, y2 + r, y3 + r);
        }
        if (s + 2 <= k) {
            int x0 = xOff + s * ldx, y0 = yOff + s * ldy - r0;
            for (int r = r0; r < r1; r++) dot2(w, r * rowBytes, x, x0, x0 + ldx, n, y, y0 + r, y0 + ldy + r);
            s += 2;
        }
        for (; s < k; s++) dotRows(w, rowBytes, r0, r1, x, xOff + s * ldx, n, y, yOff + s * ldy);
    }

    /**
     * One row times two inputs, as {@link #dot4} (the two left over from groups of four, or a batch
     * of two): each block unpacked and scaled once for both, four independent accumulator chains.
     * A copy of dot4's loop on purpose: one loop for both, inputs 2 and 3 behind a loop-invariant
     * flag, measured about 10% slower at four inputs end to end ({@code genai bench batch}).
     */
    static void dot2(MemorySegment w, long off, float[] x, int x0, int x1, int n, float[] y, int y0, int y1) {
        FloatVector a0 = FloatVector.zero(F), a1 = a0, b0 = a0, b1 = a0;
        for (int b = 0; b < n / QK; b++) {
            long o = off + (long) b * BYTES;
            FloatVector d = FloatVector.broadcast(F, Lanes.f16(w, o));
            for (int j = 0; j < 16; j += L) {
                IntVector q = nibbles(w, o + 2 + j);
                FloatVector lo = lo(q).mul(d), hi = hi(q).mul(d);
                int e = b * QK + j;
                a0 = lo.fma(FloatVector.fromArray(F, x, x0 + e), a0);
                b0 = hi.fma(FloatVector.fromArray(F, x, x0 + e + 16), b0);
                a1 = lo.fma(FloatVector.fromArray(F, x, x1 + e), a1);
                b1 = hi.fma(FloatVector.fromArray(F, x, x1 + e + 16), b1);
            }
        }
        y[y0] = Lanes.sum(a0.add(b0));
        y[y1] = Lanes.sum(a1.add(b1));
    }

    /**
     * One row times four inputs: y[y_i] = W·x[x_i, x_i + n). The block's weights are unpacked and
     * multiplied by its scale d once (d·q, exact to float rounding), then multiply-added into each
     * input's two accumulators (low and high nibbles): eight independent chains, so the
     * multiply-adds of one block do not wait on each other. (The single-input {@link #dot} scales
     * each block's sum instead: the same products, rounded at another step.)
     */
    static void dot4(MemorySegment w, long off, float[] x, int x0, int x1, int x2, int x3, int n, float[] y, int y0, int y1, int y2, int y3) {
        FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        for (int b = 0; b < n / QK; b++) {
            long o = off + (long) b * BYTES;
            FloatVector d = FloatVector.broadcast(F, Lanes.f16(w, o));
            for (int j = 0; j < 16; j += L) {
                IntVector q = nibbles(w, o + 2 + j);
                FloatVector lo = lo(q).mul(d), hi = hi(q).mul(d);
                int e = b * QK + j;
                a0 = lo.fma(FloatVector.fromArray(F, x, x0 + e), a0);
                b0 = hi.fma(FloatVector.fromArray(F, x, x0 + e + 16), b0);
                a1 = lo.fma(FloatVector.fromArray(F, x, x1 + e), a1);
                b1 = hi.fma(FloatVector.fromArray(F, x, x1 + e + 16), b1);
                a2 = lo.fma(FloatVector.fromArray(F, x, x2 + e), a2);
                b2 = hi.fma(FloatVector.fromArray(F, x, x2 + e + 16), b2);
                a3 = lo.fma(FloatVector.fromArray(F, x, x3 + e), a3);
                b3 = hi.fma(FloatVector.fromArray(F, x, x3 + e + 16), b3);
            }
        }
        y[y0] = Lanes.sum(a0.add(b0));
        y[y1] = Lanes.sum(a1.add(b1));
        y[y2] = Lanes.sum(a2.add(b2));
        y[y3] = Lanes.sum(a3.add(b3));
    }

    /**
     * One block per iteration, in a loop C2 recognises as counted (its bounds checks hoisted and the
     * body unrolled); the four accumulators take turns, so consecutive blocks do not wait on each
     * other's FMA.
     */
    @Override
    public float dot(MemorySegment w, long off, float[] x, int xOff, int n) {
        FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
        for (int b = 0; b < n / QK; b++) {
            long o = off + (long) b * BYTES;
            FloatVector t = a0;
            a0 = a1;
            a1 = a2;
            a2 = a3;
            a3 = block(w, o, x, xOff + b * QK).fma(FloatVector.broadcast(F, Lanes.f16(w, o)), t);
        }
        return Lanes.sum(a0.add(a1).add(a2.add(a3)));
    }

    @Override
    public void decode(MemorySegment w, long off, float[] y, int yOff, int n) {
        for (int b = 0; b < n / QK; b++) {
            long o = off + (long) b * BYTES;
            float d = Lanes.f16(w, o);
            for (int j = 0; j < 16; j += L) {
                IntVector q = nibbles(w, o + 2 + j);
                lo(q).mul(d).intoArray(y, yOff + b * QK + j);
                hi(q).mul(d).intoArray(y, yOff + b * QK + 16 + j);
            }
        }
    }
}
