package io.genai4j.engine.quant;

import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Gemm;
import io.genai4j.engine.kernels.GemmBackends;
import io.genai4j.engine.kernels.Parallel;
import java.util.Arrays;

/**
 * y = x·Wᵀ for a weight W [out, in] kept in its storage format (quantized, half or memory-mapped
 * F32): the layer of every LLM. Output rows are split into panels of {@link #PANEL} rows; each
 * thread decodes one panel of W to floats and multiplies it with all of x through the GEMM, so a
 * prompt of T tokens decodes every weight once and a single token costs one pass over the weights.
 * <pre>
 *   forward:  y[t, o] = Σ_i x[t, i]·W[o, i]
 *   backward: dx[t, i] = Σ_o dy[t, o]·W[o, i]      (W is frozen: no gradient of its own)
 * </pre>
 * A later kernel can compute on the quantized blocks directly; this one keeps the arithmetic in
 * F32 so its results match the dense path to rounding.
 */
public final class QuantMatMul {
    private QuantMatMul() {}

    static final int PANEL = 64;

    /** x [..., in] · Wᵀ → [..., out]. */
    public static Tensor linear(Tensor x, WeightMatrix w) {
        int in = w.cols(), out = w.rows();
        if (x.size(-1) != in) {
            throw new IllegalArgumentException("matmul shapes " + Shape.str(x.shape()) + " and weight [" + out + ", " + in + "]ᵀ do not align ("
                    + x.size(-1) + " vs " + in + ")");
        }
        Tensor xc = x.contiguous();
        float[] xd = xc.data();
        int xo = xc.offset();
        int t = xc.numel() / Math.max(in, 1);
        float[] y = new float[t * out];
        Gemm gemm = GemmBackends.current();
        int panels = (out + PANEL - 1) / PANEL;
        Parallel.forRange(panels, 1, (lo, hi) -> {
            float[] panel = new float[PANEL * in];
            byte[] scratch = w.scratch(PANEL);
            for (int p = lo; p < hi; p++) {
                int r0 = p * PANEL, n = Math.min(PANEL, out - r0);
                w.decodeRows(r0, n, panel, 0, scratch);
                // y[:, r0:r0+n] = x · panelᵀ
                gemm.sgemm(false, true, t, n, in, 1f, xd, xo, in, panel, 0, in, 0f, y, r0, out);
            }
        });
        int[] shape = x.shape();
        int[] outShape = Arrays.copyOf(shape, shape.length);
        outShape[shape.length - 1] = out;
        return Tensor.result(y, outShape, "quant_matmul", g -> new Tensor[] {backward(g, w, t, shape)}, x);
    }

    /** dx = dy·W, accumulated panel by panel. */
    private static Tensor backward(Tensor g, WeightMatrix w, int t, int[] xShape) {
        int in = w.cols(), out = w.rows();
        Tensor gc = g.contiguous();
        float[] gd = gc.data();
        float[] dx = new float[t * in];
        float[] panel = new float[PANEL * in];
        byte[] scratch = w.scratch(PANEL);
        Gemm gemm = GemmBackends.current();
        for (int r0 = 0; r0 < out; r0 += PANEL) {
            int n = Math.min(PANEL, out - r0);
            w.decodeRows(r0, n, panel, 0, scratch);
            gemm.sgemm(false, false, t, in, n, 1f, gd, gc.offset() + r0, out, panel, 0, in, 1f, dx, 0, in);
        }
        return Tensor.of(dx, xShape);
    }

    /** Rows of W at ids, shaped idsShape + [in]: an embedding lookup in a quantized table. */
    public static Tensor rows(WeightMatrix w, int[] ids, int... idsShape) {
        int d = w.cols();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= w.rows()) {
                throw new IllegalArgumentException("token id " + ids[i] + " at position " + i + " is outside the vocabulary [0, " + w.rows() + ")");
            }
        }
        float[] out = new float[ids.length * d];
        Parallel.forRange(ids.length, 1, (lo, hi) -> {
            byte[] scratch = w.scratch(1);
            for (int i = lo; i < hi; i++) w.decodeRows(ids[i], 1, out, i * d, scratch);
        });
        int[] outShape = Arrays.copyOf(idsShape, idsShape.length + 1);
        outShape[idsShape.length] = d;
        return Tensor.of(out, outShape);
    }
}
