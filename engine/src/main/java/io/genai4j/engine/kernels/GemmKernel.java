package io.genai4j.engine.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-tiled SGEMM micro-kernel: one MR×NR tile of C from an MR×kc micro-panel of packed A
 * and a kc×NR micro-panel of packed B (layouts in {@link GemmPack}).
 *
 * <p>Shape: MR = 12 rows by NR = 2 vectors (32 columns with 512-bit vectors). Each k step loads two
 * B vectors, broadcasts 12 A values and issues 24 FMAs into 24 accumulators, which with the two B
 * vectors and a broadcast temporary uses 27 of the 32 AVX-512 registers. Measured on the Zen 5 dev
 * machine with both panels in L1 (best of 40 runs, kc = 256, GFLOP/s): 12×2V 256, 10×2V 258,
 * 8×3V 258, 6×4V 255, 8×2V 256, 4×4V 249, 14×2V 242, 16×1V 229, 4×6V 196, against 273 for
 * register-only FMAs (64 flops/cycle at 4.26 GHz). In the full 1024³ product the shapes that reach
 * peak in L1 came out within the machine's noise of each other (best ~200 on a loaded machine);
 * 12×2V is kept because it needs the fewest loads per FMA (14 per 24) as B streams from L2.
 *
 * <p>The code shape is deliberate. C2 keeps all 24 accumulators in registers only while the loop
 * and the epilogue stay simple: an epilogue that branched on beta per store made C2 spill an
 * accumulator to the stack inside the k loop (105-160 GFLOP/s instead of 250). The kernel therefore
 * only ever adds its tile into C; the caller zeroes or scales C beforehand. (A store-or-add flag
 * also cost a deoptimization: the first k block of a product runs thousands of tiles with one
 * value before the other appears, so C2 compiled the kernel twice, ~0.4 s into a run.)
 *
 * <p>Narrower vectors (V &lt; 16 floats, e.g. AVX2 with its 16 registers) get a 4×2V tile: with
 * -XX:UseAVX=2 on the dev machine the 12-row tile spilled 26 values inside the k loop and ran at
 * ~40 GFLOP/s (1024³), 6 and 5 rows still spilled an accumulator (C2 keeps several broadcasts in
 * flight), and 4 rows ran clean at ~75-106 against a 136 GFLOP/s AVX2 peak.
 */
final class GemmKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int V = S.length();
    /** Rows of a tile: 12 with 512-bit vectors (32 registers), 4 with narrower ones (maybe 16). */
    static final int MR = V >= 16 ? 12 : 4;
    static final int NR = 2 * V;

    private GemmKernel() {}

    /**
     * For each of {@code panels} consecutive B micro-panels q: C[r][q·NR + j] += sum over p of
     * A[r][p]·B_q[p][j] over the full MR×NR tile, where A[r][p] = ap[ai + p*MR + r],
     * B_q[p][j] = bp[bi + q*NR*kc + p*NR + j] and C[r][j] = c[ci + r*ldc + j].
     *
     * <p>The loop over panels lives here, in a small method entered for every row of tiles, so that
     * the JIT compiles it within the first product; the same loop in a rarely entered caller stays
     * interpreted for many products and adds interpreter overhead to every 0.8 µs tile.
     */
    static void kernel(int kc, float[] ap, int ai, float[] bp, int bi, int panels, float[] c, int ci, int ldc) {
        for (int q = 0; q < panels; q++) {
            // MR is a constant, so C2 keeps only one branch.
            if (MR == 12) tile12(kc, ap, ai, bp, bi + q * NR * kc, c, ci + q * NR, ldc);
            else tile4(kc, ap, ai, bp, bi + q * NR * kc, c, ci + q * NR, ldc);
        }
    }

    private static void tile12(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c0a = z, c0b = z, c1a = z, c1b = z, c2a = z, c2b = z, c3a = z, c3b = z;
        FloatVector c4a = z, c4b = z, c5a = z, c5b = z, c6a = z, c6b = z, c7a = z, c7b = z;
        FloatVector c8a = z, c8b = z, c9a = z, c9b = z, c10a = z, c10b = z, c11a = z, c11b = z;
        for (int p = 0; p < kc; p++) {
            int a = ai + p * 12, b = bi + p * NR;
            FloatVector ba = FloatVector.fromArray(S, bp, b);
            FloatVector bb = FloatVector.fromArray(S, bp, b + V);
            FloatVector x;
            x = FloatVector.broadcast(S, ap[a]);      c0a = x.fma(ba, c0a);   c0b = x.fma(bb, c0b);
            x = FloatVector.broadcast(S, ap[a + 1]);  c1a = x.fma(ba, c1a);   c1b = x.fma(bb, c1b);
            x = FloatVector.broadcast(S, ap[a + 2]);  c2a = x.fma(ba, c2a);   c2b = x.fma(bb, c2b);
            x = FloatVector.broadcast(S, ap[a + 3]);  c3a = x.fma(ba, c3a);   c3b = x.fma(bb, c3b);
            x = FloatVector.broadcast(S, ap[a + 4]);  c4a = x.fma(ba, c4a);   c4b = x.fma(bb, c4b);
            x = FloatVector.broadcast(S, ap[a + 5]);  c5a = x.fma(ba, c5a);   c5b = x.fma(bb, c5b);
            x = FloatVector.broadcast(S, ap[a + 6]);  c6a = x.fma(ba, c6a);   c6b = x.fma(bb, c6b);
            x = FloatVector.broadcast(S, ap[a + 7]);  c7a = x.fma(ba, c7a);   c7b = x.fma(bb, c7b);
            x = FloatVector.broadcast(S, ap[a + 8]);  c8a = x.fma(ba, c8a);   c8b = x.fma(bb, c8b);
            x = FloatVector.broadcast(S, ap[a + 9]);  c9a = x.fma(ba, c9a);   c9b = x.fma(bb, c9b);
            x = FloatVector.broadcast(S, ap[a + 10]); c10a = x.fma(ba, c10a); c10b = x.fma(bb, c10b);
            x = FloatVector.broadcast(S, ap[a + 11]); c11a = x.fma(ba, c11a); c11b = x.fma(bb, c11b);
        }
        // No helper methods here: the kernel is large enough in C2's IR to hit NodeCountInliningCutoff,
        // and a helper left out of line forces its vector arguments to be boxed as heap objects,
        // which C2 then does inside the k loop (8 GFLOP/s instead of 190). JDK vector methods are
        // force-inlined regardless.
        int c1 = ci + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc;
        int c6 = c5 + ldc, c7 = c6 + ldc, c8 = c7 + ldc, c9 = c8 + ldc, c10 = c9 + ldc, c11 = c10 + ldc;
        c0a.add(FloatVector.fromArray(S, c, ci)).intoArray(c, ci);
        c0b.add(FloatVector.fromArray(S, c, ci + V)).intoArray(c, ci + V);
        c1a.add(FloatVector.fromArray(S, c, c1)).intoArray(c, c1);
        c1b.add(FloatVector.fromArray(S, c, c1 + V)).intoArray(c, c1 + V);
        c2a.add(FloatVector.fromArray(S, c, c2)).intoArray(c, c2);
        c2b.add(FloatVector.fromArray(S, c, c2 + V)).intoArray(c, c2 + V);
        c3a.add(FloatVector.fromArray(S, c, c3)).intoArray(c, c3);
        c3b.add(FloatVector.fromArray(S, c, c3 + V)).intoArray(c, c3 + V);
        c4a.add(FloatVector.fromArray(S, c, c4)).intoArray(c, c4);
        c4b.add(FloatVector.fromArray(S, c, c4 + V)).intoArray(c, c4 + V);
        c5a.add(FloatVector.fromArray(S, c, c5)).intoArray(c, c5);
        c5b.add(FloatVector.fromArray(S, c, c5 + V)).intoArray(c, c5 + V);
        c6a.add(FloatVector.fromArray(S, c, c6)).intoArray(c, c6);
        c6b.add(FloatVector.fromArray(S, c, c6 + V)).intoArray(c, c6 + V);
        c7a.add(FloatVector.fromArray(S, c, c7)).intoArray(c, c7);
        c7b.add(FloatVector.fromArray(S, c, c7 + V)).intoArray(c, c7 + V);
        c8a.add(FloatVector.fromArray(S, c, c8)).intoArray(c, c8);
        c8b.add(FloatVector.fromArray(S, c, c8 + V)).intoArray(c, c8 + V);
        c9a.add(FloatVector.fromArray(S, c, c9)).intoArray(c, c9);
        c9b.add(FloatVector.fromArray(S, c, c9 + V)).intoArray(c, c9 + V);
        c10a.add(FloatVector.fromArray(S, c, c10)).intoArray(c, c10);
        c10b.add(FloatVector.fromArray(S, c, c10 + V)).intoArray(c, c10 + V);
        c11a.add(FloatVector.fromArray(S, c, c11)).intoArray(c, c11);
        c11b.add(FloatVector.fromArray(S, c, c11 + V)).intoArray(c, c11 + V);
    }

    private static void tile4(int kc, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c0a = z, c0b = z, c1a = z, c1b = z, c2a = z, c2b = z, c3a = z, c3b = z;
        for (int p = 0; p < kc; p++) {
            int a = ai + p * 4, b = bi + p * NR;
            FloatVector ba = FloatVector.fromArray(S, bp, b);
            FloatVector bb = FloatVector.fromArray(S, bp, b + V);
            FloatVector x;
            x = FloatVector.broadcast(S, ap[a + 0]); c0a = x.fma(ba, c0a); c0b = x.fma(bb, c0b);
            x = FloatVector.broadcast(S, ap[a + 1]); c1a = x.fma(ba, c1a); c1b = x.fma(bb, c1b);
            x = FloatVector.broadcast(S, ap[a + 2]); c2a = x.fma(ba, c2a); c2b = x.fma(bb, c2b);
            x = FloatVector.broadcast(S, ap[a + 3]); c3a = x.fma(ba, c3a); c3b = x.fma(bb, c3b);
        }
        c0a.add(FloatVector.fromArray(S, c, ci + 0 * ldc)).intoArray(c, ci + 0 * ldc);
        c0b.add(FloatVector.fromArray(S, c, ci + 0 * ldc + V)).intoArray(c, ci + 0 * ldc + V);
        c1a.add(FloatVector.fromArray(S, c, ci + 1 * ldc)).intoArray(c, ci + 1 * ldc);
        c1b.add(FloatVector.fromArray(S, c, ci + 1 * ldc + V)).intoArray(c, ci + 1 * ldc + V);
        c2a.add(FloatVector.fromArray(S, c, ci + 2 * ldc)).intoArray(c, ci + 2 * ldc);
        c2b.add(FloatVector.fromArray(S, c, ci + 2 * ldc + V)).intoArray(c, ci + 2 * ldc + V);
        c3a.add(FloatVector.fromArray(S, c, ci + 3 * ldc)).intoArray(c, ci + 3 * ldc);
        c3b.add(FloatVector.fromArray(S, c, ci + 3 * ldc + V)).intoArray(c, ci + 3 * ldc + V);
    }
}
