package io.genai4j.engine.ops;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.NormRows;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.kernels.VecMath;

/**
 * Layer norm and RMS norm over the last dimension, one fused kernel for both (RMS norm is layer
 * norm without centring and without bias):
 * <pre>
 *   LayerNorm:  x̂ = (x − μ) / √(σ² + ε),   y = x̂ ⊙ γ + β
 *   RMSNorm:    x̂ = x / √(mean(x²) + ε),    y = x̂ ⊙ γ
 * </pre>
 * Backward with ĝ = gy ⊙ γ:  dx = rstd · (ĝ − mean(ĝ) − x̂ · mean(ĝ ⊙ x̂))  (drop mean(ĝ) for RMS),
 * dγ = Σ_rows gy ⊙ x̂,  dβ = Σ_rows gy.
 */
public final class Norms {
    private Norms() {}

    public static Tensor layerNorm(Tensor x, Tensor weight, Tensor bias, float eps) {
        return norm(x, weight, bias, eps, true);
    }

    public static Tensor rmsNorm(Tensor x, Tensor weight, float eps) {
        return norm(x, weight, null, eps, false);
    }

    private static Tensor norm(Tensor x, Tensor weight, Tensor bias, float eps, boolean center) {
        int c = x.size(-1);
        check(weight, c, "weight");
        check(bias, c, "bias");
        Tensor xc = x.contiguous();
        float[] xd = xc.data();
        int xo = xc.offset();
        int rows = c == 0 ? 0 : xc.numel() / c;
        float[] w = weight == null ? null : weight.contiguous().toArray();
        float[] b = bias == null ? null : bias.contiguous().toArray();
        float[] y = new float[rows * c];
        float[] mean = new float[rows], rstd = new float[rows];
        int grain = Math.max(1, Elementwise.GRAIN / Math.max(c, 1));
        Parallel.forRange(rows, grain, (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int p = xo + r * c;
                float mu = center ? VecMath.sum(xd, p, c) / c : 0f;
                float var = VecMath.sumSquaredDeviation(xd, p, c, mu) / c;
                float rs = (float) (1.0 / Math.sqrt(var + eps));
                mean[r] = mu;
                rstd[r] = rs;
                NormRows.forward(xd, p, y, r * c, c, mu, rs, w, b);
            }
        });
        int[] shape = x.shape();
        return Tensor.result(y, shape, center ? "layer_norm" : "rms_norm", g -> {
            Tensor gc = g.contiguous();
            float[] gd = gc.data();
            int go = gc.offset();
            float[] gx = new float[rows * c];
            int chunks = Math.max(1, Math.min(rows, Parallel.threads() * 2));
            int per = (rows + chunks - 1) / chunks;
            float[][] gw = new float[chunks][], gb = new float[chunks][];
            Parallel.forRange(chunks, 1, (lo, hi) -> {
                float[] gxhat = new float[c];
                for (int ch = lo; ch < hi; ch++) {
                    float[] dw = weight != null ? new float[c] : null;
                    float[] db = bias != null ? new float[c] : null;
                    for (int r = ch * per; r < Math.min(rows, (ch + 1) * per); r++) {
                        NormRows.backward(xd, xo + r * c, gd, go + r * c, gx, r * c, c, mean[r], rstd[r], w, gxhat, dw, db, center);
                    }
                    gw[ch] = dw;
                    gb[ch] = db;
                }
            });
            return new Tensor[] {
                    Tensor.of(gx, shape),
                    weight != null && weight.requiresGrad() ? Tensor.of(sumPartials(gw, c), weight.shape()) : null,
                    bias != null && bias.requiresGrad() ? Tensor.of(sumPartials(gb, c), bias.shape()) : null
            };
        }, x, weight, bias);
    }

    private static void check(Tensor p, int c, String what) {
        if (p != null && p.numel() != c) {
            throw new IllegalArgumentException("norm " + what + " has " + p.numel() + " elements, expected " + c);
        }
    }

    private static float[] sumPartials(float[][] parts, int c) {
        float[] out = new float[c];
        for (float[] p : parts) if (p != null) VecMath.addInto(p, 0, out, 0, c);
        return out;
    }
}
