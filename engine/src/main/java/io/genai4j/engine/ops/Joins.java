package io.genai4j.engine.ops;

import io.genai4j.engine.Shape;
import io.genai4j.engine.Tensor;
import io.genai4j.engine.kernels.Strided;
import java.util.Arrays;

/** Concatenate, stack and split. Split returns views; the other two copy once. */
public final class Joins {
    private Joins() {}

    /** Joins tensors along an existing dimension; all other dimensions must match. */
    public static Tensor cat(int dim, Tensor... ts) {
        if (ts.length == 0) throw new IllegalArgumentException("cat needs at least one tensor");
        int rank = ts[0].dim();
        int d = Shape.dim(dim, rank);
        int[] shape = ts[0].shape();
        int total = 0;
        for (Tensor t : ts) {
            int[] s = t.shape();
            if (s.length != rank) throw new IllegalArgumentException("cat: ranks differ: " + Shape.str(shape) + " vs " + Shape.str(s));
            for (int i = 0; i < rank; i++) {
                if (i != d && s[i] != shape[i]) {
                    throw new IllegalArgumentException("cat along " + d + ": shapes " + Shape.str(shape) + " and " + Shape.str(s) + " differ at dimension " + i);
                }
            }
            total += s[d];
        }
        int[] outShape = shape.clone();
        outShape[d] = total;
        Tensor out = Tensor.zeros(outShape);
        int[] os = out.strides();
        int[] starts = new int[ts.length];
        int at = 0;
        for (int i = 0; i < ts.length; i++) {
            starts[i] = at;
            Tensor t = ts[i];
            Strided.copy(t.shape(), t.data(), t.offset(), t.strides(), out.data(), at * os[d], os);
            at += t.size(d);
        }
        return out.attach("cat", g -> {
            Tensor[] grads = new Tensor[ts.length];
            for (int i = 0; i < ts.length; i++) {
                if (ts[i].requiresGrad()) grads[i] = g.narrow(d, starts[i], ts[i].size(d)).contiguous();
            }
            return grads;
        }, ts);
    }

    /** Joins equally shaped tensors along a new dimension. */
    public static Tensor stack(int dim, Tensor... ts) {
        if (ts.length == 0) throw new IllegalArgumentException("stack needs at least one tensor");
        int d = Shape.dim(dim, ts[0].dim() + 1);
        Tensor[] u = new Tensor[ts.length];
        for (int i = 0; i < ts.length; i++) {
            if (!Arrays.equals(ts[i].shape(), ts[0].shape())) {
                throw new IllegalArgumentException("stack: shapes " + Shape.str(ts[0].shape()) + " and " + Shape.str(ts[i].shape()) + " differ");
            }
            u[i] = ts[i].unsqueeze(d);
        }
        return cat(d, u);
    }

    /** Views of consecutive pieces of the given sizes along dim (the sizes must add up). */
    public static Tensor[] split(Tensor x, int dim, int... sizes) {
        int d = Shape.dim(dim, x.dim());
        int sum = 0;
        for (int s : sizes) sum += s;
        if (sum != x.size(d)) throw new IllegalArgumentException("split sizes " + Arrays.toString(sizes) + " do not add up to " + x.size(d));
        Tensor[] out = new Tensor[sizes.length];
        for (int i = 0, at = 0; i < sizes.length; at += sizes[i], i++) out[i] = x.narrow(d, at, sizes[i]);
        return out;
    }
}
