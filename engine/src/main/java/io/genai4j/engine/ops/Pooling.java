package io.genai4j.engine.ops;

import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Parallel;

/**
 * Max and average pooling over NCHW images, one window per output pixel of each channel plane
 * (the window geometry's groups are ignored; padding is -∞ for max and 0 for average, which divides
 * by the full window kh·kw as PyTorch's default count_include_pad=True does).
 * <pre>
 *   max:  y = max_window x,     dx[argmax] += dy   (the first maximum on ties)
 *   avg:  y = Σ_window x / (kh·kw),   dx[window] += dy / (kh·kw)
 * </pre>
 */
public final class Pooling {
    private Pooling() {}

    public static Tensor maxPool2d(Tensor x, ConvGeometry geo) {
        return pool(x, geo, true);
    }

    public static Tensor avgPool2d(Tensor x, ConvGeometry geo) {
        return pool(x, geo, false);
    }

    private static Tensor pool(Tensor x, ConvGeometry geo, boolean max) {
        if (x.dim() != 4) throw new IllegalArgumentException("pooling needs x [N, C, H, W], got " + Shape.str(x.shape()));
        int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        int oh = geo.outH(h), ow = geo.outW(w), planes = n * c, p = oh * ow;
        Tensor xc = x.contiguous();
        float[] xd = xc.data();
        int xo = xc.offset();
        float[] y = new float[planes * p];
        int[] arg = max ? new int[planes * p] : null;   // flat index within the plane, -1 if the window is all padding
        float inv = 1f / (geo.kh() * geo.kw());
        Parallel.forRange(planes, Math.max(1, Elementwise.GRAIN / Math.max(1, p * geo.kh() * geo.kw())), (lo, hi) -> {
            for (int pl = lo; pl < hi; pl++) {
                int base = xo + pl * h * w;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        float best = Float.NEGATIVE_INFINITY, sum = 0f;
                        int at = -1;
                        for (int i = 0; i < geo.kh(); i++) {
                            int iy = oy * geo.sh() - geo.ph() + i * geo.dh();
                            if (iy < 0 || iy >= h) continue;
                            for (int j = 0; j < geo.kw(); j++) {
                                int ix = ox * geo.sw() - geo.pw() + j * geo.dw();
                                if (ix < 0 || ix >= w) continue;
                                float v = xd[base + iy * w + ix];
                                sum += v;
                                if (v > best || at < 0) {
                                    best = v;
                                    at = iy * w + ix;
                                }
                            }
                        }
                        int out = pl * p + oy * ow + ox;
                        if (max) {
                            y[out] = best;
                            arg[out] = at;
                        } else {
                            y[out] = sum * inv;
                        }
                    }
                }
            }
        });
        int[] xs = x.shape();
        return Tensor.result(y, new int[] {n, c, oh, ow}, max ? "max_pool2d" : "avg_pool2d", gy -> {
            float[] gd = gy.contiguous().toArray();
            float[] dx = new float[planes * h * w];
            Parallel.forRange(planes, Math.max(1, Elementwise.GRAIN / Math.max(1, p)), (lo, hi) -> {
                for (int pl = lo; pl < hi; pl++) {
                    int base = pl * h * w;
                    for (int oy = 0; oy < oh; oy++) {
                        for (int ox = 0; ox < ow; ox++) {
                            int out = pl * p + oy * ow + ox;
                            if (max) {
                                if (arg[out] >= 0) dx[base + arg[out]] += gd[out];
                                continue;
                            }
                            float share = gd[out] * inv;
                            for (int i = 0; i < geo.kh(); i++) {
                                int iy = oy * geo.sh() - geo.ph() + i * geo.dh();
                                if (iy < 0 || iy >= h) continue;
                                for (int j = 0; j < geo.kw(); j++) {
                                    int ix = ox * geo.sw() - geo.pw() + j * geo.dw();
                                    if (ix >= 0 && ix < w) dx[base + iy * w + ix] += share;
                                }
                            }
                        }
                    }
                }
            });
            return new Tensor[] {Tensor.of(dx, xs)};
        }, x);
    }
}
