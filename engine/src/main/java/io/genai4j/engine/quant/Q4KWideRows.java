package io.genai4j.engine.quant;

import static io.genai4j.engine.quant.Lanes.LE;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Q4_K dot products for 512-bit vectors, where the lanes of one vector span two sub-blocks (the
 * approach of {@link Q6KWideRows}). {@link Q4KRows} widens 16 quant bytes at a time; here 64 bytes
 * (two chunks of 64 elements) are one int vector, and nibble k of every int lane (k = 0..7; byte
 * k/2, high half when k is odd) gives 16 quants whose lanes 0-7 lie in one sub-block and lanes 8-15
 * in another. x is permuted once per call into that order, and the split of {@link Q4KRows} keeps
 * the min term out of the loop:
 * <pre>
 *   x'[256·sb + 128·h + 16·k + i] = x[256·sb + 64·(2h + i/8) + 32·(k mod 2) + 4·(i mod 8) + k/2]
 *   Σ x_e·a_e = Σ_h Σ_{k even|odd} (Σ_k q_k ⊙ x'_k) ⊙ d·sc[pair] − Σ_sub dmin·m·(Σ a over the sub-block)
 * </pre>
 * Even k (low nibbles) are elements of sub-blocks 4h and 4h + 2, odd k of 4h + 1 and 4h + 3, so
 * each super-block's scales are applied by four lane shuffles and four FMAs.
 */
final class Q4KWideRows implements RowKernel {
    static final Q4KWideRows INSTANCE = new Q4KWideRows(false);
    /** For rows longer than {@value Bf16Activations#MIN_LENGTH}: x' rounded to bfloat16 (8192-long rows from memory, 2 threads: 12 GB/s with float x', 20 with bfloat16). */
    static final Q4KWideRows LONG = new Q4KWideRows(true);
    private static final int QK = 256, BYTES = 144;

    private final boolean bf16;

    private Q4KWideRows(boolean bf16) {
        this.bf16 = bf16;
    }

    private static final VectorSpecies<Byte> B64 = ByteVector.SPECIES_512;
    private static final VectorSpecies<Float> F16 = FloatVector.SPECIES_512;
    private static final VectorSpecies<Integer> I16 = IntVector.SPECIES_512;
    /** Scale of lanes 0-7 from sub-block a, of lanes 8-15 from sub-block b. */
    private static final VectorShuffle<Float> S02 = pair(0, 2), S13 = pair(1, 3), S46 = pair(4, 6), S57 = pair(5, 7);

    private static VectorShuffle<Float> pair(int a, int b) {
        return VectorShuffle.fromOp(F16, i -> i < 8 ? a : b);
    }

    /** Per thread: x' then, per super-block, eight zeros and the negated sums of x over its eight sub-blocks (lanes of the min term). */
    private static final ThreadLocal<float[]> PERMUTED = ThreadLocal.withInitial(() -> new float[0]);


    private static float[] permuted(float[] x, int xOff, int n) {
        float[] p = PERMUTED.get();
        if (p.length < n + 16 * (n / QK)) PERMUTED.set(p = new float[n + 16 * (n / QK)]);
        permute(x, xOff, n, p, 0);
        return p;
    }

    /** x' and the sub-block sums of x[xOff, xOff + n) into p[at, at + n + 16·n/256). */
    private static void permute(float[] x, int xOff, int n, float[] p, int at) {
        for (int sb = 0; sb < n / QK; sb++) {
            int e0 = xOff + QK * sb;
            for (int h = 0; h < 2; h++) {
                for (int k = 0; k < 8; k++) {
                    for (int i = 0; i < 16; i++) p[at + QK * sb + 128 * h + 16 * k + i] = x[e0 + 64 * (2 * h + i / 8) + 32 * (k & 1) + 4 * (i % 8) + (k >> 1)];
                }
            }
            for (int sub = 0; sub < 8; sub++) {
                float sum = 0;
                for (int e = 0; e < 32; e++) sum += x[e0 + 32 * sub + e];
                p[at + n + 16 * sb + sub] = 0;
                p[at + n + 16 * sb + 8 + sub] = -sum;
            }
        }
    }

    /** Per thread: x' and sub-block sums of each input of a multi-input call, one after another. */
    private static final ThreadLocal<float[]> PERMUTED_INPUTS = ThreadLocal.withInitial(() -> new float[0]);

    /**
     * Rows [r0, r1) times k inputs, four at a time ({@link FewInputs}): each input permuted once per
     * call (x' rounded to bfloat16 for {@link #LONG}, the sub-block sums kept in float, as a lone
     * call does), then tile by tile ({@link FewInputs#tileRows}) each 64-byte run of quants unpacked
     * once for four inputs, and the inputs left over through the single-input loop.
     */
    @Override
    public void dotRowsInputs(MemorySegment w, long rowBytes, int r0, int r1, float[] x, int xOff, int ldx, int k, int n, float[] y, int yOff, int ldy) {
        int stride = n + 16 * (n / QK);
        float[] p = PERMUTED_INPUTS.get();
        int grouped = k - k % FewInputs.GROUP;
        if (p.length < grouped * stride) PERMUTED_INPUTS.set(p = new float[grouped * stride]);
        for (int s = 0; s < grouped; s++) {
            permute(x, xOff + s * ldx, n, p, s * stride);
            if (bf16) Bf16Activations.roundInPlace(p, s * stride, n);
        }
        float[] sc = ROW_SCALES.get();
        if (sc.length < 80 * (n / QK)) ROW_SCALES.set(sc = new float[80 * (n / QK)]);
        for (int t0 = r0, t1; t0 < r1; t0 = t1) {
            t1 = Math.min(r1, t0 + FewInputs.tileRows(rowBytes));
            int s = 0;
            for (; s + FewInputs.GROUP <= k; s += FewInputs.GROUP) {
                int x0 = s * stride, x1 = x0 + stride, x2 = x1 + stride, x3 = x2 + stride;
                int y0 = yOff + s * ldy - r0, y1 = y0 + ldy, y2 = y1 + ldy, y3 = y2 + ldy;
                for (int r = t0; r < t1; r++) {
                    rowScales(w, r * rowBytes, n / QK, sc);
                    dot4(w, r * rowBytes, p, x0, x1, x2, x3, n, sc, y, y0 + r, y1 + r, y2 + r, y3 + r);
                }
            }
            for (; s < k; s++) dotRows(w, rowBytes, t0, t1, x, xOff + s * ldx, n, y, yOff + s * ldy + t0 - r0);
        }
    }

    /** Its inputs are permuted (and rounded, for long rows) once per call, so it takes whole ranges. */
    @Override
    public boolean tilesItsInputs() {
        return true;
    }

    /** Per thread: one row's scale vectors for {@link #dot4}. */
    private static final ThreadLocal<float[]> ROW_SCALES = ThreadLocal.withInitial(() -> new float[0]);

    /**
     * For each super-block of the row at off, five vectors of 16 into sc[80·sb, ...): its
     * {@link Q4KRows#scaleVector} and that vector's even and odd shuffles for each half. Computed
     * apart from {@link #dot4}: inside it they overran C2's inlining budget, which left the final
     * reductions as calls and boxed the four accumulators, once per row.
     */
    private static void rowScales(MemorySegment w, long off, int blocks, float[] sc) {
        for (int sb = 0; sb < blocks; sb++) {
            FloatVector s = Q4KRows.scaleVector(w, off + (long) sb * BYTES);
            s.intoArray(sc, 80 * sb);
            s.rearrange(S02).intoArray(sc, 80 * sb + 16);
            s.rearrange(S13).intoArray(sc, 80 * sb + 32);
            s.rearrange(S46).intoArray(sc, 80 * sb + 48);
            s.rearrange(S57).intoArray(sc, 80 * sb + 64);
        }
    }

    /**
     * One row times four permuted inputs p[x_i, ...) (x' then the sub-block sums, as {@link #permuted}):
     * the sums of {@link #dot(MemorySegment, long, float[], int)}, with each nibble vector converted
     * and scaled once and multiply-added into every input's accumulators, the row's scales read
     * from sc ({@link #rowScales}).
     */
    private static void dot4(MemorySegment w, long off, float[] p, int x0, int x1, int x2, int x3, int n, float[] sc, float[] y, int y0, int y1, int y2, int y3) {
        FloatVector a0 = FloatVector.zero(F16), a1 = a0, a2 = a0, a3 = a0;
        for (int sb = 0; sb < n / QK; sb++) {
            long o = off + (long) sb * BYTES;
            FloatVector s = FloatVector.fromArray(F16, sc, 80 * sb);   // d·sc in lanes 0-7, dmin·m in 8-15
            int m = n + 16 * sb;
            a0 = s.fma(FloatVector.fromArray(F16, p, x0 + m), a0);   // − dmin·m·Σx, lanes 8-15
            a1 = s.fma(FloatVector.fromArray(F16, p, x1 + m), a1);
            a2 = s.fma(FloatVector.fromArray(F16, p, x2 + m), a2);
            a3 = s.fma(FloatVector.fromArray(F16, p, x3 + m), a3);
            for (int h = 0; h < 2; h++) {
                FloatVector sEven = FloatVector.fromArray(F16, sc, 80 * sb + 16 + 32 * h), sOdd = FloatVector.fromArray(F16, sc, 80 * sb + 32 + 32 * h);
                IntVector v = ByteVector.fromMemorySegment(B64, w, o + 16 + 64 * h, LE).reinterpretAsInts();
                for (int b = 0; b < 4; b++) {
                    // d·sc·q, scaled before the inputs (fewer operations than scaling each input's partial sum:
                    // C2 compiles this method within its inlining budget only so)
                    FloatVector even = ((FloatVector) v.lanewise(VectorOperators.LSHR, 8 * b).and(15).convert(VectorOperators.I2F, 0)).mul(sEven);
                    FloatVector odd = ((FloatVector) v.lanewise(VectorOperators.LSHR, 8 * b + 4).and(15).convert(VectorOperators.I2F, 0)).mul(sOdd);
                    int i = QK * sb + 128 * h + 32 * b;
                    a0 = odd.fma(FloatVector.fromArray(F16, p, x0 + i + 16), even.fma(FloatVector.fromArray(F16, p, x0 + i), a0));
                    a1 = odd.fma(FloatVector.fromArray(F16, p, x1 + i + 16), even.fma(FloatVector.fromArray(F16, p, x1 + i), a1));
                    a2 = odd.fma(FloatVector.fromArray(F16, p, x2 + i + 16), even.fma(FloatVector.fromArray(F16, p, x2 + i), a2));
                    a3 = odd.fma(FloatVector.fromArray(F16, p, x3 + i + 16), even.fma(FloatVector.fromArray(F16, p, x3 + i), a3));
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
        if (bf16) {
            int[] xs = pairs(xp, n);
            for (int r = r0; r < r1; r++) y[yOff + r - r0] = dot(w, r * rowBytes, xp, xs, n);
        } else {
            for (int r = r0; r < r1; r++) y[yOff + r - r0] = dot(w, r * rowBytes, xp, n);
        }
    }

    @Override
    public float dot(MemorySegment w, long off, float[] x, int xOff, int n) {
        float[] xp = permuted(x, xOff, n);
        return bf16 ? dot(w, off, xp, pairs(xp, n), n) : dot(w, off, xp, n);
    }

    /** The two 64-byte halves of the quants share one loop body, the second half's scale shuffles swapped in at the end of the first (see {@link Q6KWideRows}). */
    private static float dot(MemorySegment w, long off, float[] xp, int n) {
        FloatVector acc = FloatVector.zero(F16);
        for (int sb = 0; sb < n / QK; sb++) {
            long o = off + (long) sb * BYTES;
            FloatVector s = Q4KRows.scaleVector(w, o);   // d·sc in lanes 0-7, dmin·m in 8-15
            acc = s.fma(FloatVector.fromArray(F16, xp, n + 16 * sb), acc);   // − dmin·m·Σx, lanes 8-15
            FloatVector sEven = s.rearrange(S02), sOdd = s.rearrange(S13);
            for (int h = 0; h < 2; h++) {
                IntVector v = ByteVector.fromMemorySegment(B64, w, o + 16 + 64 * h, LE).reinterpretAsInts();
                int xo = QK * sb + 128 * h;
                FloatVector even = FloatVector.zero(F16), odd = even;
                for (int b = 0; b < 4; b++) {
                    even = ((FloatVector) v.lanewise(VectorOperators.LSHR, 8 * b).and(15).convert(VectorOperators.I2F, 0)).fma(FloatVector.fromArray(F16, xp, xo + 32 * b), even);
                    odd = ((FloatVector) v.lanewise(VectorOperators.LSHR, 8 * b + 4).and(15).convert(VectorOperators.I2F, 0)).fma(FloatVector.fromArray(F16, xp, xo + 32 * b + 16), odd);
                }
                acc = even.fma(sEven, acc);
                acc = odd.fma(sOdd, acc);
                sEven = s.rearrange(S46);
                sOdd = s.rearrange(S57);
            }
        }
        return Lanes.sum(acc);
    }

    /** Per thread: x' in bfloat16, x'_2b and x'_2b+1 of a half paired in the low and high halves of one int per lane. */
    private static final ThreadLocal<int[]> PAIRS = ThreadLocal.withInitial(() -> new int[0]);

    private static int[] pairs(float[] xp, int n) {
        int[] p = PAIRS.get();
        if (p.length < n / 2) PAIRS.set(p = new int[n / 2]);
        for (int i = 0; i < n; i += 32) {
            IntVector even = Bf16Activations.rounded(FloatVector.fromArray(F16, xp, i)), odd = Bf16Activations.rounded(FloatVector.fromArray(F16, xp, i + 16));
            even.lanewise(VectorOperators.LSHR, 16).or(odd).intoArray(p, i / 2);
        }
        return p;
    }

    /**
     * As {@link #dot(MemorySegment, long, float[], int)} with x' from its bfloat16 pairs xs (the
     * sub-block sums stay in xp, in float): one 64-byte load gives the x' of an even and an odd
     * nibble. A copy of that loop rather than a shared one with a flag: C2 would compile both paths
     * into one method and overrun its inlining budget.
     */
    private static float dot(MemorySegment w, long off, float[] xp, int[] xs, int n) {
        FloatVector acc = FloatVector.zero(F16);
        for (int sb = 0; sb < n / QK; sb++) {
            long o = off + (long) sb * BYTES;
            FloatVector s = Q4KRows.scaleVector(w, o);
            acc = s.fma(FloatVector.fromArray(F16, xp, n + 16 * sb), acc);   // − dmin·m·Σx, lanes 8-15
            FloatVector sEven = s.rearrange(S02), sOdd = s.rearrange(S13);
            for (int h = 0; h < 2; h++) {
                IntVector v = ByteVector.fromMemorySegment(B64, w, o + 16 + 64 * h, LE).reinterpretAsInts();
                int xo = QK * sb + 128 * h;
                FloatVector even = FloatVector.zero(F16), odd = even;
                for (int b = 0; b < 4; b++) {
                    IntVector pair = IntVector.fromArray(I16, xs, (xo + 32 * b) / 2);
                    even = ((FloatVector) v.lanewise(VectorOperators.LSHR, 8 * b).and(15).convert(VectorOperators.I2F, 0))
                            .fma(pair.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats(), even);
                    odd = ((FloatVector) v.lanewise(VectorOperators.LSHR, 8 * b + 4).and(15).convert(VectorOperators.I2F, 0))
                            .fma(pair.and(0xFFFF0000).reinterpretAsFloats(), odd);
                }
                acc = even.fma(sEven, acc);
                acc = odd.fma(sOdd, acc);
                sEven = s.rearrange(S46);
                sOdd = s.rearrange(S57);
            }
        }
        return Lanes.sum(acc);
    }

    @Override
    public void decode(MemorySegment w, long off, float[] y, int yOff, int n) {
        Q4KRows.INSTANCE.decode(w, off, y, yOff, n);
    }
}
