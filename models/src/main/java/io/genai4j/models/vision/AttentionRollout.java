package io.genai4j.models.vision;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.autograd.Grad;
import java.util.List;

/**
 * Where the ViT's class token looks, per layer, for one image (Abnar &amp; Zuidema 2020, "attention
 * rollout"). Each layer's weights are averaged over heads and the residual path is added,
 * Â_ℓ = ½·mean_h(A_ℓ) + ½·I; rolled out through the layers, R_ℓ = Â_ℓ·R_{ℓ−1}, R_0 = I. Row 0 of
 * R_ℓ without its own column is the class token's attention over the patches up to layer ℓ,
 * {@code rollout[ℓ]} as a grid × grid map; {@code direct[ℓ]} is row 0 of mean_h(A_ℓ) alone.
 */
public record AttentionRollout(int grid, float[][][] rollout, float[][][] direct, int predicted) {

    /** Runs the ViT on one image [1, 1, H, W] and rolls its attention out. */
    public static AttentionRollout of(Vit vit, Tensor image) {
        if (image.size(0) != 1) throw new IllegalArgumentException("attention rollout takes one image, got a batch of " + image.size(0));
        Vit.Output o;
        boolean was = vit.isTraining();
        vit.eval();
        try (Grad g = Grad.off()) {
            o = vit.forward(image, true);
        } finally {
            vit.train(was);
        }
        return of(o.attention(), vit.config.grid(), o.logits().argmax()[0]);
    }

    /** From per-layer weights [1, heads, T, T] with T = 1 + grid². */
    public static AttentionRollout of(List<Tensor> layers, int grid, int predicted) {
        int t = grid * grid + 1, n = layers.size();
        double[][] r = identity(t);
        float[][][] rolled = new float[n][][], direct = new float[n][][];
        for (int l = 0; l < n; l++) {
            double[][] a = headMean(layers.get(l), t);
            direct[l] = classRow(a, grid);
            for (int i = 0; i < t; i++) for (int j = 0; j < t; j++) a[i][j] = 0.5 * a[i][j] + (i == j ? 0.5 : 0);
            r = times(a, r);
            rolled[l] = classRow(r, grid);
        }
        return new AttentionRollout(grid, rolled, direct, predicted);
    }

    private static double[][] headMean(Tensor w, int t) {
        if (w.dim() != 4 || w.size(2) != t || w.size(3) != t) throw new IllegalArgumentException("attention weights must be [1, heads, " + t + ", " + t + "]");
        int heads = w.size(1);
        float[] d = w.select(0, 0).toArray();
        double[][] a = new double[t][t];
        for (int h = 0; h < heads; h++) for (int i = 0; i < t; i++) for (int j = 0; j < t; j++) a[i][j] += d[(h * t + i) * t + j] / (double) heads;
        return a;
    }

    private static float[][] classRow(double[][] m, int grid) {
        float[][] out = new float[grid][grid];
        for (int k = 0; k < grid * grid; k++) out[k / grid][k % grid] = (float) m[0][k + 1];
        return out;
    }

    private static double[][] identity(int t) {
        double[][] m = new double[t][t];
        for (int i = 0; i < t; i++) m[i][i] = 1;
        return m;
    }

    private static double[][] times(double[][] a, double[][] b) {
        int t = a.length;
        double[][] c = new double[t][t];
        for (int i = 0; i < t; i++) for (int k = 0; k < t; k++) for (int j = 0; j < t; j++) c[i][j] += a[i][k] * b[k][j];
        return c;
    }
}
