package io.genai4j.engine.kernels;

import static io.genai4j.engine.kernels.GemmKernel.MR;
import static io.genai4j.engine.kernels.GemmKernel.NR;
import static io.genai4j.engine.kernels.GemmKernel.S;
import static io.genai4j.engine.kernels.GemmKernel.V;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * Packs blocks of op(A) and op(B) into the micro-panel layouts {@link GemmKernel} streams through,
 * so the kernel always reads both operands with unit stride whatever the transposes and leading
 * dimensions were. Partial panels are zero-padded to full MR or NR, so the kernel never needs an
 * edge case; the padding lands in a scratch tile that the caller drops.
 */
final class GemmPack {
    private GemmPack() {}

    /**
     * Packs rows [i0, i0+mc) × columns [p0, p0+kc) of op(A), times alpha, as MR-row micro-panels:
     * panel q holds rows i0+q·MR.., element (r, p) at {@code dst[dOff + q·MR·kc + p·MR + r]}.
     * Only the panels [q0, q1) are written, so threads can share one block.
     */
    static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc,
                      float alpha, float[] dst, int dOff, int q0, int q1) {
        for (int q = q0; q < q1; q++) {
            int d = dOff + q * MR * kc;
            int rows = Math.min(MR, mc - q * MR);
            int i = i0 + q * MR;
            if (transA) {
                // op(A)(i, p) = a[p*lda + i]: the MR values of one p are contiguous in the source.
                for (int p = 0; p < kc; p++) {
                    int s = aOff + (p0 + p) * lda + i, t = d + p * MR;
                    for (int r = 0; r < rows; r++) dst[t + r] = alpha * a[s + r];
                    for (int r = rows; r < MR; r++) dst[t + r] = 0f;
                }
            } else {
                // op(A)(i, p) = a[i*lda + p]: read each row contiguously, write with stride MR.
                // (Tried: panels stored row by row with stride KC, which makes this a plain copy
                // and cut packing from 5% to 2% of a 1024³ product; but the kernel then reads 12
                // A streams at once and the product ran ~15% slower, 165 against 200 GFLOP/s.)
                for (int r = 0; r < rows; r++) {
                    int s = aOff + (i + r) * lda + p0, t = d + r;
                    for (int p = 0; p < kc; p++) dst[t + p * MR] = alpha * a[s + p];
                }
                for (int r = rows; r < MR; r++) {
                    for (int p = 0; p < kc; p++) dst[d + r + p * MR] = 0f;
                }
            }
        }
    }

    /**
     * Packs rows [p0, p0+kc) × columns [j0, j0+nc) of op(B) as NR-column micro-panels: panel q holds
     * columns j0+q·NR.., element (p, j) at {@code dst[q·NR·kc + p·NR + j]}.
     */
    static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc,
                      float[] dst) {
        if (transB) {
            // op(B)(p, j) = b[j*ldb + p]: read each source row contiguously, write with stride NR.
            for (int q = 0; q * NR < nc; q++) {
                int d = q * NR * kc;
                int cols = Math.min(NR, nc - q * NR);
                for (int col = 0; col < cols; col++) {
                    int s = bOff + (j0 + q * NR + col) * ldb + p0, t = d + col;
                    for (int p = 0; p < kc; p++) dst[t + p * NR] = b[s + p];
                }
                for (int col = cols; col < NR; col++) {
                    for (int p = 0; p < kc; p++) dst[d + col + p * NR] = 0f;
                }
            }
            return;
        }
        // op(B)(p, j) = b[p*ldb + j]: walk each source row once, left to right, dealing NR-float
        // pieces out to the panels. (Panel by panel instead, every piece is a new 4 KiB page for
        // ldb = 1024: packing took 9% of a 1024³ product.) The inner copy is a plain loop that C2
        // turns into vector moves; System.arraycopy's stub call costs as much as a 128-byte copy.
        int full = nc / NR;
        for (int p = 0; p < kc; p++) {
            int s = bOff + (p0 + p) * ldb + j0, t = p * NR;
            for (int q = 0; q < full; q++, s += NR, t += NR * kc) {
                for (int v = 0; v < NR; v += V) FloatVector.fromArray(S, b, s + v).intoArray(dst, t + v);
            }
            int cols = nc - full * NR;
            if (cols > 0) {
                System.arraycopy(b, s, dst, t, cols);
                Arrays.fill(dst, t + cols, t + NR, 0f);
            }
        }
    }
}
