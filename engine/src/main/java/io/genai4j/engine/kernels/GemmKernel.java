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
 * machine with both panels in L1 (best of 40 runs, kc = 256): 12×2V 256 GFLOP/s, 10×2V 258,
 * 8×3V 258, 6×4V 255, 8×2V 256, 4×4V 249, 16×1V 229, 14×2V 242 (spills), against a 273 GFLOP/s
 * register-only FMA peak. Among the shapes that reach peak in L1, 12×2V needs the fewest loads per
 * FMA (14 per 24), which matters once B streams from L2.
 *
 * <p>The code shape is deliberate. C2 keeps all 24 accumulators in registers only while the loop
 * and the epilogue stay simple: an epilogue that branched on beta per store made C2 spill an
 * accumulator to the stack inside the k loop and the kernel fell to 105-160 GFLOP/s. So beta is
 * handled by the caller, and the only branch here is one {@code add} test around the whole
 * epilogue.
 *
 * <p>Any vector width is correct (NR follows the species); on 256-bit machines with 16 vector
 * registers this shape spills, which costs speed but not correctness.
 */
final class GemmKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int V = S.length();
    static final int MR = 12;
    static final int NR = 2 * V;

    private GemmKernel() {}

    /**
     * C[r][j] = (add ? C[r][j] : 0) + sum over p of A[r][p]·B[p][j], for the full MR×NR tile, where
     * A[r][p] = ap[ai + p*MR + r], B[p][j] = bp[bi + p*NR + j], C[r][j] = c[ci + r*ldc + j].
     */
    static void kernel(int kc, float[] ap, int ai, float[] bp, int bi,
                       float[] c, int ci, int ldc, boolean add) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c0a = z, c0b = z, c1a = z, c1b = z, c2a = z, c2b = z, c3a = z, c3b = z;
        FloatVector c4a = z, c4b = z, c5a = z, c5b = z, c6a = z, c6b = z, c7a = z, c7b = z;
        FloatVector c8a = z, c8b = z, c9a = z, c9b = z, c10a = z, c10b = z, c11a = z, c11b = z;
        for (int p = 0; p < kc; p++) {
            int a = ai + p * MR, b = bi + p * NR;
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
        // One call per vector keeps each helper under C2's 35-byte limit for inlining call sites
        // that run once per kernel call. A helper that is not inlined forces every accumulator
        // passed to it to be boxed as a heap object, inside the k loop: 8 GFLOP/s instead of 190.
        int c1 = ci + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc;
        int c6 = c5 + ldc, c7 = c6 + ldc, c8 = c7 + ldc, c9 = c8 + ldc, c10 = c9 + ldc, c11 = c10 + ldc;
        if (add) {
            add(c, ci, c0a);  add(c, ci + V, c0b);  add(c, c1, c1a);   add(c, c1 + V, c1b);
            add(c, c2, c2a);  add(c, c2 + V, c2b);  add(c, c3, c3a);   add(c, c3 + V, c3b);
            add(c, c4, c4a);  add(c, c4 + V, c4b);  add(c, c5, c5a);   add(c, c5 + V, c5b);
            add(c, c6, c6a);  add(c, c6 + V, c6b);  add(c, c7, c7a);   add(c, c7 + V, c7b);
            add(c, c8, c8a);  add(c, c8 + V, c8b);  add(c, c9, c9a);   add(c, c9 + V, c9b);
            add(c, c10, c10a); add(c, c10 + V, c10b); add(c, c11, c11a); add(c, c11 + V, c11b);
        } else {
            c0a.intoArray(c, ci);  c0b.intoArray(c, ci + V);  c1a.intoArray(c, c1);   c1b.intoArray(c, c1 + V);
            c2a.intoArray(c, c2);  c2b.intoArray(c, c2 + V);  c3a.intoArray(c, c3);   c3b.intoArray(c, c3 + V);
            c4a.intoArray(c, c4);  c4b.intoArray(c, c4 + V);  c5a.intoArray(c, c5);   c5b.intoArray(c, c5 + V);
            c6a.intoArray(c, c6);  c6b.intoArray(c, c6 + V);  c7a.intoArray(c, c7);   c7b.intoArray(c, c7 + V);
            c8a.intoArray(c, c8);  c8b.intoArray(c, c8 + V);  c9a.intoArray(c, c9);   c9b.intoArray(c, c9 + V);
            c10a.intoArray(c, c10); c10b.intoArray(c, c10 + V); c11a.intoArray(c, c11); c11b.intoArray(c, c11 + V);
        }
    }

    private static void add(float[] c, int i, FloatVector x) {
        x.add(FloatVector.fromArray(S, c, i)).intoArray(c, i);
    }
}
