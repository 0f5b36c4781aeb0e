package io.genai4j.engine.ops;

import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Gemm;
import io.genai4j.engine.kernels.GemmBackends;
import io.genai4j.engine.kernels.Im2Col;
import io.genai4j.engine.kernels.Parallel;

/**
 * 2-D convolution (cross-correlation, as in PyTorch) over NCHW images via im2col and the blocked
 * GEMM. The patches of the whole batch are unfolded side by side into one column matrix
 * cols [C·kh·kw, N·P] (P = output pixels per image), so each group is a single large product:
 * <pre>
 *   Y_g = W_g · cols_g                         W_g [O/G, C/G·kh·kw],  Y_g [O/G, N·P]
 *   dW_g = dY_g · cols_gᵀ,   db = Σ dY,   dcols_g = W_gᵀ · dY_g   →  col2im  →  dX
 * </pre>
 * The columns are kept from the forward pass for dW (memory for speed: they are the size of the
 * output times kh·kw·C/O).
 */
public final class Convolution {
    private Convolution() {}

    /** x [N, C, H, W], weight [O, C/G, kh, kw], bias [O] or null → [N, O, H', W']. */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, ConvGeometry geo) {
        if (x.dim() != 4 || weight.dim() != 4) {
            throw new IllegalArgumentException("conv2d needs x [N, C, H, W] and weight [O, C/G, kh, kw], got "
                    + Shape.str(x.shape()) + " and " + Shape.str(weight.shape()));
        }
        int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3), o = weight.size(0), gs = geo.groups();
        if (c % gs != 0 || o % gs != 0 || weight.size(1) != c / gs || weight.size(2) != geo.kh() || weight.size(3) != geo.kw()) {
            throw new IllegalArgumentException("conv2d weight " + Shape.str(weight.shape()) + " does not fit " + c + " input channels in "
                    + gs + " groups with a " + geo.kh() + "×" + geo.kw() + " kernel");
        }
        if (bias != null && bias.numel() != o) throw new IllegalArgumentException("conv2d bias has " + bias.numel() + " elements, expected " + o);
        int oh = geo.outH(h), ow = geo.outW(w), p = oh * ow, np = n * p;
        int cg = c / gs, og = o / gs, ckg = cg * geo.kh() * geo.kw();
        Im2Col.Window win = new Im2Col.Window(c, h, w, geo.kh(), geo.kw(), geo.sh(), geo.sw(), geo.ph(), geo.pw(), geo.dh(), geo.dw(), oh, ow);
        Tensor xc = x.contiguous(), wc = weight.contiguous();
        float[] xd = xc.data(), wd = wc.data();
        int xo = xc.offset(), wo = wc.offset(), image = c * h * w;
        float[] cols = new float[c * geo.kh() * geo.kw() * np];
        Parallel.forRange(n, 1, (lo, hi) -> {
            for (int i = lo; i < hi; i++) Im2Col.im2col(win, xd, xo + i * image, cols, i * p, np);
        });
        Gemm gemm = GemmBackends.current();
        float[] yt = new float[o * np];            // [O, N·P]
        for (int g = 0; g < gs; g++) {
            gemm.sgemm(false, false, og, np, ckg, 1f, wd, wo + g * og * ckg, ckg, cols, g * ckg * np, np, 0f, yt, g * og * np, np);
        }
        float[] b = bias == null ? null : bias.contiguous().toArray();
        float[] y = new float[n * o * p];          // [N, O, P]
        Parallel.forRange(n * o, Math.max(1, Elementwise.GRAIN / Math.max(p, 1)), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int i = r / o, ch = r % o;
                float add = b == null ? 0f : b[ch];
                int src = ch * np + i * p, dst = r * p;
                for (int k = 0; k < p; k++) y[dst + k] = yt[src + k] + add;
            }
        });
        int[] xs = x.shape(), ws = weight.shape();
        return Tensor.result(y, new int[] {n, o, oh, ow}, "conv2d", gy -> {
            Tensor gc = gy.contiguous();
            float[] gd = gc.data();
            int go = gc.offset();
            float[] gt = new float[o * np];        // dY as [O, N·P]
            Parallel.forRange(n * o, Math.max(1, Elementwise.GRAIN / Math.max(p, 1)), (lo, hi) -> {
                for (int r = lo; r < hi; r++) System.arraycopy(gd, go + r * p, gt, (r % o) * np + (r / o) * p, p);
            });
            Tensor gx = null, gw = null, gb = null;
            if (weight.requiresGrad()) {
                float[] dw = new float[o * ckg];
                for (int g = 0; g < gs; g++) {
                    gemm.sgemm(false, true, og, ckg, np, 1f, gt, g * og * np, np, cols, g * ckg * np, np, 0f, dw, g * og * ckg, ckg);
                }
                gw = Tensor.of(dw, ws);
            }
            if (bias != null && bias.requiresGrad()) {
                float[] db = new float[o];
                for (int ch = 0; ch < o; ch++) {
                    double s = 0;
                    for (int k = ch * np, end = k + np; k < end; k++) s += gt[k];
                    db[ch] = (float) s;
                }
                gb = Tensor.of(db, bias.shape());
            }
            if (x.requiresGrad()) {
                float[] dcols = new float[cols.length];
                for (int g = 0; g < gs; g++) {
                    gemm.sgemm(true, false, ckg, np, og, 1f, wd, wo + g * og * ckg, ckg, gt, g * og * np, np, 0f, dcols, g * ckg * np, np);
                }
                float[] dx = new float[n * image];
                Parallel.forRange(n, 1, (lo, hi) -> {
                    for (int i = lo; i < hi; i++) Im2Col.col2im(win, dcols, i * p, np, dx, i * image);
                });
                gx = Tensor.of(dx, xs);
            }
            return new Tensor[] {gx, gw, gb};
        }, x, weight, bias);
    }
}
