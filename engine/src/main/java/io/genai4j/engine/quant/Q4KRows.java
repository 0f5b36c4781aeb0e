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
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Q4_K super-blocks of 256 (see {@link KQuants}): eight sub-blocks of 32 with 6-bit scale sc and
 * min m, x = d·sc·q − dmin·m. A dot product splits along that sum:
 * <pre>
 *   Σ x_i·a_i = Σ_sub d·sc·(Σ q_i·a_i) − dmin·m·(Σ a_i)
 * </pre>
 * so the inner loop multiplies the bare 4-bit quants with the activation (one FMA per lane), each
 * sub-block's partial sum is scaled once, and the min term needs only the activation's sum over
 * each sub-block, computed once per call for all rows. The twelve packed scale bytes are unpacked
 * into sixteen floats by one vector pass (with shifts of a long and an int where vectors are
 * narrower than 16 lanes), not byte by byte. Quants come in chunks of 64 elements: 32
 * bytes whose low nibbles are the first sub-block and high nibbles the second.
 */
final class Q4KRows implements RowKernel {
    static final Q4KRows INSTANCE = new Q4KRows();
    private static final int QK = 256, BYTES = 144, SUB = 32;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(LE);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(LE);
    /** The eight sub-blocks of a super-block, for the min term. */
    private static final VectorSpecies<Float> EIGHT = FloatVector.SPECIES_256;
    /** Per thread: the activation's sums over sub-blocks, then d·sc and dmin·m of one super-block. */
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private static IntVector bytes(MemorySegment w, long off) {
        return (IntVector) ByteVector.fromMemorySegment(B, w, off, LE).convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
    }

    /** Rows [r0, r1): each class keeps its own copy of this loop so that C2 compiles it with this kernel alone. */
    @Override
    public void dotRows(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int n, float[] y, int yOff) {
        float[] s = scratch(x, xOff, n);
        for (int r = r0; r < r1; r++) y[yOff + r - r0] = dot(w, r * rowBytes, x, xOff, n, s);
    }

    @Override
    public float dot(MemorySegment w, long off, float[] x, int xOff, int n) {
        return dot(w, off, x, xOff, n, scratch(x, xOff, n));
    }

    /** The thread's scratch: [0, n/32) the sums of x over sub-blocks, then 16 floats for {@link #scales}. */
    private static float[] scratch(float[] x, int xOff, int n) {
        float[] s = SCRATCH.get();
        if (s.length < n / SUB + 16) SCRATCH.set(s = new float[n / SUB + 16]);
        for (int g = 0; g < n / SUB; g++) {
            FloatVector sum = FloatVector.fromArray(F, x, xOff + SUB * g);
            for (int j = L; j < SUB; j += L) sum = sum.add(FloatVector.fromArray(F, x, xOff + SUB * g + j));
            s[g] = Lanes.sum(sum);
        }
        return s;
    }

    /**
     * d·sc into s[at + j] and dmin·m into s[at + 8 + j] for the eight sub-blocks of the super-block
     * at o ({@link KQuants#scaleMin}'s packing: bytes 0-3 scales 0-3, 4-7 mins 0-3, 8-11 the low
     * nibbles of scales and mins 4-7, whose top two bits are the top bits of bytes 0-7). With 16
     * lanes all sixteen come out of one vector: a lane gathers its low bits from one byte and its
     * top bits from another, shifted and masked per lane.
     */
    private static void scales(MemorySegment w, long o, float[] s, int at) {
        if (L == 16) {
            scaleVector(w, o).intoArray(s, at);
            return;
        }
        float d = Lanes.f16(w, o), dmin = Lanes.f16(w, o + 2);
        long b = w.get(LONG, o + 4);
        int c = w.get(INT, o + 12);
        for (int j = 0; j < 4; j++) {
            int lo = (int) (b >>> 8 * j) & 0xFF, hi = (int) (b >>> 8 * (j + 4)) & 0xFF, nib = c >>> 8 * j & 0xFF;
            s[at + j] = d * (lo & 63);
            s[at + 8 + j] = dmin * (hi & 63);
            s[at + 4 + j] = d * ((nib & 0x0F) | (lo >> 6) << 4);
            s[at + 12 + j] = dmin * ((nib >> 4) | (hi >> 6) << 4);
        }
    }

    /**
     * d·sc of the eight sub-blocks in lanes 0-7 and dmin·m in lanes 8-15 (see {@link #scales}), in
     * 512-bit vectors: the machine's own with 16 lanes, and {@link Q4KWideRows}' anywhere.
     */
    static FloatVector scaleVector(MemorySegment w, long o) {
        // lanes 0-11: the scale bytes (12-15: quants, unused)
        IntVector q = (IntVector) ByteVector.fromMemorySegment(ByteVector.SPECIES_128, w, o + 4, LE).convertShape(VectorOperators.ZERO_EXTEND_B2I, I16, 0);
        IntVector low = q.rearrange(LOW_BYTE).lanewise(VectorOperators.LSHR, LOW_SHIFT).and(LOW_MASK);
        IntVector top = q.rearrange(TOP_BYTE).lanewise(VectorOperators.LSHR, 6).lanewise(VectorOperators.LSHL, 4).and(TOP_MASK);
        return ((FloatVector) low.or(top).convert(VectorOperators.I2F, 0))
                .mul(FloatVector.broadcast(FloatVector.SPECIES_512, Lanes.f16(w, o)).blend(Lanes.f16(w, o + 2), MINS));
    }

    // Lanes 0-7 are scales 0-7, lanes 8-15 mins 0-7.
    private static final VectorSpecies<Integer> I16 = IntVector.SPECIES_512;
    private static final VectorShuffle<Integer> LOW_BYTE = VectorShuffle.fromValues(I16, 0, 1, 2, 3, 8, 9, 10, 11, 4, 5, 6, 7, 8, 9, 10, 11);
    private static final IntVector LOW_SHIFT = IntVector.fromArray(I16, new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4}, 0);
    private static final IntVector LOW_MASK = IntVector.fromArray(I16, new int[] {63, 63, 63, 63, 15, 15, 15, 15, 63, 63, 63, 63, 15, 15, 15, 15}, 0);
    private static final VectorShuffle<Integer> TOP_BYTE = VectorShuffle.fromValues(I16, 0, 1, 2, 3, 0, 1, 2, 3, 4, 5, 6, 7, 4, 5, 6, 7);
    private static final IntVector TOP_MASK = IntVector.fromArray(I16, new int[] {0, 0, 0, 0, 0x30, 0x30, 0x30, 0x30, 0, 0, 0, 0, 0x30, 0x30, 0x30, 0x30}, 0);
    private static final VectorMask<Float> MINS = VectorMask.fromLong(FloatVector.SPECIES_512, 0xFF00L);

    private static float dot(MemorySegment w, long off, float[] x, int xOff, int n, float[] s) {
        int at = n / SUB;
        FloatVector a0 = FloatVector.zero(F), a1 = a0;
        FloatVector mins = FloatVector.zero(EIGHT);   // Σ dmin·m·(Σ x over the sub-block), eight sub-blocks at a time
        for (int b = 0; b < n / QK; b++) {
            long o = off + (long) b * BYTES;
            scales(w, o, s, at);
            mins = FloatVector.fromArray(EIGHT, s, at + 8).fma(FloatVector.fromArray(EIGHT, s, 8 * b), mins);
            for (int c = 0; c < 4; c++) {
                long q = o + 16 + 32L * c;
                int xo = xOff + b * QK + 64 * c;
                FloatVector t0 = FloatVector.zero(F), t1 = t0;
                for (int l = 0; l < 32; l += L) {
                    IntVector v = bytes(w, q + l);
                    t0 = ((FloatVector) v.and(15).convert(VectorOperators.I2F, 0)).fma(FloatVector.fromArray(F, x, xo + l), t0);
                    t1 = ((FloatVector) v.lanewise(VectorOperators.LSHR, 4).convert(VectorOperators.I2F, 0)).fma(FloatVector.fromArray(F, x, xo + 32 + l), t1);
                }
                a0 = t0.fma(FloatVector.broadcast(F, s[at + 2 * c]), a0);
                a1 = t1.fma(FloatVector.broadcast(F, s[at + 2 * c + 1]), a1);
            }
        }
        return Lanes.sum(a0.add(a1)) - mins.reduceLanes(VectorOperators.ADD);
    }

    @Override
    public void decode(MemorySegment w, long off, float[] y, int yOff, int n) {
        float[] s = SCRATCH.get();
        if (s.length < 16) SCRATCH.set(s = new float[16]);
        for (int b = 0; b < n / QK; b++) {
            long o = off + (long) b * BYTES;
            scales(w, o, s, 0);
            for (int c = 0; c < 4; c++) {
                float d1 = s[2 * c], d2 = s[2 * c + 1], m1 = s[8 + 2 * c], m2 = s[9 + 2 * c];
                long q = o + 16 + 32L * c;
                int yo = yOff + b * QK + 64 * c;
                for (int l = 0; l < 32; l += L) {
                    IntVector v = bytes(w, q + l);
                    // Multiply, then subtract, as ggml's dequantize_row_q4_K: bit-identical values.
                    ((FloatVector) v.and(15).convert(VectorOperators.I2F, 0)).mul(d1).sub(m1).intoArray(y, yo + l);
                    ((FloatVector) v.lanewise(VectorOperators.LSHR, 4).convert(VectorOperators.I2F, 0)).mul(d2).sub(m2).intoArray(y, yo + 32 + l);
                }
            }
        }
    }
}
