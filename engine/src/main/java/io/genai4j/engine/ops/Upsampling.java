package io.genai4j.engine.ops;

import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Parallel;

/**
 * Resizing NCHW images to [H', W'] as PyTorch's interpolate does (align_corners=False). Both modes
 * are separable: each output row (column) mixes at most two input rows (columns) with weights
 * that sum to 1, so forward and backward share one table of taps per axis.
 * <pre>
 *   nearest:   src = ⌊dst · in/out⌋
 *   bilinear:  s = max(0, (dst + ½) · in/out − ½),  i0 = ⌊s⌋,  i1 = min(i0 + 1, in − 1),  λ = s − i0
 *              y = (1 − λ_y)(1 − λ_x)·x[i0,j0] + (1 − λ_y)λ_x·x[i0,j1] + λ_y(1 − λ_x)·x[i1,j0] + λ_yλ_x·x[i1,j1]
 * </pre>
 * The backward pass adds each output gradient onto the same taps with the same weights.
 */
public final class Upsampling {
    private Upsampling() {}

    public static Tensor nearest(Tensor x, int outH, int outW) {
        return resize(x, outH, outW, false);
    }

    public static Tensor bilinear(Tensor x, int outH, int outW) {
        return resize(x, outH, outW, true);
    }

    /** For each output index: the two source indices and the weight of the second. */
    private record Taps(int[] i0, int[] i1, float[] lambda) {
        static Taps of(int in, int out, boolean linear) {
            int[] a = new int[out], b = new int[out];
            float[] l = new float[out];
            double scale = (double) in / out;
            for (int o = 0; o < out; o++) {
                if (!linear) {
                    a[o] = b[o] = Math.min((int) Math.floor(o * scale), in - 1);
                    continue;
                }
                double s = Math.max(0, (o + 0.5) * scale - 0.5);
                int i = Math.min((int) Math.floor(s), in - 1);
                a[o] = i;
                b[o] = Math.min(i + 1, in - 1);
                l[o] = (float) (s - i);
            }
            return new Taps(a, b, l);
        }
    }

    private static Tensor resize(Tensor x, int oh, int ow, boolean linear) {
        if (x.dim() != 4) throw new IllegalArgumentException("upsampling needs x [N, C, H, W], got " + Shape.str(x.shape()));
        if (oh < 1 || ow < 1) throw new IllegalArgumentException("upsampling output size must be positive, got " + oh + "×" + ow);
        int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3), planes = n * c;
        Taps ty = Taps.of(h, oh, linear), tx = Taps.of(w, ow, linear);
        Tensor xc = x.contiguous();
        float[] xd = xc.data();
        int xo = xc.offset();
        float[] y = new float[planes * oh * ow];
        int grain = Math.max(1, Elementwise.GRAIN / Math.max(1, oh * ow));
        Parallel.forRange(planes, grain, (lo, hi) -> {
            for (int pl = lo; pl < hi; pl++) {
                int src = xo + pl * h * w, dst = pl * oh * ow;
                for (int oy = 0; oy < oh; oy++) {
                    int r0 = src + ty.i0[oy] * w, r1 = src + ty.i1[oy] * w;
                    float ly = ty.lambda[oy];
                    for (int ox = 0; ox < ow; ox++) {
                        int c0 = tx.i0[ox], c1 = tx.i1[ox];
                        float lx = tx.lambda[ox];
                        float top = xd[r0 + c0] + lx * (xd[r0 + c1] - xd[r0 + c0]);
                        float bottom = xd[r1 + c0] + lx * (xd[r1 + c1] - xd[r1 + c0]);
                        y[dst + oy * ow + ox] = top + ly * (bottom - top);
                    }
                }
            }
        });
        int[] xs = x.shape();
        return Tensor.result(y, new int[] {n, c, oh, ow}, linear ? "upsample_bilinear" : "upsample_nearest", gy -> {
            float[] gd = gy.contiguous().toArray();
            float[] dx = new float[planes * h * w];
            Parallel.forRange(planes, grain, (lo, hi) -> {
                for (int pl = lo; pl < hi; pl++) {
                    int base = pl * h * w, src = pl * oh * ow;
                    for (int oy = 0; oy < oh; oy++) {
                        int r0 = base + ty.i0[oy] * w, r1 = base + ty.i1[oy] * w;
                        float ly = ty.lambda[oy];
                        for (int ox = 0; ox < ow; ox++) {
                            float g = gd[src + oy * ow + ox], lx = tx.lambda[ox];
                            int c0 = tx.i0[ox], c1 = tx.i1[ox];
                            dx[r0 + c0] += g * (1 - ly) * (1 - lx);
                            dx[r0 + c1] += g * (1 - ly) * lx;
                            dx[r1 + c0] += g * ly * (1 - lx);
                            dx[r1 + c1] += g * ly * lx;
                        }
                    }
                }
            });
            return new Tensor[] {Tensor.of(dx, xs)};
        }, x);
    }
}
