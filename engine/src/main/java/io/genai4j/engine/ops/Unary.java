package io.genai4j.engine.ops;

import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.kernels.VecMath;

/** Elementwise functions y = f(x) with fused derivative kernels for backward. */
public final class Unary {
    private Unary() {}

    /** The functions; see {@link VecMath.Unary} for the formulas. */
    public enum Op { EXP, LOG, SQRT, TANH, SIGMOID, RELU, GELU, GELU_TANH, SILU }

    /** The kernel of each op by ordinal (the two enums list the same functions in the same order). */
    private static final VecMath.Unary[] KERNEL = VecMath.Unary.values();

    public static Tensor apply(Op op, Tensor x) {
        VecMath.Unary f = KERNEL[op.ordinal()];
        Tensor xc = x.contiguous();
        float[] xd = xc.data();
        int n = xc.numel(), off = xc.offset();
        float[] y = new float[n];
        Parallel.forRange(n, Elementwise.GRAIN, (lo, hi) -> VecMath.unary(f, xd, off + lo, y, lo, hi - lo));
        return Tensor.result(y, x.shape(), op.name().toLowerCase(), g -> {
            Tensor gc = g.contiguous();
            float[] gd = gc.data(), gx = new float[n];
            int go = gc.offset();
            Parallel.forRange(n, Elementwise.GRAIN, (lo, hi) ->
                    VecMath.unaryGrad(f, xd, off + lo, y, lo, gd, go + lo, gx, lo, hi - lo));
            return new Tensor[] {Tensor.of(gx, x.shape())};
        }, x);
    }

    /**
     * LeakyReLU: y = x for x &gt; 0, slope·x otherwise; d/dx = 1 or slope (at 0 the slope, as PyTorch).
     * GAN discriminators use it (slope 0.2) so fakes the discriminator rejects still pass a gradient
     * back to the generator.
     */
    public static Tensor leakyRelu(Tensor x, float slope) {
        Tensor xc = x.contiguous();
        float[] xd = xc.data();
        int n = xc.numel(), off = xc.offset();
        float[] y = new float[n];
        Parallel.forRange(n, Elementwise.GRAIN, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                float v = xd[off + i];
                y[i] = v > 0 ? v : slope * v;
            }
        });
        return Tensor.result(y, x.shape(), "leaky_relu", g -> {
            Tensor gc = g.contiguous();
            float[] gd = gc.data(), gx = new float[n];
            int go = gc.offset();
            Parallel.forRange(n, Elementwise.GRAIN, (lo, hi) -> {
                for (int i = lo; i < hi; i++) gx[i] = xd[off + i] > 0 ? gd[go + i] : slope * gd[go + i];
            });
            return new Tensor[] {Tensor.of(gx, x.shape())};
        }, x);
    }

    /** x^p; d/dx = p·x^(p−1). */
    public static Tensor pow(Tensor x, float p) {
        Tensor xc = x.contiguous();
        float[] xd = xc.data();
        int n = xc.numel(), off = xc.offset();
        float[] y = new float[n];
        Parallel.forRange(n, Elementwise.GRAIN, (lo, hi) -> VecMath.pow(xd, off + lo, p, y, lo, hi - lo));
        return Tensor.result(y, x.shape(), "pow", g -> new Tensor[] {g.mul(xc.detach().pow(p - 1f)).mul(p)}, x);
    }
}
