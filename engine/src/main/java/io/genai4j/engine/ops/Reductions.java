package io.genai4j.engine.ops;

import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.kernels.VecMath;

/**
 * Sum and max over dimensions. A contiguous input reduced over dimension d is viewed as
 * [outer, n, inner]: with inner = 1 each output is a vector reduction over a row, otherwise rows of
 * length inner are accumulated with vector adds.
 */
public final class Reductions {
    private Reductions() {}

    public static Tensor sumAll(Tensor x) {
        Tensor xc = x.contiguous();
        float[] d = xc.data();
        int n = xc.numel(), off = xc.offset();
        int chunks = Math.max(1, Math.min(Parallel.threads() * 4, n / Elementwise.GRAIN));
        double[] partial = new double[chunks];
        int per = (n + chunks - 1) / chunks;
        Parallel.forRange(chunks, 1, (lo, hi) -> {
            for (int c = lo; c < hi; c++) {
                int s = c * per, e = Math.min(n, s + per);
                if (s < e) partial[c] = VecMath.sum(d, off + s, e - s);
            }
        });
        double total = 0;
        for (double p : partial) total += p;
        int[] shape = x.shape();
        return Tensor.result(new float[] {(float) total}, new int[0], "sum",
                g -> new Tensor[] {Tensor.full(g.item(), shape)}, x);
    }

    /** Sum over the given dimensions. */
    public static Tensor sum(Tensor x, int[] dims, boolean keepDim) {
        int rank = x.dim();
        boolean[] reduce = new boolean[rank];
        for (int d : dims) reduce[Shape.dim(d, rank)] = true;
        int[] inShape = x.shape();
        Tensor cur = x.contiguous();
        float[] data = cur.data();
        int off = cur.offset();
        int[] shape = inShape.clone();
        for (int d = rank - 1; d >= 0; d--) {
            if (!reduce[d]) continue;
            data = sumDim(data, off, shape, d);
            off = 0;
            shape[d] = 1;
        }
        int[] kept = shape;
        int[] outShape = keepDim ? kept : dropOnes(kept, reduce);
        return Tensor.result(data, outShape, "sum", g -> new Tensor[] {g.reshape(kept).expand(inShape).contiguous()}, x);
    }

    private static int[] dropOnes(int[] shape, boolean[] reduce) {
        int n = 0;
        for (boolean r : reduce) if (!r) n++;
        int[] s = new int[n];
        for (int i = 0, j = 0; i < shape.length; i++) if (!reduce[i]) s[j++] = shape[i];
        return s;
    }

    /** Sums contiguous data of the given shape over dimension d. */
    private static float[] sumDim(float[] x, int off, int[] shape, int d) {
        int n = shape[d];
        final int outer = prod(shape, 0, d), in = prod(shape, d + 1, shape.length);
        float[] out = new float[outer * in];
        if (in == 1) {
            Parallel.forRange(outer, Math.max(1, Elementwise.GRAIN / Math.max(n, 1)), (lo, hi) -> {
                for (int o = lo; o < hi; o++) out[o] = VecMath.sum(x, off + o * n, n);
            });
        } else if (outer >= Parallel.threads()) {
            Parallel.forRange(outer, Math.max(1, Elementwise.GRAIN / Math.max(n * in, 1)), (lo, hi) -> {
                for (int o = lo; o < hi; o++) {
                    for (int j = 0; j < n; j++) VecMath.addInto(x, off + (o * n + j) * in, out, o * in, in);
                }
            });
        } else {
            // Few outer blocks (e.g. a bias gradient summed over all rows): split the inner columns.
            Parallel.forRange(in, 256, (lo, hi) -> {
                for (int o = 0; o < outer; o++) {
                    for (int j = 0; j < n; j++) VecMath.addInto(x, off + (o * n + j) * in + lo, out, o * in + lo, hi - lo);
                }
            });
        }
        return out;
    }

    /** Maximum over one dimension; the gradient goes to the first maximal element. */
    public static Tensor max(Tensor x, int dim, boolean keepDim) {
        int rank = x.dim();
        int d = Shape.dim(dim, rank);
        int[] shape = x.shape();
        int n = shape[d];
        if (n == 0) throw new IllegalArgumentException("max over an empty dimension");
        Tensor xc = x.contiguous();
        float[] xd = xc.data();
        int off = xc.offset();
        final int outer = prod(shape, 0, d), in = prod(shape, d + 1, rank);
        float[] out = new float[outer * in];
        int[] arg = new int[outer * in];
        Parallel.forRange(outer, 1, (lo, hi) -> {
            for (int o = lo; o < hi; o++) {
                for (int i = 0; i < in; i++) {
                    int base = off + o * n * in + i;
                    float best = xd[base];
                    int bi = 0;
                    for (int j = 1; j < n; j++) {
                        float v = xd[base + j * in];
                        if (v > best || (Float.isNaN(v) && !Float.isNaN(best))) {
                            best = v;
                            bi = j;
                        }
                    }
                    out[o * in + i] = best;
                    arg[o * in + i] = bi;
                }
            }
        });
        int[] kept = shape.clone();
        kept[d] = 1;
        int[] outShape = keepDim ? kept : dropOnes(kept, oneHot(rank, d));
        return Tensor.result(out, outShape, "max", g -> {
            Tensor gc = g.contiguous();
            float[] gd = gc.data(), gx = new float[outer * n * in];
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < in; i++) gx[(o * n + arg[o * in + i]) * in + i] = gd[gc.offset() + o * in + i];
            }
            return new Tensor[] {Tensor.of(gx, shape)};
        }, x);
    }

    private static int prod(int[] shape, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) p *= shape[i];
        return p;
    }

    private static boolean[] oneHot(int rank, int d) {
        boolean[] b = new boolean[rank];
        b[d] = true;
        return b;
    }

    /** Index of the maximum along the last dimension for every row. */
    public static int[] argmaxLast(Tensor x) {
        Tensor xc = x.contiguous();
        int n = x.size(-1);
        int rows = xc.numel() / Math.max(n, 1);
        float[] d = xc.data();
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            int base = xc.offset() + r * n, best = 0;
            for (int j = 1; j < n; j++) if (d[base + j] > d[base + best]) best = j;
            out[r] = best;
        }
        return out;
    }
}
