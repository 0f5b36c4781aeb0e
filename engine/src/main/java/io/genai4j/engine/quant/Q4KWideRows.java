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
        int blocks = n / QK;
        float[] p = PERMUTED.get();
        if (p.length < n + 16 * blocks) PERMUTED.set(p = new float[n + 16 * blocks]);
        for (int sb = 0; sb < blocks; sb++) {
            int e0 = xOff + QK * sb;
            for (int h = 0; h < 2; h++) {
                for (int k = 0; k < 8; k++) {
                    for (int i = 0; i < 16; i++) p[QK * sb + 128 * h + 16 * k + i] = x[e0 + 64 * (2 * h + i / 8) + 32 * (k & 1) + 4 * (i % 8) + (k >> 1)];
                }
            }
            for (int sub = 0; sub < 8; sub++) {
                float sum = 0;
                for (int e = 0; e < 32; e++) sum += x[e0 + 32 * sub + e];
                p[n + 16 * sb + sub] = 0;
                p[n + 16 * sb + 8 + sub] = -sum;
            }
        }
        return p;
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
