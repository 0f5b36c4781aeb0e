package io.genai4j.engine.ops;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.kernels.VecMath;

/**
 * Cross-entropy from logits, fused with log-softmax so the probabilities never need storing:
 * <pre>
 *   ℓ_n = (1 − ε)·(lse(x_n) − x_n[t_n]) + ε·(lse(x_n) − mean_c x_n[c])      (ε = label smoothing)
 *   L   = Σ_{n: t_n ≠ ignore} ℓ_n / #{n: t_n ≠ ignore}
 *   ∂L/∂x_n = (softmax(x_n) − (1 − ε)·onehot(t_n) − ε/C) / count
 * </pre>
 * A batch in which every target is ignored has loss 0 and zero gradient.
 */
public final class Losses {
    private Losses() {}

    public static Tensor crossEntropy(Tensor logits, int[] targets, int ignoreIndex, float labelSmoothing) {
        int c = logits.size(-1);
        Tensor lc = logits.contiguous();
        int rows = c == 0 ? 0 : lc.numel() / c;
        if (targets.length != rows) {
            throw new IllegalArgumentException("cross-entropy: " + rows + " rows of logits but " + targets.length + " targets");
        }
        if (labelSmoothing < 0f || labelSmoothing >= 1f) throw new IllegalArgumentException("label smoothing must be in [0, 1)");
        int count = 0;
        for (int i = 0; i < rows; i++) {
            int t = targets[i];
            if (t == ignoreIndex) continue;
            if (t < 0 || t >= c) throw new IllegalArgumentException("cross-entropy: target " + t + " at position " + i + " is outside [0, " + c + ")");
            count++;
        }
        float[] x = lc.data();
        int xo = lc.offset();
        float[] lse = new float[rows];
        double[] rowLoss = new double[rows];
        float eps = labelSmoothing;
        Parallel.forRange(rows, Math.max(1, Elementwise.GRAIN / Math.max(c, 1)), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                if (targets[r] == ignoreIndex) continue;
                int p = xo + r * c;
                float max = VecMath.max(x, p, c);
                float l = max + (float) Math.log(VecMath.sumExpShift(x, p, max, c));
                lse[r] = l;
                double nll = l - x[p + targets[r]];
                rowLoss[r] = eps == 0f ? nll : (1 - eps) * nll + eps * (l - VecMath.sum(x, p, c) / c);
            }
        });
        double total = 0;
        for (double v : rowLoss) total += v;
        int n = count;
        float loss = n == 0 ? 0f : (float) (total / n);
        int[] shape = logits.shape();
        return Tensor.result(new float[] {loss}, new int[0], "cross_entropy", g -> {
            float scale = n == 0 ? 0f : g.item() / n;
            float[] gx = new float[rows * c];
            Parallel.forRange(rows, Math.max(1, Elementwise.GRAIN / Math.max(c, 1)), (lo, hi) -> {
                for (int r = lo; r < hi; r++) {
                    if (targets[r] == ignoreIndex) continue;
                    int b = r * c;
                    // softmax(x) = exp(x − lse), then subtract the smoothed one-hot target.
                    VecMath.affine(x, xo + b, 1f, -lse[r], gx, b, c);
                    VecMath.unary(VecMath.Unary.EXP, gx, b, gx, b, c);
                    VecMath.affine(gx, b, scale, -eps / c * scale, gx, b, c);
                    gx[b + targets[r]] -= (1 - eps) * scale;
                }
            });
            return new Tensor[] {Tensor.of(gx, shape)};
        }, logits);
    }

    /**
     * Binary cross-entropy of logits x against targets t in [0, 1], elementwise and numerically stable:
     * <pre>
     *   ℓ = −t·log σ(x) − (1 − t)·log(1 − σ(x)) = max(x, 0) − x·t + log(1 + e^−|x|)
     *   ∂ℓ/∂x = σ(x) − t
     * </pre>
     * The targets are data (pixels, real/fake labels): they take no gradient.
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor targets) {
        if (!java.util.Arrays.equals(logits.shape(), targets.shape())) {
            throw new IllegalArgumentException("binary cross-entropy: logits " + java.util.Arrays.toString(logits.shape())
                    + " and targets " + java.util.Arrays.toString(targets.shape()) + " differ in shape");
        }
        if (targets.requiresGrad()) throw new IllegalArgumentException("binary cross-entropy: the targets take no gradient (detach them)");
        Tensor lc = logits.contiguous(), tc = targets.contiguous();
        float[] x = lc.data(), t = tc.data();
        int xo = lc.offset(), to = tc.offset(), n = lc.numel();
        float[] y = new float[n];
        Parallel.forRange(n, Elementwise.GRAIN, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                float v = x[xo + i];
                y[i] = (float) (Math.max(v, 0) - v * t[to + i] + Math.log1p(Math.exp(-Math.abs(v))));
            }
        });
        return Tensor.result(y, logits.shape(), "bce_with_logits", g -> {
            Tensor gc = g.contiguous();
            float[] gd = gc.data(), gx = new float[n];
            int go = gc.offset();
            Parallel.forRange(n, Elementwise.GRAIN, (lo, hi) -> {
                for (int i = lo; i < hi; i++) gx[i] = gd[go + i] * (float) (1 / (1 + Math.exp(-x[xo + i])) - t[to + i]);
            });
            return new Tensor[] {Tensor.of(gx, logits.shape())};
        }, logits);
    }
}
