package io.genai4j.engine.infer;

import io.genai4j.engine.kernels.Gemm;
import io.genai4j.engine.kernels.GemmBackends;

/**
 * A LoRA side path on one matrix of a fused group: the runtime adds
 * <pre>
 *   y[:, offset .. offset + out) += s · (x·Aᵀ)·Bᵀ          A [r, in], B [out, r]
 * </pre>
 * to the group's output, so the base weights stay shared and unmerged: one loaded model serves
 * runtimes with different adapters (or none) at once. Two thin GEMMs: t×r then t×out.
 */
public record LowRank(float[] a, float[] b, int rank, int in, int out, int offset, float scale) {
    public LowRank {
        if (a.length != rank * in || b.length != out * rank) throw new IllegalArgumentException("low-rank matrices do not match rank " + rank + ", in " + in + ", out " + out);
    }

    /** Adds the side path of t rows of x (width in, from xOff) into y (rows of yStride floats, from yOff). */
    void addTo(float[] x, int xOff, int t, float[] y, int yOff, int yStride) {
        Gemm gemm = GemmBackends.current();
        float[] ax = new float[t * rank];
        gemm.sgemm(false, true, t, rank, in, 1f, x, xOff, in, a, 0, in, 0f, ax, 0, rank);
        gemm.sgemm(false, true, t, out, rank, scale, ax, 0, rank, b, 0, rank, 1f, y, yOff + offset, yStride);
    }
}
