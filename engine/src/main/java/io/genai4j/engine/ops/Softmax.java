package io.genai4j.engine.ops;

import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.kernels.VecMath;

/**
 * softmax(x)_i = exp(x_i − max) / Σ_j exp(x_j − max), and log-softmax
 * x_i − max − log Σ_j exp(x_j − max), over one dimension, row by row (other dims are moved last).
 * Backward: softmax  gx = y ⊙ (gy − Σ gy⊙y);  log-softmax  gx = gy − softmax(x)·Σ gy.
 */
public final class Softmax {
    private Softmax() {}

    public static Tensor softmax(Tensor x, int dim, boolean log) {
        int rank = x.dim();
        int d = Shape.dim(dim, rank);
        if (d != rank - 1) {
            // Move dim last, compute over rows, move it back (views; one copy in contiguous()).
            return softmax(x.transpose(d, rank - 1), rank - 1, log).transpose(d, rank - 1);
        }
        Tensor xc = x.contiguous();
        float[] xd = xc.data();
        int off = xc.offset();
        int n = x.size(-1);
        int rows = n == 0 ? 0 : xc.numel() / n;
        float[] y = new float[xc.numel()];
        Parallel.forRange(rows, Math.max(1, Elementwise.GRAIN / Math.max(n, 1)), (lo, hi) -> {
            for (int r = lo; r < hi; r++) row(xd, off + r * n, y, r * n, n, log);
        });
        int[] shape = x.shape();
        return Tensor.result(y, shape, log ? "log_softmax" : "softmax", g -> {
            Tensor gc = g.contiguous();
            float[] gd = gc.data(), gx = new float[y.length];
            int go = gc.offset();
            Parallel.forRange(rows, Math.max(1, Elementwise.GRAIN / Math.max(n, 1)), (lo, hi) -> {
                for (int r = lo; r < hi; r++) {
                    int b = r * n;
                    if (log) {
                        // gx = gy − exp(y)·Σ gy
                        float s = VecMath.sum(gd, go + b, n);
                        VecMath.unary(VecMath.Unary.EXP, y, b, gx, b, n);
                        VecMath.scale(gx, b, n, -s);
                        VecMath.addInto(gd, go + b, gx, b, n);
                    } else {
                        // gx = y ⊙ (gy − Σ gy⊙y)
                        float s = VecMath.dot(gd, go + b, y, b, n);
                        VecMath.affine(gd, go + b, 1f, -s, gx, b, n);
                        VecMath.binary(VecMath.Binary.MUL, gx, b, 1, y, b, 1, gx, b, n);
                    }
                }
            });
            return new Tensor[] {Tensor.of(gx, shape)};
        }, x);
    }

    /** One row of softmax or log-softmax. */
    static void row(float[] x, int xo, float[] y, int yo, int n, boolean log) {
        float max = VecMath.max(x, xo, n);
        if (max == Float.NEGATIVE_INFINITY) max = 0f;   // a fully masked row: avoid NaN from −∞ − −∞
        if (log) {
            float lse = max + (float) Math.log(VecMath.sumExpShift(x, xo, max, n));
            VecMath.affine(x, xo, 1f, -lse, y, yo, n);
        } else {
            float sum = VecMath.expShiftSum(x, xo, max, y, yo, n);
            VecMath.scale(y, yo, n, sum == 0f ? 0f : 1f / sum);   // a fully masked row attends to nothing
        }
    }
}
