package io.genai4j.engine.ops;

import io.genai4j.engine.Shape;
import io.genai4j.engine.Storage;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Parallel;
import io.genai4j.engine.kernels.Strided;
import io.genai4j.engine.kernels.VecMath;
import io.genai4j.engine.quant.QuantMatMul;
import io.genai4j.engine.quant.WeightMatrix;
import java.util.Arrays;

/** Embedding lookup, index-select and gather, with scatter-add backward rules. */
public final class Indexing {
    private Indexing() {}

    /** Rows of weight [V, D] at ids, shaped idsShape + [D]. dW scatters gradient rows back. */
    public static Tensor embedding(Tensor weight, int[] ids, int... idsShape) {
        if (weight.dim() != 2) throw new IllegalArgumentException("embedding weight must be 2-D, got " + Shape.str(weight.shape()));
        if (Shape.numel(idsShape) != ids.length) {
            throw new IllegalArgumentException("ids shape " + Shape.str(idsShape) + " does not hold " + ids.length + " ids");
        }
        if (!(weight.storage() instanceof Storage.F32)) {
            // A quantized or memory-mapped table: decode only the rows asked for (no gradient).
            return QuantMatMul.rows(WeightMatrix.of(weight), ids, idsShape);
        }
        int v = weight.size(0), d = weight.size(1);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= v) throw new IllegalArgumentException("token id " + ids[i] + " at position " + i + " is outside the vocabulary [0, " + v + ")");
        }
        Tensor w = weight.contiguous();
        float[] wd = w.data();
        int wo = w.offset();
        float[] out = new float[ids.length * d];
        Parallel.forRange(ids.length, Math.max(1, Elementwise.GRAIN / Math.max(d, 1)), (lo, hi) -> {
            for (int i = lo; i < hi; i++) System.arraycopy(wd, wo + ids[i] * d, out, i * d, d);
        });
        int[] outShape = Arrays.copyOf(idsShape, idsShape.length + 1);
        outShape[idsShape.length] = d;
        return Tensor.result(out, outShape, "embedding", g -> {
            Tensor gc = g.contiguous();
            float[] gd = gc.data(), gw = new float[v * d];
            // Split the embedding columns across threads: repeated ids never race.
            Parallel.forRange(d, 64, (lo, hi) -> {
                for (int i = 0; i < ids.length; i++) VecMath.addInto(gd, gc.offset() + i * d + lo, gw, ids[i] * d + lo, hi - lo);
            });
            return new Tensor[] {Tensor.of(gw, v, d)};
        }, weight);
    }

    /** Slices of x along dim at the given indices (index_select). */
    public static Tensor indexSelect(Tensor x, int dim, int[] index) {
        int d = Shape.dim(dim, x.dim());
        int[] shape = x.shape();
        for (int i : index) {
            if (i < 0 || i >= shape[d]) throw new IllegalArgumentException("index " + i + " out of range for dimension " + d + " of size " + shape[d]);
        }
        int[] outShape = shape.clone();
        outShape[d] = index.length;
        Tensor out = Tensor.zeros(outShape);
        int[] sliceShape = shape.clone();
        sliceShape[d] = 1;
        int[] os = out.strides(), xs = x.strides();
        for (int i = 0; i < index.length; i++) {
            Strided.copy(sliceShape, x.data(), x.offset() + index[i] * xs[d], xs, out.data(), i * os[d], os);
        }
        return out.attach("index_select", g -> {
            Tensor gc = g.contiguous();
            Tensor gx = Tensor.zeros(shape);
            int[] gs = gc.strides(), gxs = gx.strides();
            for (int i = 0; i < index.length; i++) {
                Strided.addTo(sliceShape, gc.data(), gc.offset() + i * gs[d], gs, gx.data(), index[i] * gxs[d], gxs);
            }
            return new Tensor[] {gx};
        }, x);
    }

    /**
     * torch.gather: out[i..] = x[i.. with coordinate dim replaced by index[i..]]. The index has the
     * output's shape (row-major ids in a flat array); every other dimension must fit inside x.
     */
    public static Tensor gather(Tensor x, int dim, int[] index, int... indexShape) {
        int rank = x.dim();
        int d = Shape.dim(dim, rank);
        if (indexShape.length != rank) throw new IllegalArgumentException("gather index must have rank " + rank);
        if (Shape.numel(indexShape) != index.length) throw new IllegalArgumentException("gather index shape does not match its data");
        int[] shape = x.shape();
        for (int i = 0; i < rank; i++) {
            if (i != d && indexShape[i] > shape[i]) {
                throw new IllegalArgumentException("gather index shape " + Shape.str(indexShape) + " exceeds input " + Shape.str(shape) + " at dimension " + i);
            }
        }
        int n = index.length;
        Tensor xc = x.contiguous();
        int[] cs = xc.strides();
        int[] src = new int[n];   // row-major position in x of each gathered element
        int[] is = Shape.contiguousStrides(indexShape);
        for (int p = 0; p < n; p++) {
            int rem = p, pos = 0;
            for (int k = 0; k < rank; k++) {
                int coord = rem / is[k];
                rem %= is[k];
                if (k == d) {
                    coord = index[p];
                    if (coord < 0 || coord >= shape[d]) throw new IllegalArgumentException("gather index " + coord + " out of range for size " + shape[d]);
                }
                pos += coord * cs[k];
            }
            src[p] = pos;
        }
        float[] xd = xc.data(), out = new float[n];
        int xo = xc.offset();
        for (int p = 0; p < n; p++) out[p] = xd[xo + src[p]];
        return Tensor.result(out, indexShape.clone(), "gather", g -> {
            Tensor gc = g.contiguous();
            float[] gd = gc.data(), gx = new float[xc.numel()];
            for (int p = 0; p < n; p++) gx[src[p]] += gd[gc.offset() + p];
            return new Tensor[] {Tensor.of(gx, shape)};
        }, x);
    }
}
