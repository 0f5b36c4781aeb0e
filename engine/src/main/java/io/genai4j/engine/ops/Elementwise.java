package io.genai4j.engine.ops;

import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.kernels.VecMath;
import java.util.Arrays;

/**
 * Binary arithmetic with NumPy broadcasting, scalar affine maps and masked fill. Backward rules
 * reduce gradients over broadcast dimensions ({@link #sumTo}).
 */
public final class Elementwise {
    private Elementwise() {}

    public enum Op { ADD, SUB, MUL, DIV }

    /** The kernel of each op, looked up by ordinal (valueOf(name) per call showed up in profiles). */
    private static final VecMath.Binary[] KERNEL = {VecMath.Binary.ADD, VecMath.Binary.SUB, VecMath.Binary.MUL, VecMath.Binary.DIV};

    /** Elements per parallel chunk: below this, threads cost more than they save. */
    static final int GRAIN = 1 << 15;

    public static Tensor binary(Op op, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast(a.shape(), b.shape());
        float[] out = new float[Shape.numel(shape)];
        compute(KERNEL[op.ordinal()], a, b, shape, out);
        int[] as = a.shape(), bs = b.shape();
        return Tensor.result(out, shape, op.name().toLowerCase(), g -> {
            Tensor ga = null, gb = null;
            boolean needA = a.requiresGrad(), needB = b.requiresGrad();
            switch (op) {
                case ADD -> {
                    if (needA) ga = sumTo(g, as);
                    if (needB) gb = sumTo(g, bs);
                }
                case SUB -> {
                    if (needA) ga = sumTo(g, as);
                    if (needB) gb = sumTo(g.neg(), bs);
                }
                case MUL -> {
                    if (needA) ga = sumTo(g.mul(b), as);
                    if (needB) gb = sumTo(g.mul(a), bs);
                }
                case DIV -> {
                    if (needA) ga = sumTo(g.div(b), as);
                    if (needB) gb = sumTo(g.mul(a).div(b.mul(b)).neg(), bs);
                }
            }
            return new Tensor[] {ga, gb};
        }, a, b);
    }

    /** out (contiguous, of the broadcast shape) = a op b. */
    private static void compute(VecMath.Binary op, Tensor a, Tensor b, int[] shape, float[] out) {
        float[] ad = a.data(), bd = b.data();
        int n = out.length;
        if (a.isContiguous() && b.isContiguous() && (a.numel() == n || a.numel() == 1) && (b.numel() == n || b.numel() == 1)) {
            int as = a.numel() == n ? 1 : 0, bs = b.numel() == n ? 1 : 0;
            int ao = a.offset(), bo = b.offset();
            Parallel.forRange(n, GRAIN, (lo, hi) ->
                    VecMath.binary(op, ad, ao + lo * as, as, bd, bo + lo * bs, bs, out, lo, hi - lo));
            return;
        }
        // General broadcasting: walk rows of the output's last dimension.
        int rank = shape.length;
        int[] sa = broadcastStrides(a, rank, shape), sb = broadcastStrides(b, rank, shape);
        int inner = rank == 0 ? 1 : shape[rank - 1];
        int rows = inner == 0 ? 0 : n / inner;
        int ia = rank == 0 ? 0 : sa[rank - 1], ib = rank == 0 ? 0 : sb[rank - 1];
        Parallel.forRange(rows, Math.max(1, GRAIN / Math.max(inner, 1)), (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int pa = a.offset(), pb = b.offset(), rem = r;
                for (int d = rank - 2; d >= 0; d--) {
                    int i = rem % shape[d];
                    rem /= shape[d];
                    pa += i * sa[d];
                    pb += i * sb[d];
                }
                VecMath.binary(op, ad, pa, ia, bd, pb, ib, out, r * inner, inner);
            }
        });
    }

    /** Strides of t viewed in the broadcast shape: 0 along dimensions it is broadcast over. */
    static int[] broadcastStrides(Tensor t, int rank, int[] shape) {
        int[] ts = t.shape(), st = t.strides();
        int[] s = new int[rank];
        for (int i = 0; i < rank; i++) {
            int j = i - (rank - ts.length);
            s[i] = j < 0 || (ts[j] == 1 && shape[i] != 1) ? 0 : st[j];
        }
        return s;
    }

    /** scale·x + shift. */
    public static Tensor affine(Tensor x, float scale, float shift) {
        Tensor c = x.contiguous();
        float[] xd = c.data();
        int n = c.numel(), off = c.offset();
        float[] out = new float[n];
        Parallel.forRange(n, GRAIN, (lo, hi) -> VecMath.affine(xd, off + lo, scale, shift, out, lo, hi - lo));
        return Tensor.result(out, x.shape(), "affine", g -> new Tensor[] {g.mul(scale)}, x);
    }

    /** Where mask ≠ 0: value; elsewhere x. The mask broadcasts to x's shape and gets no gradient. */
    public static Tensor maskedFill(Tensor x, Tensor mask, float value) {
        int[] shape = x.shape();
        if (!Arrays.equals(Shape.broadcast(shape, mask.shape()), shape)) {
            throw new IllegalArgumentException("mask of shape " + Shape.str(mask.shape()) + " does not broadcast to " + Shape.str(shape));
        }
        // keep = 1 where mask == 0: out = x·keep + value·(1 − keep), computed in one pass.
        Tensor xc = x.contiguous();
        float[] xd = xc.data(), md = mask.data();
        int rank = shape.length;
        int[] sm = broadcastStrides(mask, rank, shape);
        int n = xc.numel();
        float[] out = new float[n];
        float[] keep = new float[n];
        int inner = rank == 0 ? 1 : shape[rank - 1];
        int im = rank == 0 ? 0 : sm[rank - 1];
        int rows = inner == 0 ? 0 : n / inner;
        for (int r = 0; r < rows; r++) {
            int pm = mask.offset(), rem = r;
            for (int d = rank - 2; d >= 0; d--) {
                pm += (rem % shape[d]) * sm[d];
                rem /= shape[d];
            }
            int base = r * inner;
            for (int j = 0; j < inner; j++) {
                boolean masked = md[pm + j * im] != 0f;
                out[base + j] = masked ? value : xd[xc.offset() + base + j];
                keep[base + j] = masked ? 0f : 1f;
            }
        }
        Tensor keepT = Tensor.of(keep, shape);
        return Tensor.result(out, shape, "masked_fill", g -> new Tensor[] {g.mul(keepT), null}, x, mask);
    }

    /** dst += src in place (dst contiguous, same shape): gradient accumulation. */
    public static void addInPlace(Tensor dst, Tensor src) {
        if (!Arrays.equals(dst.shape(), src.shape())) {
            throw new IllegalArgumentException("cannot add " + Shape.str(src.shape()) + " into " + Shape.str(dst.shape()));
        }
        if (!dst.isContiguous()) throw new IllegalStateException("in-place add needs a contiguous destination");
        Tensor s = src.contiguous();
        float[] dd = dst.data(), sd = s.data();
        int doff = dst.offset(), soff = s.offset();
        Parallel.forRange(dst.numel(), GRAIN, (lo, hi) -> VecMath.addInto(sd, soff + lo, dd, doff + lo, hi - lo));
    }

    /** Sums g over the dimensions along which a tensor of the given shape was broadcast to g's shape. */
    public static Tensor sumTo(Tensor g, int[] shape) {
        int[] gs = g.shape();
        if (Arrays.equals(gs, shape)) return g;
        int lead = gs.length - shape.length;
        int[] dims = new int[gs.length];
        int nd = 0;
        for (int i = 0; i < gs.length; i++) {
            int j = i - lead;
            if (j < 0 || (shape[j] == 1 && gs[i] != 1)) dims[nd++] = i;
        }
        Tensor s = nd == 0 ? g : Reductions.sum(g, Arrays.copyOf(dims, nd), true);
        return s.reshape(shape);
    }
}
