package io.genai4j.engine.quant;

import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Gemm;
import io.genai4j.engine.kernels.GemmBackends;
import io.genai4j.engine.kernels.Parallel;
import java.util.Arrays;

/**
 * y = x·Wᵀ for a weight W [out, in] kept in its storage format (quantized, half or memory-mapped
 * F32): the layer of every LLM. A single token is a matrix-vector product on the stored blocks; a
 * batch of T tokens decodes W panel by panel and multiplies each panel with all of x through the
 * GEMM, so every weight is decoded once ({@link MatVec}).
 * <pre>
 *   forward:  y[t, o] = Σ_i x[t, i]·W[o, i]
 *   backward: dx[t, i] = Σ_o dy[t, o]·W[o, i]      (W is frozen: no gradient of its own)
 * </pre>
 */
public final class QuantMatMul {
    private QuantMatMul() {}

    static final int PANEL = MatVec.PANEL;

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
        new MatVec(w).apply(xd, xo, t, y, 0, out);
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
        Gemm gemm = GemmBackends.current();
        for (int r0 = 0; r0 < out; r0 += PANEL) {
            int n = Math.min(PANEL, out - r0);
            w.decodeRows(r0, n, panel, 0);
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
            for (int i = lo; i < hi; i++) w.decodeRows(ids[i], 1, out, i * d);
        });
        int[] outShape = Arrays.copyOf(idsShape, idsShape.length + 1);
        outShape[idsShape.length] = d;
        return Tensor.of(out, outShape);
    }
}
