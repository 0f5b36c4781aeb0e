package io.genai4j.engine.quant;

import static io.genai4j.engine.quant.Lanes.LE;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Q6_K dot products for 512-bit vectors, where the lanes of one vector span four scale groups.
 * {@link Q6KRows} gives each vector 16 elements of one group, so every group costs a scale
 * broadcast and a multiply besides its FMA. Here the six-bit quants of 64 elements are assembled in
 * one 64-byte vector with int-wide bit operations (AVX-512 has no byte shifts, but nibble and bit
 * fields never cross a byte after masking), and each int lane j then holds the elements 4j..4j+3,
 * all of group j/4. Taking byte b of every lane gives 16 elements of four groups, multiplied with
 * x permuted once per call into that order:
 * <pre>
 *   x'[64c + 16b + j] = x[64c + 4j + b]        (c: chunk of 64, b: byte, j: lane)
 *   Σ_e d·sc(e)·(q_e − 32)·x_e = Σ_chunks (Σ_b (q − 32)_b ⊙ x'_b) ⊙ (d·sc)[4·chunk + j/4]
 * </pre>
 * One FMA per 16 weights, and the scales of the 16 groups in a super-block are applied once, by
 * one lane shuffle and one FMA per chunk of 64.
 *
 * <p>Bit layout of a half of 128 elements (ql: 64 bytes, qh: 32 bytes): element l + 32k of the
 * half (k = 0..3, l &lt; 32) has its low four bits in ql[l + 32·(k mod 2)] (low nibble for k &lt; 2,
 * high nibble for k ≥ 2) and its top two bits in qh[l] at bit 2k. With qh in both 32-byte halves of
 * a vector, rotating each int left by 4 (first half) or 2 (second half) brings bits 0-1 and 2-3
 * to bits 4-5 for the low nibbles; rotating by 0 and 30 brings bits 4-5 and 6-7 there for the high
 * nibbles. Only bits 4-5 of each byte are kept, so bits carried over from a neighbouring byte by
 * the int-wide shifts and rotations never reach the result.
 */
final class Q6KWideRows implements RowKernel {
    static final Q6KWideRows INSTANCE = new Q6KWideRows();
    private static final int QK = 256, BYTES = 210;

    private static final VectorSpecies<Byte> B64 = ByteVector.SPECIES_512, B16 = ByteVector.SPECIES_128;
    private static final VectorSpecies<Integer> I16 = IntVector.SPECIES_512;
    private static final VectorSpecies<Float> F16 = FloatVector.SPECIES_512;
    /** The upper 32 bytes of a vector in both of its halves. */
    private static final VectorShuffle<Long> UPPER = VectorShuffle.fromValues(LongVector.SPECIES_512, 4, 5, 6, 7, 4, 5, 6, 7);
    /** Rotations that bring the top bits of the low-nibble (LO) and high-nibble (HI) elements to bits 4-5. */
    private static final IntVector ROT_LO = IntVector.fromArray(I16, new int[] {4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 2, 2, 2, 2, 2, 2}, 0),
            ROT_HI = IntVector.fromArray(I16, new int[] {0, 0, 0, 0, 0, 0, 0, 0, 30, 30, 30, 30, 30, 30, 30, 30}, 0);
    /** Lane j of the low (high) nibbles of a half takes group j/4 (4 + j/4) of the half, whose scales are in lanes 8-15. */
    private static final VectorShuffle<Float> S_LO = VectorShuffle.fromOp(F16, j -> 8 + j / 4), S_HI = VectorShuffle.fromOp(F16, j -> 12 + j / 4);

    /** Per thread: x in the lane order of the chunks. */
    private static final ThreadLocal<float[]> PERMUTED = ThreadLocal.withInitial(() -> new float[0]);


    /** x[xOff, xOff + n) in chunk lane order (see the class comment), in this thread's buffer. */
    private static float[] permuted(float[] x, int xOff, int n) {
        float[] p = PERMUTED.get();
        if (p.length < n) PERMUTED.set(p = new float[n]);
        for (int c = 0; c < n; c += 64) {
            for (int b = 0; b < 4; b++) {
                for (int j = 0; j < 16; j++) p[c + 16 * b + j] = x[xOff + c + 4 * j + b];
            }
        }
        return p;
    }

    /** Rows [r0, r1): each class keeps its own copy of this loop so that C2 compiles it with this kernel alone. */
    @Override
    public void dotRows(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int n, float[] y, int yOff) {
        float[] xp = permuted(x, xOff, n);
        for (int r = r0; r < r1; r++) y[yOff + r - r0] = dot(w, r * rowBytes, xp, n / QK);
    }

    @Override
    public float dot(MemorySegment w, long off, float[] x, int xOff, int n) {
        return dot(w, off, permuted(x, xOff, n), n / QK);
    }

    /**
     * The two halves of a super-block share one loop body, each loading its own qh and scales at
     * offsets that put them in the same lanes: writing both halves out, or sharing one load and
     * choosing shuffles per half, overran C2's inlining node budget, after which the last vector
     * operation ran boxed, allocating once per row.
     */
    private static float dot(MemorySegment w, long off, float[] xp, int blocks) {
        FloatVector acc = FloatVector.zero(F16);
        for (int sb = 0; sb < blocks; sb++) {
            long o = off + (long) sb * BYTES;
            float d = Lanes.f16(w, o + 208);
            for (int half = 0; half < 2; half++) {
                // qh of this half: the upper 32 bytes of the 64 at o + 96 + 32·half, copied to both halves of the vector.
                IntVector h = ByteVector.fromMemorySegment(B64, w, o + 96 + 32 * half, LE).reinterpretAsLongs().rearrange(UPPER).reinterpretAsInts();
                // d·sc of this half's eight groups in lanes 8-15 (bytes 184 + 8·half + 8 ..).
                FloatVector scales = ((FloatVector) ByteVector.fromMemorySegment(B16, w, o + 184 + 8 * half, LE).convertShape(VectorOperators.B2I, I16, 0)
                        .convert(VectorOperators.I2F, 0)).mul(d);
                IntVector ql = ByteVector.fromMemorySegment(B64, w, o + 64 * half, LE).reinterpretAsInts();
                // The low nibbles, then the high ones (computed at the end of the first pass, dead after the second).
                IntVector q = ql.and(0x0F0F0F0F).or(h.lanewise(VectorOperators.ROL, ROT_LO).and(0x30303030));
                FloatVector sc = scales.rearrange(S_LO);
                for (int nibble = 0; nibble < 2; nibble++) {
                    acc = chunk(q, xp, QK * sb + 128 * half + 64 * nibble).fma(sc, acc);
                    q = ql.lanewise(VectorOperators.LSHR, 4).and(0x0F0F0F0F).or(h.lanewise(VectorOperators.ROL, ROT_HI).and(0x30303030));
                    sc = scales.rearrange(S_HI);
                }
            }
        }
        return Lanes.sum(acc);
    }

    /** Σ_b (q_b − 32) ⊙ x'_b over the four bytes b of q's int lanes: the byte sign-extended by a left and an arithmetic right shift. */
    private static FloatVector chunk(IntVector q, float[] xp, int xo) {
        IntVector v = q.reinterpretAsBytes().sub((byte) 32).reinterpretAsInts();
        FloatVector p = FloatVector.zero(F16);
        for (int b = 0; b < 4; b++) {
            p = ((FloatVector) v.lanewise(VectorOperators.LSHL, 24 - 8 * b).lanewise(VectorOperators.ASHR, 24).convert(VectorOperators.I2F, 0))
                    .fma(FloatVector.fromArray(F16, xp, xo + 16 * b), p);
        }
        return p;
    }

    @Override
    public void decode(MemorySegment w, long off, float[] y, int yOff, int n) {
        Q6KRows.INSTANCE.decode(w, off, y, yOff, n);
    }
}
