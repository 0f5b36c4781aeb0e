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
        permute(x, xOff, n, p, 0);
        return p;
    }

    /** x[xOff, xOff + n) in chunk lane order into p[at, at + n). */
    static void permute(float[] x, int xOff, int n, float[] p, int at) {
        for (int c = 0; c < n; c += 64) {
            for (int b = 0; b < 4; b++) {
                for (int j = 0; j < 16; j++) p[at + c + 16 * b + j] = x[xOff + c + 4 * j + b];
            }
        }
    }

    /** Per thread: each input of a multi-input call permuted, one after another. */
    private static final ThreadLocal<float[]> PERMUTED_INPUTS = ThreadLocal.withInitial(() -> new float[0]);

    /**
     * Rows [r0, r1) times k inputs, four at a time ({@link FewInputs}): each input permuted once per
     * call, then tile by tile ({@link FewInputs#tileRows}) each chunk's quants unpacked once per four
     * inputs, and the inputs left over through the single-input loop.
     */
    @Override
    public void dotRowsInputs(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int ldx, int k, int n, float[] y, int yOff, int ldy) {
        int grouped = k - k % FewInputs.GROUP;
        float[] p = PERMUTED_INPUTS.get();
        if (p.length < grouped * n) PERMUTED_INPUTS.set(p = new float[grouped * n]);
        for (int s = 0; s < grouped; s++) permute(x, xOff + s * ldx, n, p, s * n);
        float[] sc = ROW_SCALES.get();
        if (sc.length < 64 * (n / QK)) ROW_SCALES.set(sc = new float[64 * (n / QK)]);
        for (int t0 = r0, t1; t0 < r1; t0 = t1) {
            t1 = Math.min(r1, t0 + FewInputs.tileRows(rowBytes));
            int s = 0;
            for (; s + FewInputs.GROUP <= k; s += FewInputs.GROUP) {
                int x0 = s * n, x1 = x0 + n, x2 = x1 + n, x3 = x2 + n;
                int y0 = yOff + s * ldy - r0, y1 = y0 + ldy, y2 = y1 + ldy, y3 = y2 + ldy;
                for (int r = t0; r < t1; r++) {
                    rowScales(w, r * rowBytes, n / QK, sc);
                    dot4(w, r * rowBytes, p, x0, x1, x2, x3, n / QK, sc, y, y0 + r, y1 + r, y2 + r, y3 + r);
                }
            }
            for (; s < k; s++) dotRows(w, rowBytes, t0, t1, x, xOff + s * ldx, n, y, yOff + s * ldy + t0 - r0);
        }
    }

    /** Its inputs are permuted once per call, so it takes whole ranges. */
    @Override
    public boolean tilesItsInputs() {
        return true;
    }

    /**
     * The n elements of the row part at off (whole super-blocks) as floats in chunk lane order (as
     * {@link #permute} orders x) into y[at, at + n), for {@link DecodedTiles}. Each value is
     * (q − 32)·(d·sc), exact: d·sc has at most 19 significant bits and q − 32 six.
     */
    static void decodePermuted(MemorySegment w, long off, int n, float[] y, int at) {
        for (int sb = 0; sb < n / QK; sb++) {
            long o = off + (long) sb * BYTES;
            float d = Lanes.f16(w, o + 208);
            for (int half = 0; half < 2; half++) {
                IntVector h = ByteVector.fromMemorySegment(B64, w, o + 96 + 32 * half, LE).reinterpretAsLongs().rearrange(UPPER).reinterpretAsInts();
                FloatVector scales = ((FloatVector) ByteVector.fromMemorySegment(B16, w, o + 184 + 8 * half, LE).convertShape(VectorOperators.B2I, I16, 0)
                        .convert(VectorOperators.I2F, 0)).mul(d);
                IntVector ql = ByteVector.fromMemorySegment(B64, w, o + 64 * half, LE).reinterpretAsInts();
                IntVector q = ql.and(0x0F0F0F0F).or(h.lanewise(VectorOperators.ROL, ROT_LO).and(0x30303030));
                FloatVector sc = scales.rearrange(S_LO);
                for (int nibble = 0; nibble < 2; nibble++) {
                    int yo = at + QK * sb + 128 * half + 64 * nibble;
                    for (int b = 0; b < 4; b++) {
                        ((FloatVector) q.lanewise(VectorOperators.LSHR, 8 * b).and(0x3F).sub(32).convert(VectorOperators.I2F, 0)).mul(sc).intoArray(y, yo + 16 * b);
                    }
                    q = ql.lanewise(VectorOperators.LSHR, 4).and(0x0F0F0F0F).or(h.lanewise(VectorOperators.ROL, ROT_HI).and(0x30303030));
                    sc = scales.rearrange(S_HI);
                }
            }
        }
    }

    /** Per thread: one row's scale vectors for {@link #dot4}. */
    private static final ThreadLocal<float[]> ROW_SCALES = ThreadLocal.withInitial(() -> new float[0]);

    /**
     * For each super-block of the row at off, the lane scales of its four chunks (half 0 low and
     * high nibbles, half 1 low and high) into sc[64·sb, ...). Computed apart from {@link #dot4}:
     * inside it they overran C2's inlining budget, which boxed the accumulators once per row.
     */
    private static void rowScales(MemorySegment w, long off, int blocks, float[] sc) {
        for (int sb = 0; sb < blocks; sb++) {
            long o = off + (long) sb * BYTES;
            float d = Lanes.f16(w, o + 208);
            for (int half = 0; half < 2; half++) {
                FloatVector scales = ((FloatVector) ByteVector.fromMemorySegment(B16, w, o + 184 + 8 * half, LE).convertShape(VectorOperators.B2I, I16, 0)
                        .convert(VectorOperators.I2F, 0)).mul(d);
                scales.rearrange(S_LO).intoArray(sc, 64 * sb + 32 * half);
                scales.rearrange(S_HI).intoArray(sc, 64 * sb + 32 * half + 16);
            }
        }
    }

    /**
     * One row times four permuted inputs p[x_i, ...): the loop of {@link #dot} with each byte of a
     * chunk sign-extended and converted once, then multiply-added into every input's partial sum;
     * the row's scales come from scs ({@link #rowScales}).
     */
    private static void dot4(MemorySegment w, long off, float[] p, int x0, int x1, int x2, int x3, int blocks, float[] scs, float[] y, int y0, int y1, int y2, int y3) {
        FloatVector a0 = FloatVector.zero(F16), a1 = a0, a2 = a0, a3 = a0;
        for (int sb = 0; sb < blocks; sb++) {
            long o = off + (long) sb * BYTES;
            for (int half = 0; half < 2; half++) {
                IntVector h = ByteVector.fromMemorySegment(B64, w, o + 96 + 32 * half, LE).reinterpretAsLongs().rearrange(UPPER).reinterpretAsInts();
                IntVector ql = ByteVector.fromMemorySegment(B64, w, o + 64 * half, LE).reinterpretAsInts();
                IntVector q = ql.and(0x0F0F0F0F).or(h.lanewise(VectorOperators.ROL, ROT_LO).and(0x30303030));
                for (int nibble = 0; nibble < 2; nibble++) {
                    FloatVector sc = FloatVector.fromArray(F16, scs, 64 * sb + 32 * half + 16 * nibble);
                    int xo = QK * sb + 128 * half + 64 * nibble;
                    FloatVector p0 = FloatVector.zero(F16), p1 = p0, p2 = p0, p3 = p0;
                    for (int b = 0; b < 4; b++) {
                        // q − 32 in int lanes (a byte-lane subtraction here was left as a call by C2, boxing the accumulators)
                        FloatVector qb = (FloatVector) q.lanewise(VectorOperators.LSHR, 8 * b).and(0x3F).sub(32).convert(VectorOperators.I2F, 0);
                        int i = xo + 16 * b;
                        p0 = qb.fma(FloatVector.fromArray(F16, p, x0 + i), p0);
                        p1 = qb.fma(FloatVector.fromArray(F16, p, x1 + i), p1);
                        p2 = qb.fma(FloatVector.fromArray(F16, p, x2 + i), p2);
                        p3 = qb.fma(FloatVector.fromArray(F16, p, x3 + i), p3);
                    }
                    a0 = p0.fma(sc, a0);
                    a1 = p1.fma(sc, a1);
                    a2 = p2.fma(sc, a2);
                    a3 = p3.fma(sc, a3);
                    q = ql.lanewise(VectorOperators.LSHR, 4).and(0x0F0F0F0F).or(h.lanewise(VectorOperators.ROL, ROT_HI).and(0x30303030));
                }
            }
        }
        y[y0] = Lanes.sum(a0);
        y[y1] = Lanes.sum(a1);
        y[y2] = Lanes.sum(a2);
        y[y3] = Lanes.sum(a3);
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
